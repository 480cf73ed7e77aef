package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tuangou.bot.config.Config;
import tuangou.bot.config.ConfigLoader;

/**
 * A whole campaign with the clock moved by hand, on two service instances sharing one database
 * (of its own) and Redis, one of them restarted half way: deals at opening, the reminder before
 * cutoff, the tally at cutoff, a late order refused, arrival with pickup codes, pickup reminders
 * naming only who has not picked up, 核销, a refund, and quiet hours. Every push appears once.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CampaignLifecycleTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String TOKEN = "lifecycle-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Tomorrow 10:00 in Shanghai: after the real time, so the shared test service's scheduler never runs these jobs. */
  private static final ZonedDateTime DAY = ZonedDateTime.of(LocalDate.now(SHANGHAI).plusDays(2), LocalTime.of(10, 0),
      SHANGHAI);
  private static final MovableClock CLOCK = new MovableClock(DAY.toInstant());
  private static Config config;
  private static Service a;
  private static Service b;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestService.ownDatabase("lifecycle", TOKEN);
    Path data = Path.of(env.get("TUANGOU_DATA_DIR"));
    Path yaml = data.resolve("tuangou.yaml");
    Files.writeString(yaml, Files.readString(Path.of("../conf/tuangou.yaml")).replace("schedulerTickMs: 1000",
        "schedulerTickMs: 200").replace("outboxPollMs: 500", "outboxPollMs: 100"));
    config = ConfigLoader.load(yaml, env);
    a = startService();
    b = startService();
  }

  private static Service startService() throws Exception {
    return Service.start(config, CLOCK).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    for (Service s : new Service[] {a, b}) {
      if (s != null) {
        s.stop().toCompletionStage().toCompletableFuture().join();
      }
    }
  }

  private static JsonObject call(Service on, String method, String path, Object body, int expected) {
    try {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
          .header("content-type", "application/json").header("Authorization", "Bearer " + TOKEN)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
      HttpResponse<String> res = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(res.statusCode()).as(method + " " + path + ": " + res.body()).isEqualTo(expected);
      return res.body().startsWith("[") ? new JsonObject().put("items", new JsonArray(res.body()))
          : new JsonObject(res.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> replies(Service on, String chat, String sender, String name, String text) {
    JsonObject r = call(on, "POST", "/sim/groups/" + chat + "/messages", new JsonObject().put("sender", sender)
        .put("name", name).put("text", text), 200);
    return r.getJsonArray("replies").stream().map(o -> ((JsonObject) o).getString("text")).toList();
  }

  /** The bot's messages in the group. */
  private static List<String> botSaid(String chat) {
    return call(a, "GET", "/sim/groups/" + chat + "/messages", null, 200).getJsonArray("messages").stream()
        .map(o -> (JsonObject) o).filter(m -> m.getBoolean("fromBot", false))
        .map(m -> m.getString("text")).toList();
  }

  private static List<String> privately(String user) {
    return call(a, "GET", "/sim/users/" + user + "/messages", null, 200).getJsonArray("messages").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList();
  }

  private static long count(List<String> texts, String marker) {
    return texts.stream().filter(t -> t.contains(marker)).count();
  }

  private static void at(int dayOffset, int hour, int minute) {
    CLOCK.set(DAY.plusDays(dayOffset).with(LocalTime.of(hour, minute)).toInstant());
  }

  /** Waits until {@code marker} was posted once, then a few ticks more, and checks it stayed once. */
  private static void postedOnce(String chat, String marker) {
    await().atMost(Duration.ofSeconds(15)).until(() -> count(botSaid(chat), marker) >= 1);
    long ticksLater = System.nanoTime() + Duration.ofMillis(800).toNanos();
    await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() > ticksLater);
    assertThat(count(botSaid(chat), marker)).as(marker).isEqualTo(1);
  }

  /** A simulator group of a new leader (no leader id in the chat: nothing here is sent to them). */
  private static long groupOfNewLeader(String chat, String leaderName, String groupName) {
    long leader = call(a, "POST", "/api/v1/leaders", new JsonObject().put("name", leaderName), 201).getLong("id");
    return call(a, "POST", "/api/v1/groups", new JsonObject().put("channel", "sim").put("chatId", chat)
        .put("name", groupName).put("leaderId", leader), 201).getLong("id");
  }

  private static String time(int dayOffset, int hour, int minute) {
    return DAY.plusDays(dayOffset).with(LocalTime.of(hour, minute)).toOffsetDateTime().toString();
  }

  // the tests share one clock and move it forward, each on days of its own: they run in this order
  @Test
  @org.junit.jupiter.api.Order(1)
  void aCampaignFromOpeningToTheLastPickup() throws Exception {
    at(0, 10, 0);
    String chat = "life-" + UUID.randomUUID();
    long leader = call(a, "POST", "/api/v1/leaders", new JsonObject().put("name", "李团长"), 201).getLong("id");
    long group = call(a, "POST", "/api/v1/groups", new JsonObject().put("channel", "sim").put("chatId", chat)
        .put("name", "阳光3群").put("leaderId", leader).put("leaderUser", "lead").put("pickupPoint", "3号楼快递柜旁"), 201)
        .getLong("id");
    long campaign = call(b, "POST", "/api/v1/campaigns", new JsonObject().put("campaign", "周二团").put("groups",
            new JsonArray().add(group)).put("opensAt", time(0, 11, 0)).put("cutoffAt", time(0, 20, 0))
        .put("pickupAt", time(1, 17, 0))
        .put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", "life-apple").put("name", "烟台苹果").put("aliases",
                new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))
            .add(new JsonObject().put("no", 2).put("id", "life-egg").put("name", "土鸡蛋").put("aliases",
                new JsonArray().add("鸡蛋")).put("unit", "盒").put("spec", "30枚").put("priceFen", 2990))), 201)
        .getLong("id");

    // before opening nothing is posted; at opening the deal list, once
    CLOCK.advance(Duration.ofMinutes(30));
    at(0, 11, 0);
    postedOnce(chat, "今日团品");
    String deals = botSaid(chat).stream().filter(t -> t.contains("今日团品")).findFirst().orElseThrow();
    assertThat(deals).contains("1. 烟台苹果 6.90元/斤").contains("2. 土鸡蛋 29.90元/盒（30枚）").contains("#接龙")
        .contains("3号楼快递柜旁");

    assertThat(replies(a, chat, "u1", "张三", "苹果2斤")).anyMatch(t -> t.contains("已记下"));
    assertThat(replies(b, chat, "u2", "李四", "鸡蛋1盒")).anyMatch(t -> t.contains("已记下"));

    // one hour before cutoff, with fewer than 10 residents ordering: the reminder, once
    at(0, 19, 0);
    postedOnce(chat, "截单啦");

    // an instance restarts in the middle; the other goes on, and so does it after
    b.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    b = startService();

    at(0, 20, 0);
    postedOnce(chat, "已截单，谢谢大家");
    String tally = botSaid(chat).stream().filter(t -> t.contains("已截单，谢谢大家")).findFirst().orElseThrow();
    assertThat(tally).contains("2人下单").contains("43.70");
    await().atMost(Duration.ofSeconds(10)).until(() -> count(privately("lead"), "截单汇总") == 1);
    assertThat(replies(b, chat, "u3", "王五", "苹果1斤")).anyMatch(t -> t.contains("已截单"));
    call(a, "POST", "/api/v1/campaigns/" + campaign + "/cutoff", null, 200);
    assertThat(count(botSaid(chat), "已截单，谢谢大家")).as("the admin cutoff after the scheduled one posts nothing twice")
        .isEqualTo(1);

    // at 21:00 every leader gets the evening report in private, once
    at(0, 21, 0);
    await().atMost(Duration.ofSeconds(15)).until(() -> count(privately("lead"), "佣金日报") >= 1);
    String report = privately("lead").stream().filter(t -> t.contains("佣金日报")).findFirst().orElseThrow();
    // order times are the database's own clock, not this test's moved one: only the form is checked here
    // (SettlementTest checks the figures on the real clock)
    assertThat(report).contains("今日佣金").contains("本月佣金").contains("待结余额");
    long later = System.nanoTime() + Duration.ofMillis(800).toNanos();
    await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() > later);
    assertThat(count(privately("lead"), "佣金日报")).isEqualTo(1);

    // only 1 of the 2 斤 of apples arrives: 张三 gets 1 斤 and 6.90 back, told once however often it is recorded
    JsonObject shortage = call(a, "POST", "/api/v1/campaigns/" + campaign + "/receipts", new JsonObject()
        .put("item", "life-apple").put("receivedQty", 1), 200);
    call(b, "POST", "/api/v1/campaigns/" + campaign + "/receipts", new JsonObject().put("item", "1").put("receivedQty", 1),
        200);
    assertThat(shortage.getLong("refundFen")).isEqualTo(690L);
    postedOnce(chat, "缺货通知");
    JsonObject sorting = call(a, "GET", "/api/v1/campaigns/" + campaign + "/sorting", null, 200);
    assertThat(sorting.encode()).contains("\"allocatedQty\":1");

    // the next day at 16:10 the leader says 到货: a notice naming both, codes in private
    at(1, 16, 10);
    assertThat(replies(a, chat, "lead", "李团长", "到货")).anyMatch(t -> t.contains("到货通知已发"));
    postedOnce(chat, "到货啦");
    JsonArray pickups = call(a, "GET", "/api/v1/campaigns/" + campaign + "/pickups", null, 200).getJsonArray("items");
    assertThat(pickups).hasSize(2);
    String zhangCode = pickups.stream().map(o -> (JsonObject) o).filter(p -> p.getString("customer").equals("u1"))
        .findFirst().orElseThrow().getString("code");
    assertThat(zhangCode).matches("\\d{6}");
    await().atMost(Duration.ofSeconds(10)).until(() -> privately("u1").stream().anyMatch(t -> t.contains(zhangCode)));
    // codes are private: the notice names residents only, and 我的订单 in the group sends the code in private
    String notice = botSaid(chat).stream().filter(t -> t.contains("到货啦")).findFirst().orElseThrow();
    assertThat(notice).contains("张三").contains("李四").doesNotContain(zhangCode);
    assertThat(replies(b, chat, "u1", "张三", "我的订单")).anyMatch(t -> t.contains("取货码已私信发您"))
        .noneMatch(t -> t.contains(zhangCode));
    await().atMost(Duration.ofSeconds(10)).until(() -> count(privately("u1"), zhangCode) == 2);

    // 核销 by code in chat; the +2h reminder (18:10) names only 李四
    assertThat(replies(a, chat, "lead", "李团长", "核销 " + zhangCode)).anyMatch(t -> t.contains("已核销"));
    assertThat(replies(a, chat, "lead", "李团长", "核销 " + zhangCode)).anyMatch(t -> t.contains("之前已经取过"));
    at(1, 18, 11);
    postedOnce(chat, "请尽快到");
    String reminder = botSaid(chat).stream().filter(t -> t.contains("请尽快到")).findFirst().orElseThrow();
    assertThat(reminder).contains("李四").doesNotContain("张三").contains("1位");
    assertThat(replies(a, chat, "lead", "李团长", "未取")).anyMatch(t -> t.contains("李四") && !t.contains("张三"));

    // 19:00 is within half an hour of the +2h reminder: planned as one. The admin verifies 李四;
    // the next morning's reminder finds everyone picked up and posts nothing
    call(b, "POST", "/api/v1/pickups", new JsonObject().put("groupId", group).put("customer", "李四")
        .put("campaignId", campaign), 200);
    call(b, "POST", "/api/v1/pickups", new JsonObject().put("groupId", group).put("customer", "李四")
        .put("campaignId", campaign), 409);
    call(b, "POST", "/api/v1/pickups", new JsonObject().put("code", "000000"), 404);
    at(2, 9, 1);
    JsonArray jobs = call(a, "GET", "/api/v1/campaigns/" + campaign + "/jobs", null, 200).getJsonArray("items");
    await().atMost(Duration.ofSeconds(10)).until(() -> call(a, "GET", "/api/v1/campaigns/" + campaign + "/jobs", null, 200)
        .getJsonArray("items").stream().map(o -> (JsonObject) o).noneMatch(j -> j.getString("state").equals("pending")));
    assertThat(count(botSaid(chat), "请尽快到")).as("no reminder once everyone picked up").isEqualTo(1);
    assertThat(jobs.stream().map(o -> ((JsonObject) o).getString("kind")).distinct())
        .contains("deals", "reminder", "cutoff", "pickup");

    // after-sales: a resident's complaint goes to the leader; the platform refunds half
    assertThat(replies(a, chat, "u2", "李四", "鸡蛋碎了两个，申请售后")).anyMatch(t -> t.contains("已转告团长"));
    await().atMost(Duration.ofSeconds(10)).until(() -> count(privately("lead"), "申请售后") == 1);
    JsonObject refund = call(a, "POST", "/api/v1/refunds", new JsonObject().put("campaignId", campaign)
        .put("groupId", group).put("customer", "u2").put("item", "2").put("qty", 0.5).put("reason", "鸡蛋破损"), 201);
    assertThat(refund.getLong("amountFen")).isEqualTo(1495L);
    call(a, "POST", "/api/v1/refunds", new JsonObject().put("campaignId", campaign).put("groupId", group)
        .put("customer", "u2").put("item", "2").put("qty", 1).put("reason", "again"), 409);
    postedOnce(chat, "@李四 售后已处理");
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void dealsDueInQuietHoursWaitForTheMorning() {
    at(10, 12, 0);
    String chat = "quiet-" + UUID.randomUUID();
    long group = groupOfNewLeader(chat, "夜团长", "夜猫群");
    call(a, "POST", "/api/v1/campaigns", new JsonObject().put("campaign", "夜间团").put("groups", new JsonArray().add(group))
        .put("opensAt", time(10, 23, 0)).put("cutoffAt", time(11, 20, 0))
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "quiet-milk").put("name", "鲜牛奶")
            .put("unit", "瓶").put("priceFen", 800))), 201);
    at(10, 23, 1);
    long checked = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() > checked);
    assertThat(count(botSaid(chat), "今日团品")).as("held at 23:01").isZero();
    at(11, 7, 31);
    postedOnce(chat, "今日团品");
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void jobsMissedWhileDownRunLateOnlyWhileTheyStillMeanSomething() {
    at(20, 9, 0);
    String chat = "down-" + UUID.randomUUID();
    long group = groupOfNewLeader(chat, "停机团长", "停机群");
    long campaign = call(a, "POST", "/api/v1/campaigns", new JsonObject().put("campaign", "停机团")
        .put("groups", new JsonArray().add(group)).put("opensAt", time(20, 10, 0)).put("cutoffAt", time(20, 12, 0))
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "down-rice").put("name", "东北大米")
            .put("unit", "袋").put("priceFen", 5990))), 201).getLong("id");
    // nothing ran between 09:00 and 13:00 (the service was down): the deal list and the reminder
    // are past their use and dropped; the cutoff's tally still goes out, once
    at(20, 13, 0);
    postedOnce(chat, "已截单");
    await().atMost(Duration.ofSeconds(10)).until(() -> call(a, "GET", "/api/v1/campaigns/" + campaign + "/jobs", null, 200)
        .getJsonArray("items").stream().map(o -> (JsonObject) o).noneMatch(j -> j.getString("state").equals("pending")));
    Map<String, String> states = new HashMap<>();
    call(a, "GET", "/api/v1/campaigns/" + campaign + "/jobs", null, 200).getJsonArray("items").stream()
        .map(o -> (JsonObject) o).forEach(j -> states.put(j.getString("kind"), j.getString("state")));
    assertThat(states).containsEntry("deals", "dropped").containsEntry("reminder", "dropped")
        .containsEntry("cutoff", "done");
    assertThat(count(botSaid(chat), "今日团品")).isZero();
  }
}
