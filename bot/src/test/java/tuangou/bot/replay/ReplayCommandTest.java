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

class ReplayCommandTest {
  private static final String CATALOG = """
      {"campaign": "2026-11-23", "items": [
        {"no": 1, "id": "blueberry", "name": "云南蓝莓", "aliases": ["蓝莓"], "unit": "盒", "spec": "125g", "priceFen": 1990},
        {"no": 2, "id": "strawberry", "name": "丹东草莓", "aliases": ["草莓"], "unit": "盒", "spec": "500g", "priceFen": 3990},
        {"no": 3, "id": "apple", "name": "烟台苹果", "aliases": ["苹果"], "unit": "斤", "spec": "", "priceFen": 690}]}
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReplayCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsOrdersTotalsAndUnresolvedInTheContractShape() throws IOException {
    Path c = file("c.json", CATALOG);
    Path t = file("t.jsonl", """
        {"id": "m1", "group": "g1", "sender": "u1", "name": "王芳", "text": "#接龙\\n1. 2-302 王芳 蓝莓2盒", "ts": "2026-11-22T20:01:00+08:00"}
        {"id": "m2", "group": "g1", "sender": "u2", "name": "李四", "text": "苹果半斤", "ts": "2026-11-22T20:02:00+08:00"}
        {"id": "m5", "group": "g1", "sender": "u3", "name": "王五", "text": "莓 1", "ts": "2026-11-22T20:05:00+08:00"}
        """);
    assertThat(run("--catalog", c.toString(), t.toString())).isZero();
    JsonObject json = new JsonObject(out.toString(StandardCharsets.UTF_8));
    assertThat(json.getJsonArray("orders").getJsonObject(0)).isEqualTo(new JsonObject("""
        {"group": "g1", "customer": "u1", "label": "2-302 王芳",
         "lines": [{"item": "blueberry", "qty": 2, "note": "", "source": "m1"}]}"""));
    assertThat(json.getJsonArray("orders").getJsonObject(1).getJsonArray("lines").getJsonObject(0).getValue("qty"))
        .hasToString("0.5");
    assertThat(json.getJsonArray("totals").encode())
        .isEqualTo("[{\"item\":\"apple\",\"qty\":0.5},{\"item\":\"blueberry\",\"qty\":2}]");
    assertThat(json.getJsonArray("unresolved").getJsonObject(0)).isEqualTo(new JsonObject(
        "{\"source\": \"m5\", \"text\": \"莓 1\", \"reason\": \"ambiguous: blueberry, strawberry\"}"));
    assertThat(stderr()).isEmpty();
  }

  @Test
  void badJsonLineIsNamedByNumber() throws IOException {
    Path c = file("c.json", CATALOG);
    Path t = file("t.jsonl", """
        {"id": "m1", "group": "g1", "sender": "u1", "text": "苹果1斤"}

        {"id": "m2", "group": "g1", "sender": "u1", "text": "苹果1斤"
        """);
    assertThat(run("--catalog", c.toString(), t.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("replay: " + t + " line 3: not valid JSON").doesNotContain("\tat ");
    assertThat(stderr().lines()).hasSize(1);
    assertThat(out.size()).isZero();
  }

  @Test
  void missingFieldIsNamed() throws IOException {
    Path c = file("c.json", CATALOG);
    Path t = file("t.jsonl", "{\"id\": \"m1\", \"sender\": \"u1\", \"text\": \"苹果1斤\"}\n");
    assertThat(run("--catalog", c.toString(), t.toString())).isEqualTo(2);
    assertThat(stderr()).contains("line 1: missing \"group\"");
  }

  @Test
  void badTimestampIsNamed() throws IOException {
    Path c = file("c.json", CATALOG);
    Path t = file("t.jsonl", "{\"id\": \"m1\", \"group\": \"g\", \"sender\": \"u1\", \"text\": \"x\", \"ts\": \"yesterday\"}\n");
    assertThat(run("--catalog", c.toString(), t.toString())).isEqualTo(2);
    assertThat(stderr()).contains("line 1: \"ts\"");
  }

  @Test
  void missingFileIsReportedInOneLine() throws IOException {
    Path c = file("c.json", CATALOG);
    assertThat(run("--catalog", c.toString(), dir.resolve("nope.jsonl").toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("replay: cannot read").contains("nope.jsonl");
    assertThat(stderr().lines()).hasSize(1);
  }

  @Test
  void malformedCatalogIsReported() throws IOException {
    Path t = file("t.jsonl", "");
    assertThat(run("--catalog", file("c1.json", "{\"items\": [{\"no\": 1, \"name\": \"x\"}]}").toString(), t.toString()))
        .isEqualTo(2);
    assertThat(stderr()).contains("item 1: missing \"id\"");
    err.reset();
    assertThat(run("--catalog", file("c2.json", "[1, 2]").toString(), t.toString())).isEqualTo(2);
    assertThat(stderr()).contains("not a JSON object");
    err.reset();
    assertThat(run("--catalog", file("c3.json", "{\"items\": [{\"no\": 1, \"id\": \"a\", \"name\": \"x\"},"
        + "{\"no\": 2, \"id\": \"a\", \"name\": \"y\"}]}").toString(), t.toString())).isEqualTo(2);
    assertThat(stderr()).contains("duplicate id \"a\"");
  }

  @Test
  void nonUtf8InputIsReportedNotMisread() throws IOException {
    Path c = file("c.json", CATALOG);
    Path t = Files.write(dir.resolve("gbk.jsonl"),
        "{\"id\": \"m1\", \"group\": \"g\", \"sender\": \"u\", \"text\": \"苹果\"}\n".getBytes("GBK"));
    assertThat(run("--catalog", c.toString(), t.toString())).isEqualTo(2);
    assertThat(stderr()).contains("not UTF-8");
  }

  @Test
  void usageErrorsExitWithTwoAndHelpWithZero() {
    assertThat(run()).isEqualTo(2);
    assertThat(stderr()).contains("--catalog is required");
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:").contains("TRANSCRIPT.jsonl");
    assertThat(run("--catalog")).isEqualTo(2);
  }

  @Test
  void extraSynonymsFileIsUsed() throws IOException {
    Path c = file("c.json", CATALOG);
    Path t = file("t.jsonl", "{\"id\": \"m1\", \"group\": \"g\", \"sender\": \"u\", \"text\": \"越橘2盒\"}\n");
    assertThat(run("--catalog", c.toString(), t.toString())).isZero();
    assertThat(new JsonObject(out.toString(StandardCharsets.UTF_8)).getJsonArray("orders")).isEmpty();
    out.reset();
    Path s = file("syn.txt", "# ours\n蓝莓,越橘\n");
    assertThat(run("--catalog", c.toString(), "--synonyms", s.toString(), t.toString())).isZero();
    assertThat(new JsonObject(out.toString(StandardCharsets.UTF_8)).getJsonArray("totals").encode())
        .isEqualTo("[{\"item\":\"blueberry\",\"qty\":2}]");
  }
}
