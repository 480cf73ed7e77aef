package tuangou.store.pg;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import tuangou.store.embedded.EmbeddedServers;

/**
 * One migrated database for the store's tests in this JVM: an embedded PostgreSQL of its own by
 * default, or the server named by TUANGOU_PG_URL when set. Tests create their own leaders and lines
 * and look only at those, so they never see each other's rows.
 */
final class TestDatabase {
  private static Database database;
  private static String url;

  private TestDatabase() {}

  static synchronized Database get() {
    if (database == null) {
      url = System.getenv("TUANGOU_PG_URL");
      if (url == null || url.isBlank()) {
        url = embedded();
      }
      Vertx vertx = Vertx.vertx();
      database = Database.connect(vertx, url, 4).await();
    }
    return database;
  }

  /** The database's URL, for a test that needs connections of its own settings. */
  static synchronized String url() {
    get();
    return url;
  }

  private static String embedded() {
    try {
      Path dir = Files.createTempDirectory("tuangou-store-test");
      EmbeddedServers servers = EmbeddedServers.start(dir, true, false);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        servers.close();
        try (var files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
          // best effort: a temp directory left behind does no harm
        }
      }));
      return servers.postgresUrl();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start an embedded PostgreSQL for the store's tests", e);
    }
  }
}
