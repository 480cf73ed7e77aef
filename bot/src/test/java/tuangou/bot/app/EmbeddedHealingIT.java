package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar on its embedded default, healing from kill -9: of its Redis (restarted, counted),
 * of its PostgreSQL (restarted on the same port and data, counted), and of the service itself
 * (the next start stops the orphaned PostgreSQL and Redis and starts at the first attempt). Orders
 * sent around each kill, retried with the same id until answered, are all there, once.
 */
class EmbeddedHealingIT {
  private static final String TOKEN = "healing-test-token";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @TempDir
  Path dir;

  @Test
  void killedEmbeddedServersAreRestartedAndAKilledServiceStartsCleanlyAtTheNextStart() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TUANGOU_HTTP_PORT", "0");
    env.put("TUANGOU_ADMIN_TOKEN", TOKEN);
    env.put("TUANGOU_SIM_ENABLED", "true");
    // started twice: a short rehearsal each time (ShippedJarIT starts with the full one)
    env.put("TUANGOU_REHEARSAL_SECONDS", "3");
    JarProcess jar = JarProcess.start(dir, env);
    try {
      String first = jar.awaitRunning(Duration.ofMinutes(3));
      long campaign = campaign(first, "heal-g");
      order(first, "heal-1");

      ProcessHandle redis = jar.handle().descendants().filter(p -> p.info().command().orElse("").contains("redis"))
          .findFirst().orElseThrow();
      redis.destroyForcibly();
      await().atMost(Duration.ofSeconds(30)).until(() -> restarts(first, "redis") == 1 && health(first).statusCode() == 200);
      order(first, "heal-2");

      ProcessHandle postmaster = postmaster().orElseThrow();
      postmaster.destroyForcibly();
      order(first, "heal-3"); // retried through the 503s until PostgreSQL is back
      await().atMost(Duration.ofSeconds(60)).until(() -> restarts(first, "postgres") == 1 && health(first).statusCode() == 200);
      assertThat(postmaster().map(ProcessHandle::pid)).isPresent().isNotEqualTo(Optional.of(postmaster.pid()));
      assertThat(get(first + "/metrics").body()).contains("tuangou_embedded_restarts_total{server=\"postgres\"} 1.0")
          .contains("tuangou_embedded_restarts_total{server=\"redis\"} 1.0");

      // kill -9 of the service: its PostgreSQL and Redis live on, orphaned
      List<ProcessHandle> children = jar.handle().descendants().filter(p -> !p.info().command().orElse("").contains("java"))
          .toList();
      ProcessHandle orphanedPostmaster = postmaster().orElseThrow();
      jar.kill();
      assertThat(Processes.alive(orphanedPostmaster)).as("the postmaster outlives a killed service").isTrue();
      jar = JarProcess.start(dir, env);
      String base = jar.awaitRunning(Duration.ofMinutes(3));
      assertThat(Processes.alive(orphanedPostmaster)).as("stopped by the next start").isFalse();
      assertThat(children).allSatisfy(p -> assertThat(Processes.alive(p)).as(p.info().command().orElse("?")).isFalse());
      assertThat(jar.stderr()).contains("stopped an orphaned embedded postgres").contains("orphaned embedded redis");

      order(base, "heal-4");
      for (String id : List.of("heal-1", "heal-2", "heal-3")) {
        order(base, id); // a late retry of an answered message changes nothing
      }
      Map<String, Integer> bySource = new HashMap<>();
      for (Object o : admin(base, "/campaigns/" + campaign + "/orders").getJsonArray("orders")) {
        for (Object l : ((JsonObject) o).getJsonArray("lines")) {
          bySource.merge(((JsonObject) l).getString("source"), ((Number) ((JsonObject) l).getValue("qty")).intValue(),
              Integer::sum);
        }
      }
      assertThat(bySource).containsOnly(Map.entry("heal-1", 1), Map.entry("heal-2", 1), Map.entry("heal-3", 1),
          Map.entry("heal-4", 1));
      assertThat(jar.stop(Duration.ofSeconds(60))).isIn(0, 143);
      await().atMost(Duration.ofSeconds(15)).until(() -> postmaster().isEmpty());
    } finally {
      jar.close();
      postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private Optional<ProcessHandle> postmaster() {
    try {
      Path pid = dir.resolve("data/pg/postmaster.pid");
      return Files.exists(pid) ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
          .filter(Processes::alive) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private long restarts(String base, String kind) throws IOException {
    JsonObject embedded = new JsonObject(health(base).body()).getJsonObject("embedded");
    return embedded == null ? -1 : embedded.getJsonObject(kind).getLong("restarts");
  }

  private HttpResponse<String> health(String base) throws IOException {
    return get(base + "/health");
  }

  /** One order, its own sender, retried with the same id until it is answered 200. */
  private void order(String base, String id) {
    String body = new JsonObject().put("id", id).put("sender", "u-" + id).put("name", "居民").put("text", "苹果1斤").encode();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
      try {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/sim/groups/heal-g/messages"))
            .timeout(Duration.ofSeconds(15)).header("content-type", "application/json")
            .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
        assertThat(r.statusCode()).as("never a 500: " + r.body()).isIn(200, 503);
        return r.statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    });
  }

  private long campaign(String base, String chat) throws IOException {
    long leader = post(base, "/leaders", new JsonObject().put("name", "王团长")).getLong("id");
    long group = post(base, "/groups", new JsonObject().put("channel", "sim").put("chatId", chat).put("name", "自愈群")
        .put("leaderId", leader)).getLong("id");
    return post(base, "/campaigns", new JsonObject().put("campaign", "自愈团").put("groups", new JsonArray().add(group))
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "heal-apple").put("name", "烟台苹果")
            .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690)))).getLong("id");
  }

  private JsonObject post(String base, String path, JsonObject body) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
        .header("content-type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)).build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body());
  }

  private JsonObject admin(String base, String path) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
        .header("Authorization", "Bearer " + TOKEN).GET().build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private HttpResponse<String> get(String url) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + TOKEN).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
