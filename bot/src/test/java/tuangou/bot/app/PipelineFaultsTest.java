package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Delivery faults: duplicates, concurrency, order of arrival, messages left behind by a crash. */
class PipelineFaultsTest {
  private static final TestService SERVICE = TestService.get();
  private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(16);

  @AfterAll
  static void stopClients() {
    CLIENTS.shutdownNow();
  }

  private static long campaignFor(long... groups) {
    // no deals announcement: outside quiet hours it would land in the conversation beside the replies
    JsonObject c = new JsonObject().put("campaign", "faults").put("announce", false)
        .put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", "fault-banana").put("name", "海南香蕉")
                .put("aliases", new JsonArray().add("香蕉")).put("unit", "把").put("priceFen", 1290))
            .add(new JsonObject().put("no", 2).put("id", "fault-apple").put("name", "烟台苹果")
                .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690)));
    JsonArray g = new JsonArray();
    for (long id : groups) {
      g.add(id);
    }
    TestService.Reply r = SERVICE.admin("POST", "/campaigns", c.put("groups", g));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getLong("id");
  }

  private static JsonArray lines(long campaign) {
    JsonArray out = new JsonArray();
    for (Object o : SERVICE.admin("GET", "/campaigns/" + campaign + "/orders", null).json().getJsonArray("orders")) {
      ((JsonObject) o).getJsonArray("lines").forEach(out::add);
    }
    return out;
  }

  @Test
  void sameMessageTwiceMakesOneOrderAndTheSameReplies() {
    String chat = TestService.chatId("dup");
    long campaign = campaignFor(SERVICE.simGroup(chat, "lead"));
    TestService.Reply first = SERVICE.say(chat, "dup-1", "u1", "张三", "苹果2斤");
    TestService.Reply again = SERVICE.say(chat, "dup-1", "u1", "张三", "苹果2斤");
    assertThat(first.status()).isEqualTo(200);
    assertThat(again.json().getJsonArray("replies")).isEqualTo(first.json().getJsonArray("replies"));
    assertThat(lines(campaign)).hasSize(1);
  }

  @Test
  void sameMessageFromConcurrentConnectionsMakesOneOrder() throws Exception {
    String chat = TestService.chatId("race");
    long campaign = campaignFor(SERVICE.simGroup(chat, "lead"));
    List<Callable<TestService.Reply>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(() -> SERVICE.say(chat, "race-1", "u1", "张三", "香蕉3把"));
    }
    for (Future<TestService.Reply> f : CLIENTS.invokeAll(calls, 60, TimeUnit.SECONDS)) {
      assertThat(f.get().status()).isEqualTo(200);
    }
    assertThat(lines(campaign)).hasSize(1);
    assertThat(lines(campaign).getJsonObject(0).getValue("qty")).isEqualTo(3);
  }

  @Test
  void fiftyParallelMessagesToOneGroupApplyInArrivalOrder() throws Exception {
    String chat = TestService.chatId("order");
    long group = SERVICE.simGroup(chat, "lead");
    long campaign = campaignFor(group);
    SERVICE.say(chat, null, "u1", "张三", "香蕉1把");
    List<Callable<TestService.Reply>> calls = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      int n = i;
      calls.add(() -> SERVICE.say(chat, chat + "-" + n, "u1", "张三", "香蕉改成" + n + "把"));
    }
    for (Future<TestService.Reply> f : CLIENTS.invokeAll(calls, 120, TimeUnit.SECONDS)) {
      assertThat(f.get().status()).isEqualTo(200);
    }
    // the inbox id is the arrival order; the last message to arrive decides the quantity
    String last = SERVICE.service().pool()
        .preparedQuery("select text from inbox where group_id = $1 order by id desc limit 1")
        .execute(Tuple.of(group)).await().iterator().next().getString("text");
    JsonArray lines = lines(campaign);
    assertThat(lines).hasSize(1);
    assertThat(last).isEqualTo("香蕉改成" + lines.getJsonObject(0).getValue("qty") + "把");
    List<String> history = new ArrayList<>();
    for (Row r : SERVICE.service().pool().preparedQuery("select h.source_msg from order_line_history h "
        + "join order_line l on l.id = h.order_line_id where l.group_id = $1 order by h.id").execute(Tuple.of(group)).await()) {
      history.add(r.getString("source_msg"));
    }
    List<String> arrival = new ArrayList<>();
    for (Row r : SERVICE.service().pool().preparedQuery("select msg_id from inbox where group_id = $1 order by id")
        .execute(Tuple.of(group)).await()) {
      arrival.add(r.getString("msg_id"));
    }
    assertThat(history).isEqualTo(arrival);
  }

  @Test
  void messageStoredButNotProcessedBeforeACrashIsProcessedOnce() {
    String chat = TestService.chatId("crash");
    long group = SERVICE.simGroup(chat, "lead");
    long campaign = campaignFor(group);
    // what a crash between "stored" and "processed" leaves behind
    SERVICE.service().pool().preparedQuery("insert into inbox (channel, msg_id, group_id, chat_id, sender, sender_name, "
        + "text) values ('sim', $1, $2, $3, 'u9', '王五', '苹果3斤')")
        .execute(Tuple.of(chat + "-orphan", group, chat)).await();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines(campaign)).hasSize(1));
    assertThat(lines(campaign).getJsonObject(0).getString("source")).isEqualTo(chat + "-orphan");
    String state = SERVICE.service().pool().preparedQuery("select state from inbox where msg_id = $1")
        .execute(Tuple.of(chat + "-orphan")).await().iterator().next().getString("state");
    assertThat(state).isEqualTo("done");
  }

  @Test
  void unknownGroupMalformedJsonAndMissingFieldsAre4xx() {
    assertThat(SERVICE.say("no-such-chat", null, "u1", "张三", "苹果1斤").status()).isEqualTo(404);
    assertThat(SERVICE.call("POST", "/sim/groups/x/messages", "{not json", true).status()).isEqualTo(400);
    assertThat(SERVICE.call("POST", "/sim/groups/x/messages", "{\"text\": \"a\"}", true).json().getString("error"))
        .isEqualTo("invalid_request");
    String huge = "{\"sender\": \"u1\", \"text\": \"" + "苹".repeat(2_000_000) + "\"}";
    assertThat(SERVICE.call("POST", "/sim/groups/x/messages", huge, true).status()).isEqualTo(413);
  }

  @Test
  void noOpenCampaignGetsAPoliteRefusalAndNoOrder() {
    String chat = TestService.chatId("closed");
    SERVICE.simGroup(chat, "lead");
    TestService.Reply r = SERVICE.say(chat, null, "u1", "张三", "苹果2斤");
    assertThat(r.json().getJsonArray("replies").getJsonObject(0).getString("text")).contains("没有进行中的团购");
  }

  @Test
  void botRepliesReachTheConversation() {
    String chat = TestService.chatId("conv");
    campaignFor(SERVICE.simGroup(chat, "lead"));
    SERVICE.say(chat, null, "u1", "张三", "苹果2斤");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonArray messages = SERVICE.call("GET", "/sim/groups/" + chat + "/messages", null, true).json()
          .getJsonArray("messages");
      assertThat(messages).hasSize(2);
      assertThat(messages.getJsonObject(1).getBoolean("fromBot")).isTrue();
      assertThat(messages.getJsonObject(1).getString("text")).isEqualTo("@张三 已记下：苹果2斤");
    });
  }
}
