package tuangou.parser.order;

import java.util.List;

/**
 * An entry or message resolved against a catalog: the lines it orders, the mentions it could not
 * resolve, and the resident's label.
 */
public record Resolution(String label, List<ResolvedLine> lines, List<UnresolvedMention> unresolved) {
  public Resolution {
    lines = List.copyOf(lines);
    unresolved = List.copyOf(unresolved);
  }
}
