package tuangou.bot.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading request bodies and parameters with clear 400s. */
public final class Bodies {
  private Bodies() {}

  public static JsonObject json(RoutingContext ctx) {
    String body = ctx.body() == null ? null : ctx.body().asString();
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

  public static String requiredString(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw ApiException.badRequest("\"" + field + "\" is required and must be a non-empty string");
    }
    if (s.length() > 500) {
      throw ApiException.badRequest("\"" + field + "\" is longer than 500 characters");
    }
    return s.trim();
  }

  public static String optionalString(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiException.badRequest("\"" + field + "\" must be a string");
    }
    return s.trim();
  }

  public static Long optionalLong(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw ApiException.badRequest("\"" + field + "\" must be a whole number");
    }
    return n.longValue();
  }

  public static long requiredLong(JsonObject o, String field) {
    Long v = optionalLong(o, field);
    if (v == null) {
      throw ApiException.badRequest("\"" + field + "\" is required");
    }
    return v;
  }

  public static OffsetDateTime optionalTime(JsonObject o, String field) {
    String s = optionalString(o, field);
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("\"" + field + "\" must be an ISO-8601 time with offset, like 2026-11-23T12:00:00+08:00");
    }
  }

  public static JsonArray optionalArray(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return new JsonArray();
    }
    if (!(v instanceof JsonArray a)) {
      throw ApiException.badRequest("\"" + field + "\" must be an array");
    }
    return a;
  }

  public static long pathId(RoutingContext ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a number, got \"" + ctx.pathParam(name) + "\"");
    }
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
}
