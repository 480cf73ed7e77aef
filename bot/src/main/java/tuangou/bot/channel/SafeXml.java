package tuangou.bot.channel;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** XML from outside, parsed with DTDs, external entities and XInclude off: no XXE, no entity bombs. */
public final class SafeXml {
  /**
   * One parser a thread, made once: finding and configuring a parser costs more than parsing a
   * callback, and every WeCom callback is parsed. A parser is not safe to share between threads.
   */
  private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(SafeXml::parser);

  private SafeXml() {}

  public static Document parse(String xml) throws IOException, SAXException {
    DocumentBuilder parser = PARSER.get();
    try {
      return parser.parse(new InputSource(new StringReader(xml)));
    } finally {
      parser.reset();
    }
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard security feature", e);
    }
  }
}
