package tuangou.bot.replay.roundtrip;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tuangou.ordering.InboundMessage;
import tuangou.bot.replay.Replay;
import tuangou.parser.match.Synonyms;
import tuangou.parser.text.HanScript;

/** Reads a rendered scenario back through replay, the code the service runs, and compares. */
final class ReadBack {
  static final Synonyms SYNONYMS = Synonyms.shipped();
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-08T19:00:00+08:00");

  private ReadBack() {}

  static JsonObject replay(Scenario s) {
    Replay replay = new Replay(s.catalog().items(), SYNONYMS);
    int id = 0;
    for (Scenario.Post p : s.posts()) {
      id++;
      replay.accept(new InboundMessage("replay", "m" + id, "g1", p.sender(), p.name(), p.text(), List.of(),
          START.plusMinutes(id), null, null));
    }
    return replay.report();
  }

  /** What differs between the orders read back and the orders generated; empty when none. */
  static List<String> mismatches(Scenario s) {
    JsonObject report = replay(s);
    List<String> out = new ArrayList<>();
    Map<String, Map<String, BigDecimal>> got = new TreeMap<>();
    Map<String, StringBuilder> notes = new TreeMap<>();
    for (Object o : report.getJsonArray("orders")) {
      JsonObject order = (JsonObject) o;
      String customer = order.getString("customer");
      for (Object l : order.getJsonArray("lines")) {
        JsonObject line = (JsonObject) l;
        got.computeIfAbsent(customer, c -> new TreeMap<>())
            .merge(line.getString("item"), new BigDecimal(line.getValue("qty").toString()), BigDecimal::add);
        notes.computeIfAbsent(customer, c -> new StringBuilder()).append(line.getString("note", "")).append('|');
      }
    }
    Map<String, Map<String, BigDecimal>> want = new TreeMap<>();
    s.expected().forEach((c, items) -> want.put(c, new TreeMap<>(items)));
    if (!normal(got).equals(normal(want))) {
      out.add("orders: got " + got + ", want " + want);
    }
    if (!report.getJsonArray("unresolved").isEmpty()) {
      out.add("unresolved: " + report.getJsonArray("unresolved").encode());
    }
    s.notes().forEach((c, ns) -> ns.forEach(n -> {
      String had = simplified(notes.getOrDefault(c, new StringBuilder()).toString().replace(" ", ""));
      // 要新鲜的 and 新鲜的 are the same note to the one who packs the bag
      String wanted = simplified(n.replace(" ", "")).replaceFirst("^要", "");
      if (!had.contains(wanted)) {
        out.add("note of " + c + ": want \"" + n + "\" in " + had);
      }
    }));
    return out;
  }

  private static String simplified(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(HanScript.toSimplified((char) c)));
    return out.toString();
  }

  private static Map<String, Map<String, BigDecimal>> normal(Map<String, Map<String, BigDecimal>> m) {
    Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
    m.forEach((c, items) -> items.forEach((i, q) -> {
      if (q.signum() != 0) {
        out.computeIfAbsent(c, k -> new TreeMap<>()).put(i, q.stripTrailingZeros());
      }
    }));
    return out;
  }
}
