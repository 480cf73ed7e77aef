package tuangou.bot.channel.bridge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tuangou.bot.input.Checks;
import tuangou.bot.input.InvalidInput;
import tuangou.bot.input.Limits;

/**
 * One inbound bridge event, validated: {@code {"msgId", "ts", "roomId", "senderId", "senderName",
 * "text", "mentions", "isSelf", "appType"?, "raw"?}}. Pure mapping, no Vert.x I/O. Identifiers are
 * refused (400) when empty, too long or holding control characters; a display name or text is kept as
 * {@link tuangou.bot.input.ChatText} says, so that no resident's order is refused for their name.
 */
public record BridgeEvent(String msgId, OffsetDateTime sentAt, String roomId, String senderId, String senderName,
    String text, List<String> mentions, boolean isSelf, int appType, List<String> entryAuthors) {

  /** WeChat's own 接龙 message type. */
  public static final int SOLITAIRE = 53;
  /** Above this, {@code ts} is in milliseconds. */
  private static final long MILLIS_FROM = 100_000_000_000L;

  /** The event in {@code body}; {@link InvalidInput} with a message naming the bad field. */
  public static BridgeEvent of(JsonObject body) {
    String msgId = Checks.identifier("msgId", idValue(body.getValue("msgId")));
    String roomId = Checks.identifier("roomId", idValue(body.getValue("roomId")));
    String senderId = Checks.identifier("senderId", idValue(body.getValue("senderId")));
    Object name = body.getValue("senderName");
    if (name != null && !(name instanceof String)) {
      throw new InvalidInput("senderName", "\"senderName\" must be a string");
    }
    Object text = body.getValue("text");
    if (text != null && !(text instanceof String)) {
      throw new InvalidInput("text", "\"text\" must be a string");
    }
    List<String> mentions = new ArrayList<>();
    Object m = body.getValue("mentions");
    if (m instanceof JsonArray a) {
      if (a.size() > Limits.MENTIONS) {
        throw new InvalidInput("mentions", "\"mentions\" has more than " + Limits.MENTIONS + " entries");
      }
      for (int i = 0; i < a.size(); i++) {
        mentions.add(Checks.identifier("mentions[" + i + "]", idValue(a.getValue(i))));
      }
    } else if (m != null) {
      throw new InvalidInput("mentions", "\"mentions\" must be an array of sender ids");
    }
    Object isSelf = body.getValue("isSelf");
    if (isSelf != null && !(isSelf instanceof Boolean)) {
      throw new InvalidInput("isSelf", "\"isSelf\" must be true or false");
    }
    int appType = body.getValue("appType") == null ? 0
        : (int) Checks.whole("appType", body.getValue("appType"), 0, Integer.MAX_VALUE);
    Object raw = body.getValue("raw");
    if (raw != null && !(raw instanceof String)) {
      throw new InvalidInput("raw", "\"raw\" must be a string");
    }
    List<String> authors = appType == SOLITAIRE ? authors(SolitaireAuthors.parse((String) raw)) : List.of();
    return new BridgeEvent(msgId, time(body.getValue("ts")), roomId, senderId, (String) name,
        text == null ? "" : (String) text, List.copyOf(mentions), Boolean.TRUE.equals(isSelf), appType, authors);
  }

  /** Numbers are accepted as ids (some bridges send numeric ids), as their decimal text. */
  private static Object idValue(Object v) {
    return v instanceof Integer || v instanceof Long ? v.toString() : v;
  }

  /**
   * Entry authors that can be trusted: each a valid id, no more than a chain may have. Otherwise none,
   * and authors are inferred as for a hand-made chain.
   */
  private static List<String> authors(List<String> parsed) {
    if (parsed.size() > Limits.MESSAGE_ENTRIES) {
      return List.of();
    }
    for (String a : parsed) {
      if (a.length() > Limits.ID_CHARS || Checks.firstControl(a, false) >= 0) {
        return List.of();
      }
    }
    return parsed;
  }

  /** Unix seconds or milliseconds, or ISO-8601, within the years 2000 to 2099; absent means now. */
  private static OffsetDateTime time(Object ts) {
    if (ts == null) {
      return OffsetDateTime.now(ZoneOffset.UTC);
    }
    if (ts instanceof Number) {
      long v = Checks.whole("ts", ts, 0, Long.MAX_VALUE);
      long seconds = v >= MILLIS_FROM ? v / 1000 : v;
      Checks.epochSecond("ts", seconds);
      return (v >= MILLIS_FROM ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v)).atOffset(ZoneOffset.UTC);
    }
    if (!(ts instanceof String s) || s.length() > 64) {
      throw new InvalidInput("ts", "\"ts\" must be unix seconds or an ISO-8601 time");
    }
    try {
      return Checks.time("ts", OffsetDateTime.parse(s));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInput("ts", "\"ts\" must be unix seconds or an ISO-8601 time");
    }
  }
}
