package tuangou.parser.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.entry.ItemMention;
import tuangou.parser.entry.ParsedEntry;
import tuangou.parser.intent.Interpretation.Intent;
import tuangou.parser.match.Lexicon;

/**
 * Reads a free-form message that edits the sender's order, clause by clause, with the catalog in
 * hand: a swap ({@code 油条换成手抓饼}: items on both sides of 换成/改成), a new amount
 * ({@code 小笼包改成1袋}), a reduction ({@code 肉粽少要一个}), a correction of the order just
 * placed ({@code 打错了，是3斤}), and plain additions in the same message ({@code 鸡蛋再加一板}).
 */
final class Edits {
  private static final Pattern CHANGE = Pattern.compile("改成|改为|改到|修改为|换成|换为|换|改");
  private static final Pattern REDUCE = Pattern.compile("少要|少来|少拿|少订|减少|减掉|减");
  private static final Pattern CORRECTION = Pattern.compile("^(打错了|写错了|说错了|弄错了|搞错了|不对|更正)");
  private static final Pattern SAME = Pattern.compile(
      "^(同上|同楼上|我也要|我也要一样的|一样的来一份|(跟|和|同)(上面|楼上|上边)一样(的)?|我也来一份|\\+1)$");
  /** "我也要，来3斤", "同上 2份": the order above, in the amount written. */
  private static final Pattern SAME_WITH_AMOUNT = Pattern.compile(
      "^(同上|同楼上|我也要|我也来|(跟|和|同)(上面|楼上|上边)一样(的)?)[,;\\s]*(.+)$");
  /** "不是红富士，是冰糖心": the item just ordered was the wrong one; its amount stays. */
  private static final Pattern NOT_X_BUT_Y = Pattern.compile("^不是(.+?)[,;\\s]*(而是|应该是|是|要的是|要)(.+)$");
  private static final Pattern CANCEL = Pattern.compile("不要了|不要啦|不要(?=$|\\s)|不用了|不需要了|取消|删掉|退掉|去掉|撤掉|撤了");
  /** Words around a cancelling verb that are not the item: "先", "帮我", "一下". */
  private static final Pattern CANCEL_FILLER = Pattern.compile("一下|^(帮我|给我)?(把)?|(先|就|也|帮我|给我)+$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SEPARATOR = Pattern.compile("[,;]");
  /** Words that name the sender's whole order rather than an item: "我的", "全部", "都". */
  private static final Pattern WHOLE_ORDER = Pattern.compile("^(我|我的|我家|都|全部|所有|全|订单|先|就|吧|了)*$");

  private Edits() {}

  /**
   * A message that orders some items and gives up others, each in its own piece
   * ({@code 韭菜一把 香葱两把 香菜不要}, {@code 土豆2斤 小葱不要了 香菜1把}, {@code 上海青不要了 换成菠菜2斤}):
   * the pieces are read one by one, so that neither the cancel swallows the orders nor the cancelled
   * item is ordered. Empty unless a piece cancels an item and another one names an item.
   */
  static Optional<Interpretation.OrderText> mixed(String oneLine, Lexicon lexicon) {
    List<String> pieces = pieces(oneLine, lexicon);
    boolean cancels = false;
    boolean other = false;
    for (String p : pieces) {
      boolean named = lexicon.namesAny(p);
      Matcher cancel = cancelIn(p, lexicon);
      boolean cancelling = cancel != null;
      // "薯片2袋 玉米不用了": a cancel of something not on sale still leaves the order beside it
      cancels |= cancelling && !without(p, cancel).isBlank();
      other |= !cancelling && (named || CHANGE.matcher(p).find());
    }
    return cancels && other ? read(oneLine, lexicon) : Optional.empty();
  }

  /**
   * The clauses of {@code oneLine} (at commas), and within a clause that cancels, its pieces at spaces:
   * a piece that names no item belongs to the piece before it ({@code 香菜 不要}, {@code 土豆 2斤}).
   */
  private static List<String> pieces(String oneLine, Lexicon lexicon) {
    List<String> out = new ArrayList<>();
    for (String clause : SEPARATOR.split(oneLine)) {
      String c = clause.trim();
      if (c.isEmpty()) {
        continue;
      }
      if (!CANCEL.matcher(c).find() && !c.contains("不要")) {
        out.add(c);
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String p : SPACES.split(c)) {
        Matcher cancel = cancelIn(p, lexicon);
        boolean own = lexicon.namesAny(p) || cancel != null && !without(p, cancel).isBlank();
        if (!own && !parts.isEmpty()) {
          parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + p);
        } else {
          parts.add(p);
        }
      }
      out.addAll(parts);
    }
    return out;
  }

  /** "不要香菜" as a piece of an order: 不要 before an item gives it up ("不要太熟" is a note). */
  private static final Pattern LEADING_BUYAO = Pattern.compile("^不要(?!了|啦)");

  /** The cancelling words of {@code piece}, found, or null when it cancels nothing. */
  private static Matcher cancelIn(String piece, Lexicon lexicon) {
    Matcher cancel = CANCEL.matcher(piece);
    if (cancel.find()) {
      return cancel;
    }
    Matcher leading = LEADING_BUYAO.matcher(piece);
    return leading.find() && lexicon.namesAny(piece.substring(leading.end())) ? leading : null;
  }

  /** The edits in {@code oneLine}, or empty when it edits nothing. */
  static Optional<Interpretation.OrderText> read(String oneLine, Lexicon lexicon) {
    if (SAME.matcher(oneLine).matches()) {
      return Optional.of(new Interpretation.OrderText(Intent.SAME_AS_ABOVE,
          List.of(new ParsedEntry("", List.of()))));
    }
    Matcher sameWith = SAME_WITH_AMOUNT.matcher(oneLine);
    if (sameWith.matches()) {
      ItemMention amount = bareAmount(EntryParser.parse(sameWith.group(5).trim(), lexicon));
      if (amount != null) {
        return Optional.of(new Interpretation.OrderText(Intent.SAME_AS_ABOVE,
            List.of(new ParsedEntry("", List.of(amount)))));
      }
    }
    Optional<Interpretation.OrderText> second = secondThought(oneLine, lexicon);
    if (second.isPresent()) {
      return second;
    }
    Optional<Interpretation.OrderText> notButY = notXButY(oneLine, lexicon);
    if (notButY.isPresent()) {
      return notButY;
    }
    Matcher correction = CORRECTION.matcher(oneLine);
    if (correction.find()) {
      String rest = oneLine.substring(correction.end()).replaceFirst("^[\\s,;]*(是|应该是|要)?", "");
      ParsedEntry entry = EntryParser.parse(rest.trim(), lexicon);
      if (!entry.mentions().isEmpty() && entry.mentions().get(0).hasExplicitAmount()) {
        return Optional.of(new Interpretation.OrderText(Intent.CORRECT, List.of(entry)));
      }
      return Optional.empty();
    }
    List<String> pieces = pieces(oneLine, lexicon);
    boolean cancelsAmongOthers = pieces.size() > 1 && pieces.stream().anyMatch(p -> cancelIn(p, lexicon) != null);
    if (!CHANGE.matcher(oneLine).find() && !REDUCE.matcher(oneLine).find() && !cancelsAmongOthers) {
      return Optional.empty(); // "水饺不要了，豆浆3瓶" is read piece by piece too
    }
    List<ParsedEntry> entries = new ArrayList<>();
    List<Intent> intents = new ArrayList<>();
    for (String clause : pieces) {
      String c = clause.trim();
      if (c.isEmpty()) {
        continue;
      }
      Matcher reduce = REDUCE.matcher(c);
      Matcher change = CHANGE.matcher(c);
      Matcher cancel = cancelIn(c, lexicon);
      String given = cancel != null ? CANCEL_FILLER.matcher(without(c, cancel)).replaceAll("").trim() : null;
      if (given != null && WHOLE_ORDER.matcher(given).matches()) {
        entries.add(new ParsedEntry("", List.of())); // "我的不要了，来2袋水饺": everything held so far goes
        intents.add(Intent.CANCEL);
      } else if (given != null) {
        add(entries, intents, Intent.CANCEL, given, lexicon, false);
      } else if (change.find() && c.substring(0, change.start()).isBlank() && !entries.isEmpty()
          && intents.get(intents.size() - 1) == Intent.CANCEL && only(entries.get(entries.size() - 1)) != null
          && only(EntryParser.parse(c.substring(change.end()).trim(), lexicon)) != null) {
        // "水饺不要了，换成馄饨": the item just given up is the one swapped
        ItemMention gone = only(entries.remove(entries.size() - 1));
        intents.remove(intents.size() - 1);
        entries.add(new ParsedEntry("", List.of(gone, only(EntryParser.parse(c.substring(change.end()).trim(), lexicon)))));
        intents.add(Intent.SWAP);
      } else if (reduce.find()) {
        add(entries, intents, Intent.CANCEL, without(c, reduce), lexicon, true);
      } else if (change.reset().find()) {
        String before = c.substring(0, change.start());
        String after = c.substring(change.end());
        List<Lexicon.Span> from = lexicon.spans(before);
        List<Lexicon.Span> to = lexicon.spans(after);
        if (from.size() == 1 && to.size() == 1 && !from.get(0).items().equals(to.get(0).items())) {
          ItemMention gone = only(EntryParser.parse(before.trim(), lexicon));
          ItemMention wanted = only(EntryParser.parse(after.trim(), lexicon));
          if (gone != null && wanted != null) {
            entries.add(new ParsedEntry("", List.of(gone, wanted)));
            intents.add(Intent.SWAP);
            continue;
          }
        }
        add(entries, intents, Intent.CHANGE, without(c, change), lexicon, false);
      } else if (!intents.isEmpty() && intents.get(intents.size() - 1) == Intent.SWAP
          && bareAmount(EntryParser.parse(c, lexicon)) != null) {
        // "蓝莓换成猕猴桃，要1盒": the amount after a swap is the new item's
        ParsedEntry swap = entries.remove(entries.size() - 1);
        ItemMention wanted = swap.mentions().get(1);
        ItemMention amount = bareAmount(EntryParser.parse(c, lexicon));
        entries.add(new ParsedEntry(swap.label(), List.of(swap.mentions().get(0),
            new ItemMention(wanted.product(), wanted.dealNo(), amount.quantity(), wanted.each(), wanted.spec(),
                wanted.note(), wanted.text() + " " + amount.text()))));
      } else {
        add(entries, intents, Intent.ORDER, c, lexicon, false);
      }
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Interpretation.OrderText(intents.get(0), entries, intents));
  }

  private static void add(List<ParsedEntry> entries, List<Intent> intents, Intent intent, String text,
      Lexicon lexicon, boolean amountDefaultsToOne) {
    ParsedEntry entry = EntryParser.parse(text.trim(), lexicon);
    boolean asks = entry.mentions().stream()
        .anyMatch(m -> m.hasExplicitAmount() || m.dealNo() > 0 || lexicon.namesAny(m.product()));
    if (!asks) {
      return;
    }
    if (amountDefaultsToOne) {
      // "肉粽少要" without a number takes one off, not the whole line
      List<ItemMention> ms = entry.mentions().stream().map(m -> m.hasExplicitAmount() ? m
          : new ItemMention(m.product(), m.dealNo(), tuangou.parser.quantity.Quantity.ONE, m.each(), m.spec(),
              m.note(), m.text())).toList();
      entry = new ParsedEntry(entry.label(), ms);
    }
    entries.add(entry);
    intents.add(intent);
  }

  /** "豆浆来一瓶吧，算了还是两瓶": the amount said second replaces the first, in one message. */
  private static Optional<Interpretation.OrderText> secondThought(String oneLine, Lexicon lexicon) {
    Matcher m = SECOND_THOUGHT.matcher(oneLine);
    if (!m.find() || m.start() == 0) {
      return Optional.empty();
    }
    ItemMention first = only(EntryParser.parse(oneLine.substring(0, m.start()).trim(), lexicon));
    ItemMention amount = bareAmount(EntryParser.parse(oneLine.substring(m.end()).trim(), lexicon));
    if (first == null || amount == null || first.product().isEmpty() && first.dealNo() == 0) {
      return Optional.empty();
    }
    ItemMention meant = new ItemMention(first.product(), first.dealNo(), amount.quantity(), first.each(), first.spec(),
        first.note(), first.text());
    return Optional.of(new Interpretation.OrderText(Intent.ORDER, List.of(new ParsedEntry("", List.of(meant)))));
  }

  private static final Pattern SECOND_THOUGHT = Pattern.compile("[,;\\s]+(算了|不对|不了)?[,\\s]*还是(要|来)?");

  /** "不是红富士，是冰糖心": a swap of one item for another, each named alone on its side. */
  private static Optional<Interpretation.OrderText> notXButY(String oneLine, Lexicon lexicon) {
    Matcher m = NOT_X_BUT_Y.matcher(oneLine);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<Lexicon.Span> from = lexicon.spans(m.group(1));
    List<Lexicon.Span> to = lexicon.spans(m.group(3));
    if (from.size() != 1 || to.size() != 1 || from.get(0).items().equals(to.get(0).items())) {
      return Optional.empty();
    }
    ItemMention gone = only(EntryParser.parse(m.group(1).trim(), lexicon));
    ItemMention wanted = only(EntryParser.parse(m.group(3).trim(), lexicon));
    if (gone == null || wanted == null) {
      return Optional.empty();
    }
    return Optional.of(new Interpretation.OrderText(Intent.SWAP, List.of(new ParsedEntry("", List.of(gone, wanted)))));
  }

  /** The one mention of {@code entry} when it is an amount alone: no item, no deal number. */
  private static ItemMention bareAmount(ParsedEntry entry) {
    ItemMention m = only(entry);
    return m != null && m.product().isEmpty() && m.dealNo() == 0 && m.hasExplicitAmount() ? m : null;
  }

  private static ItemMention only(ParsedEntry entry) {
    return entry.mentions().size() == 1 ? entry.mentions().get(0) : null;
  }

  private static String without(String clause, Matcher m) {
    return (clause.substring(0, m.start()) + " " + clause.substring(m.end())).trim();
  }
}
