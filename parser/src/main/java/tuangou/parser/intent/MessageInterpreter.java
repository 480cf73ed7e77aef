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
import tuangou.parser.match.Lexicon;
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
  /** "取消香蕉", "帮我取消一下番茄": who is asked may come first, 一下 after the verb. */
  private static final Pattern CANCEL_PREFIX = Pattern.compile(
      "^(?:(?:麻烦|请)?(?:你|您|团长)?(?:帮我|给我|帮忙|替我))?(取消|撤销|删掉|删除|退掉|不要)(?:一下)?\\s*(.+?)(了|啦)?$");
  /** The verb may be softened: "取消一下", "撤了", "去掉吧" (吧, 哈 go with politeness first). */
  private static final Pattern CANCEL_SUFFIX = Pattern.compile(
      "^(.+?)\\s*(不要了|不要啦|不要|不用了|不用啦|不需要了|取消了|取消|删掉|删了|删除|退掉|退了|算了|撤销|撤掉|撤了|撤下|去掉|拿掉|划掉)(掉)?(一下|下)?(了|啦)?$");
  /** Who is asked and how, around the item cancelled: "帮我把土豆取消一下", "姜先不要了", "番茄帮我撤了". */
  private static final Pattern CANCEL_LEAD = Pattern.compile("^(一下)?(麻烦|请)?(你|您|团长)?(帮我|给我|帮忙|替我)?(把|将)?");
  private static final Pattern CANCEL_TRAIL = Pattern.compile("(先|就|还是|也|暂时|帮我|给我|帮忙|一下)+$");
  private static final Pattern WHOLE_ORDER = Pattern.compile("^(我|我的|我家|我们|都|全部|所有|全|订单|我的订单|先|也|就)+$");
  private static final Pattern CHANGE = Pattern.compile("(改成|改为|改到|换成|修改为|改)");
  private static final Pattern ORDER_VERB = Pattern.compile("^(我也要|我还要|我要|还要|帮我|给我|要|来|买|订|再来|再加)");
  private static final Pattern QUESTION = Pattern.compile(
      "[?]|吗$|呢$|么$|多少钱|几点|几号|什么时候|啥时候|怎么|有没有|还有没|能不能|可不可以|哪里|为什么|是不是|(.)不\\1");
  private static final Pattern ADDRESS = Pattern.compile("\\d+-\\d+|\\d+\\s*(栋|幢|号楼|楼|单元|室|座)");
  /** A change or a cancellation beside another clause: "大米改成2袋，鱼头不要了", "水饺不要了，豆浆3瓶". */
  private static final Pattern MULTI_CLAUSE_EDIT = Pattern.compile(
      "[,;].*(改|换|不要了|不要啦|取消|删掉|退掉)|(改|换|不要了|不要啦|取消|删掉|退掉).*[,;]\\s*\\S");
  private static final Pattern NUMBERED = Pattern.compile("^\\d{1,4}\\s*[.、)](?!\\d)\\s*");

  private final ChainParser chains = ChainParser.create();

  private MessageInterpreter() {}

  public static MessageInterpreter create() {
    return new MessageInterpreter();
  }

  /** What {@code text} is, read by grammar alone (no campaign at hand). */
  public Interpretation interpret(String text) {
    return interpret(text, null);
  }

  /**
   * What {@code text} is, read with the campaign's items in hand: words that name items are found
   * first, so that chatter around them stays chatter.
   */
  public Interpretation interpret(String text, Lexicon lexicon) {
    String raw = text == null ? "" : text;
    if (raw.length() > MAX_CHARS) {
      return new Chatter(Chatter.Kind.TOO_LONG);
    }
    String withMentions = TextNormalizer.normalize(raw).trim();
    String t = MENTION.matcher(withMentions).replaceFirst("").trim();
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
    int firstBreak = t.indexOf('\n');
    if (firstBreak > 0 && Intents.isTallyHeading(t.substring(0, firstBreak))) {
      return new Chatter(Chatter.Kind.LEADER_NOTE); // "目前接龙统计\n1. 陈姐 草莓2盒 …" restates the chain
    }
    Optional<ChainSnapshot> chain = chains.parse(t);
    if (chain.isPresent()) {
      return chainPost(chain.get());
    }
    if (Intents.isAcknowledgement(withMentions.length() > 500 ? "" : withMentions)) {
      return new Chatter(Chatter.Kind.LEADER_NOTE);
    }
    if (isPriceList(t)) {
      return new Chatter(Chatter.Kind.PRICE_LIST);
    }
    return freeText(t, lexicon);
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

  private Interpretation freeText(String text, Lexicon lexicon) {
    Intents.Verdict verdict = Intents.judge(text.replace('\n', ' ').trim(), lexicon);
    if (verdict.nonOrder() != null) {
      return new Chatter(switch (verdict.nonOrder()) {
        case AFTER_SALES -> Chatter.Kind.AFTER_SALES;
        case OWN_ORDER_QUESTION -> Chatter.Kind.ORDER_QUESTION;
        case PRODUCT_QUESTION -> Chatter.Kind.QUESTION;
        case STORY -> Chatter.Kind.STORY;
        case LEADER_NOTE -> Chatter.Kind.LEADER_NOTE;
      });
    }
    String t = verdict.orderText().equals(text.replace('\n', ' ').trim()) ? text : verdict.orderText();
    String oneLine = Politeness.strip(lexicon == null ? t.replace('\n', ' ').trim()
        : Intents.core(t.replace('\n', ' ').trim(), lexicon));
    if (lexicon != null && MULTI_CLAUSE_EDIT.matcher(oneLine).find()) {
      // "大米改成2袋，鱼头不要了": each clause does its own thing, so read clause by clause first
      Optional<Interpretation.OrderText> edits = Edits.read(oneLine, lexicon);
      if (edits.isPresent()) {
        return edits.get();
      }
    }
    if (CANCEL_ALL.matcher(oneLine).matches()) {
      return new Interpretation.OrderText(Intent.CANCEL, List.of());
    }
    if (lexicon != null) {
      Optional<Interpretation.OrderText> mixed = Edits.mixed(oneLine, lexicon);
      if (mixed.isPresent()) {
        return mixed.get(); // "韭菜一把 香葱两把 香菜不要": the cancel is one piece, not the message
      }
    }
    Matcher prefix = CANCEL_PREFIX.matcher(oneLine);
    Matcher suffix = CANCEL_SUFFIX.matcher(oneLine);
    String cancelled = prefix.matches() ? prefix.group(2) : suffix.matches() ? suffix.group(1) : null;
    if (cancelled != null && !WHOLE_ORDER.matcher(cancelled.trim()).matches()) {
      cancelled = CANCEL_TRAIL.matcher(CANCEL_LEAD.matcher(cancelled.trim()).replaceFirst("")).replaceFirst("").trim();
      if (cancelled.isEmpty()) {
        return new Interpretation.OrderText(Intent.CANCEL, List.of()); // "帮我取消一下"
      }
    }
    if (cancelled != null && WHOLE_ORDER.matcher(cancelled.trim()).matches()) {
      return new Interpretation.OrderText(Intent.CANCEL, List.of()); // "我不要了", "我的都不要了"
    }
    if (cancelled != null) {
      List<ParsedEntry> entries = entries(cancelled, true, lexicon);
      if (!entries.isEmpty()) {
        return new Interpretation.OrderText(Intent.CANCEL, entries);
      }
    }
    boolean hasVerb = ORDER_VERB.matcher(oneLine).find();
    if (lexicon != null) {
      Optional<Interpretation.OrderText> edits = Edits.read(oneLine, lexicon);
      if (edits.isPresent()) {
        return edits.get();
      }
    }
    Matcher change = CHANGE.matcher(oneLine);
    if (change.find()) {
      String rest = (oneLine.substring(0, change.start()) + " " + oneLine.substring(change.end())).trim();
      List<ParsedEntry> entries = entries(rest, false, lexicon);
      if (!entries.isEmpty()) {
        return new Interpretation.OrderText(Intent.CHANGE, entries);
      }
    }
    if (lexicon == null && !hasVerb && QUESTION.matcher(oneLine).find() && !hasMultiplier(oneLine)) {
      return new Chatter(Chatter.Kind.QUESTION);
    }
    List<ParsedEntry> entries = new ArrayList<>();
    for (String line : t.split("\n")) {
      String l = NUMBERED.matcher(line.trim()).replaceFirst("");
      entries.addAll(entries(l, hasVerb || ORDER_VERB.matcher(l).find(), lexicon));
    }
    if (entries.isEmpty()) {
      return new Chatter(Chatter.Kind.OTHER);
    }
    return new Interpretation.OrderText(Intent.ORDER, entries);
  }

  /** The entry in {@code text} if it asks for something: an amount, a deal number, or a verb. */
  private static List<ParsedEntry> entries(String text, boolean wordsSuffice, Lexicon lexicon) {
    if (text.isBlank()) {
      return List.of();
    }
    ParsedEntry entry = EntryParser.parse(text.trim(), lexicon);
    boolean asks = false;
    if (lexicon != null && !wordsSuffice) {
      // "酸奶", "鸡蛋一板 酸奶" order; "苹果真好吃", "我的苹果还没到" only talk about an item
      boolean amounts = entry.mentions().stream().anyMatch(m -> m.hasExplicitAmount() || m.dealNo() > 0);
      boolean bare = entry.label().isEmpty() && entry.mentions().stream().allMatch(m -> m.note().isEmpty());
      // "Linda 2-1-302 垃圾袋", "9栋302 番茄+金菇 要新鲜的": who and where, then the items: an order
      boolean addressed = ADDRESS.matcher(entry.label()).find();
      wordsSuffice = amounts || bare || addressed;
    }
    for (ItemMention m : entry.mentions()) {
      // with the catalog in hand, words that name no item ("谢谢团长👍") ask for nothing by themselves
      // an item's own one-character alias (姜 of 生姜) names it only where words alone suffice
      boolean named = lexicon == null ? !m.product().isEmpty()
          : lexicon.namesAny(m.product()) || wordsSuffice && lexicon.isShortName(m.product());
      asks |= m.hasExplicitAmount() || m.dealNo() > 0 || (wordsSuffice && named);
    }
    List<Lexicon.Span> typos = !asks && lexicon != null && ADDRESS.matcher(entry.label()).find()
        ? lexicon.spans(text).stream().filter(Lexicon.Span::homophone).toList() : List.of();
    if (!typos.isEmpty()) {
      // "9栋302 Amy 豆付 金针姑": typos of items with no amount, after an address; not read as items
      // (a homophone alone is more often a name), but asked about with their words rather than dropped
      String words = text.substring(typos.get(0).start(), typos.get(typos.size() - 1).end());
      return List.of(new ParsedEntry(entry.label(), List.of(new ItemMention("", 0, null, false, "", "", words))));
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

  /** "（30枚）" after a price describes the unit sold, it is not an amount ordered. */
  private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)");

  private static boolean isPriceOnly(String entryText) {
    if (!mentionsMoney(entryText)) {
      return false;
    }
    List<Token> tokens = QuantityScanner.scan(BRACKETED.matcher(entryText).replaceAll(" "));
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
