package tuangou.bot.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Asks {@code /health} every 250 ms while a fault lasts: how long it took at worst, and which parts it named DOWN. */
final class HealthProbe implements AutoCloseable {
  private final Supplier<String> base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private volatile boolean running;
  private Thread thread;
  private volatile long slowestNanos;
  private volatile int answers;
  private volatile int unanswered;
  private final Set<String> down = java.util.Collections.synchronizedSet(new TreeSet<>());

  HealthProbe(Supplier<String> base) {
    this.base = base;
  }

  void start() {
    running = true;
    thread = new Thread(() -> {
      while (running) {
        long t0 = System.nanoTime();
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base.get() + "/health"))
              .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
          answers++;
          for (String part : new String[] {"postgres", "redis"}) {
            if (r.body().contains("\"" + part + "\":\"DOWN\"")) {
              down.add(part);
            }
          }
        } catch (Exception e) {
          unanswered++;
        }
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - t0);
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "health-probe");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(15_000);
    }
  }

  /** For the table: e.g. "postgres DOWN, ≤ 1.5 s". */
  String summary() {
    if (thread == null) {
      return "—";
    }
    String parts = down.isEmpty() ? "all UP" : String.join(" + ", down) + " DOWN";
    return String.format(Locale.ROOT, "%s, slowest %.1f s%s", parts, slowestNanos / 1e9,
        unanswered > 0 ? ", " + unanswered + " unanswered" : "");
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
