package tuangou.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import tuangou.parser.CatalogItem;

/**
 * The service load run: many simulated groups, residents ordering by free text and chains, sent
 * by parallel clients over loopback to a running service; prints messages per second end to end
 * and the p50/p99 time of the simulator call (which answers once the message is processed).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar tuangou.bench.SimLoad http://127.0.0.1:8080 TOKEN
 * [groups=100] [messagesPerGroup=30] [clients=32]}
 */
public final class SimLoad {
  private static final int CAMPAIGN_GROUPS = 5_000;

  private SimLoad() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    int groups = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int perGroup = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 32;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String run = UUID.randomUUID().toString().substring(0, 8);

    long leader = new JsonObject(AdminHttp.send(http, "POST", base + "/api/v1/leaders", token,
        new JsonObject().put("name", "压测团长")))
        .getLong("id");
    List<String> chats = new ArrayList<>();
    JsonArray groupIds = new JsonArray();
    for (int g = 0; g < groups; g++) {
      String chat = "load-" + run + "-" + g;
      chats.add(chat);
      groupIds.add(new JsonObject(AdminHttp.send(http, "POST", base + "/api/v1/groups", token, new JsonObject().put("channel", "sim")
          .put("chatId", chat).put("name", "压测群" + g).put("leaderId", leader))).getLong("id"));
    }
    // a campaign takes at most 5,000 groups: a larger run is split over several, each with its own items
    for (int from = 0, c = 0; from < groupIds.size(); from += CAMPAIGN_GROUPS, c++) {
      JsonArray items = new JsonArray();
      for (CatalogItem i : Workloads.TWELVE) {
        items.add(new JsonObject().put("no", i.no()).put("id", "load-" + run + "-" + c + "-" + i.id()).put("name", i.name())
            .put("aliases", new JsonArray(i.aliases())).put("unit", i.unit()).put("spec", i.spec())
            .put("priceFen", i.priceFen()));
      }
      JsonArray part = new JsonArray(groupIds.getList().subList(from, Math.min(groupIds.size(), from + CAMPAIGN_GROUPS)));
      AdminHttp.send(http, "POST", base + "/api/v1/campaigns", token, new JsonObject().put("campaign", "load " + run + " " + c)
          .put("items", items).put("groups", part));
    }
    if (System.getProperty("setupOnly") != null) {
      // for the wrk driver (bench/wrk/sim.lua): one chat id a line
      java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("setupOnly")), chats);
      return;
    }

    // per group: a growing chain re-posted by each resident, and free-text orders in between
    ConcurrentLinkedQueue<String[]> work = new ConcurrentLinkedQueue<>();
    for (int m = 0; m < perGroup; m++) {
      for (int g = 0; g < groups; g++) {
        String text = m % 3 == 2 ? Workloads.chain(m / 3 + 1) : Workloads.freeText(g * perGroup + m);
        work.add(new String[] {chats.get(g), "r" + (m % 17), text});
      }
    }
    int total = work.size();
    long[] latencies = new long[total];
    AtomicInteger index = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      new Thread(() -> {
        String[] w;
        while ((w = work.poll()) != null) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/groups/" + w[0] + "/messages"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("sender", w[1]).put("name", w[1])
                    .put("text", w[2]).encode(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latencies[index.getAndIncrement()] = System.nanoTime() - t0;
        }
        done.countDown();
      }).start();
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(latencies, index.get());
    Arrays.sort(sorted);
    System.out.printf("%d messages (%d groups x %d, %d clients) in %.1f s: %.0f messages/s, errors %d%n",
        total, groups, perGroup, clients, seconds, total / seconds, errors.get());
    System.out.printf("simulator call latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
  }
}
