package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Commission end to end, in the business's own terms: 苹果 bought at 8元 and sold at 10元 a 斤,
 * the leader on 10%, a half refund, a bonus and a payout, checked to the fen.
 */
class SettlementTest {
  private static final TestService SERVICE = TestService.get();

  private static JsonObject commission(long leader) {
    TestService.Reply r = SERVICE.admin("GET", "/leaders/" + leader + "/commission", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static java.util.List<String> privately(String user) {
    return new JsonObject(SERVICE.call("GET", "/sim/users/" + user + "/messages", null, true).body())
        .getJsonArray("messages").stream().map(o -> ((JsonObject) o).getString("text")).toList();
  }

  private static int settle() {
    TestService.Reply r = SERVICE.admin("POST", "/settlement/run", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getInteger("booked");
  }

  /** A new leader on 10% (the business's usual rate). */
  private static long leader(String name) {
    return SERVICE.admin("POST", "/leaders", new JsonObject().put("name", name).put("commissionRateBp", 1000))
        .json().getLong("id");
  }

  /** A simulator group of {@code leader}, whose own sender id is {@code leaderUser}. */
  private static long group(String chat, String name, long leader, String leaderUser) {
    return SERVICE.admin("POST", "/groups", new JsonObject().put("channel", "sim").put("chatId", chat).put("name", name)
        .put("leaderId", leader).put("leaderUser", leaderUser)).json().getLong("id");
  }

  /** A campaign of the group with these items, whose deals the bot does not post (nothing here reads them). */
  private static long campaign(long group, JsonObject... items) {
    return SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("announce", false).put("items", new JsonArray(java.util.List.of(items)))).json().getLong("id");
  }

  private static JsonObject item(int no, String id, String name, String unit, long priceFen) {
    return new JsonObject().put("no", no).put("id", id).put("name", name).put("unit", unit).put("priceFen", priceFen);
  }

  @Test
  void inAGroupWithNoCampaignCommissionStillAnswersAndCampaignCommandsSaySo() {
    String chat = TestService.chatId("no-campaign");
    String lead = "lead-" + chat;
    group(chat, "空群", leader("空群团长"), lead);
    assertThat(SERVICE.say(chat, null, lead, "团长", "佣金").body()).contains("佣金明细已私信");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> privately(lead).stream().anyMatch(t -> t.contains("佣金日报")));
    String cutoff = SERVICE.say(chat, null, lead, "团长", "截单").body();
    assertThat(cutoff).contains("没有进行中的团购").doesNotContain("上线");
  }

  @Test
  void applesAtTenYuanTenPercentAndAHalfRefund() {
    String chat = TestService.chatId("settle");
    long leader = leader("结算团长");
    long group = group(chat, "结算群", leader, "lead");
    String apple = "settle-apple-" + UUID.randomUUID();
    long campaign = campaign(group, item(1, apple, "烟台苹果", "斤", 1000).put("aliases", new JsonArray().add("苹果"))
        .put("costFen", 800));
    assertThat(SERVICE.say(chat, null, "u1", "张三", "苹果3斤").body()).contains("已记下");

    // ordered, cut off, arrived: nothing accrues until 张三 picks up (accrual point: pickup)
    assertThat(SERVICE.admin("POST", "/campaigns/" + campaign + "/cutoff", null).status()).isEqualTo(200);
    assertThat(SERVICE.admin("POST", "/campaigns/" + campaign + "/arrival", null).status()).isEqualTo(200);
    settle();
    assertThat(commission(leader).getLong("commissionFen")).isZero();
    assertThat(SERVICE.admin("POST", "/pickups", new JsonObject().put("groupId", group).put("customer", "u1")
        .put("campaignId", campaign)).status()).isEqualTo(200);
    settle();
    JsonObject picked = commission(leader);
    assertThat(picked.getLong("salesFen")).isEqualTo(3000L);
    assertThat(picked.getLong("commissionFen")).as("10% of 30.00元").isEqualTo(300L);

    // half the apples were bad: 1.5斤 refunded, 15.00元, and half the commission goes back
    TestService.Reply refund = SERVICE.admin("POST", "/refunds", new JsonObject().put("campaignId", campaign)
        .put("groupId", group).put("customer", "u1").put("item", apple).put("qty", 1.5).put("reason", "坏果"));
    assertThat(refund.status()).as(refund.body()).isEqualTo(201);
    assertThat(refund.json().getLong("amountFen")).isEqualTo(1500L);
    settle();
    assertThat(settle()).as("settling again books nothing").isZero();
    JsonObject refunded = commission(leader);
    assertThat(refunded.getLong("refundsFen")).isEqualTo(1500L);
    assertThat(refunded.getLong("commissionFen")).isEqualTo(150L);

    // the leader asks 佣金 in the group: the figures come in private
    assertThat(SERVICE.say(chat, null, "lead", "团长", "佣金").body()).contains("佣金明细已私信");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> privately("lead").stream()
        .anyMatch(t -> t.contains("佣金日报") && t.contains("今日佣金 1.50 元") && t.contains("新订单 1 笔")
            && t.contains("销售 30.00 元") && t.contains("取货 1 笔") && t.contains("退款 15.00 元")));
    assertThat(SERVICE.say(chat, null, "u1", "张三", "佣金").body()).contains("只有团长");

    // a 5元 bonus, then the platform pays out what it owes: the balance is back to 0
    assertThat(SERVICE.admin("POST", "/leaders/" + leader + "/adjustments", new JsonObject().put("amountFen", 500)
        .put("reason", "拉新奖励")).status()).isEqualTo(201);
    settle();
    assertThat(commission(leader).getLong("balanceFen")).isEqualTo(650L);
    // the operator's retry of the same payout (same requestId) records it once
    JsonObject payout = new JsonObject().put("amountFen", 650).put("requestId", "pay-" + UUID.randomUUID());
    long first = SERVICE.admin("POST", "/leaders/" + leader + "/payouts", payout).json().getLong("id");
    assertThat(SERVICE.admin("POST", "/leaders/" + leader + "/payouts", payout).json().getLong("id")).isEqualTo(first);
    settle();
    JsonObject paid = commission(leader);
    assertThat(paid.getLong("payoutsFen")).isEqualTo(650L);
    assertThat(paid.getLong("balanceFen")).isZero();

    // this month's statement is a draft whose lines explain every fen; it cannot be confirmed yet
    YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    JsonObject statement = SERVICE.admin("GET", "/statements/" + leader + "-" + month, null).json();
    assertThat(statement.getString("state")).isEqualTo("draft");
    assertThat(statement.getLong("accrualsFen")).isEqualTo(300L);
    assertThat(statement.getLong("reversalsFen")).isEqualTo(-150L);
    assertThat(statement.getLong("adjustmentsFen")).isEqualTo(500L);
    assertThat(statement.getLong("payoutsFen")).isEqualTo(-650L);
    assertThat(statement.getLong("closingFen")).isZero();
    assertThat(statement.getJsonArray("entries")).hasSize(4);
    assertThat(SERVICE.admin("POST", "/statements/" + leader + "-" + month + "/confirm", null).status()).isEqualTo(409);

    // the reconciliation view over every leader, and its download
    JsonArray thisMonth = SERVICE.admin("GET", "/statements?month=" + month + "&limit=500", null).json()
        .getJsonArray("items");
    assertThat(thisMonth.stream().map(o -> (JsonObject) o).filter(x -> x.getLong("leaderId") == leader))
        .singleElement().satisfies(x -> {
          assertThat(x.getLong("accrualsFen")).isEqualTo(300L);
          assertThat(x.getLong("closingFen")).isZero();
        });
    String csv = SERVICE.call("GET", "/api/v1/statements?month=" + month + "&format=csv", null, true).body();
    assertThat(csv).contains("团长ID,团长,状态,月初余额,佣金,退款冲回,调整,打款,月末余额")
        .contains(leader + ",结算团长,草稿,0.00,3.00,-1.50,5.00,-6.50,0.00");

    // last month is over: its (empty) statement is confirmed once, then locked
    YearMonth last = month.minusMonths(1);
    TestService.Reply confirmed = SERVICE.admin("POST", "/statements/" + leader + "-" + last + "/confirm", null);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.json().getString("state")).isEqualTo("confirmed");
    assertThat(SERVICE.admin("POST", "/statements/" + leader + "-" + last + "/confirm", null).status()).isEqualTo(409);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> privately("lead").stream()
        .filter(t -> t.contains("对账单已确认")).count() == 1);
    JsonArray all = SERVICE.admin("GET", "/statements?month=" + last + "&limit=500&offset=0", null).json()
        .getJsonArray("items");
    assertThat(all.stream().map(o -> (JsonObject) o).filter(s -> s.getLong("leaderId") == leader))
        .singleElement().satisfies(s -> assertThat(s.getString("state")).isEqualTo("confirmed"));
  }

  @Test
  void theMostSpecificRateWins() {
    String chat = TestService.chatId("rates");
    long leader = leader("费率团长");
    long group = group(chat, "费率群", leader, "lead-r");
    String milk = "rates-milk-" + UUID.randomUUID();
    String rice = "rates-rice-" + UUID.randomUUID();
    String eggs = "rates-eggs-" + UUID.randomUUID();
    long campaign = campaign(group, item(1, milk, "鲜牛奶", "瓶", 1000), item(2, rice, "东北大米", "袋", 1000),
        item(3, eggs, "土鸡蛋", "盒", 1000));
    assertThat(SERVICE.admin("PUT", "/products/" + rice + "/commission", new JsonObject().put("commissionBp", 1200))
        .status()).isEqualTo(200);
    assertThat(SERVICE.admin("PUT", "/products/" + eggs + "/commission", new JsonObject().put("commissionBp", 1200))
        .status()).isEqualTo(200);
    assertThat(SERVICE.admin("PUT", "/campaigns/" + campaign + "/items/3/commission",
        new JsonObject().put("commissionBp", 1500)).status()).isEqualTo(200);
    assertThat(SERVICE.admin("PUT", "/campaigns/" + campaign + "/items/9/commission",
        new JsonObject().put("commissionBp", 1500)).status()).isEqualTo(404);
    assertThat(SERVICE.admin("PUT", "/products/" + rice + "/commission", new JsonObject().put("commissionBp", 20000))
        .status()).isEqualTo(400);
    assertThat(SERVICE.say(chat, null, "u1", "李四", "牛奶1瓶 大米1袋 鸡蛋1盒").body()).contains("已记下");
    SERVICE.admin("POST", "/campaigns/" + campaign + "/arrival", null);
    SERVICE.admin("POST", "/pickups", new JsonObject().put("groupId", group).put("customer", "u1")
        .put("campaignId", campaign));
    settle();
    // 10.00元 each: the leader's 10%, the product's 12%, the campaign item's 15%
    assertThat(commission(leader).getLong("commissionFen")).isEqualTo(100L + 120L + 150L);
  }

  @Test
  void aRefundOverSeveralLinesReversesEachAndSettledShortagesAreNotRewritten() {
    String chat = TestService.chatId("split");
    long leader = leader("代下单团长");
    long group = group(chat, "代下单群", leader, "lead-s");
    String apple = "split-apple-" + UUID.randomUUID();
    long campaign = campaign(group, item(1, apple, "烟台苹果", "斤", 1000).put("aliases", new JsonArray().add("苹果")));
    // the leader types the orders of two neighbours: one sender, two labels, two lines
    SERVICE.say(chat, null, "lead-s", "团长", "#接龙\n1. 3-1-201 张三 苹果1斤\n2. 3-1-202 李四 苹果1斤");
    SERVICE.admin("POST", "/campaigns/" + campaign + "/arrival", null);
    for (String label : new String[] {"3-1-201 张三", "3-1-202 李四"}) {
      TestService.Reply picked = SERVICE.admin("POST", "/pickups", new JsonObject().put("groupId", group)
          .put("customer", label).put("campaignId", campaign));
      assertThat(picked.status()).as(picked.body()).isEqualTo(200);
    }
    settle();
    assertThat(commission(leader).getLong("commissionFen")).isEqualTo(200L);
    TestService.Reply refund = SERVICE.admin("POST", "/refunds", new JsonObject().put("campaignId", campaign)
        .put("groupId", group).put("customer", "lead-s").put("item", "1").put("qty", 2).put("reason", "都坏了"));
    assertThat(refund.status()).as(refund.body()).isEqualTo(201);
    assertThat(refund.json().getLong("amountFen")).isEqualTo(2000L);
    settle();
    assertThat(commission(leader).getLong("commissionFen")).as("both lines' commission is reversed").isZero();

    // a shortage whose refunds are in the ledger cannot be rewritten by a different receipt
    String chat2 = TestService.chatId("short");
    long group2 = group(chat2, "缺货群", leader, "lead-s2");
    String pear = "split-pear-" + UUID.randomUUID();
    long c2 = campaign(group2, item(1, pear, "砀山梨", "斤", 500).put("aliases", new JsonArray().add("梨")));
    SERVICE.say(chat2, null, "u9", "王五", "梨4斤");
    assertThat(SERVICE.admin("POST", "/campaigns/" + c2 + "/receipts", new JsonObject().put("item", "1")
        .put("receivedQty", 2)).status()).isEqualTo(200);
    SERVICE.admin("POST", "/campaigns/" + c2 + "/arrival", null);
    SERVICE.admin("POST", "/pickups", new JsonObject().put("groupId", group2).put("customer", "u9").put("campaignId", c2));
    settle();
    assertThat(SERVICE.admin("POST", "/campaigns/" + c2 + "/receipts", new JsonObject().put("item", "1")
        .put("receivedQty", 2)).status()).as("the same receipt again changes nothing").isEqualTo(200);
    assertThat(SERVICE.admin("POST", "/campaigns/" + c2 + "/receipts", new JsonObject().put("item", "1")
        .put("receivedQty", 3)).status()).as("a different one would rewrite settled refunds").isEqualTo(409);
    assertThat(settle()).isZero();
  }

  @Test
  void badRequestsAreRefusedWithAMessage() {
    long leader = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "错团长")).json().getLong("id");
    assertThat(SERVICE.admin("POST", "/leaders/" + leader + "/adjustments", new JsonObject().put("amountFen", 0)
        .put("reason", "x")).status()).isEqualTo(400);
    assertThat(SERVICE.admin("POST", "/leaders/" + leader + "/adjustments", new JsonObject().put("amountFen", 5))
        .status()).isEqualTo(400);
    assertThat(SERVICE.admin("POST", "/leaders/" + leader + "/payouts", new JsonObject().put("amountFen", -5))
        .status()).isEqualTo(400);
    assertThat(SERVICE.admin("POST", "/leaders/987654321/payouts", new JsonObject().put("amountFen", 5)).status())
        .isEqualTo(404);
    assertThat(SERVICE.admin("GET", "/statements?month=2026-13", null).status()).isEqualTo(400);
    assertThat(SERVICE.admin("GET", "/statements/nonsense", null).status()).isEqualTo(400);
    assertThat(SERVICE.admin("GET", "/leaders/" + leader + "/commission?from=yesterday", null).status()).isEqualTo(400);
  }
}
