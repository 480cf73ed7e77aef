package tuangou.bot.channel.bridge;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tuangou.bot.channel.SafeXml;

/**
 * The author of each entry of WeChat's own 接龙, read from its {@code solitaire_info} XML:
 * {@code <solitaire>…<content><i><u>wxid</u>…</i>…</content></solitaire>}, one {@code <i>} per
 * entry in list order. The bridge may send that XML alone, wrapped in {@code <solitaire_info>}
 * with CDATA, or the whole {@code <msg>}. Parsed with DTDs and external entities disabled.
 */
public final class SolitaireAuthors {
  private SolitaireAuthors() {}

  /** The entry authors, in order; empty when {@code raw} holds no usable solitaire XML. */
  public static List<String> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    String xml = solitaireElement(raw);
    if (xml == null) {
      return List.of();
    }
    try {
      Document doc = SafeXml.parse(xml);
      NodeList contents = doc.getElementsByTagName("content");
      if (contents.getLength() == 0) {
        return List.of();
      }
      List<String> authors = new ArrayList<>();
      NodeList items = ((Element) contents.item(0)).getElementsByTagName("i");
      for (int k = 0; k < items.getLength(); k++) {
        NodeList u = ((Element) items.item(k)).getElementsByTagName("u");
        String author = u.getLength() == 0 ? "" : u.item(0).getTextContent().trim();
        if (author.isEmpty()) {
          return List.of(); // one entry without an author: attribution cannot be trusted
        }
        authors.add(author);
      }
      return List.copyOf(authors);
    } catch (Exception e) {
      return List.of(); // malformed XML: the bot falls back to inferring authors
    }
  }

  /** The {@code <solitaire>…</solitaire>} element, unwrapped from any CDATA or {@code <msg>}. */
  private static String solitaireElement(String raw) {
    String text = raw.replace("<![CDATA[", "").replace("]]>", "");
    int start = text.indexOf("<solitaire>");
    int end = text.lastIndexOf("</solitaire>");
    if (start < 0 || end < start) {
      return null;
    }
    return text.substring(start, end + "</solitaire>".length());
  }
}
