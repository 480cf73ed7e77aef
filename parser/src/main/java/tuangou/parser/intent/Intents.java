package tuangou.parser.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tuangou.parser.match.Lexicon;
import tuangou.parser.quantity.QuantityScanner;
import tuangou.parser.quantity.Token;

/**
 * Decides, before any order is read, whether a free-form message is something other than an
 * order. Residents mix intents in one message, so the message is cut into clauses (at
 * punctuation and spaces) and each clause is judged; the precedence below is the one DESIGN
 * states:
 *
 * <ol>
 *   <li><b>after-sales</b>: a past delivery damaged, missing or short, or a refund or exchange
 *       request ({@code 上次的水饺少了一袋}, {@code 酸奶过期了能退吗}). It goes to the leader, never to
 *       "unknown product";
 *   <li><b>a question about one's own order</b> ({@code 我的豆浆记上了没}, {@code 我水饺接上了吧});
 *   <li><b>a question about products</b> ({@code 豆浆一瓶多少钱啊}, {@code 手抓饼好吃吗});
 *   <li><b>a past-tense story</b> ({@code 上次的面包挺好吃的});
 *   <li><b>the leader's tallies and acknowledgements</b> ({@code 目前统计：…}, {@code 收到@张姐 …});
 *   <li>commands (decided by {@code CommandParser} before this) and finally <b>orders</b>.
 * </ol>
 *
 * <p>None of the first five becomes an order. But a clause that orders wins over the others: a
 * question or condition followed by an order ({@code 有汤圆吗 要两袋}, {@code 有的话来一盒}) is an
 * order, read from its ordering clauses only; a non-order clause is kept only when the ordering
 * clauses name no item and need its item ({@code 上次的面包挺好吃的，这次再来两袋}). A tally or an
 * acknowledgement is decided on the whole message, since it restates orders already counted.
 */
final class Intents {
  /** What a message or clause is when it is not an order. Ordered by precedence. */
  enum NonOrder { AFTER_SALES, OWN_ORDER_QUESTION, PRODUCT_QUESTION, STORY, LEADER_NOTE }

  /** The verdict: a non-order kind, or the text to read as an order (possibly the whole message). */
  record Verdict(NonOrder nonOrder, String orderText) {}

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;!?。~\\s]+|\\.(?!\\d)");
  private static final Pattern PAST = Pattern.compile("上次|上回|上周|上个月|昨天|前天|之前|收到的|拿到的|买的|送来的|到的");
  private static final Pattern DAMAGE = Pattern.compile(
      "坏了|坏的|破了|破的|烂了|烂的|碎了|漏了|压坏|压碎|过期|变质|发霉|臭了|不新鲜|没收到|没拿到|漏发|少发|少给|少送|漏给|发错|给错"
          + "|不够秤|短斤");
  private static final Pattern SHORT = Pattern.compile("少了|缺了|少给|差了");
  /**
   * "卷纸少了一提", "鸡蛋缺了两个": short by an amount is what was delivered, even with no time word; a
   * resident taking off says 少要/少来/减 ("卷纸少要一提").
   */
  private static final Pattern SHORT_BY = Pattern.compile("(少了|缺了|少给了?|少发了?)\\s*[0-9一二两三四五六七八九十半俩仨几]");
  private static final Pattern REFUND = Pattern.compile("退款|退货|能退|可以退|退钱|售后|换货|能换吗|赔");
  private static final Pattern OWN_ORDER = Pattern.compile(
      "(记上|接上|登记|算上|报上|记了|接了|记下)(了)?(没|吗|吧|么|嘛|没有)|有没有(记|接)");
  private static final Pattern QUESTION = Pattern.compile(
      "[?]|吗[哈啊呀]?$|呢$|么$|多少钱|几点|几号|什么时候|啥时候|怎么|有没有|还有没|能不能|可不可以|哪里|为什么"
          + "|是不是|还能接|(.)不\\1");
  /** "是原味的吧", "是吧": a tag question, unless the clause orders or cancels ("来三袋吧", "退掉吧", "水饺两袋吧"). */
  private static final Pattern TAG_QUESTION = Pattern.compile("吧$");
  private static final Pattern STORY = Pattern.compile("上次|上回|上周|昨天|前天|之前|以前");
  /** What was eaten or is left at home ("吐司2袋还没吃完", "一口气吃了2根"): the amount is history, not an order. */
  private static final Pattern EATEN = Pattern.compile("吃了|吃完|吃不完|吃光|还剩|剩下|剩了");
  private static final Pattern CORRECTION = Pattern.compile("^(打错了|写错了|说错了|弄错了|搞错了|更正)");
  private static final Pattern UNCHANGED = Pattern.compile("不变|照旧|不用改|不改");
  private static final Pattern CONDITION = Pattern.compile("有的话|还有的话|的话$|没有就算了|没有就不要了|如果");
  private static final Pattern ORDER_WORD = Pattern.compile(
      "要|来|买|订|留|接|加|帮我|给我|\\+|x|×|\\*|取消|不要|不用了|不需要了|删|退掉|撤|去掉|拿掉|划掉|改|换成|少|减");
  /**
   * A question about an amount ("买2斤够吃吗", "一盒有多少个", "一颗几斤"): the amount written is
   * what the question is about, so an ordering verb before it does not make it an order.
   */
  private static final Pattern AMOUNT_QUESTION = Pattern.compile(
      "够(吃|用|了)?(吗|么|不)|够不够|多少钱|多少个|有多少|多少斤|几斤|几个|几两|多重|多大|大概多|贵不贵|贵吗");
  /** An ordering verb in the present ("要2斤", not "买了2斤"). */
  private static final Pattern ORDERS_NOW = Pattern.compile("(要|来|订|留|买|给我)(?!了|过)");
  /** The leader rallying the group ("水饺还差3袋成团，大家抓紧"): the amount is what is missing. */
  private static final Pattern LEADER_CALL = Pattern.compile("还差.{0,8}成团|就能成团|大家抓紧|抓紧接龙|欢迎接龙|需要的(请)?接龙");
  private static final Pattern TALLY = Pattern.compile(
      "^(目前统计|目前接龙|统计|更新一下|截至目前|截止目前|截至|截止|汇总|小结|已接龙)");
  /** A tally's heading, wherever it starts ("冻品截单前最后统计：", "已有："), before the first item. */
  private static final Pattern HEADING_OVER_ITEMS = Pattern.compile(
      "(统计|汇总|小结|合计|总计|共计|已接龙|接龙情况)|(目前|截至|截止|已有).*:\\s*$");
  /** A heading that orders ("目前先要", "已有的再加") is a resident's, not a tally's. */
  private static final Pattern HEADING_ORDERS = Pattern.compile("要|来|买|订|加|帮|给我|我");
  /** A heading that can only count, closed by a colon: a tally even of one item. */
  private static final Pattern COUNTING_HEADING = Pattern.compile("(统计|汇总|小结|合计|总计|共计)[^,;]*:\\s*$");
  /** "饺子共12袋": a total written after an item. */
  private static final Pattern TOTAL = Pattern.compile("^\\s*(共计|合计|总共|一共|共)\\s*[0-9一二两三四五六七八九十]");
  private static final Pattern ACK = Pattern.compile("^收到|@\\S+\\s*收到|已记上|已记录|已登记|记上了$");

  private Intents() {}

  /**
   * True for the leader's "收到@张姐 水饺2袋 已记上" or "@老周 收到，油条2袋": an acknowledgement names
   * whom it answers, so it is told by the mention ({@code text} still has its leading @names).
   */
  static boolean isAcknowledgement(String text) {
    return text.contains("@") && ACK.matcher(text).find() || NOTED.matcher(text).find();
  }

  /**
   * "目前接龙统计" over a numbered list: the leader's running tally, however much it looks like a chain
   * (a chain's header is "#接龙 …" or "【…接龙】"; a tally's says it counts).
   */
  static boolean isTallyHeading(String firstLine) {
    return TALLY_HEADING.matcher(firstLine.trim()).find();
  }

  /** Not "截止今晚8点", which opens many a headerless chain: only words that say the list is a count. */
  private static final Pattern TALLY_HEADING = Pattern.compile(
      "^(目前(接龙)?统计|接龙统计|统计|汇总|小结|目前接龙|已接龙|更新一下|截至目前|截止目前)");

  /** What only the one who keeps the list says, with or without an @: "好的 已记录 陈姐 草莓2盒", "收到 老王 …". */
  private static final Pattern NOTED = Pattern.compile("已记上|已记录|已登记|^收到[,;!\\s]");

  static Verdict judge(String oneLine, Lexicon lexicon) {
    boolean tally = TALLY.matcher(oneLine).find() && (lexicon == null || lexicon.spans(oneLine).size() >= 2)
        || lexicon != null && isTally(oneLine, lexicon.spans(oneLine))
        || LEADER_CALL.matcher(oneLine).find();
    if (tally || isAcknowledgement(oneLine)) {
      // a tally restates several items already counted; an acknowledgement names whom it answers
      return new Verdict(NonOrder.LEADER_NOTE, null);
    }
    List<int[]> clauses = clauses(oneLine);
    NonOrder strongest = null;
    List<int[]> ordering = new ArrayList<>();
    List<int[]> skipped = new ArrayList<>();
    for (int[] c : clauses) {
      String clause = oneLine.substring(c[0], c[1]);
      NonOrder kind = kindOf(oneLine.substring(c[0], c[2]).trim()); // with its "?", if any
      boolean bareCondition = CONDITION.matcher(clause).find() && !asksFor(clause, lexicon)
          || UNCHANGED.matcher(clause).find();
      if (kind == null && !bareCondition) {
        ordering.add(c);
      } else {
        skipped.add(c);
        if (kind != null && (strongest == null || kind.ordinal() < strongest.ordinal())) {
          strongest = kind;
        }
      }
    }
    // beside a clause that is not an order, an item named with no amount nor verb is what that
    // clause is about ("我的五花肉 1斤记上了没"), not an order of its own
    boolean besideNonOrder = strongest != null;
    boolean orders = ordering.stream().anyMatch(c -> asksFor(oneLine.substring(c[0], c[1]), lexicon)
        && (!besideNonOrder || lexicon == null || carriesOrder(oneLine.substring(c[0], c[1]))));
    if (!orders) {
      return strongest == null ? new Verdict(null, oneLine) : new Verdict(strongest, null);
    }
    if (skipped.isEmpty() || lexicon == null) {
      return new Verdict(null, oneLine);
    }
    boolean namesItem = lexicon == null || ordering.stream()
        .anyMatch(c -> lexicon.namesAny(oneLine.substring(c[0], c[1])) || hasDeal(oneLine.substring(c[0], c[1])));
    if (!namesItem && (strongest == NonOrder.AFTER_SALES || strongest == NonOrder.OWN_ORDER_QUESTION)) {
      return new Verdict(strongest, null); // "我水饺接上了吧？两袋哈": the amount restates, it does not order
    }
    StringBuilder kept = new StringBuilder();
    for (int k = 0; k < clauses.size(); k++) {
      int[] c = clauses.get(k);
      String clause = oneLine.substring(c[0], c[1]);
      boolean about = lexicon != null && lexicon.namesAny(clause)
          && kindOf(oneLine.substring(c[0], c[2]).trim()) != NonOrder.AFTER_SALES;
      // "鸡排5块9一块是吧 来2块": an amount right after a question about an item is that item's
      int[] next = k + 1 < clauses.size() ? clauses.get(k + 1) : null;
      boolean lendsToNext = next != null && ordering.contains(next)
          && !lexicon.namesAny(oneLine.substring(next[0], next[1])) && !hasDeal(oneLine.substring(next[0], next[1]));
      boolean referent = about && (!namesItem || lendsToNext);
      if (ordering.contains(c)) {
        kept.append(oneLine, c[0], c[2]);
      } else if (referent) {
        // "之前买过2盒猕猴桃，这次要3盒": only the item words are lent, the old amount is not ordered
        for (Lexicon.Span s : lexicon.spans(clause)) {
          kept.append(clause, s.start(), s.end()).append(' ');
        }
      }
    }
    return new Verdict(null, kept.toString().trim());
  }

  /**
   * True for the leader's tally in other words than {@link #TALLY}'s openings: several items under a
   * heading that counts ({@code 冻品截单前最后统计：…}, {@code 已有：…}), or several items with a total
   * written after one ({@code 饺子共12袋 牛肉丸8袋}). Someone ordering for a neighbour writes neither.
   */
  private static boolean isTally(String oneLine, List<Lexicon.Span> spans) {
    if (spans.isEmpty()) {
      return false;
    }
    String heading = oneLine.substring(0, spans.get(0).start());
    if (HEADING_ORDERS.matcher(heading).find()) {
      return false;
    }
    if (spans.size() == 1) {
      return COUNTING_HEADING.matcher(heading).find(); // "最后统计：牛肉丸8袋" counts one item
    }
    if (HEADING_OVER_ITEMS.matcher(heading).find()) {
      return true;
    }
    return spans.stream().anyMatch(sp -> TOTAL.matcher(oneLine.substring(sp.end())).find());
  }

  /**
   * The clauses that carry the order, cancellation or change, without the chatter around them
   * ({@code 团长 我的全部取消吧，不好意思临时有事} is {@code 我的全部取消吧}): clauses that name no item,
   * hold no amount and no ordering word are left out, and so are those saying nothing changes
   * ({@code 咸鸭蛋不变}).
   */
  static String core(String oneLine, Lexicon lexicon) {
    StringBuilder kept = new StringBuilder();
    for (int[] c : clauses(oneLine)) {
      String clause = oneLine.substring(c[0], c[1]);
      boolean unchanged = UNCHANGED.matcher(clause).find();
      boolean carries = lexicon.namesAny(clause) || ORDER_WORD.matcher(clause).find()
          || QuantityScanner.scan(clause).stream().anyMatch(t -> t.isQuantity() || t.kind() == Token.Kind.DEAL);
      if ((carries || CORRECTION.matcher(clause).find()) && !unchanged) {
        kept.append(oneLine, c[0], c[2]);
      }
    }
    return kept.length() == 0 ? oneLine : kept.toString().trim();
  }

  /** The kind of a clause that is not an order, or null. */
  static NonOrder kindOf(String clause) {
    boolean past = PAST.matcher(clause).find();
    if (REFUND.matcher(clause).find() || DAMAGE.matcher(clause).find() || (past && SHORT.matcher(clause).find())
        || SHORT_BY.matcher(clause).find()) {
      return NonOrder.AFTER_SALES;
    }
    if (OWN_ORDER.matcher(clause).find()) {
      return NonOrder.OWN_ORDER_QUESTION;
    }
    boolean orderWord = ORDER_WORD.matcher(clause).find();
    boolean orders = ORDERS_NOW.matcher(clause).find() && hasUnitAmount(clause) && !asksAboutAmount(clause);
    if ((QUESTION.matcher(clause).find() || AMOUNT_QUESTION.matcher(clause).find() || (TAG_QUESTION.matcher(clause).find() && !orderWord && !hasUnitAmount(clause))) && !orders) {
      return NonOrder.PRODUCT_QUESTION; // but "有没有苹果要2斤" asks and orders in one breath
    }
    if ((STORY.matcher(clause).find() || EATEN.matcher(clause).find()) && !clause.contains("这次") && !orders) {
      return NonOrder.STORY;
    }
    return null;
  }

  /**
   * True when the clause ends by asking about the amount it names: the question words come after
   * the last amount ("五花肉买2斤够吃吗"), not before an order ("有多少要多少" aside, "有没有苹果要2斤").
   */
  private static boolean asksAboutAmount(String clause) {
    java.util.regex.Matcher m = AMOUNT_QUESTION.matcher(clause);
    int lastQuestion = -1;
    while (m.find()) {
      lastQuestion = m.start();
    }
    if (lastQuestion < 0) {
      return false;
    }
    int lastAmount = -1;
    for (Token t : QuantityScanner.scan(clause)) {
      if (t.isQuantity()) {
        lastAmount = t.start();
      }
    }
    return lastAmount < lastQuestion;
  }

  /** An amount with a unit, a deal number, or an ordering word: what makes a clause order. */
  private static boolean carriesOrder(String clause) {
    return ORDER_WORD.matcher(clause).find() || hasDeal(clause) || hasUnitAmount(clause);
  }

  /** True when a clause asks for something: an amount, a deal number or an ordering word. */
  private static boolean asksFor(String clause, Lexicon lexicon) {
    List<Token> tokens = QuantityScanner.scan(clause);
    boolean amount = tokens.stream().anyMatch(t -> t.isQuantity() || t.kind() == Token.Kind.DEAL);
    if (lexicon == null) {
      return amount || ORDER_WORD.matcher(clause).find();
    }
    return lexicon.namesAny(clause) || tokens.stream().anyMatch(t -> t.kind() == Token.Kind.DEAL
        || t.isQuantity() && (t.kind() != Token.Kind.AMOUNT || !t.quantity().unit().isEmpty()));
  }

  private static boolean hasUnitAmount(String clause) {
    return QuantityScanner.scan(clause).stream().anyMatch(t -> t.isQuantity()
        && (t.kind() != Token.Kind.AMOUNT || !t.quantity().unit().isEmpty()));
  }

  private static boolean hasDeal(String clause) {
    return QuantityScanner.scan(clause).stream().anyMatch(t -> t.kind() == Token.Kind.DEAL);
  }

  /** Clauses as {start, end, end including the separator after it}. */
  private static List<int[]> clauses(String text) {
    List<int[]> out = new ArrayList<>();
    java.util.regex.Matcher m = CLAUSE_BREAK.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(new int[] {at, m.start(), m.end()});
      }
      at = m.end();
    }
    if (at < text.length()) {
      out.add(new int[] {at, text.length(), text.length()});
    }
    return out;
  }
}
