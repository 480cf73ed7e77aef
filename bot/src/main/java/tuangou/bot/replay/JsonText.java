package tuangou.bot.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from Vert.x's {@link JsonObject} trees with Jackson's streaming parser and
 * generator alone. The replay command reads thousands of lines and prints once; going through
 * Vert.x's codec would first load Jackson's object mapper, a large part of a short run's start.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** The JSON object {@code text} holds; {@link DecodeException} when it holds anything else. */
  static JsonObject object(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new DecodeException("not a JSON object");
      }
      JsonObject o = readObject(p);
      if (p.nextToken() != null) {
        throw new DecodeException("unexpected text after the object at " + p.currentLocation());
      }
      return o;
    } catch (IOException e) {
      throw new DecodeException(e.getMessage());
    }
  }

  private static JsonObject readObject(JsonParser p) throws IOException {
    JsonObject o = new JsonObject();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      o.put(name, value(p));
    }
    return o;
  }

  private static JsonArray readArray(JsonParser p) throws IOException {
    JsonArray a = new JsonArray();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      a.add(value(p));
    }
    return a;
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new DecodeException("unexpected end of JSON");
    }
    return switch (t) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue(); // Integer, Long or BigInteger, as Vert.x's codec gives
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new DecodeException("unexpected " + t + " at " + p.currentLocation());
    };
  }

  /** {@code o} written out indented, as {@link JsonObject#encodePrettily()} writes it. */
  static String pretty(JsonObject o) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      write(g, o);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does no I/O
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v instanceof JsonObject o) {
      writeMap(g, o.getMap());
    } else if (v instanceof Map<?, ?> m) {
      writeMap(g, m);
    } else if (v instanceof JsonArray a) {
      writeList(g, a.getList());
    } else if (v instanceof List<?> l) {
      writeList(g, l);
    } else if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeString(v.toString());
    }
  }

  private static void writeMap(JsonGenerator g, Map<?, ?> m) throws IOException {
    g.writeStartObject();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      g.writeFieldName(String.valueOf(e.getKey()));
      write(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeList(JsonGenerator g, List<?> l) throws IOException {
    g.writeStartArray();
    for (Object v : l) {
      write(g, v);
    }
    g.writeEndArray();
  }
}
