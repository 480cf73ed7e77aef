package tuangou.bot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random and hostile values for the edge fuzz: JSON bodies written as text (so that they can hold what
 * no JSON library would write, such as {@code 1e99999}) from the OpenAPI schemas, and strings, numbers
 * and ids chosen to break validation. Deterministic for a given {@link Random}.
 */
final class FuzzInputs {
  /** Strings that once reached PostgreSQL or a parser unchecked. */
  static final List<String> HOSTILE_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\ud800",
      "😀".repeat(3), "x".repeat(200_000), "王".repeat(5_000), "../../etc/passwd", "' or 1=1 --", "<xml>&lt;</xml>",
      "${jndi:ldap://x}", "%00", "\r\n\r\nX: y", "null", "-1", "1e99999", "２０２６");
  /** Numbers as JSON text: out of range, not finite in a double, fractions, huge integers. */
  static final List<String> HOSTILE_NUMBERS = List.of("0", "-1", "1e99999", "-1e30", "1e308", "9223372036854775807",
      "9223372036854775808", "-9223372036854775809", "99999999999999999999999999", "0.5", "1.0001", "-0",
      "2147483648", "1e-400", "4.9e-324");

  private final Random random;
  private final Map<String, Object> document;
  private final List<String> ids;

  /** @param ids values for id fields and path ids: ours, or ones that exist nowhere */
  FuzzInputs(Random random, Map<String, Object> document, List<String> ids) {
    this.random = random;
    this.document = document;
    this.ids = ids;
  }

  <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** A path parameter's raw (already URL-encoded) text. */
  String pathValue() {
    return switch (random.nextInt(6)) {
      case 0, 1 -> pick(ids);
      case 2 -> "%00";
      case 3 -> "a%00b";
      case 4 -> pick(List.of("-1", "0", "99999999999999999999", "1.5", "%E7%8E%8B", "x".repeat(300), "%2e%2e", "null"));
      default -> java.net.URLEncoder.encode(pick(HOSTILE_STRINGS.subList(0, 7)), java.nio.charset.StandardCharsets.UTF_8);
    };
  }

  /** A query string for the operation's parameters and a stray one, hostile values among them. */
  String query(List<Map<String, Object>> parameters) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Object> p : parameters) {
      if (!"query".equals(p.get("in")) || chance(30)) {
        continue;
      }
      parts.add(p.get("name") + "=" + queryValue());
    }
    if (chance(20)) {
      parts.add(pick(List.of("x", "limit", "offset", "format", "month", "from", "to", "groupId", "picked")) + "="
          + queryValue());
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private String queryValue() {
    String v = switch (random.nextInt(5)) {
      case 0 -> pick(HOSTILE_STRINGS.subList(0, 7));
      case 1 -> pick(HOSTILE_NUMBERS);
      case 2 -> pick(ids);
      case 3 -> pick(List.of("csv", "xlsx", "json", "true", "false", "2026-11", "+999999-01", "2026-11-01T00:00:00Z",
          "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59+18:00"));
      default -> "x".repeat(random.nextInt(3) == 0 ? 5_000 : 10);
    };
    return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A body for {@code schema}: mostly its shape with hostile leaves, sometimes not JSON at all. */
  String body(Object schema) {
    if (chance(8)) {
      return pick(List.of("", "{", "[]", "null", "\"x\"", "{\"a\":" + "[".repeat(5_000), "\u0000", "{} {}",
          "{\"x\": 1e99999}", "1e99999", "\ufeff{}"));
    }
    String body = value(schema, 0);
    // a body over the service's limit only tests the 413: keep most under it
    return body.length() > 300_000 ? "{\"x\": " + quote("x".repeat(200_000)) + "}" : body;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resolve(Object schema) {
    Map<String, Object> s = schema instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Object ref = s.get("$ref");
    if (ref instanceof String r && r.startsWith("#/components/schemas/")) {
      Map<String, Object> components = (Map<String, Object>) document.get("components");
      Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
      return resolve(schemas.get(r.substring("#/components/schemas/".length())));
    }
    if (s.get("allOf") instanceof List<?> all) {
      Map<String, Object> merged = new java.util.LinkedHashMap<>();
      Map<String, Object> props = new java.util.LinkedHashMap<>();
      merged.put("type", "object");
      for (Object part : all) {
        Map<String, Object> r = resolve(part);
        if (r.get("properties") instanceof Map<?, ?> p) {
          props.putAll((Map<String, Object>) p);
        }
      }
      merged.put("properties", props);
      return merged;
    }
    if (s.get("oneOf") instanceof List<?> one) {
      return resolve(pick(one));
    }
    return s;
  }

  /** A JSON value as text: by the schema's type, or (sometimes) something hostile in its place. */
  @SuppressWarnings("unchecked")
  private String value(Object schemaRef, int depth) {
    Map<String, Object> schema = resolve(schemaRef);
    if (depth > 0 && chance(15)) {
      return hostile();
    }
    String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
    switch (type) {
      case "object": {
        Map<Object, Object> props = schema.get("properties") instanceof Map<?, ?> p ? (Map<Object, Object>) p : Map.of();
        List<String> fields = new ArrayList<>();
        for (Map.Entry<Object, Object> e : props.entrySet()) {
          if (chance(85)) {
            fields.add(quote(key(e.getKey())) + ": " + value(e.getValue(), depth + 1));
          }
        }
        if (chance(10)) {
          fields.add(quote(pick(HOSTILE_STRINGS.subList(0, 7))) + ": " + hostile());
        }
        return "{" + String.join(", ", fields) + "}";
      }
      case "array": {
        List<String> items = new ArrayList<>();
        if (chance(5)) {
          // a long list of small values: over every count limit, well under the body limit
          for (int i = 0; i < 2_000; i++) {
            items.add(pick(List.of("1", "null", "\"x\"", "{}", "-1")));
          }
        } else {
          for (int i = random.nextInt(4); i > 0; i--) {
            items.add(value(schema.get("items"), depth + 1));
          }
        }
        return "[" + String.join(", ", items) + "]";
      }
      case "integer":
        return chance(60) ? pick(List.of(pick(ids).matches("-?\\d+") ? pick(ids) : "1", "1", "2", "100", "690"))
            : pick(HOSTILE_NUMBERS);
      case "number":
        return chance(50) ? pick(List.of("1", "0.5", "2.125", "3")) : pick(HOSTILE_NUMBERS);
      case "boolean":
        return chance(70) ? pick(List.of("true", "false")) : pick(List.of("null", "\"true\"", "1"));
      default: {
        if (schema.get("enum") instanceof List<?> values && chance(70)) {
          return quote(String.valueOf(pick(values)));
        }
        if ("date-time".equals(schema.get("format")) && chance(60)) {
          return quote(pick(List.of("2026-11-23T12:00:00+08:00", "2020-01-01T00:00:00+08:00",
              "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "2026-13-45T99:99:99Z")));
        }
        return chance(40) ? quote(pick(List.of("苹果", "u1", "1", pick(ids), "000000", "王芳"))) : quote(pick(HOSTILE_STRINGS));
      }
    }
  }

  /** A property name as written: YAML 1.1 reads the key {@code no} (a deal number) as false. */
  private static String key(Object k) {
    return k instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(k);
  }

  private String hostile() {
    return switch (random.nextInt(5)) {
      case 0 -> "null";
      case 1 -> pick(HOSTILE_NUMBERS);
      case 2 -> quote(pick(HOSTILE_STRINGS));
      case 3 -> pick(List.of("[]", "{}", "[null]", "[[[]]]", "{\"a\": null}", "true"));
      default -> "[" + quote(pick(HOSTILE_STRINGS)) + ", " + pick(HOSTILE_NUMBERS) + "]";
    };
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c)) {
            b.append(String.format("\\u%04x", (int) c)); // a lone surrogate too: sent as JSON's escape
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
