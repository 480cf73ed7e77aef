package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tuangou.bot.replay.CorpusReplayTest;

/** Every corpus case, fed message by message through /sim, holds exactly the orders replay prints. */
class SimCorpusTest {
  private static final TestService SERVICE = TestService.get();

  static Stream<Path> cases() throws Exception {
    return CorpusReplayTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void simulatorHoldsWhatReplayPrints(Path dir) throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Long> groups = new LinkedHashMap<>();
    Map<String, String> chats = new LinkedHashMap<>();
    List<JsonObject> messages = new ArrayList<>();
    JsonObject campaign = new JsonObject(Files.readString(dir.resolve("catalog.json")));
    // the group's leader as the catalog names it (replay's "leaders"), so that their 截单 closes ordering
    JsonObject leaders = campaign.getJsonObject("leaders", new JsonObject());
    for (String line : Files.readAllLines(dir.resolve("transcript.jsonl"))) {
      if (!line.isBlank()) {
        JsonObject m = new JsonObject(line);
        messages.add(m);
        String g = m.getString("group");
        if (!groups.containsKey(g)) {
          String chat = TestService.chatId(g);
          chats.put(g, chat);
          groups.put(g, SERVICE.simGroup(chat, leaders.getString(g, "leader-" + run)));
        }
      }
    }
    campaign.put("groups", new JsonArray(List.copyOf(groups.values())));
    TestService.Reply created = SERVICE.admin("POST", "/campaigns", campaign);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long campaignId = created.json().getLong("id");

    for (JsonObject m : messages) {
      TestService.Reply r = SERVICE.say(chats.get(m.getString("group")), run + "-" + m.getString("id"),
          m.getString("sender"), m.getString("name"), m.getString("text"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    JsonArray orders = SERVICE.admin("GET", "/campaigns/" + campaignId + "/orders", null).json().getJsonArray("orders");
    JsonArray expected = CorpusReplayTest.replay(dir).getJsonArray("orders");
    Map<Long, String> groupNames = new LinkedHashMap<>();
    groups.forEach((name, id) -> groupNames.put(id, name));
    assertThat(normalize(orders, run, groupNames)).isEqualTo(normalize(expected, null, null));
  }

  /** Orders as comparable rows: group name, customer, label, item, qty, note, source without the run prefix. */
  private static List<String> normalize(JsonArray orders, String run, Map<Long, String> groupNames) {
    List<String> rows = new ArrayList<>();
    for (Object o : orders) {
      JsonObject order = (JsonObject) o;
      Object group = order.getValue("group");
      String g = groupNames == null ? String.valueOf(group) : groupNames.get(((Number) group).longValue());
      for (Object l : order.getJsonArray("lines")) {
        JsonObject line = (JsonObject) l;
        String source = line.getString("source");
        if (run != null) {
          source = source.substring(run.length() + 1);
        }
        rows.add(String.join("|", g, order.getString("customer"), order.getString("label"), line.getString("item"),
            new java.math.BigDecimal(line.getValue("qty").toString()).stripTrailingZeros().toPlainString(),
            line.getString("note"), source));
      }
    }
    rows.sort(null);
    return rows;
  }
}
