package tuangou.bot.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tuangou.bot.config.Config;

/**
 * Why the service cannot start, in one line that names the setting to change. The checks that need
 * no server run before the embedded PostgreSQL and Redis are started, so a port in use costs no
 * database start and leaves nothing behind.
 */
final class StartFailure {
  private StartFailure() {}

  /** What is wrong before anything starts, if something is. */
  static Optional<String> beforeStart(Config config) {
    int port = config.http().port();
    if (port != 0 && !free(port)) {
      return Optional.of(portInUse(port));
    }
    Path data = config.dataDir().toAbsolutePath();
    if (config.postgres().embedded() || config.redis().embedded()) {
      try {
        Files.createDirectories(data);
      } catch (IOException e) {
        return Optional.of("cannot create the data directory " + data + " (" + e.getMessage()
            + "); set dataDir (TUANGOU_DATA_DIR) to a writable directory");
      }
      if (!Files.isWritable(data)) {
        return Optional.of("the data directory " + data + " is not writable; set dataDir (TUANGOU_DATA_DIR) "
            + "to a writable directory");
      }
    }
    return Optional.empty();
  }

  /** The line for a failure during start, naming the setting where the cause is known. */
  static String explain(Throwable failure, Config config) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return portInUse(config.http().port());
      }
      if (t instanceof LinkageError) {
        // a class missing from the jar is a packaging fault, not the operator's: say what is missing
        return "the jar is incomplete (" + t.getClass().getSimpleName() + ": " + t.getMessage()
            + "); rebuild it with mvn -B -ntp package";
      }
    }
    String message = describe(failure);
    String all = chain(failure);
    if (all.contains("epg-lock")) {
      return "the data directory " + config.dataDir().toAbsolutePath().normalize() + " is in use by another tuangou; "
          + "stop it, or set dataDir (TUANGOU_DATA_DIR) to a directory of this one's own";
    }
    String text = all.toLowerCase(java.util.Locale.ROOT);
    if (!config.postgres().embedded() && (text.contains("postgres") || text.contains("connection refused"))
        && !text.contains("redis")) {
      return "cannot use PostgreSQL at " + withoutPassword(config.postgres().url()) + " (" + message
          + "); check postgres.url (TUANGOU_PG_URL)";
    }
    if (!config.redis().embedded() && text.contains("redis")) {
      return "cannot use Redis at " + withoutPassword(config.redis().url()) + " (" + message
          + "); check redis.url (TUANGOU_REDIS_URL)";
    }
    return message;
  }

  /** The deepest cause in its own words, one line: the top of a chain is usually a wrapper's. */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = firstLine(root.getMessage());
    return message.isEmpty() ? root.getClass().getSimpleName() : message;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** A server URL fit to print: a password in it is replaced by ***. */
  static String withoutPassword(String url) {
    return url.replaceFirst("^([a-z]+://[^:/@]+):[^@/]*@", "$1:***@");
  }

  /** Every message of the chain, for recognising a cause whatever wraps it. */
  private static String chain(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static String portInUse(int port) {
    return "port " + port + " is already in use; stop what is using it or set http.port (TUANGOU_HTTP_PORT) "
        + "to a free port";
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // the same address Vert.x binds: any local address
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
