package tuangou.parser.entry;

import java.util.Objects;
import tuangou.parser.quantity.Quantity;

/**
 * One product asked for inside an entry or a free-form message, before matching.
 *
 * @param product the words naming the product; empty when only a deal number or a bare amount
 *     was written ({@code 张三 2} in a one-product chain)
 * @param dealNo the deal number written ({@code 3号}, {@code #3}), or 0
 * @param quantity the amount written, or null when none was (it then defaults to one item unit)
 * @param each true for {@code 蓝莓草莓各1盒}: the amount applies to every product named
 * @param spec spec words written beside the product ({@code 250ml*24}), or empty
 * @param note what the resident added that is neither product nor amount ({@code 不要太熟})
 * @param text the span of the original text this mention came from, for questions and reports
 */
public record ItemMention(String product, int dealNo, Quantity quantity, boolean each, String spec,
    String note, String text) {

  public ItemMention {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(text, "text");
  }

  /** True when an amount, multiplier or deal number was written, not just words. */
  public boolean hasExplicitAmount() {
    return quantity != null;
  }

  public ItemMention withNote(String newNote) {
    return new ItemMention(product, dealNo, quantity, each, spec, newNote, text);
  }

  public ItemMention withProduct(String newProduct) {
    return new ItemMention(newProduct, dealNo, quantity, each, spec, note, text);
  }
}
