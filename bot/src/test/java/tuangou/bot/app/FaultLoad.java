package tuangou.bot.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Residents ordering through a service while a fault is made: each client sends a stream of orders,
 * every one with its own request id and sender, and retries a refused or unanswered one with the
 * same id until it is answered 200, as WeCom, the bridge and the simulator's callers do. Counts
 * what came back, and afterwards reads the orders to count lost (answered but not ordered) and
 * doubled (ordered more than once) messages.
 */
final class FaultLoad implements AutoCloseable {
  /** How a message reaches the service: the simulator (answers once processed) or the WeCom callback (once stored). */
  enum Via { SIM, WECOM }

  private final Supplier<String> base;
  private final String token;
  private final String simChat;
  private final String wecomChat;
  private final String prefix;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Duration attemptTimeout;
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean sending;
  private volatile long giveUpAt = Long.MAX_VALUE;

  final AtomicLong requests = new AtomicLong();
  final AtomicLong ok = new AtomicLong();
  final AtomicLong unavailable = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong otherStatus = new AtomicLong();
  final AtomicLong noAnswer = new AtomicLong();
  final AtomicLong slowestNanos = new AtomicLong();
  /** Request ids answered 200, by channel. */
  final Set<String> acked = ConcurrentHashMap.newKeySet();
  final Set<String> unacked = ConcurrentHashMap.newKeySet();
  /** When each 200 arrived and when its attempt was sent (nanoTime), for recovery times. */
  private final List<long[]> successes = java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<long[]> attempts = java.util.Collections.synchronizedList(new ArrayList<>());

  FaultLoad(Supplier<String> base, String token, String simChat, String wecomChat, String prefix, Duration attemptTimeout) {
    this.base = base;
    this.token = token;
    this.simChat = simChat;
    this.wecomChat = wecomChat;
    this.prefix = prefix;
    this.attemptTimeout = attemptTimeout;
  }

  /** Starts {@code n} clients; with a WeCom chat, every other message goes through the WeCom callback. */
  FaultLoad start(int n) {
    sending = true;
    for (int c = 0; c < n; c++) {
      int client = c;
      Thread t = new Thread(() -> run(client), "fault-load-" + c);
      t.setDaemon(true);
      clients.add(t);
      t.start();
    }
    return this;
  }

  private void run(int client) {
    for (int n = 0; sending; n++) {
      Via via = wecomChat != null && n % 2 == 1 ? Via.WECOM : Via.SIM;
      String id = prefix + "-" + client + "-" + n + (via == Via.WECOM ? "-w" : "");
      deliver(id, via);
    }
  }

  /** Sends one message until it is answered 200 or the load gives up (then it is counted unacknowledged). */
  private void deliver(String id, Via via) {
    long pause = 100;
    while (true) {
      if (System.nanoTime() - giveUpAt > 0) {
        unacked.add(id);
        return;
      }
      long sent = System.nanoTime();
      int status = attempt(id, via);
      long took = System.nanoTime() - sent;
      slowestNanos.accumulateAndGet(took, Math::max);
      requests.incrementAndGet();
      attempts.add(new long[] {sent, status, took});
      if (status == 200) {
        ok.incrementAndGet();
        acked.add(id);
        successes.add(new long[] {System.nanoTime(), sent});
        return;
      }
      if (status == 503) {
        unavailable.incrementAndGet();
      } else if (status >= 500) {
        serverErrors.incrementAndGet();
      } else if (status < 0) {
        noAnswer.incrementAndGet();
      } else {
        otherStatus.incrementAndGet();
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unacked.add(id);
        return;
      }
      pause = Math.min(1000, pause * 2);
    }
  }

  /** The status, or -1 when no answer came (refused, reset, timed out). */
  private int attempt(String id, Via via) {
    try {
      if (via == Via.WECOM) {
        HttpResponse<String> r = WeComCallbacks.deliver(base.get(), WeComCallbacks.WECOM,
            WeComCallbacks.text("wm-" + id, id, "苹果1斤", wecomChat));
        return r.statusCode() == 200 && !"success".equals(r.body()) ? 299 : r.statusCode();
      }
      String body = new JsonObject().put("id", id).put("sender", "u-" + id).put("name", "居民").put("text", "苹果1斤").encode();
      return http.send(HttpRequest.newBuilder(URI.create(base.get() + "/sim/groups/" + simChat + "/messages"))
              .timeout(attemptTimeout).header("content-type", "application/json").header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Stops new messages; messages under way keep retrying until {@code within} has passed. */
  void finish(Duration within) throws InterruptedException {
    sending = false;
    giveUpAt = System.nanoTime() + within.toNanos();
    for (Thread t : clients) {
      t.join(within.toMillis() + attemptTimeout.toMillis() + 5000);
    }
  }

  /**
   * Seconds from {@code faultEnd} (nanoTime) until a message sent after it was answered 200, or
   * null when none was.
   */
  Double recoverySeconds(long faultEnd) {
    synchronized (successes) {
      return successes.stream().filter(s -> s[1] - faultEnd >= 0).mapToLong(s -> s[0] - faultEnd).min()
          .stream().mapToDouble(n -> n / 1e9).boxed().findFirst().orElse(null);
    }
  }

  /** The longest an attempt sent at or after {@code from} waited for its answer (or gave up), in seconds. */
  double slowestSince(long from) {
    synchronized (attempts) {
      return attempts.stream().filter(a -> a[0] - from >= 0).mapToLong(a -> a[2]).max().orElse(0) / 1e9;
    }
  }

  /** Messages answered 200 per second within [from, to). */
  double answeredPerSecond(long from, long to) {
    synchronized (successes) {
      return successes.stream().filter(x -> x[0] - from >= 0 && x[0] - to < 0).count() / ((to - from) / 1e9);
    }
  }

  /** Attempts sent within [from, to) that failed (anything but 200). */
  long failedBetween(long from, long to) {
    synchronized (attempts) {
      return attempts.stream().filter(a -> a[0] - from >= 0 && a[0] - to < 0 && a[1] != 200).count();
    }
  }

  /** Order lines of the campaign by the message that made them: lost and doubled of what was acknowledged. */
  record Count(int acked, int lost, int doubled, int unackedButOrdered) {}

  Count count(JsonObject orders) {
    Map<String, Double> qtyBySource = new HashMap<>();
    for (Object o : orders.getJsonArray("orders", new JsonArray())) {
      for (Object l : ((JsonObject) o).getJsonArray("lines")) {
        JsonObject line = (JsonObject) l;
        String source = line.getString("source");
        if (source != null && source.startsWith(prefix + "-")) {
          qtyBySource.merge(source, ((Number) line.getValue("qty")).doubleValue(), Double::sum);
        }
      }
    }
    int lost = 0;
    for (String id : acked) {
      if (!qtyBySource.containsKey(id)) {
        lost++;
      }
    }
    int doubled = 0;
    for (double q : qtyBySource.values()) {
      if (q > 1.0) {
        doubled++;
      }
    }
    int late = (int) unacked.stream().filter(qtyBySource::containsKey).count();
    return new Count(acked.size(), lost, doubled, late);
  }

  @Override
  public void close() {
    sending = false;
    giveUpAt = System.nanoTime();
    clients.forEach(Thread::interrupt);
  }
}
