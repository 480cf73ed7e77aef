package tuangou.bot.app;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tuangou.bot.channel.wecom.MockWeComServer;
import tuangou.bot.config.Config;
import tuangou.bot.config.ConfigLoader;

/**
 * One running service for the whole test JVM, on real servers: embedded PostgreSQL and Redis by
 * default, or TUANGOU_PG_URL / TUANGOU_REDIS_URL when set. Tests create their own groups and
 * campaigns (unique chat ids), so they never see each other's orders.
 */
public final class TestService {
  public static final String TOKEN = "test-admin-token";
  static final String WECOM_CORP_ID = "wx5823bf96d3bd56c7";
  static final String WECOM_TOKEN = "QDG6eK";
  static final String WECOM_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  private static TestService instance;

  private final Service service;
  private final MockBridge bridge;
  private final MockWeComServer wecomApi;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestService(Service service, MockBridge bridge, MockWeComServer wecomApi) {
    this.service = service;
    this.bridge = bridge;
    this.wecomApi = wecomApi;
  }

  /** The WeCom API the service calls (WxJava pointed at it). */
  public MockWeComServer wecomApi() {
    return wecomApi;
  }

  /** The bridge the service sends to; its secret is {@link MockBridge#SECRET}. */
  MockBridge bridge() {
    return bridge;
  }

  public static synchronized TestService get() {
    if (instance == null) {
      try {
        Path data = Files.createTempDirectory("tuangou-test");
        Map<String, String> env = new HashMap<>();
        env.put("TUANGOU_HTTP_PORT", "0");
        env.put("TUANGOU_DATA_DIR", data.toString());
        env.put("TUANGOU_ADMIN_TOKEN", TOKEN);
        // real channels are configured below: the simulator is then off unless enabled, and takes the token
        env.put("TUANGOU_SIM_ENABLED", "true");
        // short, so that SecurityDefaultsTest sees half-sent requests dropped without waiting long
        env.put("TUANGOU_HTTP_REQUEST_TIMEOUT_SECONDS", "3");
        // the shared service starts at once: RehearsalTest and ShippedJarIT rehearse
        env.put("TUANGOU_REHEARSAL_SECONDS", "0");
        for (String key : new String[] {"TUANGOU_PG_URL", "TUANGOU_REDIS_URL"}) {
          String v = System.getenv(key);
          if (v != null && !v.isBlank()) {
            env.put(key, v);
          }
        }
        MockBridge bridge = new MockBridge();
        env.put("TUANGOU_BRIDGE_SECRET", MockBridge.SECRET);
        env.put("TUANGOU_BRIDGE_SEND_URL", bridge.url());
        // Tencent's published sample app, so that its vectors can be sent to the real endpoint
        env.put("TUANGOU_WECOM_CORP_ID", WECOM_CORP_ID);
        env.put("TUANGOU_WECOM_TOKEN", WECOM_TOKEN);
        env.put("TUANGOU_WECOM_AES_KEY", WECOM_AES_KEY);
        MockWeComServer wecomApi = new MockWeComServer();
        env.put("TUANGOU_WECOM_AGENT_ID", "1000002");
        env.put("TUANGOU_WECOM_SECRET", "test-app-secret");
        env.put("TUANGOU_WECOM_API_BASE_URL", wecomApi.url());
        // the shipped settings, with the bridge's human-like pacing off so tests do not wait on it
        Path yaml = data.resolve("tuangou.yaml");
        Files.writeString(yaml, Files.readString(Path.of("../conf/tuangou.yaml"))
            .replace("roomIntervalMs: 3000", "roomIntervalMs: 0").replace("jitterMs: 800", "jitterMs: 0"));
        Config config = ConfigLoader.load(yaml, env);
        Service service = Service.start(config, Clock.systemUTC()).toCompletionStage().toCompletableFuture()
            .get(180, TimeUnit.SECONDS);
        instance = new TestService(service, bridge, wecomApi);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            service.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
          } catch (Exception ignored) {
            // the JVM is ending; what is left in the temp directory is removed below if possible
          }
          deleteQuietly(data);
        }));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the service for tests", e);
      }
    }
    return instance;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temp directory left behind does no harm
    }
  }

  public Service service() {
    return service;
  }

  private static final HttpClient OWN_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Calls a service of a test's own with its admin token; the JSON object it answers, once the
   * status is the one {@code expected}.
   */
  static JsonObject callOwn(Service on, String token, String method, String path, Object body, int expected) {
    try {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
          .timeout(Duration.ofSeconds(30))
          .header("content-type", "application/json").header("Authorization", "Bearer " + token)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
      HttpResponse<String> res = OWN_HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (res.statusCode() != expected) {
        throw new AssertionError(method + " " + path + ": expected " + expected + ", got " + res.statusCode() + ": "
            + res.body());
      }
      return new JsonObject(res.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The environment of a service of a test's own: a fresh database (named after {@code name}) on
   * the shared PostgreSQL, the shared Redis, a temporary data directory, the simulator on.
   */
  static Map<String, String> ownDatabase(String name, String token) throws IOException {
    String db = name + "_" + UUID.randomUUID().toString().replace("-", "");
    TestService shared = get();
    shared.service().pool().query("create database " + db).execute().await();
    String pg = shared.service().postgresUrl();
    Map<String, String> env = new HashMap<>();
    env.put("TUANGOU_HTTP_PORT", "0");
    env.put("TUANGOU_DATA_DIR", Files.createTempDirectory("tuangou-" + name).toString());
    env.put("TUANGOU_ADMIN_TOKEN", token);
    env.put("TUANGOU_PG_URL", pg.substring(0, pg.lastIndexOf('/') + 1) + db);
    env.put("TUANGOU_REDIS_URL", shared.service().redisUrl());
    env.put("TUANGOU_SIM_ENABLED", "true");
    return env;
  }

  public String base() {
    return "http://127.0.0.1:" + service.port();
  }

  /** A fresh chat id, unique across test runs against the same database. */
  public static String chatId(String hint) {
    return hint + "-" + UUID.randomUUID();
  }

  public record Reply(int status, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  public Reply call(String method, String path, String body, boolean auth) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (auth) {
      b.header("Authorization", "Bearer " + TOKEN);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply admin(String method, String path, Object body) {
    return call(method, "/api/v1" + path, body == null ? null : body.toString(), true);
  }

  /** Creates a leader and a simulator group; returns the group's id. */
  public long simGroup(String chatId, String leaderUser) {
    long leader = admin("POST", "/leaders", new JsonObject().put("name", "团长" + chatId)).json().getLong("id");
    Reply g = admin("POST", "/groups", new JsonObject().put("channel", "sim").put("chatId", chatId)
        .put("name", "群" + chatId).put("leaderId", leader).put("leaderUser", leaderUser));
    if (g.status() != 201) {
      throw new IllegalStateException("group not created: " + g.body());
    }
    return g.json().getLong("id");
  }

  public Reply say(String chatId, String id, String sender, String name, String text) {
    JsonObject body = new JsonObject().put("sender", sender).put("name", name).put("text", text);
    if (id != null) {
      body.put("id", id);
    }
    return call("POST", "/sim/groups/" + chatId + "/messages", body.encode(), true);
  }
}
