package tuangou.bot.channel.wecom.msgaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tuangou.bot.channel.wecom.msgaudit.AuditResult.Reason;
import tuangou.bot.channel.wecom.msgaudit.AuditResult.Skipped;
import tuangou.bot.channel.wecom.msgaudit.AuditResult.Unreadable;

/** Recorded msgaudit records, each with every field of what it maps to. */
class MsgAuditMapperTest {
  private static final String ROOM = "wrErxtDgAA0jgXE5fNJbmGmbwgFnEYFQ";
  private static final String ZHANG = "wmErxtDgAA9AW32cc1LKeGVk3VlQ2O_w";
  private static final String LI = "wmErxtDgAAhteCglUZH2kUt3rq431qmg";

  static String fixture(String name) {
    try (InputStream in = MsgAuditMapperTest.class.getResourceAsStream("/fixtures/wecom/msgaudit/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of("text-customer-group.json", new AuditedMessage("11788441727514772650_1763812860", ROOM, ZHANG,
            1763812860476L, "3-1-201 苹果2斤，香蕉1把", Map.of("msgType", "text"))),
        Arguments.of("solitaire.json", new AuditedMessage("17952229780246929345_1763813015", ROOM, LI,
            1763813015120L,
            "#接龙\n周五水果团\n明天中午12点截单 周五下午到货\n例 楼号-房号 姓名 商品数量\n\n"
                + "1. 3-1-201 张三 苹果2斤\n2. 5-302 李四 香蕉1把+葡萄1串",
            Map.of("msgType", "solitaire", "entryAuthors", "[\"" + ZHANG + "\",\"" + LI + "\"]"))),
        Arguments.of("solitaire-author-missing.json", new AuditedMessage("17952229780246929346_1763813077", ROOM, LI,
            1763813077001L, "#接龙 周五水果团\n\n1. 3-1-201 张三 苹果2斤\n2. 8-1602 王五 鸡蛋两板",
            Map.of("msgType", "solitaire"))),
        Arguments.of("mixed.json", new AuditedMessage("DAQQluDa4QUY0On4kYSABAMgzPrShAE=", ROOM, LI, 1763813500221L,
            "这个草莓我要两盒\n不要太熟", Map.of("msgType", "mixed"))),
        Arguments.of("recall.json", new Skipped("15775510700154476302_1763813102", Reason.RECALL, ZHANG,
            Map.of("recalledMsgId", "11788441727514772650_1763812860"))),
        Arguments.of("private-chat.json", new Skipped("CAQQluDa4QUY0On2rYSAgAMgzPrShAE=", Reason.NOT_GROUP, ZHANG,
            Map.of())),
        Arguments.of("image.json", new Skipped("CAQQvPnc4QUY0On2rYSAgAMgooLa0Q8=", Reason.UNSUPPORTED_TYPE, "image",
            Map.of())),
        Arguments.of("mixed-images-only.json", new Skipped("DAQQluDa4QUY0On4kYSABAMgzPrShAF=", Reason.NO_TEXT, "mixed",
            Map.of())),
        Arguments.of("switch.json", new Skipped("125289002219525886280", Reason.SWITCH, "zhangwei", Map.of())),
        Arguments.of("missing-msgtime.json", new Unreadable("11788441727514772651_1763813910", "no msgtime")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void eachRecordedRecordMapsToExactlyItsResult(String fixture, AuditResult expected) {
    assertThat(MsgAuditMapper.map(fixture(fixture))).isEqualTo(expected);
  }

  @Test
  void truncatedJsonIsAnErrorValueNotAnException() {
    AuditResult result = MsgAuditMapper.map(fixture("malformed.json"));
    assertThat(result).isInstanceOf(Unreadable.class);
    assertThat(((Unreadable) result).msgId()).isEmpty();
    assertThat(((Unreadable) result).problem()).startsWith("not JSON: ");
  }

  @Test
  void recordsThatAreNotMessageObjectsAreUnreadable() {
    assertThat(MsgAuditMapper.map(null)).isEqualTo(new Unreadable("", "empty record"));
    assertThat(MsgAuditMapper.map("  ")).isEqualTo(new Unreadable("", "empty record"));
    assertThat(MsgAuditMapper.map("[1, 2]")).isEqualTo(new Unreadable("", "not a JSON object"));
    assertThat(MsgAuditMapper.map("\"text\"")).isEqualTo(new Unreadable("", "not a JSON object"));
    assertThat(MsgAuditMapper.map("{\"action\":\"send\"}")).isEqualTo(new Unreadable("", "no msgid"));
    assertThat(MsgAuditMapper.map("{\"msgid\":\"m1\",\"action\":\"send\",\"roomid\":\"wr1\",\"msgtime\":1,"
        + "\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}")).isEqualTo(new Unreadable("m1", "no sender"));
  }

  @Test
  void msgtimeMayComeAsDigitsInAString() {
    String record = "{\"msgid\":\"m1\",\"action\":\"send\",\"from\":\"wm1\",\"roomid\":\"wr1\",\"msgtime\":\"1763812860476\","
        + "\"msgtype\":\"text\",\"text\":{\"content\":\"苹果+1\"}}";
    assertThat(MsgAuditMapper.map(record))
        .isEqualTo(new AuditedMessage("m1", "wr1", "wm1", 1763812860476L, "苹果+1", Map.of("msgType", "text")));
  }

  @Test
  void emptyTextAndEmptyChainsAreSkipped() {
    String text = "{\"msgid\":\"m1\",\"action\":\"send\",\"from\":\"wm1\",\"roomid\":\"wr1\",\"msgtime\":1,"
        + "\"msgtype\":\"text\",\"text\":{\"content\":\" \"}}";
    assertThat(MsgAuditMapper.map(text)).isEqualTo(new Skipped("m1", Reason.NO_TEXT, "text", Map.of()));
    String chain = "{\"msgid\":\"m2\",\"action\":\"send\",\"from\":\"wm1\",\"roomid\":\"wr1\",\"msgtime\":1,"
        + "\"msgtype\":\"solitaire\",\"solitaire\":{\"item\":[]}}";
    assertThat(MsgAuditMapper.map(chain)).isEqualTo(new Skipped("m2", Reason.NO_TEXT, "solitaire", Map.of()));
  }

  @Test
  void otherActionsAreSkippedWithTheirName() {
    assertThat(MsgAuditMapper.map("{\"msgid\":\"m1\",\"action\":\"edit\"}"))
        .isEqualTo(new Skipped("m1", Reason.UNSUPPORTED_ACTION, "edit", Map.of()));
  }
}
