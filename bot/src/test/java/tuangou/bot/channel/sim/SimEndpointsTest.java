package tuangou.bot.channel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.bot.app.TestService;

/** What the /sim page reads from the server: the groups with their leaders, and timed messages. */
class SimEndpointsTest {
  private static final TestService SERVICE = TestService.get();

  @Test
  void simGroupsNameTheirLeaderNewestFirst() {
    String older = TestService.chatId("sim-older");
    String newer = TestService.chatId("sim-newer");
    SERVICE.simGroup(older, "lead-older");
    SERVICE.simGroup(newer, "lead-newer");

    List<String> chats = groups().stream().map(g -> g.getString("chatId")).toList();
    assertThat(chats).contains(older, newer);
    assertThat(chats.indexOf(newer)).isLessThan(chats.indexOf(older));
    JsonObject g = groups().stream().filter(x -> x.getString("chatId").equals(newer)).findFirst().orElseThrow();
    assertThat(g.getString("leaderUser")).isEqualTo("lead-newer");
    assertThat(g.getString("leaderName")).isEqualTo("团长" + newer);
    assertThat(g.getString("name")).isEqualTo("群" + newer);
  }

  @Test
  void groupsOfOtherChannelsAreNotOffered() {
    long leader = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "桥接团长")).json().getLong("id");
    String chat = TestService.chatId("bridge-room");
    TestService.Reply created = SERVICE.admin("POST", "/groups", new JsonObject().put("channel", "bridge")
        .put("chatId", chat).put("name", "桥接群").put("leaderId", leader));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    assertThat(groups()).noneMatch(g -> g.getString("chatId").equals(chat));
  }

  @Test
  void messagesCarryTheirLocalTimeAndDay() {
    String chat = TestService.chatId("sim-times");
    SERVICE.simGroup(chat, "lead-times");
    assertThat(SERVICE.say(chat, null, "u-times", "赵六", "大家好").status()).isEqualTo(200);

    JsonObject m = (JsonObject) SERVICE.call("GET", "/sim/groups/" + chat + "/messages", null, true).json()
        .getJsonArray("messages").getValue(0);
    var local = OffsetDateTime.parse(m.getString("at")).atZoneSameInstant(ZoneId.of("Asia/Shanghai"));
    assertThat(m.getString("time")).isEqualTo(DateTimeFormatter.ofPattern("HH:mm").format(local));
    assertThat(m.getString("date")).isEqualTo(local.toLocalDate().toString());
    assertThat(m.getLong("id")).isPositive();
  }

  private static List<JsonObject> groups() {
    TestService.Reply r = SERVICE.call("GET", "/sim/groups", null, true);
    assertThat(r.status()).isEqualTo(200);
    return new JsonArray(r.body()).stream().map(o -> (JsonObject) o).toList();
  }
}
