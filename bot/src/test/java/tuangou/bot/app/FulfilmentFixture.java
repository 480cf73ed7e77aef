package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A campaign of two groups with their own pickup points, and four orders made one after another:
 * <pre>
 *   1. group A  张三 (label 3-1-201)  苹果2斤
 *   2. group B  王五                  苹果3斤，蓝莓1盒
 *   3. group A  李四                  苹果半斤
 *   4. group A  张三                  蓝莓2盒
 * </pre>
 * Apples are 6.95 a 斤 (cost 4.55), blueberries 19.90 a box (cost unknown).
 */
final class FulfilmentFixture {
  static final TestService SERVICE = TestService.get();

  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final String chatA = TestService.chatId("fa");
  final String chatB = TestService.chatId("fb");
  final String apple = "apple-" + suffix;
  final String blueberry = "blueberry-" + suffix;
  final String zhang = "zs-" + suffix;
  final String li = "ls-" + suffix;
  final String wang = "ww-" + suffix;
  final long groupA;
  final long groupB;
  final long campaign;

  FulfilmentFixture() {
    groupA = SERVICE.simGroup(chatA, "lead-" + suffix);
    groupB = SERVICE.simGroup(chatB, "lead-" + suffix);
    SERVICE.admin("PATCH", "/groups/" + groupA, new JsonObject().put("pickupPoint", "幸福里3号门"));
    SERVICE.admin("PATCH", "/groups/" + groupB, new JsonObject().put("pickupPoint", "阳光城东门"));
    TestService.Reply created = SERVICE.admin("POST", "/campaigns", new JsonObject().put("campaign", "周末团")
        .put("groups", new JsonArray().add(groupA).add(groupB)).put("pickupAt", "2026-11-23T18:00:00+08:00")
        .put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", apple).put("name", "烟台苹果")
                .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 695).put("costFen", 455))
            .add(new JsonObject().put("no", 2).put("id", blueberry).put("name", "云南蓝莓")
                .put("aliases", new JsonArray().add("蓝莓")).put("unit", "盒").put("priceFen", 1990))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    campaign = created.json().getLong("id");
    order(chatA, zhang, "张三", "3-1-201 苹果2斤", "苹果2斤");
    order(chatB, wang, "王五", "苹果3斤，蓝莓1盒", "苹果3斤、蓝莓1盒");
    order(chatA, li, "李四", "苹果半斤", "苹果0.5斤");
    order(chatA, zhang, "张三", "蓝莓2盒", "蓝莓2盒");
  }

  private static void order(String chat, String sender, String name, String text, String confirmed) {
    String replies = SERVICE.say(chat, null, sender, name, text).json().getJsonArray("replies").encode();
    assertThat(replies).as("order taken").contains("已记下：" + confirmed);
  }

  JsonObject get(String path) {
    TestService.Reply r = SERVICE.admin("GET", "/campaigns/" + campaign + path, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** A download: status, headers that matter, and the bytes. */
  record Download(int status, String contentType, String disposition, byte[] body) {}

  static Download download(String path) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(SERVICE.base() + "/api/v1" + path))
        .header("Authorization", "Bearer " + TestService.TOKEN).build();
    try {
      HttpResponse<byte[]> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
      return new Download(r.statusCode(), r.headers().firstValue("content-type").orElse(""),
          r.headers().firstValue("content-disposition").orElse(""), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<String> sheetNames(byte[] xlsx) throws IOException {
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      return book.getSheets().map(Sheet::getName).toList();
    }
  }

  /** A sheet's rows, cells as text: numbers without trailing zeros, empty cells "". */
  static List<List<String>> rows(byte[] xlsx, int sheet) throws IOException {
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
      List<List<String>> out = new ArrayList<>();
      for (Row row : book.getSheet(sheet).orElseThrow().read()) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null || cell.getType() == CellType.EMPTY ? ""
              : cell.getType() == CellType.NUMBER ? cell.asNumber().stripTrailingZeros().toPlainString() : cell.getText());
        }
        out.add(cells);
      }
      return out;
    }
  }

  /** CSV records without the BOM, split on CRLF and commas (the fixture's texts hold neither). */
  static List<List<String>> csv(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<List<String>> out = new ArrayList<>();
    for (String line : text.substring(1).split("\r\n", -1)) {
      out.add(List.of(line.split(",", -1)));
    }
    return out;
  }

  static BigDecimal qty(JsonObject o, String field) {
    return new BigDecimal(o.getValue(field).toString());
  }
}
