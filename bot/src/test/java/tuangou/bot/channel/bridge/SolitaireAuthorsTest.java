package tuangou.bot.channel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SolitaireAuthorsTest {

  private static String fixture(String name) throws IOException {
    try (var in = SolitaireAuthorsTest.class.getResourceAsStream("/fixtures/bridge/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsTheAuthorOfEachEntryFromAWholeMessage() throws IOException {
    assertThat(SolitaireAuthors.parse(fixture("solitaire-raw.xml")))
        .containsExactly("wxid_zhangsan01", "wxid_lisi02", "wxid_wangwu03");
  }

  @Test
  void readsTheSolitaireElementAlone() {
    String xml = "<solitaire><content><s>2</s><i><u>a</u></i><i><u>b</u></i></content></solitaire>";
    assertThat(SolitaireAuthors.parse(xml)).containsExactly("a", "b");
    assertThat(SolitaireAuthors.parse("<solitaire_info><![CDATA[" + xml + "]]></solitaire_info>"))
        .containsExactly("a", "b");
  }

  @Test
  void externalEntitiesAreNeverResolved() throws IOException {
    assertThat(SolitaireAuthors.parse(fixture("solitaire-xxe.xml"))).isEmpty();
  }

  @Test
  void missingOrBrokenXmlGivesNoAuthors() {
    assertThat(SolitaireAuthors.parse(null)).isEmpty();
    assertThat(SolitaireAuthors.parse("not xml")).isEmpty();
    assertThat(SolitaireAuthors.parse("<solitaire><content><i><u>a</u></i><i></i></content></solitaire>")).isEmpty();
    assertThat(SolitaireAuthors.parse("<solitaire><content><i><u>a</u>")).isEmpty();
  }

  @Test
  void eventCarriesAuthorsOnlyForWechatChains() throws IOException {
    JsonObject body = new JsonObject().put("msgId", "m1").put("roomId", "r1").put("senderId", "wxid_wangwu03")
        .put("text", "#接龙").put("raw", fixture("solitaire-raw.xml"));
    assertThat(BridgeEvent.of(body.copy().put("appType", 53)).entryAuthors()).hasSize(3);
    assertThat(BridgeEvent.of(body.copy().put("appType", 1)).entryAuthors()).isEmpty();
  }
}
