package tuangou.bot.channel.wecom.msgaudit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tuangou.bot.channel.wecom.msgaudit.AuditResult.Reason;
import tuangou.bot.channel.wecom.msgaudit.AuditResult.Skipped;
import tuangou.bot.channel.wecom.msgaudit.AuditResult.Unreadable;

/**
 * Maps one decrypted msgaudit record to an {@link AuditResult}. Pure: no I/O, no Vert.x, and it
 * never throws, whatever the input.
 *
 * <p>A record is Tencent's plaintext JSON (会话内容存档, document 91774): {@code msgid},
 * {@code action} (send, recall, switch), {@code from}, {@code tolist}, {@code roomid} (empty
 * outside groups), {@code msgtime} in milliseconds, {@code msgtype}, and a body named after the
 * type ({@code "text": {"content": …}}). Text, mixed (its text parts) and 接龙 become messages;
 * every other type is skipped with its name, so a type the bot should read shows up in the log.
 */
public final class MsgAuditMapper {
  /** Extras key of the type a message had in the archive. */
  public static final String MSG_TYPE = "msgType";
  /** Extras key of the message a recall takes back. */
  public static final String RECALLED_MSG_ID = "recalledMsgId";
  /** Extras key the pipeline reads a 接龙's per-entry authors from (a JSON array of ids). */
  public static final String ENTRY_AUTHORS = "entryAuthors";

  private static final ObjectMapper JSON = new ObjectMapper();

  private MsgAuditMapper() {}

  public static AuditResult map(String plaintext) {
    try {
      return read(plaintext);
    } catch (RuntimeException e) {
      // Jackson's tree API does not throw on odd shapes, but a record must never stop the reader
      return new Unreadable("", "unexpected record shape: " + e.getMessage());
    }
  }

  private static AuditResult read(String plaintext) {
    if (plaintext == null || plaintext.isBlank()) {
      return new Unreadable("", "empty record");
    }
    JsonNode root;
    try {
      root = JSON.readTree(plaintext);
    } catch (JsonProcessingException e) {
      return new Unreadable("", "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new Unreadable("", "not a JSON object");
    }
    String msgId = string(root, "msgid");
    if (msgId.isEmpty()) {
      return new Unreadable("", "no msgid");
    }
    String action = string(root, "action");
    switch (action) {
      case "send":
        break;
      case "switch":
        return new Skipped(msgId, Reason.SWITCH, string(root, "user"), Map.of());
      case "recall":
        // kept as a skip for now: cancelling what the recalled message ordered is the pipeline's call
        String recalled = string(root.path("revoke"), "pre_msgid");
        return new Skipped(msgId, Reason.RECALL, string(root, "from"),
            recalled.isEmpty() ? Map.of() : Map.of(RECALLED_MSG_ID, recalled));
      default:
        return new Skipped(msgId, Reason.UNSUPPORTED_ACTION, action, Map.of());
    }
    String from = string(root, "from");
    String room = string(root, "roomid");
    if (room.isEmpty()) {
      return new Skipped(msgId, Reason.NOT_GROUP, from, Map.of());
    }
    if (from.isEmpty()) {
      return new Unreadable(msgId, "no sender");
    }
    Optional<Long> sentAt = millis(root.get("msgtime"));
    if (sentAt.isEmpty()) {
      return new Unreadable(msgId, "no msgtime");
    }
    String type = string(root, "msgtype");
    Map<String, String> extras = new HashMap<>();
    extras.put(MSG_TYPE, type);
    String text;
    switch (type) {
      case "text":
        text = string(root.path("text"), "content");
        break;
      case "mixed":
        text = mixedText(root.path("mixed"));
        break;
      case SolitaireText.MSG_TYPE:
        SolitaireText.Chain chain = SolitaireText.read(root.path(SolitaireText.MSG_TYPE));
        text = chain.text();
        if (!chain.authors().isEmpty()) {
          extras.put(ENTRY_AUTHORS, jsonArray(chain.authors()));
        }
        break;
      default:
        return new Skipped(msgId, Reason.UNSUPPORTED_TYPE, type, Map.of());
    }
    if (text.isBlank()) {
      return new Skipped(msgId, Reason.NO_TEXT, type, Map.of());
    }
    return new AuditedMessage(msgId, room, from, sentAt.get(), text, extras);
  }

  /**
   * The text parts of a mixed message, one per line. Each part's {@code content} is the body of
   * its own type, itself encoded as a JSON string: {@code {"type":"text","content":"{\"content\":\"…\"}"}}.
   */
  private static String mixedText(JsonNode mixed) {
    List<String> parts = new ArrayList<>();
    for (JsonNode item : mixed.path("item")) {
      if (!"text".equals(string(item, "type"))) {
        continue; // images and emotions inside a mixed message carry no order text
      }
      JsonNode content = item.path("content");
      JsonNode body = content;
      if (content.isTextual()) {
        try {
          body = JSON.readTree(content.textValue());
        } catch (JsonProcessingException e) {
          continue;
        }
      }
      String text = body == null ? "" : string(body, "content");
      if (!text.isBlank()) {
        parts.add(text);
      }
    }
    return String.join("\n", parts);
  }

  /** msgtime: a number, or digits in a string (as some SDK wrappers re-encode it). */
  private static Optional<Long> millis(JsonNode n) {
    if (n != null && n.isIntegralNumber() && n.canConvertToLong()) {
      return Optional.of(n.longValue());
    }
    if (n != null && n.isTextual() && n.textValue().matches("\\d{1,18}")) {
      return Optional.of(Long.parseLong(n.textValue()));
    }
    return Optional.empty();
  }

  static String string(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? v.asText() : "";
  }

  private static String jsonArray(List<String> values) {
    var array = JSON.createArrayNode();
    values.forEach(array::add);
    return array.toString();
  }
}
