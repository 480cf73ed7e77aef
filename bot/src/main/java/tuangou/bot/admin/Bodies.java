package tuangou.bot.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tuangou.bot.input.Checks;
import tuangou.bot.input.InvalidInput;
import tuangou.bot.input.Limits;

/**
 * Reading request bodies and parameters into typed values with the limits of {@link Limits}; a bad
 * value is an {@link InvalidInput} naming the field, answered 400.
 */
public final class Bodies {
  private Bodies() {}

  public static JsonObject json(RoutingContext ctx) {
    String body = ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().asString();
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("a JSON object body is required");
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(body);
      if (!(parsed instanceof JsonObject o)) {
        throw ApiException.badRequest("the body must be a JSON object");
      }
      return o;
    } catch (io.vertx.core.json.DecodeException e) {
      throw new ApiException(400, "invalid_json", "the body is not valid JSON" + where(e.getMessage()));
    }
  }

  /** Where the parser stopped, in the reader's terms ("at line 1, column 12"), without its internals. */
  private static String where(String parserMessage) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)\\]\\s*$")
        .matcher(parserMessage == null ? "" : parserMessage);
    String at = null;
    while (m.find()) {
      at = " (at line " + m.group(1) + ", column " + m.group(2) + ")";
    }
    return at == null ? "" : at;
  }

  /** A required one-line string of at most {@code max} characters (a name: {@link Limits#NAME_CHARS}). */
  public static String requiredString(JsonObject o, String field, int max) {
    return Checks.name(field, o.getValue(field), max);
  }

  /** An optional one-line string (absent or null: null), at most {@code max} characters. */
  public static String optionalString(JsonObject o, String field, int max) {
    return Checks.optionalName(field, o.getValue(field), max);
  }

  /** A required identifier (chat id, product id): {@link Limits#ID_CHARS}, no control characters. */
  public static String requiredId(JsonObject o, String field) {
    return Checks.identifier(field, o.getValue(field));
  }

  /** An optional identifier; "" passes (it clears a setting where the call says so). */
  public static String optionalId(JsonObject o, String field) {
    return Checks.optionalName(field, o.getValue(field), Limits.ID_CHARS);
  }

  /** Free text with line breaks (a reason, a note), at most {@code max} characters; null when absent. */
  public static String optionalText(JsonObject o, String field, int max) {
    Object v = o.getValue(field);
    return v == null ? null : Checks.text(field, v, max).strip();
  }

  public static Long optionalLong(JsonObject o, String field) {
    return optionalLong(o, field, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A whole number in [min, max], or null when absent or null. */
  public static Long optionalLong(JsonObject o, String field, long min, long max) {
    Object v = o.getValue(field);
    return v == null ? null : Checks.whole(field, v, min, max);
  }

  public static long requiredLong(JsonObject o, String field) {
    return requiredLong(o, field, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A required whole number in [min, max]. */
  public static long requiredLong(JsonObject o, String field, long min, long max) {
    Object v = o.getValue(field);
    if (v == null) {
      throw new InvalidInput(field, "\"" + field + "\" is required");
    }
    return Checks.whole(field, v, min, max);
  }

  /** An ISO-8601 time with offset in the years 2000 to 2099, or null when absent or empty. */
  public static OffsetDateTime optionalTime(JsonObject o, String field) {
    String s = optionalString(o, field, 64);
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Checks.time(field, OffsetDateTime.parse(s));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("\"" + field + "\" must be an ISO-8601 time with offset, like 2026-11-23T12:00:00+08:00");
    }
  }

  /** An array, empty when absent; {@code null} is refused (an array was expected). */
  public static JsonArray optionalArray(JsonObject o, String field) {
    if (!o.containsKey(field)) {
      return new JsonArray();
    }
    Object v = o.getValue(field);
    if (!(v instanceof JsonArray a)) {
      throw new InvalidInput(field, "\"" + field + "\" must be an array");
    }
    return a;
  }

  /** An array of group ids (positive whole numbers), at most {@link Limits#GROUPS_PER_CALL}. */
  public static java.util.List<Long> groupIds(JsonObject o, String field) {
    JsonArray a = optionalArray(o, field);
    if (a.size() > Limits.GROUPS_PER_CALL) {
      throw new InvalidInput(field, "\"" + field + "\" has more than " + Limits.GROUPS_PER_CALL + " groups");
    }
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Object g = a.getValue(i);
      if (!(g instanceof Number)) {
        throw new InvalidInput(field, "\"" + field + "\" must be an array of group ids");
      }
      ids.add(Checks.whole(field + "[" + i + "]", g, 1, Long.MAX_VALUE));
    }
    return ids;
  }

  public static long pathId(RoutingContext ctx, String name) {
    String v = ctx.pathParam(name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a number, got \"" + shown(v) + "\"");
    }
  }

  /** A string path parameter (a product id): an identifier as {@link Checks#identifier} says. */
  public static String pathString(RoutingContext ctx, String name) {
    return Checks.identifier(name, ctx.pathParam(name));
  }

  /** A query parameter's value, with what a message may quote of it (short, no control characters). */
  static String shown(String v) {
    if (v == null) {
      return "";
    }
    String cut = v.length() > 40 ? v.substring(0, 40) + "…" : v;
    return Checks.firstControl(cut, false) >= 0 ? cut.replaceAll("\\p{Cntrl}", "?") : cut;
  }

  /** {@code ?offset=&limit=} of a list call. */
  public record Paging(int offset, int limit) {}

  public static Paging paging(RoutingContext ctx, int maxLimit) {
    return new Paging(queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE), queryInt(ctx, "limit", 50, 1, maxLimit));
  }

  public static int queryInt(RoutingContext ctx, String name, int dflt, int min, int max) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }

  /** An optional query parameter that is an id (a number); null when absent or empty. */
  public static Long queryId(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("\"" + name + "\" must be an id (a number), got \"" + shown(v) + "\"");
    }
  }
}
