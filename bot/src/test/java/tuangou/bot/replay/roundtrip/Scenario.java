package tuangou.bot.replay.roundtrip;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transcript the generator rendered and the orders it stands for: what a careful 团长 counts.
 *
 * @param expected quantity per customer and item id, in the item's own unit
 * @param notes the notes each customer wrote, to be found on one of their lines
 */
record Scenario(RoundTripCatalogs.Catalog catalog, List<Post> posts,
    Map<String, Map<String, BigDecimal>> expected, Map<String, List<String>> notes) {

  /** One message: who sent it, its text, and the styles the sender's own part was written in. */
  record Post(String sender, String name, String text, Set<Style> styles) {}

  Set<Style> styles() {
    Set<Style> all = new java.util.TreeSet<>();
    posts.forEach(p -> all.addAll(p.styles()));
    return all;
  }

  String transcript() {
    StringBuilder s = new StringBuilder("catalog ").append(catalog.name()).append('\n');
    for (Post p : posts) {
      s.append(p.sender()).append(" (").append(p.name()).append(") ").append(p.styles()).append(":\n  ")
          .append(p.text().replace("\n", "\n  ")).append('\n');
    }
    return s.append("expected ").append(expected).append(" notes ").append(notes).toString();
  }
}
