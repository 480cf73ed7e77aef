package tuangou.parser.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tuangou.parser.chain.ChainEntry;
import tuangou.parser.chain.ChainParser;
import tuangou.parser.chain.ChainSnapshot;
import tuangou.parser.command.Command;
import tuangou.parser.command.CommandParser;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.entry.ItemMention;
import tuangou.parser.entry.ParsedEntry;
import tuangou.parser.intent.Interpretation.Chatter;
import tuangou.parser.intent.Interpretation.Intent;
import tuangou.parser.quantity.QuantityScanner;
import tuangou.parser.quantity.Token;
import tuangou.parser.text.TextNormalizer;

/**
 * Decides what a chat message is: a chain copy, a free-form order / cancel / change, a command,
 * or chatter. Never throws on any input. Immutable and thread-safe; build once with
 * {@link #create()}.
 */
public final class MessageInterpreter {
  /**
   * Far longer than any real chat message. A longer text is refused whole rather than cut, so
   * that no order is half-read, and hostile input costs bounded time.
   */
  public static final int MAX_CHARS = 1_000_000;

  private static final Pattern MENTION = Pattern.compile("^(@\\S+\\s+)+");
  private static final Pattern MEDIA = Pattern.compile("^\\[[^\\]\\n]{1,8}\\]$");
  private static final Pattern CANCEL_ALL = Pattern.compile(
      "^(取消|取消订单|订单取消|全部取消|取消全部|都不要了|全不要了|全部不要了|不要了|我的订单取消|取消我的订单)$");
  private static final Pattern CANCEL_PREFIX = Pattern.compile("^(取消|撤销|删掉|删除|退掉|不要)\\s*(.+?)(了|啦)?$");
  private static final Pattern CANCEL_SUFFIX = Pattern.compile("^(.+?)\\s*(不要了|不要啦|不要|取消了|取消|删掉|退掉|算了)$");
  private static final Pattern WHOLE_ORDER = Pattern.compile("^(我|我的|我家|我们|都|全部|所有|全|订单|我的订单)+$");
  private static final Pattern CHANGE = Pattern.compile("(改成|改为|改到|换成|修改为|改)");
  private static final Pattern ORDER_VERB = Pattern.compile("^(我也要|我还要|我要|还要|帮我|给我|要|来|买|订|再来|再加)");
  private static final Pattern QUESTION = Pattern.compile(
      "[?]|吗$|呢$|么$|多少钱|几点|几号|什么时候|啥时候|怎么|有没有|还有没|能不能|可不可以|哪里|为什么|是不是|(.)不\\1");
  private static final Pattern NUMBERED = Pattern.compile("^\\d{1,4}\\s*[.、)](?!\\d)\\s*");

  private final ChainParser chains = ChainParser.create();

  private MessageInterpreter() {}

  public static MessageInterpreter create() {
    return new MessageInterpreter();
  }

  /** What {@code text} is. */
  public Interpretation interpret(String text) {
    String raw = text == null ? "" : text;
    if (raw.length() > MAX_CHARS) {
      return new Chatter(Chatter.Kind.TOO_LONG);
    }
    String t = MENTION.matcher(TextNormalizer.normalize(raw).trim()).replaceFirst("").trim();
    if (t.isEmpty()) {
      return new Chatter(Chatter.Kind.EMPTY);
    }
    if (MEDIA.matcher(t).matches()) {
      return new Chatter(Chatter.Kind.MEDIA);
    }
    Optional<Command> command = CommandParser.parse(t);
    if (command.isPresent()) {
      return new Interpretation.CommandText(command.get());
    }
    Optional<ChainSnapshot> chain = chains.parse(t);
    if (chain.isPresent()) {
      return chainPost(chain.get());
    }
    if (isPriceList(t)) {
      return new Chatter(Chatter.Kind.PRICE_LIST);
    }
    return freeText(t);
  }

  private Interpretation chainPost(ChainSnapshot snapshot) {
    List<ChainEntry> orders = new ArrayList<>();
    for (ChainEntry e : snapshot.entries()) {
      if (!isPriceOnly(e.text())) {
        orders.add(e); // a leader's "1. 云南蓝莓 19.9元/盒" lists a deal, nobody ordered it
      }
    }
    if (orders.isEmpty() && snapshot.headerless()) {
      return new Chatter(Chatter.Kind.PRICE_LIST);
    }
    return new Interpretation.ChainPost(new ChainSnapshot(snapshot.header(), snapshot.description(), orders));
  }

  private Interpretation freeText(String t) {
    String oneLine = t.replace('\n', ' ').trim();
    if (CANCEL_ALL.matcher(oneLine).matches()) {
      return new Interpretation.OrderText(Intent.CANCEL, List.of());
    }
    Matcher prefix = CANCEL_PREFIX.matcher(oneLine);
    Matcher suffix = CANCEL_SUFFIX.matcher(oneLine);
    String cancelled = prefix.matches() ? prefix.group(2) : suffix.matches() ? suffix.group(1) : null;
    if (cancelled != null && WHOLE_ORDER.matcher(cancelled.trim()).matches()) {
      return new Interpretation.OrderText(Intent.CANCEL, List.of()); // "我不要了", "我的都不要了"
    }
    if (cancelled != null) {
      List<ParsedEntry> entries = entries(cancelled, true);
      if (!entries.isEmpty()) {
        return new Interpretation.OrderText(Intent.CANCEL, entries);
      }
    }
    boolean hasVerb = ORDER_VERB.matcher(oneLine).find();
    Matcher change = CHANGE.matcher(oneLine);
    if (change.find()) {
      String rest = (oneLine.substring(0, change.start()) + " " + oneLine.substring(change.end())).trim();
      List<ParsedEntry> entries = entries(rest, false);
      if (!entries.isEmpty()) {
        return new Interpretation.OrderText(Intent.CHANGE, entries);
      }
    }
    if (!hasVerb && QUESTION.matcher(oneLine).find() && !hasMultiplier(oneLine)) {
      return new Chatter(Chatter.Kind.QUESTION);
    }
    List<ParsedEntry> entries = new ArrayList<>();
    for (String line : t.split("\n")) {
      String l = NUMBERED.matcher(line.trim()).replaceFirst("");
      entries.addAll(entries(l, hasVerb || ORDER_VERB.matcher(l).find()));
    }
    if (entries.isEmpty()) {
      return new Chatter(Chatter.Kind.OTHER);
    }
    return new Interpretation.OrderText(Intent.ORDER, entries);
  }

  /** The entry in {@code text} if it asks for something: an amount, a deal number, or a verb. */
  private static List<ParsedEntry> entries(String text, boolean wordsSuffice) {
    if (text.isBlank()) {
      return List.of();
    }
    ParsedEntry entry = EntryParser.parse(text.trim());
    boolean asks = false;
    for (ItemMention m : entry.mentions()) {
      asks |= m.hasExplicitAmount() || m.dealNo() > 0 || (wordsSuffice && !m.product().isEmpty());
    }
    return asks ? List.of(entry) : List.of();
  }

  private static boolean isPriceList(String t) {
    boolean anyPrice = false;
    for (String line : t.split("\n")) {
      List<Token> tokens = QuantityScanner.scan(line);
      boolean price = tokens.stream().anyMatch(k -> k.kind() == Token.Kind.PRICE);
      boolean amount = tokens.stream().anyMatch(Token::isQuantity);
      if (price && amount) {
        return false;
      }
      anyPrice |= price;
    }
    return anyPrice;
  }

  private static boolean isPriceOnly(String entryText) {
    if (!mentionsMoney(entryText)) {
      return false;
    }
    List<Token> tokens = QuantityScanner.scan(entryText);
    return tokens.stream().anyMatch(k -> k.kind() == Token.Kind.PRICE)
        && tokens.stream().noneMatch(Token::isQuantity);
  }

  /** Cheap pre-check before scanning: every price token carries one of these. */
  private static boolean mentionsMoney(String text) {
    return text.indexOf('元') >= 0 || text.indexOf('块') >= 0 || text.indexOf('¥') >= 0
        || text.indexOf('$') >= 0 || text.contains("rmb");
  }

  private static boolean hasMultiplier(String t) {
    return QuantityScanner.scan(t).stream().anyMatch(k -> k.kind() == Token.Kind.MULTIPLIER);
  }
}
