package tuangou.bot.channel.wecom;

import org.w3c.dom.Document;
import tuangou.bot.input.Checks;
import tuangou.bot.input.InvalidInput;
import tuangou.bot.input.Limits;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tuangou.bot.channel.SafeXml;

/**
 * A decrypted WeCom callback: a message to the app or an event. Pure mapping from the plain XML,
 * parsed with DTDs and external entities disabled.
 *
 * @param dedupKey MsgId for messages; for events (they carry no MsgId) FromUserName, CreateTime, the
 *     event and what it is about
 */
public record WeComCallback(String msgType, String event, String changeType, String chatId, String fromUser,
    long createTime, String content, String dedupKey) {

  /**
   * The callback in {@code plainXml}: IllegalArgumentException when it is not one, {@link InvalidInput}
   * naming the field when an id is empty, too long or holds control characters, or the time is out of range.
   */
  public static WeComCallback parse(String plainXml) {
    return read(plainXml).checked();
  }

  private static WeComCallback read(String plainXml) {
    try {
      Document doc = SafeXml.parse(plainXml);
      Element root = doc.getDocumentElement();
      String msgType = text(root, "MsgType");
      String from = text(root, "FromUserName");
      long created = parseLong(text(root, "CreateTime"));
      String msgId = text(root, "MsgId");
      String event = text(root, "Event");
      String chatId = text(root, "ChatId");
      // two changes of one group can share a second: the member version tells them apart
      String dedup = !msgId.isEmpty() ? msgId
          : shortKey(String.join(":", from, String.valueOf(created), event, chatId, text(root, "ChangeType"),
              text(root, "UpdateDetail"), text(root, "CurMemVer")));
      return new WeComCallback(msgType, event, text(root, "ChangeType"), chatId, from, created, text(root, "Content"),
          dedup);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a WeCom callback message");
    }
  }

  private WeComCallback checked() {
    // a private message is stored under "app:" + the sender: that must fit an id too
    Checks.identifier("FromUserName", fromUser.length() > Limits.ID_CHARS - 4 ? fromUser + "    " : fromUser);
    if (!chatId.isEmpty()) {
      Checks.identifier("ChatId", chatId);
    }
    Checks.identifier("MsgId", dedupKey);
    Checks.epochSecond("CreateTime", createTime);
    if (content.length() > 4 * Limits.MESSAGE_CHARS) {
      throw new InvalidInput("Content", "\"Content\" is far over the message cap");
    }
    return this;
  }

  /** An event's key from its parts, hashed when they are too long to be an id. */
  private static String shortKey(String key) {
    if (key.length() <= Limits.ID_CHARS) {
      return key;
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "sha256:" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public boolean isEvent() {
    return "event".equals(msgType);
  }

  private static String text(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1; // out of range: refused by the check, like a number too large
    }
  }
}
