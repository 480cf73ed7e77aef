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
    String chat = TestService.chatId("talk");
    long group = SERVICE.simGroup(chat, "lead");
    String k = UUID.randomUUID().toString().substring(0, 8);
    SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group)).put("announce", false)
        .put("items", new JsonArray()
            .add(item(1, "bb-" + k, "云南蓝莓", "蓝莓", "盒", 1990))
            .add(item(2, "sb-" + k, "丹东草莓", "草莓", "盒", 3990))
            .add(item(3, "pork-" + k, "五花肉", "五花", "斤", 2590))));
    return chat;
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
  void anItemNameAnswersTheQuestionWithTheAmountFirstWritten() {
    String chat = group();
    say(chat, "u2", "李四", "莓 3");
    assertThat(say(chat, "u2", "李四", "要蓝莓的")).containsExactly("@李四 好的，已记下：蓝莓3盒");
  }

  @Test
  void aBarePlusOneInAManyItemCampaignIsOneShortQuestion() {
    String chat = group();
    assertThat(say(chat, "u3", "赵六", "+1")).containsExactly("@赵六 您要哪个？回复序号就行");
    assertThat(say(chat, "u3", "赵六", "3")).containsExactly("@赵六 好的，已记下：五花1斤");
  }
}
