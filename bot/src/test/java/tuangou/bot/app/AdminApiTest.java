package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin API: auth, validation (400 with a message, never 500), not found, conflicts, paging. */
class AdminApiTest {
  private static final TestService SERVICE = TestService.get();

  @Test
  void healthIsUpWithoutToken() {
    TestService.Reply r = SERVICE.call("GET", "/health", null, false);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("status")).isEqualTo("UP");
  }

  @Test
  void metricsAreExposedForPrometheusWithTheConfiguredToken() {
    SERVICE.call("GET", "/health", null, false);
    assertThat(SERVICE.call("GET", "/metrics", null, false).status()).isEqualTo(401);
    TestService.Reply r = SERVICE.call("GET", "/metrics", null, true);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("tuangou_messages_received_total").contains("tuangou_message_processing")
        .contains("tuangou_replies_sent_total").contains("tuangou_order_lines_changed_total");
  }

  @Test
  void missingOrWrongTokenIsRefused() {
    assertThat(SERVICE.call("GET", "/api/v1/leaders", null, false).status()).isEqualTo(401);
    TestService.Reply wrong = SERVICE.call("GET", "/api/v1/leaders", null, false);
    assertThat(wrong.json().getString("error")).isEqualTo("unauthorized");
    java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(SERVICE.base() + "/api/v1/leaders")).header("Authorization", "Bearer nope").build();
    try {
      int status = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString())
          .statusCode();
      assertThat(status).isEqualTo(403);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "POST | /leaders | {not json",
      "POST | /leaders | []",
      "POST | /leaders | {}",
      "POST | /leaders | {\"name\": \"\"}",
      "POST | /leaders | {\"name\": \"王\", \"commissionRateBp\": 20000}",
      "POST | /leaders | {\"name\": \"王\", \"commissionRateBp\": \"ten\"}",
      "POST | /groups | {\"channel\": \"qq\", \"chatId\": \"c\", \"name\": \"n\", \"leaderId\": 1}",
      "POST | /groups | {\"channel\": \"sim\", \"chatId\": \"c\", \"name\": \"n\"}",
      "POST | /groups | {\"channel\": \"sim\", \"chatId\": \"c\", \"name\": \"n\", \"leaderId\": 999999999}",
      "POST | /campaigns | {\"items\": []}",
      "POST | /campaigns | {\"items\": [{\"no\": 1, \"name\": \"x\"}]}",
      "POST | /campaigns | {\"items\": [{\"no\": 1, \"id\": \"a\", \"name\": \"x\", \"priceFen\": 100}, {\"no\": 1, \"id\": \"b\", \"name\": \"y\", \"priceFen\": 100}]}",
      "POST | /campaigns | {\"items\": [{\"no\": 1, \"id\": \"a\", \"name\": \"x\", \"priceFen\": 100}], \"opensAt\": \"tomorrow\"}",
      "POST | /campaigns | {\"items\": [{\"no\": 1, \"id\": \"a\", \"name\": \"x\", \"priceFen\": 100}], \"groups\": [\"g\"]}",
      "GET | /leaders/abc | ",
      "GET | /leaders?limit=0 | ",
      "GET | /campaigns/1/orders?group=x | ",
  })
  void badRequestsAre400WithAMessage(String method, String path, String body) {
    TestService.Reply r = SERVICE.admin(method, path, body == null || body.isBlank() ? null : body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("message")).isNotBlank();
  }

  @Test
  void aCampaignItemWithoutItsPriceInFenIsRefusedNamingTheField() {
    TestService.Reply r = SERVICE.admin("POST", "/campaigns", new io.vertx.core.json.JsonObject().put("items",
        new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject().put("no", 1).put("id", "no-price")
            .put("name", "烟台苹果").put("unit", "斤").put("price", 6.9))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getString("message")).contains("items[0].priceFen");
    TestService.Reply yuan = SERVICE.admin("POST", "/campaigns", new io.vertx.core.json.JsonObject().put("items",
        new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject().put("no", 1).put("id", "yuan-price")
            .put("name", "烟台苹果").put("unit", "斤").put("priceFen", 6.9))));
    assertThat(yuan.status()).isEqualTo(400);
  }

  @Test
  void brokenJsonIsToldWhereWithoutTheParsersInsides() {
    TestService.Reply r = SERVICE.admin("POST", "/leaders", "{\"name\": \"王团长\"");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getString("message")).startsWith("the body is not valid JSON").contains("line 1")
        .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("marker");
  }

  @Test
  void unknownThingsAre404() {
    assertThat(SERVICE.admin("GET", "/leaders/987654321", null).status()).isEqualTo(404);
    assertThat(SERVICE.admin("GET", "/campaigns/987654321/orders", null).status()).isEqualTo(404);
    assertThat(SERVICE.admin("GET", "/campaigns/987654321/summary", null).status()).isEqualTo(404);
    assertThat(SERVICE.admin("GET", "/nothing-here", null).json().getString("error")).isEqualTo("not_found");
  }

  @Test
  void duplicateGroupIs409() {
    String chat = TestService.chatId("twice");
    SERVICE.simGroup(chat, "lead");
    long leader = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "李团长")).json().getLong("id");
    TestService.Reply again = SERVICE.admin("POST", "/groups", new JsonObject().put("channel", "sim")
        .put("chatId", chat).put("name", "again").put("leaderId", leader));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("error")).isEqualTo("conflict");
  }

  @Test
  void leadersAreCreatedReadUpdatedAndPaged() {
    TestService.Reply created = SERVICE.admin("POST", "/leaders",
        new JsonObject().put("name", "赵团长").put("phone", "13900000000").put("commissionRateBp", 1200));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().getLong("id");
    assertThat(SERVICE.admin("GET", "/leaders/" + id, null).json().getInteger("commissionRateBp")).isEqualTo(1200);
    TestService.Reply updated = SERVICE.admin("PATCH", "/leaders/" + id, new JsonObject().put("commissionRateBp", 1500));
    assertThat(updated.json().getInteger("commissionRateBp")).isEqualTo(1500);
    assertThat(updated.json().getString("name")).isEqualTo("赵团长");
    JsonObject page = SERVICE.admin("GET", "/leaders?offset=0&limit=2", null).json();
    assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(2);
    assertThat(page.getInteger("limit")).isEqualTo(2);
  }

  @Test
  void campaignCutoffMovedIntoThePastStopsOrders() {
    String chat = TestService.chatId("cut");
    long group = SERVICE.simGroup(chat, "lead");
    long campaign = SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("opensAt", java.time.OffsetDateTime.now().minusHours(2).toString())
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "cut-apple").put("name", "烟台苹果")
            .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690)))).json().getLong("id");
    assertThat(SERVICE.say(chat, null, "u1", "张三", "苹果1斤").json().getJsonArray("replies").encode()).contains("已记下");
    TestService.Reply moved = SERVICE.admin("PATCH", "/campaigns/" + campaign,
        new JsonObject().put("cutoffAt", java.time.OffsetDateTime.now().minusMinutes(1).toString()));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(SERVICE.say(chat, null, "u1", "张三", "苹果1斤").json().getJsonArray("replies").encode())
        .contains("已截单");
    assertThat(SERVICE.admin("PATCH", "/campaigns/" + campaign, new JsonObject().put("items", new JsonArray())).status())
        .isEqualTo(400);
    assertThat(SERVICE.admin("PATCH", "/campaigns/" + campaign,
        new JsonObject().put("cutoffAt", "2000-01-01T00:00:00+08:00")).status()).isEqualTo(400);
    assertThat(SERVICE.admin("PATCH", "/campaigns/987654321", new JsonObject().put("campaign", "x")).status())
        .isEqualTo(404);
  }

  @Test
  void productAliasChangeIsMatchedAtOnce() {
    String chat = TestService.chatId("alias");
    long group = SERVICE.simGroup(chat, "lead");
    String pid = "alias-" + chat;
    SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", pid).put("name", "烟台苹果")
            .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))));
    assertThat(SERVICE.say(chat, null, "u1", "张三", "大红袍2斤").json().getJsonArray("replies").encode())
        .doesNotContain("已记下");
    TestService.Reply patched = SERVICE.admin("PATCH", "/products/" + pid,
        new JsonObject().put("aliases", new JsonArray().add("苹果").add("大红袍")));
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(SERVICE.admin("GET", "/products/" + pid, null).json().getJsonArray("aliases")).contains("大红袍");
    assertThat(SERVICE.say(chat, null, "u1", "张三", "大红袍2斤").json().getJsonArray("replies").getJsonObject(0)
        .getString("text")).isEqualTo("@张三 已记下：苹果2斤");
    assertThat(SERVICE.admin("GET", "/products/none-such", null).status()).isEqualTo(404);
    assertThat(SERVICE.admin("PATCH", "/products/" + pid, new JsonObject().put("priceFen", -1)).status()).isEqualTo(400);
    assertThat(SERVICE.admin("GET", "/products?limit=1", null).json().getJsonArray("items")).hasSize(1);
  }

  @Test
  void campaignSummaryAddsUpOrdersInFen() {
    String chat = TestService.chatId("sum");
    long group = SERVICE.simGroup(chat, "lead");
    JsonObject c = new JsonObject().put("campaign", "sum").put("groups", new JsonArray().add(group))
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "sum-apple").put("name", "烟台苹果")
            .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690)));
    long campaign = SERVICE.admin("POST", "/campaigns", c).json().getLong("id");
    SERVICE.say(chat, null, "u1", "张三", "苹果2斤");
    SERVICE.say(chat, null, "u2", "李四", "苹果半斤");
    JsonObject summary = SERVICE.admin("GET", "/campaigns/" + campaign + "/summary", null).json();
    JsonObject total = summary.getJsonArray("totals").getJsonObject(0);
    assertThat(total.getValue("qty").toString()).isEqualTo("2.5");
    assertThat(total.getLong("amountFen")).isEqualTo(1725L);
    assertThat(summary.getJsonArray("groups").getJsonObject(0).getInteger("customers")).isEqualTo(2);
    TestService.Reply tally = SERVICE.say(chat, null, "lead", "团长", "汇总");
    assertThat(tally.json().getJsonArray("replies").getJsonObject(0).getString("text"))
        .contains("2人下单").contains("苹果2.5斤").contains("17.25");
    assertThat(SERVICE.say(chat, null, "u1", "张三", "汇总").json().getJsonArray("replies").getJsonObject(0)
        .getString("text")).contains("只有团长");
  }
}
