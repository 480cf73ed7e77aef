package tuangou.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The parser is kept between calls: it must stay as strict after a refusal as before it. */
class SafeXmlTest {
  private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
      + "<xml><Content>&e;</Content></xml>";

  @Test
  void aDoctypeIsRefusedEveryTimeAndPlainXmlIsReadBetween() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> SafeXml.parse(XXE)).isInstanceOf(SAXException.class);
      assertThat(SafeXml.parse("<xml><Content>苹果2斤</Content></xml>").getElementsByTagName("Content").item(0)
          .getTextContent()).isEqualTo("苹果2斤");
      assertThatThrownBy(() -> SafeXml.parse("<xml><unclosed></xml>")).isInstanceOf(SAXException.class);
    }
  }
}
