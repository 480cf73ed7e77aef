package tuangou.bot.channel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tuangou.bot.app.TestService;

/**
 * The /sim page in a real browser (headless Debian chromium): a newcomer picks a resident, orders
 * with Enter, sees the bot's reply, and finds the pickup code and the leader's tally in 私聊.
 */
class SimPageTest {
  private static final TestService SERVICE = TestService.get();
  private static HeadlessChromium chromium;
  private static ChromeDriver page;

  @BeforeAll
  static void openBrowser() throws IOException {
    HeadlessChromium.requireInstalled();
    chromium = HeadlessChromium.start();
    page = chromium.driver();
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** A sim group with its leader 王团长 and a resident 张三 (ids unique to the run) and an open campaign. */
  private record Group(String chat, String leader, String resident, long campaign) {
    static Group create() {
      String run = UUID.randomUUID().toString().substring(0, 8);
      String chat = TestService.chatId("sim-page");
      long leaderId = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "王团长")).json().getLong("id");
      TestService.Reply g = SERVICE.admin("POST", "/groups", new JsonObject().put("channel", "sim").put("chatId", chat)
          .put("name", "阳光小区" + run).put("leaderId", leaderId).put("leaderUser", "lead-" + run));
      assertThat(g.status()).as(g.body()).isEqualTo(201);
      TestService.Reply c = SERVICE.admin("POST", "/campaigns", new JsonObject().put("campaign", "周一团")
          .put("groups", new JsonArray().add(g.json().getLong("id")))
          .put("items", new JsonArray()
              .add(new JsonObject().put("no", 1).put("id", "apple-" + run).put("name", "烟台苹果")
                  .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 695))
              .add(new JsonObject().put("no", 2).put("id", "blueberry-" + run).put("name", "云南蓝莓")
                  .put("aliases", new JsonArray().add("蓝莓")).put("unit", "盒").put("priceFen", 1990))));
      assertThat(c.status()).as(c.body()).isEqualTo(201);
      return new Group(chat, "lead-" + run, "zs-" + run, c.json().getLong("id"));
    }

    void say(String sender, String name, String text) {
      TestService.Reply r = SERVICE.say(chat, null, sender, name, text);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
  }

  @Test
  void aResidentOrdersWithEnterAndFindsTheirPickupCodeInPrivate() {
    Group g = Group.create();
    g.say(g.leader(), "王团长", "大家晚上好");
    g.say(g.resident(), "张三", "大家好");
    open(g);

    waitFor(p -> new Select(p.findElement(By.id("who"))).getOptions().stream()
        .anyMatch(o -> g.resident().equals(o.getDomAttribute("value"))));
    new Select(page.findElement(By.id("who"))).selectByValue(g.resident());
    assertThat(page.findElement(By.id("hint")).getText()).contains("Enter 发送").contains("Shift+Enter 换行");

    WebElement box = page.findElement(By.id("text"));
    box.sendKeys("苹果2斤");
    box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
    box.sendKeys("蓝莓1盒");
    assertThat(box.getDomProperty("value")).as("Shift+Enter is a new line, not a send").isEqualTo("苹果2斤\n蓝莓1盒");
    box.sendKeys(Keys.ENTER);

    waitFor(p -> texts("#chat .msg.bot .text").stream().anyMatch(t -> t.contains("已记下")));
    assertThat(texts("#chat .msg.me .text")).as("one message of two lines, sent once")
        .containsExactly("大家好", "苹果2斤\n蓝莓1盒");
    assertThat(box.getDomProperty("value")).isEmpty();
    assertThat(texts("#chat .msg.leader .badge")).containsExactly("团长");
    assertThat(texts("#chat .msg time")).isNotEmpty().allMatch(t -> t.matches("\\d\\d:\\d\\d"));

    // cutoff sends the leader the tally in private; arrival sends each resident their code in private
    assertThat(SERVICE.admin("POST", "/campaigns/" + g.campaign() + "/cutoff", new JsonObject()).status()).isEqualTo(200);
    assertThat(SERVICE.admin("POST", "/campaigns/" + g.campaign() + "/arrival", new JsonObject()).status())
        .isEqualTo(200);
    String code = SERVICE.admin("GET", "/campaigns/" + g.campaign() + "/pickups", null).json().getJsonArray("items")
        .stream().map(o -> (JsonObject) o).filter(p -> p.getString("customer").equals(g.resident()))
        .findFirst().orElseThrow().getString("code");

    waitFor(p -> texts("#dm .msg.private").stream().anyMatch(t -> t.contains("发给 张三") && t.contains(code)));
    waitFor(p -> texts("#dm .msg.private").stream().anyMatch(t -> t.contains("发给 团长") && t.contains("截单汇总")));
    assertThat(texts("#chat .msg .text")).as("the private code message is not shown in the group")
        .noneMatch(t -> t.contains("的货到啦"));
  }

  @Test
  void readingBackIsNotInterruptedByNewMessages() {
    Group g = Group.create();
    for (int i = 1; i <= 40; i++) {
      g.say(g.resident(), "张三", "第" + i + "条闲聊");
    }
    open(g);
    waitFor(p -> texts("#chat .msg .text").contains("第40条闲聊"));
    script("document.getElementById('chat').scrollTop = 0");

    g.say(g.resident(), "张三", "新来的一条");
    waitFor(p -> texts("#chat .msg .text").contains("新来的一条"));
    assertThat(((Number) script("return document.getElementById('chat').scrollTop")).intValue())
        .as("still reading at the top").isZero();
    assertThat(page.findElement(By.id("chat-jump")).isDisplayed()).isTrue();

    page.findElement(By.id("chat-jump")).click();
    waitFor(p -> atBottom("chat"));
    g.say(g.resident(), "张三", "又来一条");
    waitFor(p -> texts("#chat .msg .text").contains("又来一条"));
    waitFor(p -> atBottom("chat"));
    assertThat(page.findElement(By.id("chat-jump")).isDisplayed()).isFalse();
  }

  @Test
  void onAPhonePrivateMessagesAreATabAwayWithACount() {
    Group g = Group.create();
    Dimension desktop = page.manage().window().getSize();
    page.manage().window().setSize(new Dimension(390, 844));
    try {
      open(g);
      new Select(page.findElement(By.id("who"))).selectByValue(g.leader());
      assertThat(page.findElement(By.id("dm-pane")).isDisplayed()).isFalse();
      // what is there when someone is picked counts as seen: wait for that first look at the leader's
      waitFor(p -> (g.chat() + " " + g.leader()).equals(script("return document.getElementById('dm').dataset.scope")));

      // the leader's 佣金 in the group is answered in private
      g.say(g.leader(), "王团长", "佣金");
      waitFor(p -> p.findElement(By.id("dm-unread")).isDisplayed());
      assertThat(page.findElement(By.id("dm-unread")).getText()).isEqualTo("1");

      page.findElement(By.id("tab-dm")).click();
      waitFor(p -> p.findElement(By.id("dm-pane")).isDisplayed());
      assertThat(texts("#dm .msg.private")).singleElement().asString().contains("发给 团长");
      assertThat(page.findElement(By.id("chat-pane")).isDisplayed()).isFalse();
      waitFor(p -> !p.findElement(By.id("dm-unread")).isDisplayed());
    } finally {
      page.manage().window().setSize(desktop);
    }
  }

  private static void open(Group g) {
    // the test service has real channels configured: the page is opened once with the admin token,
    // which it keeps in a cookie and drops from its address
    page.get(SERVICE.base() + "/sim?group=" + g.chat() + "&token=" + TestService.TOKEN);
    waitFor(p -> !p.getCurrentUrl().contains("token="));
    waitFor(p -> g.chat().equals(p.findElement(By.id("group")).getDomProperty("value")));
  }

  /** The text of every element matching {@code css}, read in one script: the page repaints while we look. */
  @SuppressWarnings("unchecked")
  private static List<String> texts(String css) {
    return (List<String>) script("return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText);", css);
  }

  private static Object script(String js, Object... args) {
    return ((JavascriptExecutor) page).executeScript(js, args);
  }

  private static boolean atBottom(String id) {
    return (Boolean) script("const e = document.getElementById('" + id + "');"
        + " return e.scrollHeight - e.scrollTop - e.clientHeight < 48;");
  }

  private static void waitFor(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(page, Duration.ofSeconds(20)).until(condition::apply);
  }
}
