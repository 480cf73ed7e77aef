package tuangou.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import tuangou.bot.replay.ReplayCommand;
import tuangou.parser.CatalogItem;

/**
 * The replay load run: a 300-entry chain that grows one line per post and is then re-posted 300
 * times in full, plus 3,000 free-text orders, through the real replay command. Prints the time
 * after JVM start-up and the heap retained at the end.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar tuangou.bench.ReplayLoad [DIR]}
 */
public final class ReplayLoad {
  private ReplayLoad() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/replay-load");
    Files.createDirectories(dir);
    Path catalog = dir.resolve("catalog.json");
    Path transcript = dir.resolve("transcript.jsonl");
    int messages = write(catalog, transcript, 300, 300, 3000);
    System.out.printf("transcript: %s (%d messages, %d MB)%n", transcript, messages, Files.size(transcript) >> 20);

    for (int run = 1; run <= 3; run++) {
      long t0 = System.nanoTime();
      PrintStream sink = new PrintStream(Files.newOutputStream(dir.resolve("out.json")), true, StandardCharsets.UTF_8);
      int code = ReplayCommand.run(List.of("--catalog", catalog.toString(), transcript.toString()), sink, System.err);
      sink.close();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
      System.out.printf("run %d: exit %d, %d ms after JVM start-up (%s), heap after GC %d MB%n",
          run, code, ms, run == 1 ? "cold: class loading and JIT warm-up included" : "warm", heap);
    }
    JsonObject out = new JsonObject(Files.readString(dir.resolve("out.json")));
    System.out.printf("orders: %d, totals: %s%n", out.getJsonArray("orders").size(),
        out.getJsonArray("totals").encode());
  }

  static int write(Path catalog, Path transcript, int entries, int reposts, int freeTexts) throws IOException {
    JsonArray items = new JsonArray();
    for (CatalogItem i : Workloads.TWELVE) {
      items.add(new JsonObject().put("no", i.no()).put("id", i.id()).put("name", i.name())
          .put("aliases", new JsonArray(i.aliases())).put("unit", i.unit()).put("spec", i.spec())
          .put("priceFen", i.priceFen()));
    }
    Files.writeString(catalog, new JsonObject().put("campaign", "load").put("items", items).encode());
    int id = 0;
    try (Writer w = Files.newBufferedWriter(transcript)) {
      for (int n = 1; n <= entries; n++) {
        w.write(line(++id, "u" + n, Workloads.chain(n)));
      }
      for (int r = 0; r < reposts; r++) {
        w.write(line(++id, "u" + (r % entries + 1), Workloads.chain(entries)));
      }
      for (int f = 0; f < freeTexts; f++) {
        w.write(line(++id, "f" + f, Workloads.freeText(f)));
      }
    }
    return id;
  }

  private static String line(int id, String sender, String text) {
    return new JsonObject().put("id", "m" + id).put("group", "g1").put("sender", sender)
        .put("name", sender).put("text", text).put("ts", "2026-11-22T20:00:00+08:00").encode() + "\n";
  }
}
