package tuangou.parser.entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tuangou.parser.match.Lexicon;
import tuangou.parser.quantity.Quantity;
import tuangou.parser.quantity.QuantityScanner;
import tuangou.parser.quantity.Token;

/**
 * Splits one normalized entry ({@code 9-901 小周 苹果2斤，香蕉1把}) or free-form order
 * ({@code 我要两斤苹果}) into a label and item mentions. It knows no catalog: whether words name a
 * product is decided later by the matcher.
 *
 * <p>Each amount claims the product words next to it. Words glued to the amount win over words
 * across a space, the words before win over the words after ({@code 苹果2斤要红的}) unless those
 * are glued and the ones before are not ({@code 张三 两斤苹果}). Unclaimed words before the first
 * product are the label; unclaimed words after a product are its note.
 */
public final class EntryParser {
  private static final String STRONG_SEPARATORS = ",;。、/&|:()[]【】<>~!?…—“”\"'";
  private static final List<String> LEADING_VERBS = List.of(
      "那就给我来", "那给我来", "那就来", "那就要", "那我要", "那就", "那来", "那要", "就来", "就要",
      "这次再来", "这次还要", "这次要", "这次来", "这回要", "这回来",
      "我也要", "我还要", "我再要", "还要", "再要", "我要", "帮我留", "给我留", "帮忙留", "帮我", "给我", "留", "我买", "我订", "再来", "再加",
      "要", "来", "买", "订");
  /**
   * Words that address or thank the leader, soften or condition the order ("谢谢🙏", "辛苦团长啦",
   * "有的话来", "还是要"), made only of such words, emoji and punctuation: they are neither label,
   * product nor note.
   */
  private static final java.util.regex.Pattern FILLER = java.util.regex.Pattern.compile(
      "^(?:团长|老板|亲|你好|您好|早上好|晚上好|谢谢|感谢|多谢|麻烦|辛苦|不好意思|好的|算了|还是|有的话|的话|有就|"
          + "就够|就行|就好|即可|吧|哈|哦|啊|呀|啦|了|嗯|呢|哟|呗|~|要|来|[^\\p{L}\\p{N}])+$");
  private static final List<String> TRAILING_VERBS = List.of("再加", "再来", "还要", "再要", "也要");

  private EntryParser() {}

  /** The label and mentions of one normalized entry text, read without a catalog. */
  public static ParsedEntry parse(String text) {
    return parse(text, null);
  }

  /**
   * The label and mentions of one normalized entry text, read with the campaign's items in hand:
   * words that name an item are found first and amounts attach to them; words that name none are
   * label or note. A {@code null} lexicon reads by grammar alone.
   */
  public static ParsedEntry parse(String text, Lexicon lexicon) {
    List<Token> tokens = QuantityScanner.scan(text);
    List<Lexicon.Span> found = lexicon == null ? List.of() : lexicon.spans(text);
    tokens = numeralsOutsideNames(text, tokens, found);
    List<Lexicon.Span> spans = outsideTokens(found, tokens);
    spans = typosOnlyBesideAmounts(text, spans, tokens);
    if (!spans.isEmpty()) {
      tokens = buildingsNotDeals(text, tokens);
    }
    Pieces pieces = Pieces.of(text, tokens, spans);
    List<Piece> list = pieces.list;
    List<MentionBuilder> mentions = new ArrayList<>();

    for (int i = 0; i < list.size(); i++) {
      Piece p = list.get(i);
      if (p.isQuantityAnchor()) {
        MentionBuilder m = claimAround(list, i, mentions, lexicon != null);
        if (m != null) {
          mentions.add(m);
        }
      }
    }
    for (int i = 0; i < list.size(); i++) {
      Piece p = list.get(i);
      if (p.named && !p.consumed) {
        // "鸡蛋一板 酸奶": an item named without an amount is one of its unit, not a note
        p.consumed = true;
        mentions.add(new MentionBuilder(i, 0, null, false, i, null));
      }
    }
    for (int i = 0; i < list.size(); i++) {
      Piece p = list.get(i);
      if (p.isToken(Token.Kind.DEAL) && !p.consumed) {
        p.consumed = true;
        mentions.add(new MentionBuilder(i, p.token.dealNo(), null, false, -1, p));
      }
    }
    if (mentions.isEmpty()) {
      implicitMention(list).ifPresent(mentions::add);
    }
    mentions.sort(Comparator.comparingInt(m -> m.anchorIndex));
    attachSpecsAndNotes(list, mentions);
    String label = label(text, list, mentions);
    List<ItemMention> out = new ArrayList<>();
    for (MentionBuilder m : mentions) {
      out.add(m.build(text, list));
    }
    return new ParsedEntry(label, out);
  }

  /**
   * "N号" in a message that names a product is the resident's building ("12号 豆浆2瓶"); only
   * without a product named is it a deal number ("3号两袋"). "#3" and "第3个" stay deal numbers.
   */
  private static List<Token> buildingsNotDeals(String text, List<Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      boolean building = t.kind() == Token.Kind.DEAL && text.charAt(t.end() - 1) == '号'
          && text.charAt(t.start()) != '第';
      out.add(building ? new Token(Token.Kind.ADDRESS, t.start(), t.end(), null, 0) : t);
    }
    return out;
  }

  /**
   * A homophone is read as an item only beside an amount ("水较2袋", "土逗 3斤", "两袋面保"): elsewhere
   * it is far more often a name in the label ("小龙" sounds like 小笼) than a typo. Spaces between
   * the word and its amount are how many residents type; anything else between them is not.
   */
  private static List<Lexicon.Span> typosOnlyBesideAmounts(String text, List<Lexicon.Span> spans, List<Token> tokens) {
    List<Lexicon.Span> out = new ArrayList<>();
    for (Lexicon.Span s : spans) {
      boolean glued = tokens.stream().anyMatch(t -> t.isQuantity()
          && (onlySpaces(text, s.end(), t.start()) || t.end() == s.start()));
      if (!s.homophone() || glued || listedBeforeEach(text, s, spans, tokens)) {
        out.add(s);
      }
    }
    return out;
  }

  /** "土逗、五化肉各三斤": a typo in the list that 各 counts is beside that amount too. */
  private static boolean listedBeforeEach(String text, Lexicon.Span span, List<Lexicon.Span> spans, List<Token> tokens) {
    for (Token t : tokens) {
      if (t.kind() != Token.Kind.EACH || t.start() < span.end()) {
        continue;
      }
      StringBuilder between = new StringBuilder(text.substring(span.end(), t.start()));
      for (Lexicon.Span other : spans) {
        if (other.start() >= span.end() && other.end() <= t.start()) {
          for (int k = other.start(); k < other.end(); k++) {
            between.setCharAt(k - span.end(), ' ');
          }
        }
      }
      return between.toString().replaceAll("[、,和/&+\\s]", "").isEmpty();
    }
    return false;
  }

  /** Spaces, or an ordering verb ("香造来仨", "牛乃 要俩"), between a word and its amount. */
  private static boolean onlySpaces(String text, int from, int to) {
    return from <= to && BESIDE.matcher(text.substring(from, to)).matches();
  }

  private static final java.util.regex.Pattern BESIDE = java.util.regex.Pattern.compile("\\s*(来|要|再来|还要|再要|再加)?\\s*");

  /**
   * "+五花肉 3斤": a Chinese numeral that begins an item's name is the name, not an amount after
   * the plus. A name spelled right wins; a homophone does not take a numeral away.
   */
  private static List<Token> numeralsOutsideNames(String text, List<Token> tokens, List<Lexicon.Span> spans) {
    if (spans.isEmpty()) {
      return tokens;
    }
    List<Token> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      boolean inName = false;
      for (Lexicon.Span s : spans) {
        if ((!s.homophone() || s.end() > t.end()) && t.start() < s.end() && s.start() < t.end()
            && !Character.isDigit(text.charAt(Math.max(t.start(), s.start())))) {
          inName = true;
        }
      }
      if (!inName) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<Lexicon.Span> outsideTokens(List<Lexicon.Span> spans, List<Token> tokens) {
    List<Lexicon.Span> out = new ArrayList<>();
    for (Lexicon.Span s : spans) {
      boolean overlaps = tokens.stream().anyMatch(t -> t.start() < s.end() && s.start() < t.end());
      if (!overlaps) {
        out.add(s);
      }
    }
    return out;
  }

  private static MentionBuilder claimAround(List<Piece> list, int anchor, List<MentionBuilder> done,
      boolean catalogInHand) {
    Piece a = list.get(anchor);
    a.consumed = true;
    boolean each = a.token.kind() == Token.Kind.EACH;
    int prev = wordBefore(list, anchor);
    int next = wordAfter(list, anchor);
    boolean gluedPrev = prev >= 0 && gluedBetween(list, prev, anchor);
    boolean gluedNext = next >= 0 && list.get(next).start == a.end;
    boolean nextOwnedByLater = next >= 0 && ownedByLaterAmount(list, next);
    boolean prevNamed = prev >= 0 && list.get(prev).named;
    boolean nextNamed = next >= 0 && list.get(next).named && !nextOwnedByLater;
    int product = -1;
    if (prevNamed && (gluedPrev || !nextNamed || !gluedNext)) {
      product = prev;
    } else if (nextNamed) {
      product = next; // "团长给我来两袋水饺": the item named, not the words glued before
    } else if (anyNamed(list) && namedBefore(list, anchor) >= 0) {
      product = namedBefore(list, anchor); // "吵着吃小笼包，来三袋吧": the amount refers back
    } else if (anyNamed(list) && prev >= 0 && !gluedPrev) {
      product = -1; // "12号302 豆浆2瓶": words apart from any amount are label, not product
    } else if (anyNamed(list) && a.token.kind() == Token.Kind.AMOUNT && a.token.quantity().unit().isEmpty()) {
      a.consumed = false;
      a.labelNumber = true;
      return null; // "b座1803 吐司2袋": a bare number beside no item is part of the address
    } else if (prev >= 0 && (gluedPrev || !gluedNext || nextOwnedByLater)) {
      product = prev;
    } else if (next >= 0) {
      product = next;
    }
    int dealFrom = product >= 0 && product < anchor ? product : anchor;
    if (catalogInHand && product >= 0 && !list.get(product).named && dealBefore(list, dealFrom) >= 0) {
      product = -1; // "7号2盒 挑好一点的", "#3 挑大的 2斤": the deal number names the item, the words are a note
    }
    int eachFrom = -1;
    if (each && product == prev && prev >= 0) {
      eachFrom = firstWordOfList(list, prev);
      for (int k = eachFrom; k <= prev; k++) {
        list.get(k).consumedIfWord();
      }
    }
    if (product >= 0) {
      list.get(product).consumed = true;
    }
    int dealAt = dealBefore(list, dealFrom);
    Piece deal = null;
    if (dealAt >= 0) {
      deal = list.get(dealAt);
      deal.consumed = true;
    }
    MentionBuilder m = new MentionBuilder(anchor, deal == null ? 0 : deal.token.dealNo(),
        a.token.quantity(), each, product, deal);
    m.eachFrom = eachFrom;
    m.dealIndex = dealAt;
    if (product < 0 && deal == null && !done.isEmpty()) {
      MentionBuilder last = done.get(done.size() - 1);
      boolean specBeforeName = last.productIndex > last.anchorIndex && onlyWeakBetween(list, last.productIndex, anchor);
      if ((onlyWeakBetween(list, last.anchorIndex, anchor) || specBeforeName) && last.quantity != null) {
        // "1.5kg洗洁精2瓶": likewise when the first amount stood before the product's name
        // "车厘子1kg 2盒": the first amount described the product, the second is how many.
        done.remove(done.size() - 1);
        last.specFromAmount = list.get(last.anchorIndex);
        last.anchorIndex = anchor;
        last.quantity = a.token.quantity();
        return last;
      }
    }
    return m;
  }

  private static boolean anyNamed(List<Piece> list) {
    return list.stream().anyMatch(p -> p.named);
  }

  /** The nearest item word before {@code anchor} that no amount has claimed. */
  private static int namedBefore(List<Piece> list, int anchor) {
    for (int i = anchor - 1; i >= 0; i--) {
      Piece p = list.get(i);
      if (p.named && !p.consumed) {
        return i;
      }
      if (p.isQuantityAnchor()) {
        return -1; // an earlier amount already closed that item
      }
    }
    return -1;
  }

  private static java.util.Optional<MentionBuilder> implicitMention(List<Piece> list) {
    for (int i = list.size() - 1; i >= 0; i--) {
      Piece p = list.get(i);
      if (p.kind == PieceKind.WORD) {
        p.consumed = true;
        return java.util.Optional.of(new MentionBuilder(i, 0, null, false, i, null));
      }
    }
    return java.util.Optional.empty();
  }

  private static void attachSpecsAndNotes(List<Piece> list, List<MentionBuilder> mentions) {
    if (mentions.isEmpty()) {
      return;
    }
    int firstStart = mentions.get(0).firstIndex();
    for (int i = 0; i < list.size(); i++) {
      Piece p = list.get(i);
      boolean spec = p.isToken(Token.Kind.SPEC);
      boolean looseWord = p.kind == PieceKind.WORD && !p.consumed;
      if ((!spec && !looseWord) || (looseWord && i < firstStart)) {
        continue;
      }
      MentionBuilder owner = spec ? specOwner(list, mentions, i) : noteOwner(mentions, i);
      if (owner == null) {
        continue;
      }
      p.consumed = true;
      if (spec) {
        owner.specs.add(p);
      } else {
        owner.notes.add(p);
      }
    }
  }

  private static MentionBuilder specOwner(List<Piece> list, List<MentionBuilder> mentions, int i) {
    for (MentionBuilder m : mentions) {
      if (m.firstIndex() > i && !strongBetween(list, i, m.firstIndex())) {
        return m; // "牛奶250ml*24 1箱": the spec sits between the product and its amount
      }
    }
    return noteOwner(mentions, i);
  }

  private static MentionBuilder noteOwner(List<MentionBuilder> mentions, int i) {
    MentionBuilder owner = null;
    for (MentionBuilder m : mentions) {
      if (m.firstIndex() <= i) {
        owner = m;
      }
    }
    return owner == null ? mentions.get(0) : owner;
  }

  private static String label(String text, List<Piece> list, List<MentionBuilder> mentions) {
    int limit = mentions.isEmpty() ? list.size() : mentions.get(0).firstIndex();
    int from = -1;
    int to = -1;
    for (int i = 0; i < limit; i++) {
      Piece p = list.get(i);
      boolean labelPart = (p.kind == PieceKind.WORD && !p.consumed) || p.isToken(Token.Kind.ADDRESS) || p.labelNumber;
      if (labelPart) {
        if (from < 0) {
          from = p.start;
        }
        to = p.end;
      }
    }
    return from < 0 ? "" : text.substring(from, to).trim();
  }

  private static int wordBefore(List<Piece> list, int anchor) {
    for (int i = anchor - 1; i >= 0; i--) {
      Piece p = list.get(i);
      if (p.kind == PieceKind.WEAK || p.isToken(Token.Kind.SPEC)) {
        continue;
      }
      return p.kind == PieceKind.WORD && !p.consumed ? i : -1;
    }
    return -1;
  }

  private static int wordAfter(List<Piece> list, int anchor) {
    for (int i = anchor + 1; i < list.size(); i++) {
      Piece p = list.get(i);
      if (p.kind == PieceKind.WEAK || p.isToken(Token.Kind.SPEC)) {
        continue;
      }
      return p.kind == PieceKind.WORD && !p.consumed ? i : -1;
    }
    return -1;
  }

  private static boolean ownedByLaterAmount(List<Piece> list, int word) {
    int i = word + 1;
    while (i < list.size() && list.get(i).isToken(Token.Kind.SPEC)) {
      i++;
    }
    return i < list.size() && list.get(i).isQuantityAnchor() && gluedBetween(list, word, i);
  }

  private static boolean gluedBetween(List<Piece> list, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (!list.get(i).isToken(Token.Kind.SPEC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyWeakBetween(List<Piece> list, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (list.get(i).kind != PieceKind.WEAK) {
        return false;
      }
    }
    return true;
  }

  private static boolean strongBetween(List<Piece> list, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (list.get(i).kind == PieceKind.STRONG) {
        return true;
      }
    }
    return false;
  }

  private static int dealBefore(List<Piece> list, int index) {
    for (int i = index - 1; i >= 0; i--) {
      Piece p = list.get(i);
      if (p.kind == PieceKind.WEAK) {
        continue;
      }
      return p.isToken(Token.Kind.DEAL) && !p.consumed ? i : -1;
    }
    return -1;
  }

  /** For 各: the run of words joined by 、/和/spaces that ends at {@code last}. */
  private static int firstWordOfList(List<Piece> list, int last) {
    int first = last;
    boolean named = list.get(last).named; // then the list is of item names: a name before it is the label
    for (int i = last - 1; i >= 0; i--) {
      Piece p = list.get(i);
      if (named && p.kind == PieceKind.WORD && !p.named) {
        break;
      }
      if (p.kind == PieceKind.WORD && !p.consumed) {
        first = i;
      } else if (p.kind != PieceKind.WEAK && p.kind != PieceKind.STRONG) {
        break;
      }
    }
    return first;
  }

  private enum PieceKind { WORD, TOKEN, WEAK, STRONG }

  private static final class Piece {
    final PieceKind kind;
    final int start;
    final int end;
    final Token token;
    /** True for words the lexicon found naming an item. */
    final boolean named;
    boolean consumed;
    /** A bare number that turned out to be part of the label ({@code b座1803}). */
    boolean labelNumber;

    Piece(PieceKind kind, int start, int end, Token token) {
      this(kind, start, end, token, false);
    }

    Piece(PieceKind kind, int start, int end, Token token, boolean named) {
      this.kind = kind;
      this.start = start;
      this.end = end;
      this.token = token;
      this.named = named;
    }

    boolean isToken(Token.Kind k) {
      return kind == PieceKind.TOKEN && token.kind() == k;
    }

    boolean isQuantityAnchor() {
      return kind == PieceKind.TOKEN && token.isQuantity();
    }

    void consumedIfWord() {
      if (kind == PieceKind.WORD) {
        consumed = true;
      }
    }
  }

  private static final class Pieces {
    final List<Piece> list = new ArrayList<>();
    private List<Lexicon.Span> spans = List.of();

    static Pieces of(String text, List<Token> tokens, List<Lexicon.Span> spans) {
      Pieces pieces = new Pieces();
      pieces.spans = spans;
      int pos = 0;
      for (Token t : tokens) {
        pieces.gap(text, pos, t.start());
        pieces.list.add(new Piece(PieceKind.TOKEN, t.start(), t.end(), t));
        pos = t.end();
      }
      pieces.gap(text, pos, text.length());
      return pieces;
    }

    private void gap(String text, int from, int to) {
      int i = from;
      while (i < to) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\n' || c == '-' || c == '_' || c == '=') {
          int j = i;
          while (j < to && " \n-_=".indexOf(text.charAt(j)) >= 0) {
            j++;
          }
          list.add(new Piece(PieceKind.WEAK, i, j, null));
          i = j;
        } else if (STRONG_SEPARATORS.indexOf(c) >= 0 || c == '+' || c == '和' && isJoiner(text, i)) {
          list.add(new Piece(PieceKind.STRONG, i, i + 1, null));
          i++;
        } else {
          int j = i;
          while (j < to && !isBreak(text, j)) {
            j++;
          }
          namedWords(text, i, j);
          i = j;
        }
      }
    }

    /** Splits a word at the item names inside it ({@code 3-1-201张姐}, {@code 汤圆哈}). */
    private void namedWords(String text, int from, int to) {
      int at = from;
      for (Lexicon.Span s : spans) {
        if (s.start() >= from && s.end() <= to) {
          if (s.start() > at) {
            word(text, at, s.start());
          }
          list.add(new Piece(PieceKind.WORD, s.start(), s.end(), null, true));
          at = s.end();
        }
      }
      if (at < to) {
        word(text, at, to);
      }
    }

    private void word(String text, int from, int to) {
      int start = from;
      int end = to;
      for (String verb : LEADING_VERBS) {
        if (text.startsWith(verb, start)) {
          list.add(new Piece(PieceKind.WEAK, start, start + verb.length(), null));
          start += verb.length();
          break;
        }
      }
      int tailVerbStart = end;
      for (String verb : TRAILING_VERBS) {
        if (end - start > verb.length() && text.startsWith(verb, end - verb.length())) {
          tailVerbStart = end - verb.length();
          break;
        }
      }
      if (start < tailVerbStart) {
        boolean filler = FILLER.matcher(text.substring(start, tailVerbStart)).matches();
        list.add(new Piece(filler ? PieceKind.WEAK : PieceKind.WORD, start, tailVerbStart, null));
      }
      if (tailVerbStart < end) {
        list.add(new Piece(PieceKind.WEAK, tailVerbStart, end, null));
      }
    }

    private static boolean isBreak(String text, int i) {
      char c = text.charAt(i);
      return " \n-_=+".indexOf(c) >= 0 || STRONG_SEPARATORS.indexOf(c) >= 0
          || (c == '和' && isJoiner(text, i));
    }

    /** 和 joins two products ("蓝莓和草莓各1盒") but is also part of names ("和田枣"). */
    private static boolean isJoiner(String text, int i) {
      return i > 0 && i + 1 < text.length() && !text.startsWith("和田", i)
          && !text.startsWith("和牛", i);
    }
  }

  private static final class MentionBuilder {
    int anchorIndex;
    final int dealNo;
    Quantity quantity;
    final boolean each;
    final int productIndex;
    final Piece deal;
    int eachFrom = -1;
    /** Where the deal number written before the item or amount is, or -1. */
    int dealIndex = -1;
    Piece specFromAmount;
    final List<Piece> specs = new ArrayList<>();
    final List<Piece> notes = new ArrayList<>();

    MentionBuilder(int anchorIndex, int dealNo, Quantity quantity, boolean each, int productIndex,
        Piece deal) {
      this.anchorIndex = anchorIndex;
      this.dealNo = dealNo;
      this.quantity = quantity;
      this.each = each;
      this.productIndex = productIndex;
      this.deal = deal;
    }

    int firstIndex() {
      int first = anchorIndex;
      if (productIndex >= 0) {
        first = Math.min(first, eachFrom >= 0 ? eachFrom : productIndex);
      }
      return dealIndex >= 0 ? Math.min(first, dealIndex) : first;
    }

    ItemMention build(String text, List<Piece> list) {
      int from = list.get(anchorIndex).start;
      int to = list.get(anchorIndex).end;
      String product = "";
      if (productIndex >= 0) {
        Piece p = list.get(productIndex);
        int productFrom = eachFrom >= 0 ? list.get(eachFrom).start : p.start;
        product = each && eachFrom >= 0 ? text.substring(productFrom, p.end) : text.substring(p.start, p.end);
        from = Math.min(from, productFrom);
        to = Math.max(to, p.end);
      }
      if (deal != null) {
        from = Math.min(from, deal.start);
        to = Math.max(to, deal.end);
      }
      StringBuilder spec = new StringBuilder();
      if (specFromAmount != null) {
        spec.append(text, specFromAmount.start, specFromAmount.end);
        from = Math.min(from, specFromAmount.start);
      }
      for (Piece s : specs) {
        if (spec.length() > 0) {
          spec.append(' ');
        }
        spec.append(text, s.start, s.end);
        from = Math.min(from, s.start);
        to = Math.max(to, s.end);
      }
      StringBuilder note = new StringBuilder();
      for (Piece n : notes) {
        if (note.length() > 0) {
          note.append(' ');
        }
        note.append(text, n.start, n.end);
      }
      return new ItemMention(product.trim(), dealNo, quantity, each, spec.toString(),
          note.toString(), text.substring(from, to).trim());
    }
  }
}
