package tuangou.bot.replay;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import tuangou.ordering.InboundMessage;

/**
 * Reads TRANSCRIPT.jsonl, one message a line: {@code {"id", "group", "sender", "name", "text",
 * "ts"}}. Blank lines are skipped; a bad line fails the whole replay with its line number, since
 * a transcript with a hole in it would print wrong orders.
 */
public final class TranscriptReader {
  public static final String CHANNEL = "replay";

  private TranscriptReader() {}

  /** Hands each message to {@code sink} in order; streaming, so transcripts of any length fit. */
  public static void read(BufferedReader in, String name, Consumer<InboundMessage> sink)
      throws ReplayException, IOException {
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      sink.accept(message(line, name + " line " + number));
    }
  }

  static InboundMessage message(String line, String where) throws ReplayException {
    JsonObject o;
    try {
      o = JsonText.object(line);
    } catch (DecodeException | ClassCastException e) {
      throw new ReplayException(where + ": not valid JSON: " + CatalogReader.firstLine(e.getMessage()));
    }
    try {
      String id = required(o, "id", where);
      String group = required(o, "group", where);
      String sender = required(o, "sender", where);
      Object text = o.getValue("text");
      if (text != null && !(text instanceof String)) {
        throw new ReplayException(where + ": \"text\" must be a string");
      }
      return new InboundMessage(CHANNEL, id, group, sender, o.getString("name", ""),
          (String) text, List.of(), timestamp(o, where), null, null);
    } catch (ClassCastException e) {
      throw new ReplayException(where + ": a field has the wrong type: " + CatalogReader.firstLine(e.getMessage()));
    }
  }

  private static OffsetDateTime timestamp(JsonObject o, String where) throws ReplayException {
    String ts = o.getString("ts");
    if (ts == null) {
      return null;
    }
    try {
      return Timestamps.parse(ts);
    } catch (DateTimeParseException e) {
      throw new ReplayException(where + ": \"ts\" is not an ISO-8601 time with offset: " + ts);
    }
  }

  private static String required(JsonObject o, String field, String where) throws ReplayException {
    Object value = o.getValue(field);
    if (value instanceof Number n) {
      return n.toString(); // ids written as numbers are still ids
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ReplayException(where + ": missing \"" + field + "\"");
    }
    return s;
  }
}
