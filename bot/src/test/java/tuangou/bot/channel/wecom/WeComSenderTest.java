package tuangou.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import tuangou.store.OutboxMessage;

/** WxJava pointed at the mock WeCom API, access tokens in the test service's real Redis. */
class WeComSenderTest {
  private static MockWeComServer mock;
  private static RedissonClient redis;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    mock = new MockWeComServer();
    Config c = new Config();
    c.useSingleServer().setAddress(tuangou.bot.app.TestServiceAccess.redisUrl());
    redis = Redisson.create(c);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    mock.close();
    redis.shutdown();
    vertx.close().await();
  }

  private static WeComSender sender(String corp) {
    return new WeComSender(vertx, WeComSender.service(redis, corp, "secret", 1000002, mock.url()), 1000002);
  }

  private static OutboxMessage toPerson(String user, String text) {
    return new OutboxMessage(1, "wecom", null, user, text, List.of(), null, 0);
  }

  private static OutboxMessage toChat(String chat, String text) {
    return new OutboxMessage(2, "wecom", chat, null, text, List.of(), null, 0);
  }

  @Test
  void appMessagesAndAppChatsGoOutWithTheTokenSharedThroughRedis() {
    String corp = "corp-" + UUID.randomUUID();
    sender(corp).send(toPerson("leader-zhang", "您有一条群发待确认")).await();
    // another instance of the service: same Redis, so no second gettoken
    sender(corp).send(toChat("internal-chat-1", "今日汇总：苹果12斤")).await();
    assertThat(mock.tokenRequests.get()).isEqualTo(1);
    List<MockWeComServer.Call> calls = mock.calls().stream()
        .filter(c -> c.body().encode().contains("leader-zhang") || c.body().encode().contains("internal-chat-1")).toList();
    assertThat(calls).extracting(MockWeComServer.Call::path).containsExactly("message/send", "appchat/send");
    assertThat(calls).allMatch(c -> c.accessToken().equals(MockWeComServer.TOKEN));
    assertThat(calls.get(0).body().getString("touser")).isEqualTo("leader-zhang");
    assertThat(calls.get(0).body().getJsonObject("text").getString("content")).isEqualTo("您有一条群发待确认");
    assertThat(calls.get(1).body().getString("chatid")).isEqualTo("internal-chat-1");
  }

  @Test
  void errcodesAnd5xxFailTheSendSoTheOutboxRetriesIt() {
    WeComSender sender = sender("corp-" + UUID.randomUUID());
    mock.errcodeNext(1);
    assertThat(failed(sender, toPerson("u1", "a"))).as("errcode 45009").isTrue();
    mock.failNext(1);
    assertThat(failed(sender, toPerson("u1", "b"))).as("HTTP 502").isTrue();
    assertThat(failed(sender, toPerson("u1", "c"))).isFalse();
  }

  @Test
  void customerGroupsAreNotSentChatMessages() {
    assertThat(failed(sender("corp-" + UUID.randomUUID()), toChat("wrCustomerGroup", "x"))).isTrue();
  }

  private static boolean failed(WeComSender sender, OutboxMessage m) {
    try {
      sender.send(m).await();
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }
}
