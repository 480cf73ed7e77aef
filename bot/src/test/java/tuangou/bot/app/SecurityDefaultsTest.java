package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Security defaults through the real service: pickup codes random and private, the simulator closed to
 * strangers once real channels are configured, half-sent requests dropped.
 */
class SecurityDefaultsTest {
  private static final TestService SERVICE = TestService.get();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private record Arrived(String chat, long group, long campaign, List<JsonObject> pickups) {}

  /** A sim group where {@code residents} residents each order, cut off and arrived. */
  private static Arrived arrived(int residents, boolean codesInGroup) {
    String chat = TestService.chatId("codes");
    long group = SERVICE.simGroup(chat, "codes-lead");
    if (codesInGroup) {
      assertThat(SERVICE.admin("PATCH", "/groups/" + group, new JsonObject().put("codesInGroup", true)).json()
          .getBoolean("codesInGroup")).isTrue();
    }
    long campaign = SERVICE.admin("POST", "/campaigns", new JsonObject().put("announce", false)
        .put("groups", new JsonArray().add(group)).put("items", new JsonArray().add(new JsonObject().put("no", 1)
            .put("id", "codes-" + UUID.randomUUID()).put("name", "烟台苹果").put("aliases", new JsonArray().add("苹果"))
            .put("unit", "斤").put("priceFen", 690)))).json().getLong("id");
    for (int i = 0; i < residents; i++) {
      assertThat(SERVICE.say(chat, null, "r" + i, "邻居" + i, "苹果1斤").status()).isEqualTo(200);
    }
    assertThat(SERVICE.admin("POST", "/campaigns/" + campaign + "/cutoff", null).status()).isEqualTo(200);
    assertThat(SERVICE.admin("POST", "/campaigns/" + campaign + "/arrival", null).status()).isEqualTo(200);
    List<JsonObject> pickups = SERVICE.admin("GET", "/campaigns/" + campaign + "/pickups", null).json()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
    return new Arrived(chat, group, campaign, pickups);
  }

  private static List<String> said(String path) {
    return SERVICE.call("GET", path, null, true).json().getJsonArray("messages").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList();
  }

  @Test
  void pickupCodesAreRandomUniqueAndGoToEachResidentInPrivate() {
    Arrived a = arrived(25, false);
    List<String> codes = a.pickups().stream().map(p -> p.getString("code")).toList();
    assertThat(codes).hasSize(25).doesNotHaveDuplicates().allMatch(c -> c.matches("\\d{6}"));
    // the old formula (seq x 738541 + 123457) mod 10^6 made every step between codes the same
    Map<Integer, Integer> steps = new HashMap<>();
    for (String x : codes) {
      for (String y : codes) {
        if (!x.equals(y)) {
          steps.merge(Math.floorMod(Integer.parseInt(y) - Integer.parseInt(x), 1_000_000), 1, Integer::sum);
        }
      }
    }
    assertThat(steps.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
        .as("no step between codes repeats as in an arithmetic sequence").isLessThanOrEqualTo(2);

    await().atMost(Duration.ofSeconds(15)).until(() -> said("/sim/groups/" + a.chat() + "/messages").stream()
        .anyMatch(t -> t.contains("到货啦")));
    String notice = said("/sim/groups/" + a.chat() + "/messages").stream().filter(t -> t.contains("到货啦"))
        .findFirst().orElseThrow();
    assertThat(notice).contains("邻居0").contains("私信");
    codes.forEach(c -> assertThat(notice).doesNotContain(c));
    for (JsonObject p : a.pickups().subList(0, 3)) {
      await().atMost(Duration.ofSeconds(15)).until(() -> said("/sim/users/" + p.getString("customer") + "/messages")
          .stream().anyMatch(t -> t.contains(p.getString("code"))));
    }

    // asking in the group does not show it there either
    TestService.Reply asked = SERVICE.say(a.chat(), null, "r1", "邻居1", "取货码");
    assertThat(asked.json().getJsonArray("replies").encode()).contains("私信").doesNotContain(codes.get(1));
    TestService.Reply unpicked = SERVICE.say(a.chat(), null, "codes-lead", "团长", "未取");
    assertThat(unpicked.json().getJsonArray("replies").encode()).contains("邻居2");
    codes.forEach(c -> assertThat(unpicked.body()).doesNotContain(c));
  }

  @Test
  void aLeaderCanTurnCodesOnInTheNoticeOfAGroup() {
    Arrived a = arrived(2, true);
    await().atMost(Duration.ofSeconds(15)).until(() -> said("/sim/groups/" + a.chat() + "/messages").stream()
        .anyMatch(t -> t.contains("到货啦")));
    String notice = said("/sim/groups/" + a.chat() + "/messages").stream().filter(t -> t.contains("到货啦"))
        .findFirst().orElseThrow();
    a.pickups().forEach(p -> assertThat(notice).contains(p.getString("code")));
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SERVICE.base() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void theSimulatorRefusesStrangersOnceRealChannelsAreConfigured() throws Exception {
    String chat = TestService.chatId("stranger");
    SERVICE.simGroup(chat, null);
    String body = new JsonObject().put("sender", "u1").put("text", "我的订单").encode();
    assertThat(SERVICE.call("POST", "/sim/groups/" + chat + "/messages", body, false).status()).isEqualTo(401);
    assertThat(get("/sim/users/u1/messages").statusCode()).isEqualTo(401);
    assertThat(get("/sim/groups", "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
    HttpResponse<String> page = get("/sim");
    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("管理令牌").doesNotContain("团购助手");

    HttpResponse<String> login = get("/sim?group=" + chat + "&token=" + TestService.TOKEN);
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("location")).hasValue("/sim?group=" + chat);
    String cookie = login.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    assertThat(get("/sim/groups", "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode()).isEqualTo(200);
    assertThat(SERVICE.call("POST", "/sim/groups/" + chat + "/messages", body, true).status()).isEqualTo(200);
  }

  @Test
  void halfSentRequestsAreDroppedAtTheirDeadline() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    List<Socket> trickling = new ArrayList<>();
    try {
      for (int i = 0; i < 150; i++) {
        Socket s = new Socket("127.0.0.1", SERVICE.service().port());
        s.setSoTimeout(20);
        OutputStream out = s.getOutputStream();
        switch (i % 3) {
          case 0 -> out.write("POST /api/v1/leaders HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
          case 1 -> out.write(("POST /api/v1/leaders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestService.TOKEN
              + "\r\nContent-Length: 1000\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
          default -> trickling.add(s); // sends nothing yet, then a byte at a time
        }
        out.flush();
        sockets.add(s);
      }
      long started = System.nanoTime();
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
        for (Socket s : trickling) {
          try {
            s.getOutputStream().write('G');
          } catch (IOException closed) {
            // dropped already
          }
        }
        return sockets.stream().allMatch(SecurityDefaultsTest::closedByServer);
      });
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
      assertThat(SERVICE.call("GET", "/health", null, false).status()).isEqualTo(200);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static boolean closedByServer(Socket s) {
    try {
      while (true) {
        int b = s.getInputStream().read();
        if (b < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
