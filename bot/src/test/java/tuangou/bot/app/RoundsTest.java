package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages of groups that arrive together are processed in one transaction. One group's message
 * that the database refuses must not cost the other groups theirs: they are processed, and only it
 * is set aside.
 */
class RoundsTest {
  private static final TestService SERVICE = TestService.get();

  @BeforeAll
  static void poison() {
    // a fault the database raises for one product only: a message ordering it fails to apply
    SERVICE.service().pool().query("create or replace function rounds_test_refuse() returns trigger language plpgsql as "
        + "$$ begin raise exception 'refused by the test'; end $$").execute().await();
    SERVICE.service().pool().query("create trigger rounds_test_refuse before insert on order_line for each row "
        + "when (new.product_id = 'rounds-poison') execute function rounds_test_refuse()").execute().await();
  }

  @AfterAll
  static void cure() {
    SERVICE.service().pool().query("drop trigger if exists rounds_test_refuse on order_line").execute().await();
  }

  @Test
  void aMessageTheDatabaseRefusesIsSetAsideAndTheOtherGroupsOfItsRoundAreProcessed() throws Exception {
    int groups = 12;
    List<String> chats = new ArrayList<>();
    JsonArray ids = new JsonArray();
    for (int g = 0; g < groups; g++) {
      chats.add(TestService.chatId("round-" + g));
      ids.add(SERVICE.simGroup(chats.get(g), "lead"));
    }
    long campaign = SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", ids).put("announce", false)
        .put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", "rounds-apple").put("name", "烟台苹果")
                .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))
            .add(new JsonObject().put("no", 2).put("id", "rounds-poison").put("name", "金枕榴莲")
                .put("aliases", new JsonArray().add("榴莲")).put("unit", "个").put("priceFen", 9900))))
        .json().getLong("id");

    // all at once, so that they share rounds: every third group's message is refused by the database
    ExecutorService threads = Executors.newFixedThreadPool(groups);
    List<CompletableFuture<TestService.Reply>> sent = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      String chat = chats.get(g);
      String text = g % 3 == 1 ? "榴莲1个" : "苹果" + (g + 1) + "斤";
      sent.add(CompletableFuture.supplyAsync(() -> SERVICE.say(chat, "m1", "u-" + chat, "张三", text), threads));
    }
    for (int g = 0; g < groups; g++) {
      TestService.Reply r = sent.get(g).get(60, TimeUnit.SECONDS);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      String replies = r.json().getJsonArray("replies").encode();
      if (g % 3 == 1) {
        assertThat(replies).as("nothing is said of a message that could not be applied").isEqualTo("[]");
      } else {
        assertThat(replies).contains("苹果" + (g + 1) + "斤");
      }
    }
    threads.shutdown();

    JsonArray orders = SERVICE.admin("GET", "/campaigns/" + campaign + "/orders", null).json().getJsonArray("orders");
    assertThat(orders).as("one order for each group whose message could be applied").hasSize(8);
    for (int g = 0; g < groups; g++) {
      String state = SERVICE.service().pool().preparedQuery("select state from inbox where chat_id = $1")
          .execute(Tuple.of(chats.get(g))).await().iterator().next().getString("state");
      assertThat(state).as("group " + g).isEqualTo(g % 3 == 1 ? "failed" : "done");
    }
    // the group whose message was set aside goes on
    String next = SERVICE.say(chats.get(1), "m2", "u-" + chats.get(1), "张三", "苹果2斤").json()
        .getJsonArray("replies").encode();
    assertThat(next).contains("苹果2斤");
  }
}
