package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scenes of a campaign evening through the simulator: what residents and the leader are told. */
class ConversationTest {
  private static final TestService SERVICE = TestService.get();

  /** A group with a running campaign of 云南蓝莓 (1), 丹东草莓 (2), 五花肉 (3). */
  private static String group() {
    return scene().chat();
  }

  private record Scene(String chat, String leader, long campaign) {}

  private static Scene scene() {
    String chat = TestService.chatId("talk");
    String leader = "lead-" + UUID.randomUUID();
    long group = SERVICE.simGroup(chat, leader);
    String k = UUID.randomUUID().toString().substring(0, 8);
    long campaign = SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("announce", false)
        .put("items", new JsonArray()
            .add(item(1, "bb-" + k, "云南蓝莓", "蓝莓", "盒", 1990))
            .add(item(2, "sb-" + k, "丹东草莓", "草莓", "盒", 3990))
            .add(item(3, "pork-" + k, "五花肉", "五花", "斤", 2590)))).json().getLong("id");
    return new Scene(chat, leader, campaign);
  }

  private static List<String> privately(String user) {
    TestService.Reply r = SERVICE.call("GET", "/sim/users/" + user + "/messages", null, true);
    return r.json().getJsonArray("messages").stream().map(o -> ((JsonObject) o).getString("text")).toList();
  }

  private static JsonArray review(long campaign) {
    return SERVICE.admin("GET", "/campaigns/" + campaign + "/review", null).json().getJsonArray("items");
  }

  private static JsonObject item(int no, String id, String name, String alias, String unit, long priceFen) {
    return new JsonObject().put("no", no).put("id", id).put("name", name).put("aliases", new JsonArray().add(alias))
        .put("unit", unit).put("priceFen", priceFen);
  }

  private static List<String> say(String chat, String sender, String name, String text) {
    TestService.Reply r = SERVICE.say(chat, UUID.randomUUID().toString(), sender, name, text);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getJsonArray("replies").stream().map(o -> ((JsonObject) o).getString("text")).toList();
  }

  @Test
  void addingToAnItemSaysTheNewTotal() {
    String chat = group();
    assertThat(say(chat, "u1", "王芳", "蓝莓1盒")).containsExactly("@王芳 已记下：蓝莓1盒");
    assertThat(say(chat, "u1", "王芳", "蓝莓再加两盒")).containsExactly("@王芳 已记下：蓝莓共3盒");
  }

  @Test
  void aPartialCancellationSaysWhatIsLeft() {
    String chat = group();
    say(chat, "u1", "王芳", "五花肉2斤");
    assertThat(say(chat, "u1", "王芳", "取消五花肉1斤")).containsExactly("@王芳 已改好：五花还剩1斤");
  }

  @Test
  void cancellingTheWholeItemSaysItIsCancelled() {
    String chat = group();
    say(chat, "u1", "王芳", "蓝莓1盒 草莓2盒");
    assertThat(say(chat, "u1", "王芳", "草莓不要了")).containsExactly("@王芳 已取消：草莓");
  }

  @Test
  void cancellingSomethingNotHeldSaysWhatIsHeld() {
    String chat = group();
    say(chat, "u1", "王芳", "蓝莓1盒");
    assertThat(say(chat, "u1", "王芳", "草莓不要了")).containsExactly("@王芳 您订的里没有这个哦，现在是：蓝莓1盒");
  }

  @Test
  void myOrdersShowsOneLinePerItem() {
    String chat = group();
    say(chat, "u1", "王芳", "蓝莓1盒");
    say(chat, "u1", "王芳", "蓝莓再加一盒");
    String mine = say(chat, "u1", "王芳", "我的订单").get(0);
    assertThat(mine.lines().filter(l -> l.contains("蓝莓"))).containsExactly("· 蓝莓2盒 39.80元");
  }

  @Test
  void anAmbiguousQuestionIsNumberedByDealNumberAndTheDealNumberAnswersIt() {
    String chat = group();
    List<String> asked = say(chat, "u1", "王芳", "莓 2");
    assertThat(asked).containsExactly("@王芳 您说的“莓 2”是哪一个？1.云南蓝莓 还是 2.丹东草莓，回复序号就行");
    assertThat(say(chat, "u1", "王芳", "2")).containsExactly("@王芳 好的，已记下：草莓2盒");
    assertThat(say(chat, "u1", "王芳", "我的订单").get(0)).contains("草莓2盒").doesNotContain("蓝莓");
  }

  @Test
  void aQuestionAskedAndAnsweredInOneBatchIsAnswered() {
    // both wait in the inbox before the group is processed, so one transaction reads them together:
    // the group had no open question when the batch began, and the answer must still find it
    String chat = group();
    long group = SERVICE.service().pool().preparedQuery("select id from chat_group where chat_id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(chat)).await().iterator().next().getLong(0);
    for (String text : List.of("莓 2", "2")) {
      SERVICE.service().pool().preparedQuery("insert into inbox (channel, msg_id, group_id, chat_id, sender, sender_name, "
          + "text) values ('sim', $1, $2, $3, 'u1', '王芳', $4)")
          .execute(io.vertx.sqlclient.Tuple.of(UUID.randomUUID().toString(), group, chat, text)).await();
    }
    assertThat(say(chat, "u1", "王芳", "我的订单").get(0)).contains("草莓2盒").doesNotContain("蓝莓");
  }

  @Test
  void anItemNameAnswersTheQuestionWithTheAmountFirstWritten() {
    String chat = group();
    say(chat, "u2", "李四", "莓 3");
    assertThat(say(chat, "u2", "李四", "要蓝莓的")).containsExactly("@李四 好的，已记下：蓝莓3盒");
  }

  @Test
  void anOrderRestatedInFullAnswersTheQuestionAndLeavesNothingForTheLeader() {
    Scene s = scene();
    say(s.chat(), "u3", "赵六", "莓 3");
    assertThat(say(s.chat(), "u3", "赵六", "要草莓2盒，谢谢")).containsExactly("@赵六 已记下：草莓2盒");
    assertThat(review(s.campaign())).as("the question is settled by the restatement").isEmpty();
    assertThat(say(s.chat(), "u3", "赵六", "我的订单").get(0)).contains("草莓2盒").doesNotContain("蓝莓");
  }

  @Test
  void anOrderAfterABarePlusOneAnswersWhichAndLeavesNothingForTheLeader() {
    Scene s = scene();
    assertThat(say(s.chat(), "u5", "周阿姨", "+1")).containsExactly("@周阿姨 您要哪个？回复序号就行");
    assertThat(say(s.chat(), "u5", "周阿姨", "要草莓2盒吧")).containsExactly("@周阿姨 已记下：草莓2盒");
    assertThat(review(s.campaign())).isEmpty();
  }

  @Test
  void anOrderOfAnOfferedItemAnswersAnUnknownWord() {
    Scene s = scene();
    assertThat(say(s.chat(), "u6", "吴哥", "那个莓 来3").get(0)).contains("1.云南蓝莓 2.丹东草莓");
    say(s.chat(), "u6", "吴哥", "蓝莓3盒");
    assertThat(review(s.campaign())).isEmpty();
  }

  @Test
  void anOrderOfSomethingElseLeavesAnUnknownProductForTheLeader() {
    Scene s = scene();
    say(s.chat(), "u7", "郑姐", "榴莲1个");
    say(s.chat(), "u7", "郑姐", "蓝莓1盒");
    assertThat(review(s.campaign())).as("榴莲 is still for the leader to see").hasSize(1);
  }

  @Test
  void anOrderOfAnotherItemLeavesTheQuestionOpen() {
    Scene s = scene();
    say(s.chat(), "u4", "钱七", "莓 3");
    say(s.chat(), "u4", "钱七", "五花肉1斤");
    assertThat(review(s.campaign())).as("五花肉 answers nothing about 蓝莓 or 草莓").hasSize(1);
  }

  @Test
  void aCampaignPostedWithoutANameIsNamedInChineseForItsDealList() {
    String chat = TestService.chatId("named");
    long group = SERVICE.simGroup(chat, "lead-" + UUID.randomUUID());
    long id = SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("announce", false).put("items", new JsonArray().add(item(1, "bb-" + UUID.randomUUID(), "云南蓝莓", "蓝莓", "盒", 1990))))
        .json().getLong("id");
    assertThat(SERVICE.admin("GET", "/campaigns/" + id, null).json().getString("campaign")).isEqualTo("本期团购");
  }

  @Test
  void theLeadersPriceListIsNeitherAnsweredNorCounted() {
    Scene s = scene();
    assertThat(say(s.chat(), s.leader(), "团长", "今日价格：\n1. 云南蓝莓 19.9元/盒\n2. 丹东草莓 39.9元/盒\n3. 五花肉 25.9元/斤"))
        .isEmpty();
    assertThat(say(s.chat(), s.leader(), "团长", "蓝莓 19.9一盒，草莓 39.9一盒，五花 25.9一斤，要的接龙")).isEmpty();
    assertThat(review(s.campaign())).isEmpty();
    assertThat(say(s.chat(), s.leader(), "团长", "我的订单").get(0)).doesNotContain("蓝莓", "草莓", "五花");
  }

  @Test
  void aBarePlusOneInAManyItemCampaignIsOneShortQuestion() {
    String chat = group();
    assertThat(say(chat, "u3", "赵六", "+1")).containsExactly("@赵六 您要哪个？回复序号就行");
    assertThat(say(chat, "u3", "赵六", "3")).containsExactly("@赵六 好的，已记下：五花1斤");
  }

  @Test
  void anAfterSalesMessageReachesTheLeaderAndWaitsInTheQueueUntilDismissed() {
    Scene s = scene();
    say(s.chat(), "u1", "王芳", "蓝莓1盒");
    assertThat(say(s.chat(), "u1", "王芳", "昨天的草莓有两个烂了")).containsExactly("@王芳 收到，已转告团长，会尽快处理");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> privately(s.leader()).stream().anyMatch(t -> t.contains("王芳 申请售后：昨天的草莓有两个烂了")));
    assertThat(say(s.chat(), s.leader(), "团长", "待确认")).singleElement().asString()
        .contains("待确认1条").contains("王芳：“昨天的草莓有两个烂了”（售后）");
    JsonObject item = review(s.campaign()).getJsonObject(0);
    assertThat(item.getString("kind")).isEqualTo("AFTER_SALES");
    assertThat(say(s.chat(), "u1", "王芳", "我的订单").get(0)).as("no order changed").contains("蓝莓1盒")
        .doesNotContain("草莓");

    TestService.Reply ordered = SERVICE.admin("POST", "/review/" + item.getLong("id"), new JsonObject()
        .put("action", "order").put("item", "1").put("qty", 1).put("by", "ops"));
    assertThat(ordered.status()).as("after-sales is not ordered").isEqualTo(400);
    TestService.Reply dismissed = SERVICE.admin("POST", "/review/" + item.getLong("id"), new JsonObject()
        .put("action", "dismiss").put("by", "ops-小李"));
    assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
    assertThat(SERVICE.admin("POST", "/review/" + item.getLong("id"), new JsonObject().put("action", "dismiss")
        .put("by", "ops")).status()).as("settled once").isEqualTo(409);
    assertThat(review(s.campaign())).isEmpty();
    assertThat(say(s.chat(), s.leader(), "团长", "待确认").get(0)).contains("没有待确认的");
  }

  @Test
  void anOpenQuestionIsCountedInTheCutoffTallyAndTheLeaderCanOrderForTheResident() {
    Scene s = scene();
    say(s.chat(), "u1", "王芳", "蓝莓1盒");
    say(s.chat(), "u2", "李四", "莓 2");
    assertThat(say(s.chat(), s.leader(), "团长", "截单")).anyMatch(t -> t.contains("已截单"));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> privately(s.leader()).stream().anyMatch(t -> t.contains("截单汇总") && t.contains("另有1条待确认：李四")));

    JsonObject item = review(s.campaign()).getJsonObject(0);
    assertThat(item.getString("kind")).isEqualTo("AMBIGUOUS");
    assertThat(item.getString("text")).isEqualTo("莓 2");
    TestService.Reply r = SERVICE.admin("POST", "/review/" + item.getLong("id"), new JsonObject()
        .put("action", "order").put("item", "2").put("qty", 2).put("by", "团长"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(review(s.campaign())).isEmpty();
    JsonArray orders = SERVICE.admin("GET", "/campaigns/" + s.campaign() + "/orders", null).json().getJsonArray("orders");
    assertThat(orders.encode()).contains("\"customer\":\"u2\"").contains("\"qty\":2");
  }

  @Test
  void anOrderTheLeaderPlacesFromTheReviewQueueIsInTheResidentsNextAnswer() {
    // the service keeps the group's book between messages: the review queue's order must not be missed by it
    Scene s = scene();
    say(s.chat(), "u2", "李四", "莓 2");
    JsonObject item = review(s.campaign()).getJsonObject(0);
    TestService.Reply r = SERVICE.admin("POST", "/review/" + item.getLong("id"), new JsonObject()
        .put("action", "order").put("item", "2").put("qty", 2).put("by", "团长"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(say(s.chat(), "u2", "李四", "我的订单").get(0)).contains("草莓2盒");
  }

  @Test
  void withNoCampaignAnAfterSalesMessageStillReachesTheLeader() {
    String chat = TestService.chatId("quiet");
    String leader = "lead-" + UUID.randomUUID();
    SERVICE.simGroup(chat, leader);
    assertThat(say(chat, "u1", "王芳", "上次的鸡蛋碎了三个，能退款吗")).containsExactly("@王芳 收到，已转告团长，会尽快处理");
    assertThat(say(chat, leader, "团长", "待确认").get(0)).contains("王芳").contains("售后");
    assertThat(say(chat, "u1", "王芳", "截单").get(0)).contains("没有进行中的团购").doesNotContain("上线");
  }

  @Test
  void linesRelabelledTwiceInOnePostAreStoredWithTheLastLabel() {
    Scene s = scene();
    say(s.chat(), "u7", "孙姐", "草莓1盒");
    say(s.chat(), "u7", "孙姐", "五花肉1斤");
    // two entries of her own, each more telling than the last: her lines are relabelled twice in one reading
    say(s.chat(), "u7", "孙姐", "#接龙\n1. 8栋 孙姐 蓝莓1盒\n2. 8-2-1501 孙姐 蓝莓1盒");
    JsonArray orders = SERVICE.admin("GET", "/campaigns/" + s.campaign() + "/orders", null).json().getJsonArray("orders");
    List<JsonObject> hers = orders.stream().map(o -> (JsonObject) o).filter(o -> o.getString("customer").equals("u7"))
        .toList();
    assertThat(hers).extracting(o -> o.getString("label")).containsExactly("8-2-1501 孙姐");
    assertThat(hers.get(0).getJsonArray("lines")).hasSize(4);
  }

  @Test
  void oneResidentIsOneCustomerAcrossFreeTextAndTheChainWhileTheLeadersNeighboursStayApart() {
    Scene s = scene();
    say(s.chat(), "u5", "孙姐", "草莓1盒");
    say(s.chat(), "u6", "孙阿姨", "五花肉1斤");
    say(s.chat(), "u5", "孙姐", "#接龙\n1. 8-2-1501 孙姐 蓝莓2盒");
    say(s.chat(), s.leader(), "周团长", "#接龙\n1. 8-2-1501 孙姐 蓝莓2盒\n2. 3-1-201 王奶奶 蓝莓1盒\n3. 刘叔 草莓1盒");
    JsonArray orders = SERVICE.admin("GET", "/campaigns/" + s.campaign() + "/orders", null).json().getJsonArray("orders");
    List<String> sun = orders.stream().map(o -> (JsonObject) o).filter(o -> o.getString("customer").equals("u5"))
        .map(o -> o.getString("label")).toList();
    assertThat(sun).as("孙姐's free text and chain line are one order").containsExactly("8-2-1501 孙姐");
    assertThat(orders.stream().map(o -> (JsonObject) o).filter(o -> o.getString("customer").equals(s.leader()))
        .map(o -> o.getString("label"))).containsExactlyInAnyOrder("3-1-201 王奶奶", "刘叔");
    assertThat(say(s.chat(), s.leader(), "周团长", "汇总").get(0)).contains("（4人下单）");

    say(s.chat(), s.leader(), "周团长", "截单");
    say(s.chat(), s.leader(), "周团长", "到货");
    JsonArray pickups = SERVICE.admin("GET", "/campaigns/" + s.campaign() + "/pickups", null).json().getJsonArray("items");
    assertThat(pickups.stream().map(o -> (JsonObject) o).filter(p -> p.getString("customer").equals("u5")))
        .as("one pickup code").hasSize(1);
    assertThat(pickups).hasSize(4);
    assertThat(say(s.chat(), s.leader(), "周团长", "核销 孙姐").get(0)).startsWith("已核销：8-2-1501 孙姐");
    assertThat(say(s.chat(), s.leader(), "周团长", "核销 孙阿姨").get(0)).startsWith("已核销：孙阿姨");
  }

  @Test
  void aChainPostIsAcknowledgedOnceAndOnlyForWhatChangedForThePoster() {
    String chat = group();
    assertThat(say(chat, "u1", "王芳", "#接龙\n1. 3-1-201 王芳 蓝莓2盒")).containsExactly("@王芳 接龙已记下：蓝莓2盒");
    assertThat(say(chat, "u2", "李四", "#接龙\n1. 3-1-201 王芳 蓝莓2盒\n2. 5-2-302 李四 草莓1盒"))
        .containsExactly("@李四 接龙已记下：草莓1盒");
    assertThat(say(chat, "u3", "赵六", "#接龙\n1. 3-1-201 王芳 蓝莓2盒\n2. 5-2-302 李四 草莓1盒"))
        .as("an unchanged re-post is not answered").isEmpty();
    assertThat(say(chat, "u1", "王芳", "#接龙\n1. 5-2-302 李四 草莓1盒")).containsExactly("@王芳 已取消：蓝莓");
  }

  @Test
  void chatterAndTheLeadersTallyGetNoReply() {
    Scene s = scene();
    say(s.chat(), "u1", "王芳", "蓝莓1盒");
    assertThat(say(s.chat(), "u2", "李四", "今天天气真好，大家晚上好")).isEmpty();
    assertThat(say(s.chat(), s.leader(), "团长", "目前统计：蓝莓1盒，草莓0盒，还有要的抓紧")).isEmpty();
    assertThat(say(s.chat(), "u1", "王芳", "我的订单").get(0)).contains("蓝莓1盒").doesNotContain("草莓");
  }
}
