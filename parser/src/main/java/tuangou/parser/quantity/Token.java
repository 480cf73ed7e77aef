package tuangou.parser.quantity;

/**
 * A span of an entry that is not product words: an amount, a spec, a deal number, an address,
 * a price. {@code [start, end)} indexes the scanned text.
 */
public record Token(Kind kind, int start, int end, Quantity quantity, int dealNo) {

  /** What a span means. */
  public enum Kind {
    /** {@code 2斤}, {@code 两板}, {@code 3}: how much of a product. */
    AMOUNT,
    /** {@code x2}, {@code ×2}, {@code *2}, {@code +1}: a count of the item's unit. */
    MULTIPLIER,
    /** {@code 各1盒}: the amount applies to each product named before it. */
    EACH,
    /** {@code 250ml*24}, {@code 5斤装}: describes the product, not how much of it. */
    SPEC,
    /** {@code 3号}, {@code #3}, {@code 第3个}: the deal number in the day's list. */
    DEAL,
    /** {@code 3-1-201}, {@code 5号楼}, {@code 1单元}: part of the resident's label. */
    ADDRESS,
    /** {@code 19.9元}, {@code ¥20}: a price, never a quantity. */
    PRICE
  }

  public boolean isQuantity() {
    return kind == Kind.AMOUNT || kind == Kind.MULTIPLIER || kind == Kind.EACH;
  }

  static Token of(Kind kind, int start, int end) {
    return new Token(kind, start, end, null, 0);
  }

  static Token amount(Kind kind, int start, int end, Quantity quantity) {
    return new Token(kind, start, end, quantity, 0);
  }

  static Token deal(int start, int end, int dealNo) {
    return new Token(Kind.DEAL, start, end, null, dealNo);
  }
}
