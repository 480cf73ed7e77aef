package tuangou.bot.channel.wecom;

import org.w3c.dom.Document;
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

  public static WeComCallback parse(String plainXml) {
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
          : String.join(":", from, String.valueOf(created), event, chatId, text(root, "ChangeType"),
              text(root, "UpdateDetail"), text(root, "CurMemVer"));
      return new WeComCallback(msgType, event, text(root, "ChangeType"), chatId, from, created, text(root, "Content"),
          dedup);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a WeCom callback message");
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
      return 0;
    }
  }
}
