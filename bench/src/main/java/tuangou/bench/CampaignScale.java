package tuangou.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import tuangou.parser.CatalogItem;

/**
 * The campaign scale run (issue 5): many simulator groups of many residents in one campaign.
 * Prints the time from opening until every group's deal push is delivered, the ordering rate,
 * and the time to build the purchase summary and sorting lists (JSON, CSV, XLSX).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar tuangou.bench.CampaignScale http://127.0.0.1:8080 TOKEN
 * [groups=2000] [residents=30] [clients=16]}; run the service with pacing off (the simulator has none).
 */
public final class CampaignScale {
  private CampaignScale() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    int groups = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    int residents = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String run = UUID.randomUUID().toString().substring(0, 8);

    long leader = new JsonObject(AdminHttp.send(http, "POST", base + "/api/v1/leaders", token,
        new JsonObject().put("name", "规模团长"))).getLong("id");
    List<String> chats = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      chats.add("scale-" + run + "-" + g);
    }
    long t0 = System.nanoTime();
    Long[] ids = new Long[groups];
    parallel(clients, groups, g -> ids[g] = new JsonObject(AdminHttp.send(http, "POST", base + "/api/v1/groups", token,
        new JsonObject().put("channel", "sim").put("chatId", chats.get(g)).put("name", "规模群" + g)
            .put("leaderId", leader).put("leaderUser", "lead-" + g).put("pickupPoint", "小区" + (g % 50) + "号门岗")))
        .getLong("id"));
    System.out.printf("%d groups created in %.1f s%n", groups, (System.nanoTime() - t0) / 1e9);

    JsonArray items = new JsonArray();
    for (CatalogItem i : Workloads.TWELVE) {
      items.add(new JsonObject().put("no", i.no()).put("id", "scale-" + run + "-" + i.id()).put("name", i.name())
          .put("aliases", new JsonArray(i.aliases())).put("unit", i.unit()).put("spec", i.spec())
          .put("priceFen", i.priceFen()));
    }
    OffsetDateTime opens = OffsetDateTime.now().plusSeconds(5);
    long campaign = new JsonObject(AdminHttp.send(http, "POST", base + "/api/v1/campaigns", token, new JsonObject()
        .put("campaign", "规模团 " + run).put("items", items).put("groups", new JsonArray(List.of(ids)))
        .put("opensAt", opens.toString()).put("cutoffAt", opens.plusDays(1).toString()))).getLong("id");

    // deal pushes: from the opening until the last group's conversation shows them
    String last = chats.get(groups - 1);
    while (OffsetDateTime.now().isBefore(opens)) {
      Thread.sleep(50);
    }
    long pushStart = System.nanoTime();
    while (!AdminHttp.send(http, "GET", base + "/sim/groups/" + last + "/messages", token, null).contains("今日团品")) {
      Thread.sleep(100);
    }
    System.out.printf("deal pushes to %d groups delivered %.1f s after opening%n", groups,
        (System.nanoTime() - pushStart) / 1e9);

    // every resident orders by free text
    ConcurrentLinkedQueue<String[]> work = new ConcurrentLinkedQueue<>();
    for (int r = 0; r < residents; r++) {
      for (int g = 0; g < groups; g++) {
        work.add(new String[] {chats.get(g), "r" + r, Workloads.freeText(g * residents + r)});
      }
    }
    int total = work.size();
    AtomicInteger errors = new AtomicInteger();
    long orderStart = System.nanoTime();
    parallel(clients, total, n -> {
      String[] w = work.poll();
      if (w == null) {
        return;
      }
      try {
        AdminHttp.send(http, "POST", base + "/sim/groups/" + w[0] + "/messages", null, new JsonObject().put("sender", w[1])
            .put("name", "邻居" + w[1]).put("text", w[2]));
      } catch (RuntimeException e) {
        errors.incrementAndGet();
      }
    });
    double orderSeconds = (System.nanoTime() - orderStart) / 1e9;
    System.out.printf("%d order messages in %.1f s: %.0f/s, errors %d%n", total, orderSeconds, total / orderSeconds,
        errors.get());

    for (String what : new String[] {"summary", "summary?format=csv", "summary?format=xlsx", "sorting",
        "sorting?format=csv", "sorting?format=xlsx"}) {
      long best = Long.MAX_VALUE;
      int size = 0;
      for (int i = 0; i < 3; i++) {
        long s = System.nanoTime();
        size = AdminHttp.send(http, "GET", base + "/api/v1/campaigns/" + campaign + "/" + what, token, null).length();
        best = Math.min(best, System.nanoTime() - s);
      }
      System.out.printf("GET %-22s best of 3: %6.0f ms (%d chars)%n", what, best / 1e6, size);
    }
  }

  private interface Task {
    void run(int index) throws Exception;
  }

  private static void parallel(int threads, int count, Task task) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      new Thread(() -> {
        try {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            task.run(i);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await();
  }
}
