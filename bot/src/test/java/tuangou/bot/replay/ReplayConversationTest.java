package tuangou.bot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay decides answers to the bot's questions and chat commands as the service does, without a database. */
class ReplayConversationTest {
  private static final String ITEMS = """
      "items": [
        {"no": 1, "id": "blueberry", "name": "云南蓝莓", "aliases": ["蓝莓"], "unit": "盒", "spec": "125g", "priceFen": 1990},
        {"no": 2, "id": "strawberry", "name": "丹东草莓", "aliases": ["草莓"], "unit": "盒", "spec": "500g", "priceFen": 3990},
        {"no": 3, "id": "apple", "name": "烟台苹果", "aliases": ["苹果"], "unit": "斤", "spec": "", "priceFen": 690}]""";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private JsonObject replay(String catalog, String transcript) throws IOException {
    Path c = Files.writeString(dir.resolve("c.json"), catalog, StandardCharsets.UTF_8);
    Path t = Files.writeString(dir.resolve("t.jsonl"), transcript, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReplayCommand.run(List.of("--catalog", c.toString(), "--replies", t.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isZero();
    return new JsonObject(out.toString(StandardCharsets.UTF_8));
  }

  private static String line(String id, String sender, String name, String text) {
    return new JsonObject().put("id", id).put("group", "g1").put("sender", sender).put("name", name).put("text", text)
        .put("ts", "2026-11-22T20:01:00+08:00").encode() + "\n";
  }

  private static List<String> said(JsonObject json) {
    return json.getJsonArray("replies").stream().map(r -> ((JsonObject) r).getString("text")).toList();
  }

  @Test
  void aBareNumberAnsweringTheBotsQuestionOrdersTheChosenItemWithTheAmountFirstWritten() throws IOException {
    JsonObject json = replay("{\"campaign\": \"c\", " + ITEMS + "}",
        line("m1", "u3", "王五", "莓 2") + line("m2", "u3", "王五", "2"));
    assertThat(json.getJsonArray("unresolved")).isEmpty();
    assertThat(json.getJsonArray("totals").encode()).isEqualTo("[{\"item\":\"strawberry\",\"qty\":2}]");
    assertThat(said(json)).hasSize(2);
    assertThat(said(json).get(0)).contains("是哪一个");
    assertThat(said(json).get(1)).isEqualTo("@王五 好的，已记下：草莓2盒");
  }

  @Test
  void anOrderRestatedInFullSettlesTheQuestionAndCountsAsWritten() throws IOException {
    JsonObject json = replay("{\"campaign\": \"c\", " + ITEMS + "}",
        line("m1", "u3", "王五", "莓 2") + line("m2", "u3", "王五", "那要蓝莓3盒吧"));
    assertThat(json.getJsonArray("unresolved")).isEmpty();
    assertThat(json.getJsonArray("totals").encode()).isEqualTo("[{\"item\":\"blueberry\",\"qty\":3}]");
  }

  @Test
  void aNumberFromSomeoneElseDoesNotAnswerAnotherResidentsQuestion() throws IOException {
    JsonObject json = replay("{\"campaign\": \"c\", " + ITEMS + "}",
        line("m1", "u3", "王五", "莓 2") + line("m2", "u4", "赵六", "1"));
    assertThat(json.getJsonArray("orders")).isEmpty();
    assertThat(json.getJsonArray("unresolved").getJsonObject(0).getString("source")).isEqualTo("m1");
  }

  @Test
  void theLeadersCutoffEndsOrderingInTheGroupAndLaterOrdersAreRefusedWithANote() throws IOException {
    JsonObject json = replay("{\"campaign\": \"c\", \"leaders\": {\"g1\": \"lead\"}, " + ITEMS + "}",
        line("m1", "u1", "王芳", "苹果2斤") + line("m2", "lead", "团长", "截单") + line("m3", "u2", "李四", "草莓1盒"));
    assertThat(json.getJsonArray("totals").encode()).isEqualTo("[{\"item\":\"apple\",\"qty\":2}]");
    assertThat(said(json)).contains("【g1】已截单，汇总已发到群里");
    assertThat(said(json).get(said(json).size() - 1)).startsWith("@李四 本期已截单");
  }

  @Test
  void aResidentsCutoffIsRefusedPolitelyAndOrderingGoesOn() throws IOException {
    JsonObject json = replay("{\"campaign\": \"c\", \"leaders\": {\"g1\": \"lead\"}, " + ITEMS + "}",
        line("m1", "u1", "王芳", "截单") + line("m2", "u2", "李四", "草莓1盒"));
    assertThat(said(json).get(0)).isEqualTo("@王芳 “截单”只有团长可以用哦");
    assertThat(json.getJsonArray("totals").encode()).isEqualTo("[{\"item\":\"strawberry\",\"qty\":1}]");
  }

  @Test
  void myOrdersAnswersWithTheSendersLinesAndTotal() throws IOException {
    JsonObject json = replay("{\"campaign\": \"c\", " + ITEMS + "}",
        line("m1", "u1", "王芳", "苹果2斤") + line("m2", "u1", "王芳", "我的订单"));
    assertThat(said(json).get(1)).isEqualTo("@王芳 您的订单：\n· 苹果2斤 13.80元\n合计 13.80 元");
  }

  @Test
  void withoutLeadersOrRepliesTheOutputKeepsTheContractShape() throws IOException {
    Path c = Files.writeString(dir.resolve("plain.json"), "{\"campaign\": \"c\", " + ITEMS + "}", StandardCharsets.UTF_8);
    Path t = Files.writeString(dir.resolve("plain.jsonl"), line("m1", "u1", "王芳", "苹果2斤"), StandardCharsets.UTF_8);
    ReplayCommand.run(List.of("--catalog", c.toString(), t.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    assertThat(new JsonObject(out.toString(StandardCharsets.UTF_8)).fieldNames())
        .containsExactlyInAnyOrder("orders", "totals", "unresolved");
  }
}
