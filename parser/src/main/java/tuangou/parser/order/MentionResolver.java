package tuangou.parser.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tuangou.parser.CatalogItem;
import tuangou.parser.entry.ItemMention;
import tuangou.parser.entry.ParsedEntry;
import tuangou.parser.match.Lexicon;
import tuangou.parser.match.MatchResult;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.quantity.Quantity;
import tuangou.parser.quantity.Units;
import tuangou.parser.text.TextNormalizer;

/**
 * Turns the mentions of a parsed entry into order lines against one campaign's items: matches
 * products, converts quantities into each item's unit, and reports what it cannot resolve.
 * Immutable and thread-safe.
 */
public final class MentionResolver {
  private final ProductIndex index;

  public MentionResolver(ProductIndex index) {
    this.index = index;
  }

  public ProductIndex index() {
    return index;
  }

  /**
   * Resolves {@code entry}.
   *
   * @param chainProduct the product of a one-product chain: entries that name no product order it
   */
  public Resolution resolve(ParsedEntry entry, Optional<CatalogItem> chainProduct) {
    String label = entry.label();
    List<ResolvedLine> lines = new ArrayList<>();
    List<UnresolvedMention> unresolved = new ArrayList<>();
    for (ItemMention m : entry.mentions()) {
      Items found = items(m, chainProduct);
      if (found.unresolved != null) {
        unresolved.add(found.unresolved);
        continue;
      }
      if (found.productWasLabel) {
        label = (label + " " + m.product()).trim();
      }
      for (CatalogItem item : found.items) {
        Optional<BigDecimal> qty = quantityIn(m, item);
        if (qty.isEmpty()) {
          unresolved.add(new UnresolvedMention(m.text(), UnresolvedMention.Reason.UNIT, List.of(item),
              m.quantity().unit()));
        } else if (qty.get().signum() == 0) {
          unresolved.add(new UnresolvedMention(m.text(), UnresolvedMention.Reason.UNKNOWN, List.of(item), ""));
        } else {
          Optional<CatalogItem> forgotten = index.exact(m.note());
          String note = forgotten.isPresent() ? "" : m.note();
          lines.add(new ResolvedLine(item, qty.get(), note, m.text(), m.hasExplicitAmount()));
          // "苹果2斤 香蕉": a note that is exactly a product's name is a second product, not a note
          forgotten.ifPresent(p -> lines.add(new ResolvedLine(p, BigDecimal.ONE, "", m.note(), false)));
        }
      }
    }
    return new Resolution(label, lines, unresolved);
  }

  private Items items(ItemMention m, Optional<CatalogItem> chainProduct) {
    if (m.dealNo() > 0) {
      Optional<CatalogItem> byNo = index.byDealNo(m.dealNo());
      if (byNo.isEmpty()) {
        return Items.unresolved(new UnresolvedMention(m.text(), UnresolvedMention.Reason.UNKNOWN, List.of(), ""));
      }
      if (!m.product().isEmpty()) {
        MatchResult byName = index.match(m.product(), m.spec());
        if (byName instanceof MatchResult.Matched matched && !matched.item().equals(byNo.get())) {
          return Items.unresolved(new UnresolvedMention(m.text(), UnresolvedMention.Reason.AMBIGUOUS,
              List.of(byNo.get(), matched.item()), ""));
        }
      }
      return Items.of(List.of(byNo.get()));
    }
    if (m.product().isEmpty()) {
      return chainProduct.map(p -> Items.of(List.of(p))).orElseGet(() -> Items.unresolved(
          new UnresolvedMention(m.text(), UnresolvedMention.Reason.UNKNOWN, List.of(), "")));
    }
    // a word for a product not on sale (草莓 under a 蓝莓 header) is an order of it, not a label
    boolean otherProduct = index.namesOtherProduct(m.product());
    if (chainProduct.isPresent() && !otherProduct && !index.lexicon().namesAny(m.product())
        && index.exact(m.product()).isEmpty()) {
      // "1-202 小美 2袋" under a one-product header: words naming no item are the label
      Items items = Items.of(List.of(chainProduct.get()));
      items.productWasLabel = true;
      return items;
    }
    if (m.each()) {
      List<CatalogItem> all = index.findAll(m.product());
      if (all.size() > 1) {
        return Items.of(all);
      }
      List<Lexicon.Span> spans = index.lexicon().spans(m.product());
      if (spans.size() > 1 && spans.stream().noneMatch(Lexicon.Span::ambiguous)) {
        return Items.of(spans.stream().map(s -> s.items().get(0)).distinct().toList()); // "土逗、五化肉各三斤"
      }
    }
    MatchResult result = index.match(m.product(), m.spec());
    if (result instanceof MatchResult.Matched matched) {
      return Items.of(List.of(matched.item()));
    }
    MatchResult.Unmatched un = (MatchResult.Unmatched) result;
    if (chainProduct.isPresent() && !otherProduct && un.reason() == MatchResult.Reason.UNKNOWN) {
      Items items = Items.of(List.of(chainProduct.get())); // "张三 2" in a one-product chain
      items.productWasLabel = true;
      return items;
    }
    UnresolvedMention.Reason reason = un.reason() == MatchResult.Reason.AMBIGUOUS
        ? UnresolvedMention.Reason.AMBIGUOUS : UnresolvedMention.Reason.UNKNOWN;
    return Items.unresolved(new UnresolvedMention(m.text(), reason, un.candidates(), ""));
  }

  /** "950ml×2": a spec followed by a count. */
  private static final java.util.regex.Pattern SPEC_TIMES = java.util.regex.Pattern.compile("^(.+?)[x×*](\\d{1,3})$");

  private static Optional<BigDecimal> quantityIn(ItemMention m, CatalogItem item) {
    Quantity q = m.quantity() == null ? specCount(m, item).orElse(Quantity.ONE) : m.quantity();
    Optional<BigDecimal> converted = Units.convert(q, item.unit());
    if (converted.isPresent()) {
      return converted;
    }
    // "车厘子1kg" when cherries are sold by the 盒 of "J级 1kg": the weight is the spec, not a count.
    String spec = TextNormalizer.normalize(item.spec()).replace(" ", "");
    if (!spec.isEmpty() && states(spec, q.toString())) {
      return Optional.of(BigDecimal.ONE);
    }
    return Optional.empty();
  }

  /**
   * True when {@code spec} states {@code amount} as a whole number: "1kg" in "J级 1kg", but not "2斤"
   * inside "约1.2斤/条" nor "5斤" inside "约2.5斤/只" (those weights are asked about, like any other).
   */
  private static boolean states(String spec, String amount) {
    for (int at = spec.indexOf(amount); at >= 0; at = spec.indexOf(amount, at + 1)) {
      char before = at == 0 ? ' ' : spec.charAt(at - 1);
      if (!Character.isDigit(before) && before != '.') {
        return true;
      }
    }
    return false;
  }

  /**
   * "牛奶950ml×2" when the milk is sold as 950ml bottles: the spec written is the item's own, so
   * the ×2 after it counts bottles. When the item's spec itself has the ×N ("1L×12"), it is spec.
   */
  private static Optional<Quantity> specCount(ItemMention m, CatalogItem item) {
    java.util.regex.Matcher times = SPEC_TIMES.matcher(m.spec().replace(" ", ""));
    String own = TextNormalizer.normalize(item.spec()).replace(" ", "");
    if (!times.matches() || own.isEmpty() || own.contains(m.spec().replace(" ", "")) || !own.contains(times.group(1))) {
      return Optional.empty();
    }
    return Optional.of(new Quantity(new BigDecimal(times.group(2)), ""));
  }

  private static final class Items {
    final List<CatalogItem> items;
    final UnresolvedMention unresolved;
    boolean productWasLabel;

    private Items(List<CatalogItem> items, UnresolvedMention unresolved) {
      this.items = items;
      this.unresolved = unresolved;
    }

    static Items of(List<CatalogItem> items) {
      return new Items(items, null);
    }

    static Items unresolved(UnresolvedMention u) {
      return new Items(List.of(), u);
    }
  }
}
