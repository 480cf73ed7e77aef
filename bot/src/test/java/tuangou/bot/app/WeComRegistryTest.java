package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.bot.channel.wecom.MockWeComServer;

/**
 * WeCom beyond group messages, end to end: customer-group events keep the registry current (read
 * back from the mock WeCom API), a leader's private messages are answered privately, and replies
 * in customer groups reach the leader to pass on.
 */
class WeComRegistryTest {
  private static final TestService SERVICE = TestService.get();
  private static final MockWeComServer WECOM = SERVICE.wecomApi();

  private static String id() {
    return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
  }

  private static long leader(String wecomUser) {
    return SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "王团长").put("wecomUserId", wecomUser))
        .json().getLong("id");
  }

  private static Optional<Row> group(String chatId) {
    var rs = SERVICE.service().pool().preparedQuery("select * from chat_group where channel = 'wecom' and chat_id = $1")
        .execute(Tuple.of(chatId)).await();
    return rs.size() == 0 ? Optional.empty() : Optional.of(rs.iterator().next());
  }

  /** Texts the app sent privately to {@code user}. */
  private static List<String> appMessagesTo(String user) {
    return WECOM.calls().stream().filter(c -> c.path().equals("message/send") && user.equals(c.body().getString("touser")))
        .map(c -> c.body().getJsonObject("text").getString("content")).toList();
  }

  @Test
  void aLeadersNewCustomerGroupIsRegisteredFollowedAndDismissed() {
    String owner = "owner-" + id();
    long leaderId = leader(owner);
    String chat = "wr" + id();
    WECOM.customerGroup(new MockWeComServer.CustomerGroup(chat, "阳光小区3群", owner, 5));
    assertThat(WeComCallbacks.deliver(WeComCallbacks.groupChange(chat, "create", null, null)).body()).isEqualTo("success");
    await().atMost(Duration.ofSeconds(10)).until(() -> group(chat).isPresent());
    Row created = group(chat).orElseThrow();
    assertThat(created.getString("name")).isEqualTo("阳光小区3群");
    assertThat(created.getLong("leader_id")).isEqualTo(leaderId);
    assertThat(created.getString("leader_user")).isEqualTo(owner);
    assertThat(created.getInteger("member_count")).isEqualTo(5);

    WECOM.customerGroup(new MockWeComServer.CustomerGroup(chat, "阳光小区3群（团购）", owner, 6));
    WeComCallbacks.deliver(WeComCallbacks.groupChange(chat, "update", "add_member", "v2"));
    await().atMost(Duration.ofSeconds(10)).until(() -> group(chat).orElseThrow().getInteger("member_count") == 6);
    assertThat(group(chat).orElseThrow().getString("name")).isEqualTo("阳光小区3群（团购）");

    WeComCallbacks.deliver(WeComCallbacks.groupChange(chat, "dismiss", null, null));
    await().atMost(Duration.ofSeconds(10)).until(() -> group(chat).orElseThrow().getOffsetDateTime("dismissed_at") != null);
    JsonObject shown = SERVICE.admin("GET", "/groups/" + created.getLong("id"), null).json();
    assertThat(shown.getString("dismissedAt")).isNotNull();
    assertThat(shown.getInteger("memberCount")).isEqualTo(6);
  }

  @Test
  void messagesThatArriveBeforeTheirGroupIsRegisteredAreHandedToIt() {
    String owner = "owner-" + id();
    leader(owner);
    String chat = "wr" + id();
    String early = id();
    WeComCallbacks.deliver(WeComCallbacks.text("wm-early-" + id(), early, "苹果2斤", chat));
    String row = "select group_id, state from inbox where channel = 'wecom' and msg_id = $1";
    await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(SERVICE.service().pool().preparedQuery(row)
        .execute(Tuple.of(early)).await().iterator().next().getString("state")));
    WECOM.customerGroup(new MockWeComServer.CustomerGroup(chat, "新开的群", owner, 2));
    WeComCallbacks.deliver(WeComCallbacks.groupChange(chat, "create", null, null));
    await().atMost(Duration.ofSeconds(10)).until(() -> group(chat).isPresent());
    long groupId = group(chat).orElseThrow().getLong("id");
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      Row r = SERVICE.service().pool().preparedQuery(row).execute(Tuple.of(early)).await().iterator().next();
      return Long.valueOf(groupId).equals(r.getLong("group_id")) && "done".equals(r.getString("state"));
    });
    // the group's pipeline read it: with no campaign yet, its answer (relayed to the leader) says so
    await().atMost(Duration.ofSeconds(10)).until(() -> appMessagesTo(owner).stream().anyMatch(t -> t.contains("没有进行中的团购")));
  }

  @Test
  void aGroupOfSomeoneWhoIsNotALeaderIsNotRegistered() {
    String chat = "wr" + id();
    WECOM.customerGroup(new MockWeComServer.CustomerGroup(chat, "别人的群", "not-a-leader-" + id(), 3));
    String msgState = "select state from inbox where channel = 'wecom' and chat_id = $1";
    WeComCallbacks.deliver(WeComCallbacks.groupChange(chat, "create", null, null));
    await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(SERVICE.service().pool().preparedQuery(msgState)
        .execute(Tuple.of(chat)).await().iterator().next().getString(0)));
    assertThat(group(chat)).isEmpty();
  }

  @Test
  void aLeadersPrivateSummaryCoversTheirGroupsAndAStrangerIsToldHowToJoin() {
    String owner = "owner-" + id();
    long leaderId = leader(owner);
    String chat = "wr" + id();
    long groupId = SERVICE.admin("POST", "/groups", new JsonObject().put("channel", "wecom").put("chatId", chat)
        .put("name", "翠苑一区").put("leaderId", leaderId).put("leaderUser", owner)).json().getLong("id");
    // no deals announcement: outside quiet hours it would reach the leader beside the answer
    SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(groupId)).put("announce", false)
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "reg-apple-" + id()).put("name", "烟台苹果")
            .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))));
    WeComCallbacks.deliver(WeComCallbacks.text("wm-neighbour-" + id(), id(), "苹果2斤", chat));
    // the bot cannot speak in a customer group: its answer reaches the leader to pass on
    await().atMost(Duration.ofSeconds(10)).until(() -> appMessagesTo(owner).stream().anyMatch(t -> t.contains("已记下")));
    assertThat(appMessagesTo(owner).stream().filter(t -> t.contains("已记下")).findFirst().orElseThrow())
        .contains("翠苑一区").contains("代为回复");

    WeComCallbacks.deliver(WeComCallbacks.text(owner, id(), "汇总", null));
    await().atMost(Duration.ofSeconds(10)).until(() -> appMessagesTo(owner).stream().anyMatch(t -> t.contains("团购汇总")));
    String summary = appMessagesTo(owner).stream().filter(t -> t.contains("团购汇总")).findFirst().orElseThrow();
    assertThat(summary).contains("翠苑一区").contains("苹果2斤").contains("13.80");

    String stranger = "someone-" + id();
    WeComCallbacks.deliver(WeComCallbacks.text(stranger, id(), "你好", null));
    await().atMost(Duration.ofSeconds(10)).until(() -> !appMessagesTo(stranger).isEmpty());
    assertThat(appMessagesTo(stranger).get(0)).contains("还不是团长");
  }
}
