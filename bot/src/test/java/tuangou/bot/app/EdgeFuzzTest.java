package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tuangou.bot.admin.OpenApi;
import tuangou.bot.channel.bridge.BridgeSignature;

/**
 * Random and hostile requests to every endpoint of the OpenAPI document, the simulator, the bridge
 * (signed, so that validation is reached) and the WeCom callback (encrypted), with a fixed seed: no
 * answer is a 5xx, and nothing is logged as a failure (no SEVERE, no stack trace, no value that
 * reached PostgreSQL unchecked). Ids are ours or exist nowhere, so other tests' data is never touched.
 */
class EdgeFuzzTest {
  private static final TestService SERVICE = TestService.get();
  private static final long SEED = 14;
  /** Tries per operation of the document; the channels get as many again between them. */
  private static final int TRIES = 40;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> fivexx = new ArrayList<>();
  private int requests;
  private final java.util.SortedMap<Integer, Integer> statuses = new java.util.TreeMap<>();

  @Test
  @SuppressWarnings("unchecked")
  void noHostileRequestIsAnsweredWithA5xxOrLogsAFailure() {
    Map<String, Object> doc = new Yaml().load(OpenApi.document());
    List<String> ids = ownIds();
    FuzzInputs in = new FuzzInputs(new Random(SEED), doc, ids);
    try (LogCapture logs = LogCapture.start()) {
      Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
      for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
        List<Map<String, Object>> shared = path.getValue().get("parameters") instanceof List<?> l
            ? (List<Map<String, Object>>) l : List.of();
        for (Map.Entry<String, Object> op : path.getValue().entrySet()) {
          if (op.getKey().equals("parameters") || path.getKey().equals("/bridge/events")
              || path.getKey().equals("/wecom/callback")) {
            continue;
          }
          Map<String, Object> operation = (Map<String, Object>) op.getValue();
          List<Map<String, Object>> params = new ArrayList<>(shared);
          if (operation.get("parameters") instanceof List<?> l) {
            params.addAll((List<Map<String, Object>>) l);
          }
          Object schema = requestSchema(operation);
          for (int i = 0; i < TRIES; i++) {
            String target = path.getKey().replaceAll("\\{[^}]+}", "%s");
            int holes = target.split("%s", -1).length - 1;
            Object[] values = new Object[holes];
            for (int k = 0; k < holes; k++) {
              values[k] = in.pathValue();
            }
            String url = String.format(target, values) + in.query(resolveParams(doc, params));
            send(op.getKey().toUpperCase(), url, schema == null && in.chance(70) ? null : in.body(schema), in);
          }
        }
      }
      fuzzBridge(in, (Map<String, Object>) ((Map<String, Object>) paths.get("/bridge/events").get("post")));
      fuzzWeCom(in);
      assertThat(fivexx).as("5xx answers").isEmpty();
      assertThat(logs.failures()).as("failures logged").isEmpty();
    }
    System.out.println("EdgeFuzzTest: " + requests + " requests, seed " + SEED + ", answers by status " + statuses);
    assertThat(requests).isGreaterThan(2_000);
    assertThat(statuses.keySet()).as("validation was reached, and so was success").contains(200, 400);
  }

  /** A leader, a simulator group with a campaign and a product of this run, and ids that exist nowhere. */
  private List<String> ownIds() {
    String chat = TestService.chatId("fuzz");
    long group = SERVICE.simGroup(chat, "fuzz-lead");
    String product = "fuzz-" + UUID.randomUUID();
    JsonObject campaign = SERVICE.admin("POST", "/campaigns", new JsonObject().put("announce", false)
        .put("groups", new JsonArray().add(group)).put("items", new JsonArray().add(new JsonObject().put("no", 1)
            .put("id", product).put("name", "苹果").put("unit", "斤").put("priceFen", 690)))).json();
    long leader = SERVICE.admin("GET", "/groups/" + group, null).json().getLong("leaderId");
    return List.of(String.valueOf(group), String.valueOf(leader), String.valueOf(campaign.getLong("id")), product, chat,
        "fuzz-lead", leader + "-2026-11", "9000000000000001", "-5", "0");
  }

  @SuppressWarnings("unchecked")
  private static Object requestSchema(Map<String, Object> operation) {
    if (!(operation.get("requestBody") instanceof Map<?, ?> body)) {
      return null;
    }
    Map<String, Object> content = (Map<String, Object>) body.get("content");
    Map<String, Object> json = (Map<String, Object>) content.get("application/json");
    return json == null ? null : json.get("schema");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> resolveParams(Map<String, Object> doc, List<Map<String, Object>> params) {
    Map<String, Object> defined = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("parameters");
    return params.stream().map(p -> p.get("$ref") instanceof String r
        ? (Map<String, Object>) defined.get(r.substring(r.lastIndexOf('/') + 1)) : p).toList();
  }

  private void send(String method, String pathAndQuery, String body, FuzzInputs in) {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(SERVICE.base() + pathAndQuery));
    } catch (IllegalArgumentException notAUri) {
      return; // the client cannot send it; nothing reached the service
    }
    b.timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (in.chance(90)) {
      b.header("Authorization", "Bearer " + TestService.TOKEN);
    } else {
      b.header("Authorization", in.pick(List.of("Bearer ", "Bearer x", "Basic Zm9v", "Bearer " + "t".repeat(5_000))));
    }
    b.header("content-type", in.chance(80) ? "application/json" : in.pick(List.of("text/plain",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1")));
    record(method + " " + cut(pathAndQuery) + " " + cut(String.valueOf(body)), b);
  }

  private void record(String what, HttpRequest.Builder request) {
    requests++;
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      statuses.merge(r.statusCode(), 1, Integer::sum);
      if (r.statusCode() >= 500) {
        fivexx.add(r.statusCode() + " " + what + " -> " + cut(r.body()));
      }
    } catch (java.io.IOException e) {
      // a connection closed on a request the server will not read (too large) is an answer, not a 5xx
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Signed events with hostile fields, and unsigned or stale ones, to /bridge/events. */
  private void fuzzBridge(FuzzInputs in, Map<String, Object> operation) {
    Object schema = requestSchema(operation);
    for (int i = 0; i < TRIES * 8; i++) {
      String body = in.body(schema);
      long now = System.currentTimeMillis() / 1000;
      String ts = in.chance(80) ? String.valueOf(now) : in.pick(List.of(String.valueOf(now + Long.MIN_VALUE), "-1",
          String.valueOf(Long.MAX_VALUE), "", "x", "9".repeat(40)));
      String signature = in.chance(80) ? BridgeSignature.sign(MockBridge.SECRET, ts, body)
          : in.pick(List.of("sha256=00", "", "sha256=" + "a".repeat(64)));
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SERVICE.base() + "/bridge/events"))
          .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (!ts.isEmpty()) {
        b.header(BridgeSignature.TIMESTAMP_HEADER, ts);
      }
      if (!signature.isEmpty()) {
        b.header(BridgeSignature.SIGNATURE_HEADER, signature);
      }
      record("bridge " + cut(body), b);
    }
  }

  /** Encrypted callbacks with hostile fields, and garbage that is not encrypted, to /wecom/callback. */
  private void fuzzWeCom(FuzzInputs in) {
    for (int i = 0; i < TRIES * 6; i++) {
      String from = in.chance(50) ? "fuzz-wecom-" + i : in.pick(FuzzInputs.HOSTILE_STRINGS);
      String created = in.chance(50) ? String.valueOf(System.currentTimeMillis() / 1000) : in.pick(FuzzInputs.HOSTILE_NUMBERS);
      String xml = "<xml><ToUserName><![CDATA[" + TestService.WECOM_CORP_ID + "]]></ToUserName><FromUserName><![CDATA["
          + from + "]]></FromUserName><CreateTime>" + created + "</CreateTime><MsgType><![CDATA["
          + in.pick(List.of("text", "event", "image", "")) + "]]></MsgType><Content><![CDATA["
          + in.pick(FuzzInputs.HOSTILE_STRINGS) + "]]></Content>"
          + (in.chance(50) ? "<MsgId>" + in.pick(List.of("1", "x".repeat(300), "a\u0001b", "fuzz-" + i)) + "</MsgId>" : "")
          + (in.chance(30) ? "<Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA["
              + in.pick(List.of("wr-fuzz-" + i, "x".repeat(1_000), "")) + "]]></ChatId>" : "")
          + "</xml>";
      if (in.chance(80)) {
        requests++;
        int status = WeComCallbacks.deliver(xml).statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
          fivexx.add(status + " wecom " + cut(xml));
        }
      } else {
        String query = in.pick(List.of("msg_signature=x&timestamp=" + System.currentTimeMillis() / 1000 + "&nonce=1",
            "msg_signature=" + "x".repeat(5_000) + "&timestamp=1&nonce=1", "timestamp=-1", ""));
        record("wecom raw " + cut(xml), HttpRequest.newBuilder(URI.create(SERVICE.base() + "/wecom/callback?" + query))
            .timeout(Duration.ofSeconds(30)).method(in.chance(50) ? "POST" : "GET",
                HttpRequest.BodyPublishers.ofString(in.chance(50) ? xml : in.body(null), StandardCharsets.UTF_8)));
      }
    }
  }

  private static String cut(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + ")" : s;
  }
}
