package tuangou.bot.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tuangou.bot.input.Checks;
import tuangou.bot.input.InvalidInput;
import tuangou.bot.input.Limits;
import tuangou.store.CampaignItem;

/**
 * A campaign's {@code items} as the admin API takes them (the replay catalog's items plus
 * {@code costFen}), each field checked against {@link Limits} and named in the error:
 * {@code items[2].priceFen}.
 */
final class CampaignItems {
  private CampaignItems() {}

  static List<CampaignItem> of(JsonObject body) {
    if (!(body.getValue("items") instanceof JsonArray array)) {
      throw new InvalidInput("items", "\"items\" is required and must be an array");
    }
    if (array.isEmpty()) {
      throw ApiException.badRequest("a campaign needs at least one item");
    }
    if (array.size() > Limits.CAMPAIGN_ITEMS) {
      throw new InvalidInput("items", "a campaign has at most " + Limits.CAMPAIGN_ITEMS + " items");
    }
    List<CampaignItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "items[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject o)) {
        throw new InvalidInput(at, at + " must be an object");
      }
      CampaignItem item = item(o, at);
      if (!ids.add(item.productId())) {
        throw new InvalidInput(at + ".id", at + ": duplicate id \"" + item.productId() + "\"");
      }
      if (!numbers.add(item.no())) {
        throw new InvalidInput(at + ".no", "two items share a deal number \"no\" (" + item.no() + ")");
      }
      items.add(item);
    }
    return items;
  }

  private static CampaignItem item(JsonObject o, String at) {
    if (o.getValue("no") == null) {
      throw new InvalidInput(at + ".no", at + ": missing \"no\", the deal number");
    }
    int no = (int) Checks.whole(at + ".no", o.getValue("no"), 1, Limits.MAX_DEAL_NO);
    String id = Checks.identifier(at + ".id", o.getValue("id"));
    String name = Checks.name(at + ".name", o.getValue("name"), Limits.NAME_CHARS);
    List<String> aliases = aliases(o, at + ".aliases");
    String unit = orEmpty(Checks.optionalName(at + ".unit", o.getValue("unit"), Limits.NAME_CHARS));
    String spec = orEmpty(Checks.optionalName(at + ".spec", o.getValue("spec"), Limits.NAME_CHARS));
    if (o.getValue("priceFen") == null) {
      // without its price an item would be posted and sold at 0.00元
      throw new InvalidInput(at + ".priceFen", at + ".priceFen is required: the price in fen, a whole number "
          + "(6.90元 is 690)");
    }
    long price = Checks.whole(at + ".priceFen", o.getValue("priceFen"), 0, Limits.MAX_FEN);
    Long cost = o.getValue("costFen") == null ? null : Checks.whole(at + ".costFen", o.getValue("costFen"), 0,
        Limits.MAX_FEN);
    return new CampaignItem(no, id, name, aliases, unit, spec, price, cost);
  }

  /** An item's aliases: absent is none; {@code null} or anything but non-empty names is refused. */
  static List<String> aliases(JsonObject o, String field) {
    String key = field.substring(field.lastIndexOf('.') + 1);
    if (!o.containsKey(key)) {
      return List.of();
    }
    if (!(o.getValue(key) instanceof JsonArray a)) {
      throw new InvalidInput(field, "\"" + field + "\" must be an array of non-empty strings");
    }
    if (a.size() > Limits.ALIASES) {
      throw new InvalidInput(field, "\"" + field + "\" has more than " + Limits.ALIASES + " aliases");
    }
    List<String> aliases = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      aliases.add(Checks.name(field + "[" + k + "]", a.getValue(k), Limits.NAME_CHARS));
    }
    return aliases;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
