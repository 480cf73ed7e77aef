package tuangou.bot.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import tuangou.bot.config.Config;
import tuangou.bot.config.ConfigException;
import tuangou.bot.config.ConfigLoader;

/** {@code java -jar tuangou-bot.jar}: loads settings, starts the service, says where to go. */
final class Runner {
  /** How long made-up chat is read at start, to have the reading code compiled (see {@link Warmup}). */
  private static final long WARMUP_MS = 3_000;

  private Runner() {}

  private static String servers(Config config) {
    return (config.postgres().embedded() ? "an embedded PostgreSQL" : "PostgreSQL at " + StartFailure.withoutPassword(config.postgres().url()))
        + " and " + (config.redis().embedded() ? "an embedded Redis" : "Redis at " + StartFailure.withoutPassword(config.redis().url()));
  }

  static int run(PrintStream out, PrintStream err) {
    Config config;
    try {
      config = ConfigLoader.load(Path.of("conf", "tuangou.yaml"), System.getenv());
    } catch (ConfigException e) {
      err.println("tuangou: bad configuration: " + e.getMessage());
      return 2;
    }
    java.util.Optional<String> wrong = StartFailure.beforeStart(config);
    if (wrong.isPresent()) {
      err.println("tuangou: cannot start: " + wrong.get());
      return 1;
    }
    out.println("tuangou: starting with " + servers(config) + " (data in " + config.dataDir().toAbsolutePath().normalize()
        + ")");
    // beside the servers' start, which mostly waits on them
    Warmup.start(WARMUP_MS);
    Service service;
    try {
      service = Service.start(config, Clock.system(config.timezone())).toCompletionStage().toCompletableFuture()
          .get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      err.println("tuangou: cannot start: " + StartFailure.explain(cause, config));
      return 1;
    }
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          service.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // the process is ending either way
        }
      }, "tuangou-shutdown"));
    } catch (IllegalStateException shuttingDown) {
      // stopped while it started (the rehearsal takes seconds): the embedded servers stop with the process
      err.println("tuangou: stopped while starting");
      return 1;
    }
    String base = "http://localhost:" + service.port();
    out.println("tuangou is running.");
    out.println("  health:     " + base + "/health");
    out.println("  admin API:  " + base + "/api/v1  (OpenAPI: " + base + "/api/v1/openapi.yaml)");
    if (service.adminTokenGenerated()) {
      out.println("  admin token: " + service.adminToken() + "  (generated now, kept in "
          + config.dataDir().resolve("admin-token") + "; it is not printed again)");
    } else {
      out.println("  admin token: " + (config.admin().token().isBlank()
          ? "in " + config.dataDir().resolve("admin-token") : "from TUANGOU_ADMIN_TOKEN"));
    }
    if (config.simulator().enabled()) {
      out.println("  simulator:  " + base + "/sim  (create a group with channel sim first)");
    }
    return 0;
  }
}
