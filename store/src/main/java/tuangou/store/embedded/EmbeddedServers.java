package tuangou.store.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * The zero-configuration default: a PostgreSQL and a Redis started from jars, PostgreSQL's data
 * kept under {@code dataDir/pg} so that orders survive a restart. Blocking; call off the event loop.
 */
public final class EmbeddedServers implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final int redisPort;

  private EmbeddedServers(EmbeddedPostgres postgres, RedisServer redis, int redisPort) {
    this.postgres = postgres;
    this.redis = redis;
    this.redisPort = redisPort;
  }

  /** Starts both; {@code dataDir} is created if missing. */
  public static EmbeddedServers start(Path dataDir, boolean withPostgres, boolean withRedis) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres pg = null;
      if (withPostgres) {
        // PostgreSQL's own output (initdb's advice, server logs) goes to a file beside its data,
        // not into the service's console where it buries what the operator needs to read
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile());
        pg = EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("pg"))
            .setOutputRedirector(log)
            .setErrorRedirector(log)
            .setCleanDataDirectory(false)
            // the library's test-friendly defaults turn durability off; orders must survive a crash
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .start();
      }
      RedisServer redis = null;
      int port = 0;
      if (withRedis) {
        port = freePort();
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
            .setting("save \"\"").setting("appendonly no").build();
        redis.start();
      }
      return new EmbeddedServers(pg, redis, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded servers under " + dataDir, e);
    }
  }

  /** {@code postgresql://postgres@127.0.0.1:PORT/postgres}, or null when not started. */
  public String postgresUrl() {
    return postgres == null ? null : "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  /** {@code redis://127.0.0.1:PORT}, or null when not started. */
  public String redisUrl() {
    return redis == null ? null : "redis://127.0.0.1:" + redisPort;
  }

  @Override
  public void close() {
    try {
      if (redis != null) {
        redis.stop();
      }
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
