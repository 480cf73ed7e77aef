package tuangou.bot.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tuangou.store.embedded.EmbeddedServers;

/**
 * The fault table of the README: the shaded jar (or the one named by {@code -Dtuangou.jar}) under a
 * steady order load while PostgreSQL and Redis are reset or blackholed through a TCP proxy, and while
 * the service, its embedded PostgreSQL and its embedded Redis are killed with SIGKILL. Clients retry
 * with the same request id until answered; afterwards every acknowledged order is looked up.
 * Off by default (about five minutes); {@code -Dtuangou.faultTable=FILE} runs it and writes the
 * table, in Markdown, to FILE.
 */
@EnabledIfSystemProperty(named = "tuangou.faultTable", matches = ".+")
class FaultTableIT {
  private static final String TOKEN = "fault-table-token";
  private static final Duration START = Duration.ofMinutes(3);
  /** How long a restart after kill -9 may take before it counts as failed, killed and tried again. */
  private static final Duration RESTART = Duration.ofSeconds(200);
  /** Which faults to run ({@code -Dtuangou.faults=pg-reset,kill-service}); all when not set. */
  private static final java.util.Set<String> ONLY = java.util.Set.of(System.getProperty("tuangou.faults",
      "pg-reset,pg-drop,redis-reset,redis-drop,kill-service,kill-postgres,kill-redis").split(","));
  private static final long WARM_MS = 3000;
  private static final long FAULT_MS = 8000;
  private static final long AFTER_MS = 6000;
  private static final int CLIENTS = 4;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private static final class SkipProxied extends RuntimeException {
    SkipProxied() {
      super(null, null, false, false);
    }
  }

  record Row(String fault, long requests, long unavailable, long serverErrors, long noAnswer, double slowest,
      String health, String recovery, int lost, int doubled, String note) {
    String markdown() {
      return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f s | %s | %s | %d | %d | %s |", fault, requests,
          unavailable, serverErrors, noAnswer, slowest, health, recovery, lost, doubled, note);
    }
  }

  @Test
  void faultTable() throws Exception {
    Path out = Path.of(System.getProperty("tuangou.faultTable")).toAbsolutePath();
    Path work = Files.createTempDirectory("tuangou-faults");
    List<Row> rows = new java.util.concurrent.CopyOnWriteArrayList<>() {
      @Override
      public boolean add(Row r) {
        boolean added = super.add(r);
        write(out, this); // a run that fails later still leaves the rows it has
        return added;
      }
    };
    boolean proxied = ONLY.stream().anyMatch(f -> !f.startsWith("kill-"));
    try (EmbeddedServers servers = proxied ? EmbeddedServers.start(work.resolve("servers"), true, true) : null) {
      if (!proxied) {
        throw new SkipProxied();
      }
      URI pgUri = URI.create(servers.postgresUrl());
      URI redisUri = URI.create(servers.redisUrl());
      try (TcpProxy pg = new TcpProxy(pgUri.getHost(), pgUri.getPort());
          TcpProxy redis = new TcpProxy(redisUri.getHost(), redisUri.getPort())) {
        Map<String, String> env = settings(freePort());
        env.put("TUANGOU_PG_URL", "postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres");
        env.put("TUANGOU_REDIS_URL", "redis://127.0.0.1:" + redis.port());
        try (JarProcess jar = JarProcess.start(work.resolve("proxied"), env)) {
          String base = jar.awaitRunning(START);
          Setup setup = setup(base);
          if (ONLY.contains("pg-reset")) {
            rows.add(proxyFault("PostgreSQL reset for 8 s", base, setup, "pg-reset", pg::cut, pg::restore));
          }
          if (ONLY.contains("pg-drop")) {
            rows.add(proxyFault("PostgreSQL blackholed for 8 s", base, setup, "pg-drop", pg::drop, pg::restore));
          }
          if (ONLY.contains("redis-reset")) {
            rows.add(proxyFault("Redis reset for 8 s", base, setup, "redis-reset", redis::cut, redis::restore));
          }
          if (ONLY.contains("redis-drop")) {
            rows.add(proxyFault("Redis blackholed for 8 s", base, setup, "redis-drop", redis::drop, redis::restore));
          }
          jar.stop(Duration.ofSeconds(60));
        }
      }
    } catch (SkipProxied skipped) {
      // only kill faults asked for
    }
    if (ONLY.contains("kill-service")) {
      rows.add(killService(work.resolve("kill-service")));
    }
    if (ONLY.contains("kill-postgres")) {
      rows.add(killChild(work.resolve("kill-postgres"), "postgres"));
    }
    if (ONLY.contains("kill-redis")) {
      rows.add(killChild(work.resolve("kill-redis"), "redis"));
    }
    System.out.println(Files.readString(out));
  }

  private static void write(Path out, List<Row> rows) {
    StringBuilder table = new StringBuilder("jar: " + JarProcess.jar() + "\n\n"
        + "| fault | requests | 503s | 500s | no answer | slowest answer from the fault on | /health during the fault | recovery | lost | "
        + "doubled | note |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    rows.forEach(r -> table.append(r.markdown()).append('\n'));
    try {
      Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Row proxyFault(String name, String base, Setup setup, String prefix, Runnable fault, Runnable restore)
      throws Exception {
    try (FaultLoad load = new FaultLoad(() -> base, TOKEN, setup.simChat, setup.wecomChat, prefix + "-" + System.nanoTime(),
        Duration.ofSeconds(15)); HealthProbe probe = new HealthProbe(() -> base)) {
      load.start(CLIENTS);
      Thread.sleep(WARM_MS);
      probe.start();
      long began = System.nanoTime();
      fault.run();
      Thread.sleep(FAULT_MS);
      probe.stop();
      restore.run();
      long restored = System.nanoTime();
      Thread.sleep(AFTER_MS);
      load.finish(Duration.ofSeconds(60));
      return row(name, load, probe, began, restored, base, setup, "");
    }
  }

  private Row killService(Path dir) throws Exception {
    Map<String, String> env = settings(freePort());
    JarProcess jar = JarProcess.start(dir, env);
    List<ProcessHandle> children = new ArrayList<>();
    try {
      String base = jar.awaitRunning(START);
      Setup setup = setup(base);
      try (FaultLoad load = new FaultLoad(() -> base, TOKEN, setup.simChat, setup.wecomChat, "kill-service-" + System.nanoTime(),
          Duration.ofSeconds(15)); HealthProbe probe = new HealthProbe(() -> base)) {
        load.start(CLIENTS);
        Thread.sleep(WARM_MS);
        children.addAll(jar.handle().descendants().toList());
        postmaster(dir).ifPresent(children::add);
        long killed = System.nanoTime();
        jar.kill();
        Thread.sleep(1000); // a service manager's pause before it starts the service again
        List<String> orphans = children.stream().filter(Processes::alive).map(p -> kind(p)).distinct().toList();
        int starts = 0;
        String failure = "";
        while (starts < 3) {
          starts++;
          jar = JarProcess.start(dir, env);
          try {
            jar.awaitRunning(RESTART);
            break;
          } catch (AssertionError | org.awaitility.core.ConditionTimeoutException e) {
            // exited, or still not running after RESTART: a service manager would kill it and try again
            failure = jar.alive() ? "not running after " + RESTART.toSeconds() + " s" : firstLine(jar.stderr());
            jar.kill();
          }
        }
        if (!jar.alive()) {
          // never came back by itself: cleaned and started by hand, so that the retries can finish and be counted
          postmaster(dir).ifPresent(ProcessHandle::destroy);
          children.stream().filter(Processes::alive).forEach(ProcessHandle::destroyForcibly);
          jar = JarProcess.start(dir, env);
          jar.awaitRunning(START);
          failure += "; cleaned up and started by hand";
        }
        Thread.sleep(AFTER_MS);
        load.finish(Duration.ofSeconds(60));
        String note = "orphans after kill: " + (orphans.isEmpty() ? "none" : String.join(", ", orphans)) + "; starts needed: "
            + starts + (failure.isEmpty() ? "" : " (failed start: " + failure + ")")
            + "; orphans after restart: " + stillAlive(children, jar);
        return row("service killed (kill -9), restarted after 1 s", load, probe, killed, killed, base, setup, note);
      }
    } finally {
      stopAndClean(jar, dir, children);
    }
  }

  private Row killChild(Path dir, String kind) throws Exception {
    Map<String, String> env = settings(freePort());
    JarProcess jar = JarProcess.start(dir, env);
    List<ProcessHandle> children = new ArrayList<>();
    try {
      String base = jar.awaitRunning(START);
      Setup setup = setup(base);
      try (FaultLoad load = new FaultLoad(() -> base, TOKEN, setup.simChat, setup.wecomChat, "kill-" + kind + "-" + System.nanoTime(),
          Duration.ofSeconds(15)); HealthProbe probe = new HealthProbe(() -> base)) {
        load.start(CLIENTS);
        Thread.sleep(WARM_MS);
        ProcessHandle child = (kind.equals("postgres") ? postmaster(dir)
            : jar.handle().descendants().filter(p -> kind(p).equals("redis")).findFirst())
            .orElseThrow(() -> new AssertionError("no embedded " + kind + " found"));
        probe.start();
        long killed = System.nanoTime();
        child.destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.recoverySeconds(killed) == null && System.nanoTime() - deadline < 0) {
          Thread.sleep(200);
        }
        probe.stop();
        String note = "";
        if (load.recoverySeconds(killed) == null) {
          // not healed by itself: restarted by hand, so that the retries can finish and be counted
          note = "not restarted within 60 s; the service was restarted by hand to count";
          children.addAll(jar.handle().descendants().toList());
          jar.stop(Duration.ofSeconds(60));
          postmaster(dir).ifPresent(ProcessHandle::destroy);
          jar = JarProcess.start(dir, env);
          jar.awaitRunning(START);
        } else {
          Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - killed) / 1_000_000));
          JsonObject health = new JsonObject(get(base + "/health").body());
          note = String.format(Locale.ROOT, "answered/s before the kill %.0f, in the 10 s after it %.0f; %s in /health "
                  + "10 s after; restarts in /health: %s", load.answeredPerSecond(killed - 3_000_000_000L, killed),
              load.answeredPerSecond(killed, killed + 10_000_000_000L), kind + " " + health.getString(kind),
              Optional.ofNullable(health.getJsonObject("embedded"))
                  .map(e -> String.valueOf(e.getJsonObject(kind, new JsonObject()).getValue("restarts"))).orElse("not shown"));
        }
        Thread.sleep(AFTER_MS);
        load.finish(Duration.ofSeconds(60));
        return row("embedded " + (kind.equals("postgres") ? "PostgreSQL" : "Redis") + " killed (kill -9)", load, probe,
            killed, killed, base, setup, note);
      }
    } finally {
      stopAndClean(jar, dir, children);
    }
  }

  private Row row(String name, FaultLoad load, HealthProbe probe, long faultStart, long faultEnd, String base, Setup setup,
      String note)
      throws Exception {
    // WeCom callbacks are answered once stored and processed after: wait until every acknowledged one is ordered
    FaultLoad.Count count = load.count(orders(base, setup.campaign));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (count.lost() > 0 && System.nanoTime() - deadline < 0) {
      Thread.sleep(500);
      count = load.count(orders(base, setup.campaign));
    }
    Double recovery = load.recoverySeconds(faultEnd);
    boolean failedAfter = load.failedBetween(faultStart, System.nanoTime()) > 0;
    String rec = recovery == null ? "none" : !failedAfter ? "no outage" : String.format(Locale.ROOT, "%.1f s", recovery);
    return new Row(name, load.requests.get(), load.unavailable.get(), load.serverErrors.get(), load.noAnswer.get(),
        load.slowestSince(faultStart), probe.summary(), rec, count.lost(), count.doubled(),
        note + (load.unacked.isEmpty() ? "" : (note.isEmpty() ? "" : "; ") + load.unacked.size() + " never answered ("
            + count.unackedButOrdered() + " of them ordered)"));
  }

  private record Setup(long campaign, String simChat, String wecomChat) {}

  private Setup setup(String base) throws IOException {
    String sim = "fault-sim-" + System.nanoTime();
    String wecom = "wrfault" + System.nanoTime();
    long leader = admin(base, "POST", "/leaders", new JsonObject().put("name", "故障团长")).getLong("id");
    long g1 = admin(base, "POST", "/groups", new JsonObject().put("channel", "sim").put("chatId", sim)
        .put("name", "故障群").put("leaderId", leader)).getLong("id");
    long g2 = admin(base, "POST", "/groups", new JsonObject().put("channel", "wecom").put("chatId", wecom)
        .put("name", "故障企微群").put("leaderId", leader)).getLong("id");
    long campaign = admin(base, "POST", "/campaigns", new JsonObject().put("campaign", "故障团")
        .put("groups", new JsonArray().add(g1).add(g2)).put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", "fault-apple-" + System.nanoTime()).put("name", "烟台苹果")
                .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690)))).getLong("id");
    return new Setup(campaign, sim, wecom);
  }

  private JsonObject orders(String base, long campaign) throws IOException {
    return admin(base, "GET", "/campaigns/" + campaign + "/orders", null);
  }

  private static Map<String, String> settings(int port) {
    Map<String, String> env = new HashMap<>();
    env.put("TUANGOU_HTTP_PORT", String.valueOf(port));
    env.put("TUANGOU_ADMIN_TOKEN", TOKEN);
    env.put("TUANGOU_SIM_ENABLED", "true");
    env.put("TUANGOU_WECOM_CORP_ID", TestService.WECOM_CORP_ID);
    env.put("TUANGOU_WECOM_TOKEN", TestService.WECOM_TOKEN);
    env.put("TUANGOU_WECOM_AES_KEY", TestService.WECOM_AES_KEY);
    return env;
  }

  private static Optional<ProcessHandle> postmaster(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("data/pg/postmaster.pid"));
      return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(Processes::alive);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String kind(ProcessHandle p) {
    String c = p.info().command().orElse("");
    return c.contains("redis") ? "redis" : c.contains("postgres") ? "postgres" : c;
  }

  private static String stillAlive(List<ProcessHandle> before, JarProcess now) {
    List<Long> current = now.handle().descendants().map(ProcessHandle::pid).toList();
    List<String> left = before.stream().filter(Processes::alive).filter(p -> !current.contains(p.pid()))
        .filter(p -> !kind(p).equals("postgres") || p.info().command().isPresent()).map(p -> kind(p) + " " + p.pid()).toList();
    return left.isEmpty() ? "none" : String.join(", ", left);
  }

  /** Stops the service and whatever a killed run of it left running, so that nothing outlives the harness. */
  private static void stopAndClean(JarProcess jar, Path dir, List<ProcessHandle> children) throws InterruptedException {
    try {
      if (jar.alive()) {
        jar.stop(Duration.ofSeconds(60));
      }
    } finally {
      jar.close();
      postmaster(dir).ifPresent(ProcessHandle::destroy);
      children.stream().filter(Processes::alive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  private JsonObject admin(String base, String method, String path, JsonObject body) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)).build());
    if (r.statusCode() / 100 != 2) {
      throw new IOException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body());
  }

  private HttpResponse<String> get(String url) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String firstLine(String s) {
    return s.strip().lines().reduce((a, b) -> b).orElse("").replace("|", "/");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
