package tuangou.parser.entry;

import java.util.List;

/**
 * An entry split into the resident's label ({@code 3-1-201 张三}) and the products asked for.
 */
public record ParsedEntry(String label, List<ItemMention> mentions) {
  public ParsedEntry {
    mentions = List.copyOf(mentions);
  }
}
