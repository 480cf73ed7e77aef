package tuangou.bot.channel.wecom.msgaudit;

import java.util.Map;
import java.util.Objects;

/**
 * What one decrypted msgaudit record becomes: a group message for the inbox, a record that is
 * deliberately not one (with the reason), or a record that could not be read at all.
 */
public sealed interface AuditResult permits AuditedMessage, AuditResult.Skipped, AuditResult.Unreadable {

  /** Why a well-formed record is not a group message. */
  enum Reason {
    /** No roomid: a one-to-one chat, not a group. */
    NOT_GROUP,
    /** action=recall; the recalled message's id is in extras {@code recalledMsgId}. */
    RECALL,
    /** action=switch: a member switched corps, a log line rather than a message. */
    SWITCH,
    /** An action other than send, recall and switch. */
    UNSUPPORTED_ACTION,
    /** A message type that carries no text the bot reads (image, voice, file, …). */
    UNSUPPORTED_TYPE,
    /** A readable type whose text is empty (a mixed message of images only, an empty chain). */
    NO_TEXT
  }

  /**
   * A record that is deliberately not handed on.
   *
   * @param detail the msgtype, action or sender that made the decision, for the log
   */
  record Skipped(String msgId, Reason reason, String detail, Map<String, String> extras) implements AuditResult {
    public Skipped {
      Objects.requireNonNull(msgId, "msgId");
      Objects.requireNonNull(reason, "reason");
      detail = detail == null ? "" : detail;
      extras = extras == null ? Map.of() : Map.copyOf(extras);
    }
  }

  /**
   * A record that is not valid JSON or lacks a field every message has.
   *
   * @param msgId the record's msgid when it could be read, else empty
   */
  record Unreadable(String msgId, String problem) implements AuditResult {
    public Unreadable {
      msgId = msgId == null ? "" : msgId;
      Objects.requireNonNull(problem, "problem");
    }
  }
}
