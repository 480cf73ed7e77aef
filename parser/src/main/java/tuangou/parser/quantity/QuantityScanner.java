package tuangou.parser.quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the non-word spans of one normalized entry: amounts, specs, deal numbers, addresses and
 * prices. Everything it does not claim is product words, label or note.
 *
 * <p>The rules that keep room numbers and spec words from becoming quantities: a number glued
 * to a following Han character that is not a unit belongs to a word ({@code 丹东99草莓}); numbers
 * joined by dashes or followed by 楼/栋/单元/室 are addresses, and so is a bare number glued to an
 * address ({@code 5号楼1单元301}); a weight or volume followed by 装 or {@code *N}, or any volume,
 * is a spec.
 */
public final class QuantityScanner {
  private static final String ADDRESS_SUFFIXES = "栋幢座楼层室户门区期院";
  private static final int MAX_AMOUNT_DIGITS = 4;
  /** Words typed straight after an amount that do not make it part of a word ("水豆腐3谢谢团长"). */
  private static final String[] AFTER_AMOUNT = {
      "谢谢", "谢了", "感谢", "多谢", "团长", "麻烦", "辛苦", "哈", "呀", "啊", "吧", "哦", "啦", "呗", "嘛", "就好", "就行",
      "即可", "不要", "要"};

  private QuantityScanner() {}

  /** The tokens of {@code text}, in order, not overlapping. */
  public static List<Token> scan(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      Token t = tokenAt(text, i, tokens);
      if (t == null) {
        i++;
      } else {
        tokens.add(t);
        i = t.end();
      }
    }
    return tokens;
  }

  private static Token tokenAt(String s, int i, List<Token> before) {
    char c = s.charAt(i);
    if (c == '#' && digitAt(s, i + 1)) {
      int end = digitsEnd(s, i + 1);
      return Token.deal(i, end, parseInt(s, i + 1, end));
    }
    if ((c == 'x' || c == '×' || c == '*') && !letterBefore(s, i)) {
      int j = skipSpaces(s, i + 1);
      if (digitAt(s, j) || numeralAt(s, j)) {
        return countAfter(s, i, j, Token.Kind.MULTIPLIER);
      }
    }
    if (c == '+') {
      int j = skipSpaces(s, i + 1);
      boolean separates = (numeralAt(s, j) || digitAt(s, j)) && before.stream().anyMatch(Token::isQuantity)
          && unitAfterNumeral(s, j)
          || digitAt(s, j) && s.startsWith("号", digitsEnd(s, j)); // "#6×5+1号×4": plus, then deal 1
      if ((digitAt(s, j) || numeralAt(s, j)) && !separates) {
        return countAfter(s, i, j, Token.Kind.MULTIPLIER);
      }
    }
    if (c == '¥' || c == '$') {
      int j = skipSpaces(s, i + 1);
      if (digitAt(s, j)) {
        return Token.of(Token.Kind.PRICE, i, priceTail(s, numberEnd(s, j)));
      }
    }
    if (c == '各') {
      int j = skipSpaces(s, i + 1);
      Token inner = digitAt(s, j) ? arabic(s, j, List.of()) : numeralAt(s, j) ? chinese(s, j) : null;
      if (inner != null && inner.kind() == Token.Kind.AMOUNT) {
        return Token.amount(Token.Kind.EACH, i, inner.end(), inner.quantity());
      }
      return Token.amount(Token.Kind.EACH, i, i + 1, Quantity.ONE); // "蓝莓草莓各一" without unit
    }
    if (c == '第' && numeralAt(s, i + 1)) {
      // "第三个来2瓶": a deal number in Chinese numerals, told by the 个/款/号 after it
      int end = i + 1;
      while (end < s.length() && ChineseNumerals.isNumeralChar(s.charAt(end))) {
        end++;
      }
      Optional<BigDecimal> no = ChineseNumerals.parse(s.substring(i + 1, end));
      if (end < s.length() && "个款号".indexOf(s.charAt(end)) >= 0 && no.isPresent() && no.get().scale() <= 0
          && no.get().signum() > 0 && no.get().compareTo(BigDecimal.valueOf(999)) <= 0) {
        return Token.deal(i, end + 1, no.get().intValue());
      }
    }
    if (c == '第' && digitAt(s, i + 1)) {
      int end = digitsEnd(s, i + 1);
      int tail = end < s.length() && "个款号".indexOf(s.charAt(end)) >= 0 ? end + 1 : end;
      return Token.deal(i, tail, parseInt(s, i + 1, end));
    }
    if (s.startsWith("斤半", i) && (i == 0 || !digitOrDotBefore(s, i) && !numeralAt(s, i - 1))) {
      // "菠菜斤半", "五花斤半": everyday speech for 一斤半
      return Token.amount(Token.Kind.AMOUNT, i, i + 2, new Quantity(new BigDecimal("1.5"), "斤"));
    }
    if (digitAt(s, i) && !digitOrDotBefore(s, i)) {
      return arabic(s, i, before);
    }
    if (numeralAt(s, i)) {
      return chinese(s, i);
    }
    return null;
  }

  private static Token countAfter(String s, int start, int numberStart, Token.Kind kind) {
    Token inner = digitAt(s, numberStart) ? arabic(s, numberStart, List.of()) : chinese(s, numberStart);
    if (inner != null && inner.quantity() != null) {
      return Token.amount(kind, start, inner.end(), inner.quantity());
    }
    int end = digitsEnd(s, numberStart);
    if (end > numberStart) {
      return Token.amount(kind, start, end, new Quantity(new BigDecimal(s.substring(numberStart, end)), ""));
    }
    while (end < s.length() && ChineseNumerals.isNumeralChar(s.charAt(end))) {
      end++; // "x两", "+十": a bare Chinese numeral counts the item's own unit
    }
    Optional<BigDecimal> value = ChineseNumerals.parse(s.substring(numberStart, end));
    if (value.isEmpty()) {
      return null;
    }
    return Token.amount(kind, start, end, new Quantity(value.get(), ""));
  }

  private static Token arabic(String s, int i, List<Token> before) {
    int end = numberEnd(s, i);
    Token range = range(s, i, end);
    if (range != null) {
      return range;
    }
    if (end < s.length() && s.charAt(end) == '-' && digitAt(s, end + 1)) {
      int j = end;
      while (j < s.length() && s.charAt(j) == '-' && digitAt(s, j + 1)) {
        j = digitsEnd(s, j + 1);
      }
      return Token.of(Token.Kind.ADDRESS, i, j);
    }
    String number = s.substring(i, end);
    if (s.startsWith("块", end) && moneyBefore(s, i)) {
      return Token.of(Token.Kind.PRICE, i, priceTail(s, cents(s, end + 1))); // "一共才58块": what it cost
    }
    if (s.startsWith("块", end) && !isPriceKuai(s, end)) {
      return withUnit(s, i, end, new BigDecimal(number), "块");
    }
    Optional<String> unit = Units.unitAt(s, end);
    if (unit.isPresent() && unit.get().equals("两") && countUnitAt(s, end + 1)) {
      return null; // "84两瓶": 两 is the numeral of 两瓶, so 84 is a word (84消毒液), not 84 liang
    }
    if (unit.isPresent()) {
      return withUnit(s, i, end, new BigDecimal(number), unit.get());
    }
    if (startsWithAny(s, end, "元", "块", "rmb")) {
      return Token.of(Token.Kind.PRICE, i, priceTail(s, cents(s, end + 1)));
    }
    int perUnit = priceTail(s, end);
    if (perUnit > end) {
      return Token.of(Token.Kind.PRICE, i, perUnit); // "19.9一盒", "25/斤": so much for each unit
    }
    if (end < s.length() && s.charAt(end) == '号') {
      boolean address = end + 1 < s.length() && (ADDRESS_SUFFIXES.indexOf(s.charAt(end + 1)) >= 0
          || s.startsWith("单元", end + 1));
      if (address) {
        return Token.of(Token.Kind.ADDRESS, i, end + 2);
      }
      int room = numberEnd(s, end + 1);
      boolean decimal = s.substring(end + 1, room).indexOf('.') >= 0; // "1号0.5kg": an amount, not a room
      if (room > end + 1 && !decimal && Units.unitAt(s, room).isEmpty() && !s.startsWith("块", room)) {
        return Token.of(Token.Kind.ADDRESS, i, room); // "12号302": building and room, but "3号2份" orders
      }
      return Token.deal(i, end + 1, parseIntSafe(number));
    }
    if (end < s.length() && ADDRESS_SUFFIXES.indexOf(s.charAt(end)) >= 0) {
      return Token.of(Token.Kind.ADDRESS, i, end + 1);
    }
    if (s.startsWith("单元", end)) {
      return Token.of(Token.Kind.ADDRESS, i, end + 2);
    }
    if (gluedToAddress(i, before)) {
      return Token.of(Token.Kind.ADDRESS, i, end);
    }
    boolean glued = end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '.')
        && !startsWithAny(s, end, AFTER_AMOUNT);
    if (glued || number.indexOf('.') < 0 && number.length() > MAX_AMOUNT_DIGITS) {
      return null; // part of a word ("99草莓"), a phone number, a date like "11.23."
    }
    return Token.amount(Token.Kind.AMOUNT, i, end, new Quantity(new BigDecimal(number), ""));
  }

  private static Token chinese(String s, int i) {
    int end = i;
    while (end < s.length() && ChineseNumerals.isNumeralChar(s.charAt(end))) {
      end++;
    }
    Token range = chineseRange(s, i, end);
    if (range != null) {
      return range;
    }
    if (end < s.length() && s.charAt(end) == '块' && !isPriceKuai(s, end)) {
      Optional<BigDecimal> value = ChineseNumerals.parse(s.substring(i, end));
      return value.isPresent() ? withUnit(s, i, end, value.get(), "块") : null;
    }
    if (end - i > 2 && s.startsWith("两半", end - 2) && Units.unitAt(s, end).isEmpty()) {
      // "一两半": one and a half liang (the run of numerals swallowed the unit and the half)
      Optional<BigDecimal> whole = ChineseNumerals.parse(s.substring(i, end - 2));
      if (whole.isPresent()) {
        return Token.amount(Token.Kind.AMOUNT, i, end, new Quantity(whole.get().add(new BigDecimal("0.5")), "两"));
      }
    }
    // "三两" is three liang, "两斤" is two jin: a trailing 两 is the unit when no unit follows it.
    Optional<String> unit = Units.unitAt(s, end);
    if (unit.isEmpty() && end - i > 1 && s.charAt(end - 1) == '两') {
      end--;
      unit = Optional.of("两");
    }
    if (unit.isEmpty() && end - i == 1 && (s.charAt(i) == '俩' || s.charAt(i) == '仨')
        && (end == s.length() || !HanScriptChars.isHanAt(s, end) || countsWhatFollows(s, i))) {
      // "来仨", "香皂俩", "俩土鸡蛋": colloquial counts stand alone, a count of the item's own unit
      return Token.amount(Token.Kind.AMOUNT, i, end, new Quantity(ChineseNumerals.parse(s.substring(i, end)).get(), ""));
    }
    if (unit.isEmpty()) {
      return null; // "三明治", "一起": numerals inside words
    }
    Optional<BigDecimal> value = ChineseNumerals.parse(s.substring(i, end));
    if (value.isEmpty()) {
      return null;
    }
    return withUnit(s, i, end, value.get(), unit.get());
  }

  private static Token withUnit(String s, int start, int unitStart, BigDecimal amount, String unit) {
    int end = unitStart + unit.length();
    if ((Units.isWeight(unit) || Units.isVolume(unit)) && start > 0 && s.charAt(start - 1) == '(') {
      int close = s.startsWith("装)", end) ? end + 1 : end;
      Optional<String> countBefore = start > 1 ? Units.unitAt(s, start - 2) : Optional.empty();
      boolean besideCount = digitAt(s, close + 1) || numeralAt(s, close + 1)
          || countBefore.isPresent() && !Units.isWeight(countBefore.get()) && !Units.isVolume(countBefore.get());
      if (close < s.length() && s.charAt(close) == ')' && besideCount) {
        // "翅中(500g)2盒", "翅中2盒(500g)": beside a count, a weight in brackets is the pack's spec;
        // "五花肉(2斤)" alone is still the amount
        return Token.of(Token.Kind.SPEC, start - 1, close + 1);
      }
    }
    if (end < s.length() && s.charAt(end) == '装') {
      return Token.of(Token.Kind.SPEC, start, s.startsWith("的", end + 1) ? end + 2 : end + 1);
    }
    if (end < s.length() && s.charAt(end) == '的') {
      return Token.of(Token.Kind.SPEC, start, end + 1); // "4两的来6只", "10卷的": describes the item
    }
    if (unit.equals("斤")) {
      Token liang = liangAfter(s, end);
      if (liang != null) {
        // "一斤二两": a compound weight is one amount
        return Token.amount(Token.Kind.AMOUNT, start, liang.end(),
            new Quantity(amount.add(liang.quantity().amount().multiply(new BigDecimal("0.1"))), unit));
      }
    }
    if (Units.isVolume(unit) || (Units.isWeight(unit) && followedByMultiplier(s, end))) {
      int tail = followedByMultiplier(s, end) ? digitsEnd(s, end + 1) : end;
      if (tail > end && countsPacks(s, end + 1, tail)) {
        return Token.of(Token.Kind.SPEC, start, end); // "翅中500g*2盒", "鲜牛奶950ml*2瓶": the spec, then the count
      }
      return Token.of(Token.Kind.SPEC, start, tail);
    }
    Optional<String> per = end < s.length() && s.charAt(end) == '/' ? Units.unitAt(s, end + 1) : Optional.empty();
    int perEnd = per.map(u -> end + 1 + u.length()).orElse(end);
    if (per.isPresent() && (perEnd >= s.length() || !HanScriptChars.isHanAt(s, perEnd))) {
      // "5斤/箱", not "2袋/煎饼1份", nor "4斤/排骨 3斤" where 排 begins the next item's name
      return Token.of(Token.Kind.SPEC, start, Math.min(s.length(), end + 2));
    }
    if (end < s.length() && s.charAt(end) == '半') {
      return Token.amount(Token.Kind.AMOUNT, start, end + 1,
          new Quantity(amount.add(new BigDecimal("0.5")), unit));
    }
    return Token.amount(Token.Kind.AMOUNT, start, end, new Quantity(amount, unit));
  }

  /**
   * "两把芭蕉+十斤红富士", "2斤猪排+2盒柴鸡蛋": after an amount, a plus before an amount with its own
   * unit joins two items; it is not "plus ten" for the item before it.
   */
  private static boolean unitAfterNumeral(String s, int j) {
    int end = j;
    if (digitAt(s, j)) {
      end = numberEnd(s, j);
    } else {
      while (end < s.length() && ChineseNumerals.isNumeralChar(s.charAt(end))) {
        end++;
      }
    }
    return end > j && (Units.unitAt(s, end).isPresent() || s.startsWith("块", end));
  }

  /**
   * "500g*2盒", "950ml×2瓶": a small count followed by a unit that counts packs (not a weight nor a
   * volume) is how many were ordered; "250ml*24" or "250ml*24瓶" stays the spec of one pack.
   */
  private static boolean countsPacks(String s, int digits, int tail) {
    Optional<String> unit = Units.unitAt(s, tail);
    boolean packs = unit.isPresent() && !Units.isWeight(unit.get()) && !Units.isVolume(unit.get())
        || s.startsWith("块", tail);
    return packs && tail - digits <= 2 && parseInt(s, digits, tail) <= MAX_PACKS;
  }

  /** More packs than this after a spec's × are the pack's own contents ("250ml×24瓶"). */
  private static final int MAX_PACKS = 12;

  /**
   * "2-3斤", "2到3斤", "2~3斤": a range cannot be counted, so it is an amount in a unit no item is sold
   * by (the range itself), which the resolver asks about, never a guess and never an address.
   */
  private static Token range(String s, int i, int end) {
    if (end >= s.length() || "-到~".indexOf(s.charAt(end)) < 0 || !digitAt(s, end + 1)) {
      return null;
    }
    int upperEnd = numberEnd(s, end + 1);
    if (end - i > 2 || upperEnd - end - 1 > 2 || (upperEnd < s.length() && s.charAt(upperEnd) == '-')) {
      return null; // "3-1-201", "12-1101": addresses
    }
    Optional<String> unit = s.startsWith("块", upperEnd) ? Optional.of("块") : Units.unitAt(s, upperEnd);
    BigDecimal low = new BigDecimal(s.substring(i, end));
    BigDecimal high = new BigDecimal(s.substring(end + 1, upperEnd));
    if (unit.isEmpty() || low.compareTo(high) >= 0) {
      return null;
    }
    String written = s.substring(i, upperEnd + unit.get().length());
    return Token.amount(Token.Kind.AMOUNT, i, upperEnd + unit.get().length(), new Quantity(high, written));
  }

  /** Digits that open an approximate pair ("两三斤", "三五个"); 一 is left out, since 一两 is one liang. */
  private static final String PAIR_DIGITS = "二两三四五六七八九";

  /**
   * "两三斤", "三五个", "三到五斤": an approximate amount in Chinese numerals, asked like "2-3斤" (see
   * {@link #range}). Two rising single digits, or two numerals joined by 到, then a unit.
   */
  private static Token chineseRange(String s, int i, int end) {
    int upperEnd;
    BigDecimal low;
    BigDecimal high;
    if (end - i == 2 && PAIR_DIGITS.indexOf(s.charAt(i)) >= 0 && PAIR_DIGITS.indexOf(s.charAt(i + 1)) >= 0) {
      low = ChineseNumerals.parse(s.substring(i, i + 1)).orElse(null);
      high = ChineseNumerals.parse(s.substring(i + 1, end)).orElse(null);
      upperEnd = end;
    } else if (end > i && end + 1 < s.length() && s.charAt(end) == '到' && numeralAt(s, end + 1)) {
      upperEnd = end + 1;
      while (upperEnd < s.length() && ChineseNumerals.isNumeralChar(s.charAt(upperEnd))) {
        upperEnd++;
      }
      low = ChineseNumerals.parse(s.substring(i, end)).orElse(null);
      high = ChineseNumerals.parse(s.substring(end + 1, upperEnd)).orElse(null);
    } else {
      return null;
    }
    Optional<String> unit = s.startsWith("块", upperEnd) ? Optional.of("块") : Units.unitAt(s, upperEnd);
    if (low == null || high == null || unit.isEmpty() || low.compareTo(high) >= 0) {
      return null;
    }
    int tokenEnd = upperEnd + unit.get().length();
    return Token.amount(Token.Kind.AMOUNT, i, tokenEnd, new Quantity(high, s.substring(i, tokenEnd)));
  }

  /** "一斤二两": the 两 part after a 斤. */
  private static Token liangAfter(String s, int i) {
    Token next = digitAt(s, i) ? arabic(s, i, List.of()) : numeralAt(s, i) ? chinese(s, i) : null;
    return next != null && next.quantity() != null && next.quantity().unit().equals("两") ? next : null;
  }

  /**
   * 块 is money when cents follow ("3块5", "19块9"), when 钱 does, or when a per-unit follows
   * ("5块一瓶"); otherwise it counts pieces ("豆腐3块").
   */
  private static boolean isPriceKuai(String s, int at) {
    int next = at + 1;
    if (next >= s.length()) {
      return false;
    }
    char c = s.charAt(next);
    if (Character.isDigit(c) || c == '钱' || c == '每') {
      return true;
    }
    if (c == '/') {
      return next + 1 < s.length() && Units.unitAt(s, next + 1).isPresent(); // "5块/斤", not "豆腐2块/马铃薯1斤"
    }
    if (ChineseNumerals.isNumeralChar(c) && c != '半') {
      // "3块5" is money, "5块一瓶" is money per bottle, but "豆腐两块一起拿" is not
      return !(c == '一' && next + 1 < s.length() && !Units.unitAt(s, next + 1).isPresent()
          && s.charAt(next + 1) != '块');
    }
    return false;
  }

  /** A unit that counts things (瓶, 盒, 块), not a weight nor a volume. */
  private static boolean countUnitAt(String s, int i) {
    Optional<String> unit = Units.unitAt(s, i);
    return unit.isPresent() && !Units.isWeight(unit.get()) && !Units.isVolume(unit.get()) || s.startsWith("块", i);
  }

  /** Words that say a sum of money follows: "一共才58块", "总共花了90块". */
  private static final java.util.regex.Pattern MONEY_BEFORE =
      java.util.regex.Pattern.compile("(一共|总共|共计|合计|花了|才|价格|单价)\\s*$");

  private static boolean moneyBefore(String s, int i) {
    return MONEY_BEFORE.matcher(s.substring(Math.max(0, i - 4), i)).find();
  }

  /** After "N块", the cents digit ("3块5"). */
  private static int cents(String s, int i) {
    if (digitAt(s, i)) {
      return digitsEnd(s, i);
    }
    if (numeralAt(s, i) && s.charAt(i) != '一') {
      return i + 1;
    }
    return i;
  }

  private static boolean followedByMultiplier(String s, int i) {
    return i + 1 < s.length() && (s.charAt(i) == '*' || s.charAt(i) == 'x' || s.charAt(i) == '×')
        && digitAt(s, i + 1);
  }

  private static boolean gluedToAddress(int i, List<Token> before) {
    if (before.isEmpty()) {
      return false;
    }
    Token last = before.get(before.size() - 1);
    return last.kind() == Token.Kind.ADDRESS && last.end() == i;
  }

  private static int priceTail(String s, int i) {
    int j = i;
    if (j < s.length() && (s.charAt(j) == '钱')) {
      j++;
    }
    if (j + 1 < s.length() && (s.charAt(j) == '/' || s.charAt(j) == '一' || s.charAt(j) == '每')) {
      if (s.charAt(j + 1) == '块') {
        return j + 2;
      }
      Optional<String> unit = Units.unitAt(s, j + 1);
      if (unit.isPresent()) {
        return j + 1 + unit.get().length();
      }
    }
    return j;
  }

  /**
   * "俩土鸡蛋", "要仨馒头": 俩 and 仨 count the word after them when they open the text or follow a
   * verb or a break; after a pronoun ("我们俩", "他俩") they count people.
   */
  private static boolean countsWhatFollows(String s, int i) {
    if (i == 0) {
      return true;
    }
    char before = s.charAt(i - 1);
    return "要来买订拿加再还就".indexOf(before) >= 0 || !tuangou.parser.text.HanScript.isHan(before);
  }

  private static final class HanScriptChars {
    static boolean isHanAt(String s, int i) {
      return tuangou.parser.text.HanScript.isHan(s.charAt(i)) && Units.unitAt(s, i).isEmpty()
          && "的吧啊呀哈啦了呗".indexOf(s.charAt(i)) < 0;
    }
  }

  private static int numberEnd(String s, int i) {
    int end = digitsEnd(s, i);
    if (end + 1 < s.length() && s.charAt(end) == '.' && Character.isDigit(s.charAt(end + 1))) {
      end = digitsEnd(s, end + 1);
    }
    return end;
  }

  private static int digitsEnd(String s, int i) {
    int j = i;
    while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
      j++;
    }
    return j;
  }

  private static boolean digitAt(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private static boolean numeralAt(String s, int i) {
    return i < s.length() && ChineseNumerals.isNumeralChar(s.charAt(i));
  }

  private static boolean digitOrDotBefore(String s, int i) {
    return i > 0 && (Character.isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.');
  }

  private static boolean letterBefore(String s, int i) {
    return i > 0 && s.charAt(i - 1) < 128 && Character.isLetter(s.charAt(i - 1));
  }

  private static int skipSpaces(String s, int i) {
    int j = i;
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    return j;
  }

  private static boolean startsWithAny(String s, int i, String... prefixes) {
    for (String p : prefixes) {
      if (s.startsWith(p, i)) {
        return true;
      }
    }
    return false;
  }

  private static int parseInt(String s, int from, int to) {
    return parseIntSafe(s.substring(from, to));
  }

  private static int parseIntSafe(String digits) {
    try {
      return digits.length() > 6 ? 0 : Integer.parseInt(digits.replaceAll("\\..*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
