package tuangou.bot.channel.bridge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One inbound bridge event, validated: {@code {"msgId", "ts", "roomId", "senderId", "senderName",
 * "text", "mentions", "isSelf", "appType"?, "raw"?}}. Pure mapping, no Vert.x I/O.
 */
public record BridgeEvent(String msgId, OffsetDateTime sentAt, String roomId, String senderId, String senderName,
    String text, List<String> mentions, boolean isSelf, int appType, List<String> entryAuthors) {

  /** WeChat's own 接龙 message type. */
  public static final int SOLITAIRE = 53;

  /** The event in {@code body}; IllegalArgumentException with a message naming the bad field. */
  public static BridgeEvent of(JsonObject body) {
    String msgId = required(body, "msgId");
    String roomId = required(body, "roomId");
    String senderId = required(body, "senderId");
    Object text = body.getValue("text");
    if (text != null && !(text instanceof String)) {
      throw new IllegalArgumentException("\"text\" must be a string");
    }
    List<String> mentions = new ArrayList<>();
    Object m = body.getValue("mentions");
    if (m instanceof JsonArray a) {
      a.forEach(v -> mentions.add(String.valueOf(v)));
    } else if (m != null) {
      throw new IllegalArgumentException("\"mentions\" must be an array");
    }
    int appType = body.getValue("appType") instanceof Number n ? n.intValue() : 0;
    List<String> authors = appType == SOLITAIRE ? SolitaireAuthors.parse(body.getString("raw")) : List.of();
    return new BridgeEvent(msgId, time(body.getValue("ts")), roomId, senderId, body.getString("senderName", ""),
        text == null ? "" : (String) text, List.copyOf(mentions), Boolean.TRUE.equals(body.getValue("isSelf")),
        appType, authors);
  }

  private static String required(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v instanceof Number n) {
      return n.toString();
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("\"" + field + "\" is required");
    }
    return s;
  }

  /** Unix seconds or milliseconds, or ISO-8601; absent means now. */
  private static OffsetDateTime time(Object ts) {
    if (ts == null) {
      return OffsetDateTime.now(ZoneOffset.UTC);
    }
    if (ts instanceof Number n) {
      long v = n.longValue();
      Instant i = v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
      return i.atOffset(ZoneOffset.UTC);
    }
    try {
      return OffsetDateTime.parse(String.valueOf(ts));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("\"ts\" must be unix seconds or an ISO-8601 time");
    }
  }
}
