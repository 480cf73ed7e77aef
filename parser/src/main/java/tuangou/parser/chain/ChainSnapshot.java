package tuangou.parser.chain;

import java.util.List;

/**
 * A chain (接龙) as one message shows it: header, description lines, example lines and entries.
 *
 * @param header the header line ({@code #接龙 周二水果团}), empty for a numbered list without one
 * @param description the lines between header and entries (cutoff time, products), examples excluded
 * @param entries the numbered entries, template rows excluded, in posted order
 */
public record ChainSnapshot(String header, List<String> description, List<ChainEntry> entries) {
  public ChainSnapshot {
    description = List.copyOf(description);
    entries = List.copyOf(entries);
  }

  /** True for a bare numbered list, which can only be recognised by its entries. */
  public boolean headerless() {
    return header.isEmpty();
  }

  /** What tells this chain apart from the others running in the same group. */
  public String identity() {
    StringBuilder id = new StringBuilder(ChainEntry.key(header));
    for (String line : description) {
      id.append('\n').append(ChainEntry.key(line));
    }
    return id.toString();
  }

  /** Header and description as one text, to find the product of a one-product chain. */
  public String preamble() {
    StringBuilder s = new StringBuilder(header);
    for (String line : description) {
      s.append('\n').append(line);
    }
    return s.toString();
  }
}
