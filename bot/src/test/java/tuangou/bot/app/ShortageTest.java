package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receipts short of the orders: first ordered, first served across groups, refunds per line, one
 * notice per affected group, and the same receipt recorded twice changes and says nothing new.
 */
class ShortageTest {
  private static final TestService SERVICE = TestService.get();
  private static final String NOTICE_A = "【缺货通知】烟台苹果 到货不足：\n· 李四 0.5斤→无货，退 3.48 元\n抱歉！差额将原路退回";
  private static final String NOTICE_B = "【缺货通知】烟台苹果 到货不足：\n· 王五 3斤→1.2斤，退 12.51 元\n抱歉！差额将原路退回";

  private static TestService.Reply receipt(long campaign, Object item, Object qty) {
    return SERVICE.admin("POST", "/campaigns/" + campaign + "/receipts",
        new JsonObject().put("item", item).put("receivedQty", qty));
  }

  private static List<String> botSaid(String chat) {
    JsonArray messages = new JsonObject(SERVICE.call("GET", "/sim/groups/" + chat + "/messages", null, true).body())
        .getJsonArray("messages");
    return messages.stream().map(m -> (JsonObject) m).filter(m -> m.getBoolean("fromBot"))
        .map(m -> m.getString("text")).filter(t -> t.startsWith("【缺货通知】")).toList();
  }

  private static long count(String sql, Object... args) {
    return SERVICE.service().pool().preparedQuery(sql).execute(Tuple.from(args)).await().iterator().next().getLong(0);
  }

  private static void awaitNoticesSent(long campaign) {
    await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from outbox where dedup_key like $1 "
        + "and state <> 'sent'", "shortage:" + campaign + ":%") == 0);
  }

  @Test
  void shortageIsFirstOrderedFirstServedAcrossGroupsAndEachGroupIsToldOnce() {
    FulfilmentFixture f = new FulfilmentFixture();

    TestService.Reply r = receipt(f.campaign, 1, 3.2);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject a = r.json();
    assertThat(a.getString("item")).isEqualTo(f.apple);
    assertThat(FulfilmentFixture.qty(a, "orderedQty")).isEqualByComparingTo("5.5");
    assertThat(FulfilmentFixture.qty(a, "receivedQty")).isEqualByComparingTo("3.2");
    assertThat(FulfilmentFixture.qty(a, "shortQty")).isEqualByComparingTo("2.3");
    // 张三 ordered first and gets his 2斤; 王五 (group B) gets the 1.2 left of his 3; 李四, last, none
    JsonArray refunds = a.getJsonArray("refunds");
    assertThat(refunds).hasSize(2);
    assertThat(refunds.getJsonObject(0).getLong("groupId")).isEqualTo(f.groupB);
    assertThat(refunds.getJsonObject(0).getString("customer")).isEqualTo(f.wang);
    assertThat(FulfilmentFixture.qty(refunds.getJsonObject(0), "qty")).isEqualByComparingTo("1.8");
    assertThat(refunds.getJsonObject(0).getLong("amountFen")).isEqualTo(1251L);
    assertThat(refunds.getJsonObject(1).getLong("groupId")).isEqualTo(f.groupA);
    assertThat(refunds.getJsonObject(1).getString("customer")).isEqualTo(f.li);
    assertThat(refunds.getJsonObject(1).getLong("amountFen")).as("0.5 × 695 = 347.5, half-up").isEqualTo(348L);
    assertThat(a.getInteger("noticesQueued")).isEqualTo(2);

    await().atMost(Duration.ofSeconds(15)).until(() -> botSaid(f.chatA).size() == 1 && botSaid(f.chatB).size() == 1);
    assertThat(botSaid(f.chatA)).containsExactly(NOTICE_A);
    assertThat(botSaid(f.chatB)).containsExactly(NOTICE_B);
    JsonArray mentions = SERVICE.service().pool().preparedQuery("select mentions from outbox where dedup_key like $1")
        .execute(Tuple.of("shortage:" + f.campaign + ":" + f.apple + ":" + f.groupB + ":%")).await()
        .iterator().next().getJsonArray("mentions");
    assertThat(mentions).as("group B's notice mentions 王五").isEqualTo(new JsonArray().add(f.wang));

    JsonObject summary = f.get("/summary").getJsonArray("totals").getJsonObject(0);
    assertThat(FulfilmentFixture.qty(summary, "allocatedQty")).isEqualByComparingTo("3.2");
    assertThat(FulfilmentFixture.qty(summary, "receivedQty")).isEqualByComparingTo("3.2");
    assertThat(summary.getLong("refundFen")).isEqualTo(1599L);
    JsonObject wang = f.get("/sorting?groupId=" + f.groupB).getJsonArray("groups").getJsonObject(0)
        .getJsonArray("residents").getJsonObject(0);
    JsonObject wangApple = wang.getJsonArray("lines").getJsonObject(0);
    assertThat(FulfilmentFixture.qty(wangApple, "allocatedQty")).isEqualByComparingTo("1.2");
    assertThat(wangApple.getLong("refundFen")).isEqualTo(1251L);
    assertThat(wangApple.getLong("amountFen")).as("2085 less the refund").isEqualTo(834L);
    assertThat(wang.getLong("amountFen")).isEqualTo(834L + 1990L);
  }

  @Test
  void theSameReceiptAgainChangesNothingAndSaysNothingNew() {
    FulfilmentFixture f = new FulfilmentFixture();
    JsonObject first = receipt(f.campaign, f.apple, 3.2).json();
    awaitNoticesSent(f.campaign);

    TestService.Reply again = receipt(f.campaign, "1", 3.2);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getJsonArray("refunds")).isEqualTo(first.getJsonArray("refunds"));
    assertThat(again.json().getInteger("noticesQueued")).isZero();
    assertThat(count("select count(*) from refund where campaign_id = $1 and kind = 'shortage'", f.campaign))
        .isEqualTo(2);
    assertThat(count("select count(*) from outbox where dedup_key like $1", "shortage:" + f.campaign + ":%"))
        .isEqualTo(2);
    awaitNoticesSent(f.campaign);
    assertThat(botSaid(f.chatA)).containsExactly(NOTICE_A);
    assertThat(botSaid(f.chatB)).containsExactly(NOTICE_B);
  }

  @Test
  void aCorrectedReceiptReplacesTheRefundsAndTellsOnlyWhoseShareChanged() {
    FulfilmentFixture f = new FulfilmentFixture();
    receipt(f.campaign, 1, 3.2);
    awaitNoticesSent(f.campaign);

    // 4斤 after all: 王五 now gets 2 of his 3; 李四 still gets nothing, and is not told again
    JsonObject corrected = receipt(f.campaign, 1, 4).json();

    assertThat(corrected.getJsonArray("refunds")).hasSize(2);
    assertThat(corrected.getJsonArray("refunds").getJsonObject(0).getLong("amountFen")).isEqualTo(695L);
    assertThat(corrected.getInteger("noticesQueued")).isEqualTo(1);
    assertThat(count("select coalesce(sum(amount_fen), 0) from refund where campaign_id = $1 and kind = 'shortage'",
        f.campaign)).isEqualTo(695L + 348L);
    await().atMost(Duration.ofSeconds(15)).until(() -> botSaid(f.chatB).size() == 2);
    assertThat(botSaid(f.chatB).get(1)).isEqualTo(
        "【缺货通知】烟台苹果 到货不足：\n· 王五 3斤→2斤，退 6.95 元\n抱歉！差额将原路退回");
    awaitNoticesSent(f.campaign);
    assertThat(botSaid(f.chatA)).containsExactly(NOTICE_A);

    // everything arrived in the end: no shortage refunds are left, and everyone gets what they ordered
    JsonObject enough = receipt(f.campaign, f.apple, 5.5).json();
    assertThat(enough.getJsonArray("refunds")).isEmpty();
    assertThat(FulfilmentFixture.qty(enough, "shortQty")).isEqualByComparingTo("0");
    assertThat(count("select count(*) from refund where campaign_id = $1", f.campaign)).isZero();
    JsonObject apple = f.get("/summary").getJsonArray("totals").getJsonObject(0);
    assertThat(FulfilmentFixture.qty(apple, "allocatedQty")).isEqualByComparingTo("5.5");
    assertThat(apple.getLong("refundFen")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"item\": \"no-such-item\", \"receivedQty\": 1}",
      "{\"item\": 99, \"receivedQty\": 1}",
      "{\"item\": 1, \"receivedQty\": -1}",
      "{\"item\": 1}",
      "{\"item\": 1, \"receivedQty\": \"3\"}",
      "{\"item\": 1, \"receivedQty\": 1.2345}",
      "{\"receivedQty\": 1}",
      "{\"item\": \"\", \"receivedQty\": 1}",
      "not json",
  })
  void badReceiptsAre400(String body) {
    FulfilmentFixture f = sharedFixture();

    TestService.Reply r = SERVICE.admin("POST", "/campaigns/" + f.campaign + "/receipts", body);

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("message")).isNotBlank();
    assertThat(count("select count(*) from receipt where campaign_id = $1", f.campaign)).isZero();
  }

  @Test
  void receiptForAnUnknownCampaignIs404() {
    TestService.Reply r = receipt(987654321L, 1, 1);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().getString("error")).isEqualTo("not_found");
  }

  private static FulfilmentFixture shared;

  private static synchronized FulfilmentFixture sharedFixture() {
    if (shared == null) {
      shared = new FulfilmentFixture();
    }
    return shared;
  }
}
