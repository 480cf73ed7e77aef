package tuangou.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import tuangou.bot.app.TestService;
import tuangou.store.OutboxMessage;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgOutbox.Sent;
import tuangou.store.redis.RedisRateLimiter;

/** WxJava pointed at the mock WeCom API, groups in the test service's database, tokens and rates in its Redis. */
class WeComSenderTest {
  private static final TestService SERVICE = TestService.get();
  private static MockWeComServer mock;
  private static RedissonClient redis;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    mock = new MockWeComServer();
    Config c = new Config();
    c.useSingleServer().setAddress(SERVICE.service().redisUrl());
    redis = Redisson.create(c);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    mock.close();
    redis.shutdown();
    vertx.close().await();
  }

  /** A sender as one instance of the service would have it: 2 robot sends a minute, 1 push a day. */
  private static WeComSender sender(String corp) {
    return new WeComSender(vertx, WeComSender.service(redis, corp, "secret", 1000002, mock.url()), 1000002,
        new PgCatalog(SERVICE.service().pool()), new RedisRateLimiter(vertx, redis), mock.url(), 2, 1);
  }

  private static String corp() {
    return "corp-" + UUID.randomUUID();
  }

  private static OutboxMessage toPerson(String user, String text) {
    return new OutboxMessage(1, "wecom", null, user, text, List.of(), null, 0);
  }

  private static OutboxMessage toChat(String chat, String text, List<String> mentions, Long inReplyTo) {
    return new OutboxMessage(2, "wecom", chat, null, text, mentions, inReplyTo, 0);
  }

  /** A WeCom group of a new leader; returns its chat id. */
  private static String group(String chatId, String leaderUser, String robotKey) {
    long leader = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "团长")).json().getLong("id");
    JsonObject body = new JsonObject().put("channel", "wecom").put("chatId", chatId).put("name", "阳光小区3群")
        .put("leaderId", leader).put("leaderUser", leaderUser);
    if (robotKey != null) {
      body.put("robotWebhookKey", robotKey);
    }
    assertThat(SERVICE.admin("POST", "/groups", body).status()).isEqualTo(201);
    return chatId;
  }

  private static List<MockWeComServer.Call> callsAbout(String marker) {
    return mock.calls().stream().filter(c -> c.body().encode().contains(marker)
        || marker.equals(c.accessToken())).toList();
  }

  @Test
  void appMessagesAndAppChatsGoOutWithTheTokenSharedThroughRedis() {
    String corp = corp();
    int before = mock.tokenRequests.get();
    String chat = "internal-" + UUID.randomUUID();
    sender(corp).send(toPerson("leader-zhang", "您有一条群发待确认")).await();
    // another instance of the service: same Redis, so no second gettoken
    assertThat(sender(corp).send(toChat(chat, "今日汇总：苹果12斤", List.of(), null)).await()).isEqualTo(Sent.SENT);
    assertThat(mock.tokenRequests.get() - before).isEqualTo(1);
    List<MockWeComServer.Call> calls = mock.calls().stream()
        .filter(c -> c.body().encode().contains("leader-zhang") || c.body().encode().contains(chat)).toList();
    assertThat(calls).extracting(MockWeComServer.Call::path).containsExactly("message/send", "appchat/send");
    assertThat(calls).allMatch(c -> c.accessToken().equals(MockWeComServer.TOKEN));
    assertThat(calls.get(0).body().getString("touser")).isEqualTo("leader-zhang");
    assertThat(calls.get(0).body().getJsonObject("text").getString("content")).isEqualTo("您有一条群发待确认");
    assertThat(calls.get(1).body().getString("chatid")).isEqualTo(chat);
  }

  @Test
  void aGroupWithARobotIsSentThroughItsWebhookAtItsRate() {
    String key = UUID.randomUUID().toString();
    String chat = group("internal-" + UUID.randomUUID(), "leader-li", key);
    WeComSender sender = sender(corp());
    assertThat(sender.send(toChat(chat, "到货啦", List.of("zhangsan"), null)).await()).isEqualTo(Sent.SENT);
    assertThat(sender.send(toChat(chat, "到货啦2", List.of(), null)).await()).isEqualTo(Sent.SENT);
    Sent third = sender.send(toChat(chat, "到货啦3", List.of(), null)).await();
    assertThat(third.held()).as("the robot's rate is 2 a minute here").isTrue();
    List<MockWeComServer.Call> calls = callsAbout(key);
    assertThat(calls).extracting(MockWeComServer.Call::path).containsOnly("webhook/send").hasSize(2);
    assertThat(calls.get(0).body().getString("msgtype")).isEqualTo("text");
    assertThat(calls.get(0).body().getJsonObject("text").getString("content")).isEqualTo("到货啦");
    assertThat(calls.get(0).body().getJsonObject("text").getJsonArray("mentioned_list")).containsExactly("zhangsan");
    assertThat(mock.calls()).noneMatch(c -> c.path().equals("appchat/send") && c.body().encode().contains(chat));
  }

  @Test
  void aPushToACustomerGroupIsAGroupMsgTemplateInTheLeadersNameAndTheLeaderIsTold() {
    String owner = "owner-" + UUID.randomUUID();
    String chat = group("wr" + UUID.randomUUID().toString().replace("-", ""), owner, null);
    WeComSender sender = sender(corp());
    assertThat(sender.send(toChat(chat, "今日团品：\n1. 烟台苹果 6.9元/斤", List.of(), null)).await()).isEqualTo(Sent.SENT);
    List<MockWeComServer.Call> calls = callsAbout(owner);
    assertThat(calls).extracting(MockWeComServer.Call::path).containsExactly("add_msg_template", "message/send");
    JsonObject template = calls.get(0).body();
    assertThat(template.getString("chat_type")).isEqualTo("group");
    assertThat(template.getString("sender")).isEqualTo(owner);
    assertThat(template.getJsonArray("chat_id_list")).containsExactly(chat);
    assertThat(template.getJsonObject("text").getString("content")).startsWith("今日团品");
    assertThat(calls.get(1).body().getJsonObject("text").getString("content"))
        .contains("阳光小区3群").contains("群发").contains("今日团品");

    Sent second = sender.send(toChat(chat, "还有1小时截单", List.of(), null)).await();
    assertThat(second.held()).as("one 群发 per group per day").isTrue();
    assertThat(second.heldFor()).isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(callsAbout(owner)).hasSize(2);
  }

  @Test
  void aReplyToAResidentOfACustomerGroupGoesToTheLeaderToPassOn() {
    String owner = "owner-" + UUID.randomUUID();
    String chat = group("wr" + UUID.randomUUID().toString().replace("-", ""), owner, null);
    assertThat(sender(corp()).send(toChat(chat, "@张三 已记下：烟台苹果 2斤", List.of("zhangsan"), 42L)).await())
        .isEqualTo(Sent.SENT);
    List<MockWeComServer.Call> calls = callsAbout(owner);
    assertThat(calls).extracting(MockWeComServer.Call::path).containsExactly("message/send");
    assertThat(calls.get(0).body().getJsonObject("text").getString("content"))
        .contains("阳光小区3群").contains("@张三 已记下：烟台苹果 2斤");
  }

  @Test
  void customerGroupsWithoutAnOwnerOrRefusedByWeComFailSoTheOutboxRetriesAndReports() {
    String unowned = group("wr" + UUID.randomUUID().toString().replace("-", ""), null, null);
    assertThat(failed(sender(corp()), toChat(unowned, "x", List.of(), null))).contains("leaderUser");
    String owner = "owner-" + UUID.randomUUID();
    String refused = group("wr" + UUID.randomUUID().toString().replace("-", ""), owner, null);
    mock.refuseGroupPushes(refused);
    assertThat(failed(sender(corp()), toChat(refused, "y", List.of(), null))).contains(refused);
    assertThat(callsAbout(owner)).extracting(MockWeComServer.Call::path).containsExactly("add_msg_template");
  }

  @Test
  void errcodesAnd5xxFailTheSendSoTheOutboxRetriesIt() {
    WeComSender sender = sender(corp());
    mock.errcodeNext(1);
    assertThat(failed(sender, toPerson("u1", "a"))).as("errcode 45009").startsWith("WeCom");
    mock.failNext(1);
    assertThat(failed(sender, toPerson("u1", "b"))).as("HTTP 502").isNotNull();
    assertThat(failed(sender, toPerson("u1", "c"))).isNull();
  }

  /** The failure's message, or null when the send succeeded. */
  private static String failed(WeComSender sender, OutboxMessage m) {
    try {
      sender.send(m).await();
      return null;
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
