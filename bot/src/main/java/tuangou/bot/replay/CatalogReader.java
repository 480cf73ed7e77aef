package tuangou.bot.replay;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tuangou.parser.CatalogItem;

/** Reads the replay contract's CATALOG.json: {@code {"campaign", "items": [...]}}. */
public final class CatalogReader {
  private CatalogReader() {}

  /** The catalog's items; {@code name} names the source in error messages. */
  public static List<CatalogItem> read(String json, String name) throws ReplayException {
    JsonObject root;
    try {
      root = JsonText.object(json);
    } catch (DecodeException | ClassCastException e) {
      throw new ReplayException(name + ": not a JSON object: " + firstLine(e.getMessage()));
    }
    return items(root, name);
  }

  /**
   * Each group's leader, from the catalog's optional {@code "leaders": {"g1": "u1"}}: their 截单
   * and 到货 end ordering in their group, as in the service. Empty when the catalog names none.
   */
  public static java.util.Map<String, String> leaders(String json, String name) throws ReplayException {
    Object raw;
    try {
      raw = JsonText.object(json).getValue("leaders");
    } catch (DecodeException | ClassCastException e) {
      throw new ReplayException(name + ": not a JSON object: " + firstLine(e.getMessage()));
    }
    if (raw == null) {
      return java.util.Map.of();
    }
    if (!(raw instanceof JsonObject o)) {
      throw new ReplayException(name + ": \"leaders\" must be an object of group to sender id");
    }
    java.util.Map<String, String> leaders = new java.util.HashMap<>();
    for (String group : o.fieldNames()) {
      if (!(o.getValue(group) instanceof String sender) || sender.isBlank()) {
        throw new ReplayException(name + ": the leader of group \"" + group + "\" must be a sender id");
      }
      leaders.put(group, sender);
    }
    return leaders;
  }

  /** The items of an already decoded catalog object. */
  public static List<CatalogItem> items(JsonObject root, String name) throws ReplayException {
    Object raw = root.getValue("items");
    if (!(raw instanceof JsonArray array)) {
      throw new ReplayException(name + ": \"items\" must be an array");
    }
    List<CatalogItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String where = name + ": item " + (i + 1);
      if (!(array.getValue(i) instanceof JsonObject o)) {
        throw new ReplayException(where + " is not an object");
      }
      CatalogItem item = item(o, where);
      if (!ids.add(item.id())) {
        throw new ReplayException(where + ": duplicate id \"" + item.id() + "\"");
      }
      items.add(item);
    }
    return items;
  }

  private static CatalogItem item(JsonObject o, String where) throws ReplayException {
    try {
      List<String> aliases = new ArrayList<>();
      JsonArray a = o.getJsonArray("aliases", new JsonArray());
      for (int k = 0; k < a.size(); k++) {
        aliases.add(a.getString(k));
      }
      return new CatalogItem(
          intField(o, "no", where),
          required(o, "id", where),
          required(o, "name", where),
          aliases,
          o.getString("unit", ""),
          o.getString("spec", ""),
          o.getLong("priceFen", 0L));
    } catch (ClassCastException e) {
      throw new ReplayException(where + ": a field has the wrong type: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new ReplayException(where + ": " + e.getMessage());
    }
  }

  private static String required(JsonObject o, String field, String where) throws ReplayException {
    String value = o.getString(field);
    if (value == null || value.isBlank()) {
      throw new ReplayException(where + ": missing \"" + field + "\"");
    }
    return value;
  }

  private static int intField(JsonObject o, String field, String where) throws ReplayException {
    Integer value = o.getInteger(field);
    if (value == null) {
      throw new ReplayException(where + ": missing \"" + field + "\"");
    }
    return value;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
