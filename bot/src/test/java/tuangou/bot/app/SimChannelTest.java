package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The simulator's message endpoint over real HTTP. */
class SimChannelTest {
  private static final TestService SERVICE = TestService.get();

  @Test
  void theSameMessageIdInTwoGroupsIsTwoMessagesEachWithItsOwnReply() {
    String chatA = TestService.chatId("same-id-a");
    String chatB = TestService.chatId("same-id-b");
    long groupA = SERVICE.simGroup(chatA, "lead-a");
    long groupB = SERVICE.simGroup(chatB, "lead-b");
    long campaign = SERVICE.admin("POST", "/campaigns", new JsonObject()
        .put("groups", new JsonArray().add(groupA).add(groupB)).put("announce", false)
        .put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", "same-id-apple").put("name", "烟台苹果")
                .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))
            .add(new JsonObject().put("no", 2).put("id", "same-id-banana").put("name", "海南香蕉")
                .put("aliases", new JsonArray().add("香蕉")).put("unit", "把").put("priceFen", 1290))))
        .json().getLong("id");

    String replyA = SERVICE.say(chatA, "msg-1", "u1", "张三", "苹果2斤").json().getJsonArray("replies").encode();
    TestService.Reply b = SERVICE.say(chatB, "msg-1", "u2", "李四", "香蕉1把");
    assertThat(b.status()).as(b.body()).isEqualTo(200);
    String replyB = b.json().getJsonArray("replies").encode();
    assertThat(replyA).contains("苹果");
    assertThat(replyB).as("B's sender hears about B's message").contains("香蕉").doesNotContain("苹果");

    TestService.Reply again = SERVICE.say(chatB, "msg-1", "u2", "李四", "香蕉1把");
    assertThat(again.json().getJsonArray("replies").encode()).as("a retry within B is answered as before")
        .isEqualTo(replyB);
    JsonArray orders = SERVICE.admin("GET", "/campaigns/" + campaign + "/orders", null).json().getJsonArray("orders");
    assertThat(orders.stream().map(o -> ((JsonObject) o).getString("customer")))
        .containsExactlyInAnyOrder("u1", "u2");
    assertThat(orders.stream().mapToInt(o -> ((JsonObject) o).getJsonArray("lines").size()).sum()).isEqualTo(2);
  }
}
