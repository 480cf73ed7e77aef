package tuangou.bot.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tuangou.parser.chain.ChainState;
import tuangou.parser.chain.TrackedEntry;

/** A chain's state as the JSON the store keeps (the store knows no chain semantics). */
public final class ChainStateJson {
  private ChainStateJson() {}

  public static JsonObject encode(ChainState s) {
    JsonArray entries = new JsonArray();
    for (TrackedEntry e : s.entries()) {
      entries.add(new JsonArray().add(e.seq()).add(e.text()).add(e.author()));
    }
    JsonObject removed = new JsonObject();
    s.removed().forEach(removed::put);
    return new JsonObject().put("id", s.id()).put("identity", s.identity()).put("preamble", s.preamble())
        .put("entries", entries).put("removed", removed).put("nextSeq", s.nextSeq());
  }

  public static ChainState decode(JsonObject o) {
    List<TrackedEntry> entries = new ArrayList<>();
    for (Object e : o.getJsonArray("entries")) {
      JsonArray a = (JsonArray) e;
      entries.add(new TrackedEntry(a.getLong(0), a.getString(1), a.getString(2)));
    }
    Map<String, String> removed = new HashMap<>();
    o.getJsonObject("removed").forEach(e -> removed.put(e.getKey(), String.valueOf(e.getValue())));
    return new ChainState(o.getString("id"), o.getString("identity"), o.getString("preamble"), entries, removed,
        o.getLong("nextSeq"));
  }
}
