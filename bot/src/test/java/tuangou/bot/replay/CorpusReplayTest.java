package tuangou.bot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus case (catalog, transcript, expected orders) through the real replay command:
 * the shared corpus beside the repository and our own under {@code src/test/resources/corpus}.
 * An expected line may also name its {@code label}, {@code note} and {@code source}.
 */
public class CorpusReplayTest {

  public static Stream<Path> cases() throws IOException, URISyntaxException {
    String shared = System.getProperty("tuangou.corpus.dir", "../../shared/corpus,../../shared/corpus2");
    List<Path> roots = new ArrayList<>();
    for (String dir : shared.split(",")) {
      Path sharedDir = Path.of(dir.trim());
      if (!Files.isDirectory(sharedDir)) {
        throw new IllegalStateException("shared corpus not found at " + sharedDir.toAbsolutePath()
            + " (set -Dtuangou.corpus.dir, several separated by commas)");
      }
      roots.add(sharedDir);
    }
    roots.add(Path.of(CorpusReplayTest.class.getResource("/corpus").toURI()));
    List<Path> all = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> dirs = Files.list(root)) {
        dirs.filter(d -> Files.exists(d.resolve("expected.json"))).sorted().forEach(all::add);
      }
    }
    assertThat(all).as("corpus cases").hasSizeGreaterThan(30);
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replayGivesTheExpectedOrders(Path dir) throws IOException {
    JsonObject out = replay(dir);
    JsonObject expected = new JsonObject(Files.readString(dir.resolve("expected.json")));
    assertLines(out, expected.getJsonArray("lines"));
    assertThat(totals(out.getJsonArray("totals"))).as("totals").isEqualTo(totals(expected.getJsonArray("totals")));
    List<String> unresolved = new ArrayList<>();
    out.getJsonArray("unresolved").forEach(u -> unresolved.add(((JsonObject) u).getString("source")));
    assertThat(unresolved).as("unresolved sources")
        .containsExactlyInAnyOrderElementsOf(expected.getJsonArray("unresolved").stream().map(Object::toString).toList());
  }

  public static JsonObject replay(Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReplayCommand.run(List.of("--catalog", dir.resolve("catalog.json").toString(),
            dir.resolve("transcript.jsonl").toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    return new JsonObject(out.toString(StandardCharsets.UTF_8));
  }

  private static void assertLines(JsonObject out, JsonArray expectedLines) {
    List<JsonObject> got = perCustomerAndItem(expectedLines) ? summed(out) : lines(out);
    List<JsonObject> unmatched = new ArrayList<>(got);
    for (Object e : expectedLines) {
      JsonObject want = (JsonObject) e;
      JsonObject hit = unmatched.stream().filter(g -> sameLine(want, g)).findFirst().orElse(null);
      if (hit == null) {
        fail("expected line %s not found in %s", want.encode(), got);
      }
      unmatched.remove(hit);
    }
    assertThat(unmatched).as("lines that should not be there").isEmpty();
  }

  /**
   * An expected file that names only customer, item and qty (corpus2) counts what a leader would:
   * one figure per customer and item, however many lines or labels made it.
   */
  private static boolean perCustomerAndItem(JsonArray expectedLines) {
    return expectedLines.stream().map(JsonObject.class::cast)
        .allMatch(l -> Set.of("customer", "item", "qty").containsAll(l.fieldNames()));
  }

  private static List<JsonObject> summed(JsonObject out) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (JsonObject line : lines(out)) {
      sums.merge(line.getString("customer") + "\u0000" + line.getString("item"),
          new BigDecimal(line.getValue("qty").toString()), BigDecimal::add);
    }
    List<JsonObject> got = new ArrayList<>();
    sums.forEach((key, qty) -> {
      String[] parts = key.split("\u0000");
      got.add(new JsonObject().put("customer", parts[0]).put("item", parts[1]).put("qty", qty.stripTrailingZeros()));
    });
    return got;
  }

  private static List<JsonObject> lines(JsonObject out) {
    List<JsonObject> got = new ArrayList<>();
    for (Object o : out.getJsonArray("orders")) {
      JsonObject order = (JsonObject) o;
      for (Object l : order.getJsonArray("lines")) {
        JsonObject line = ((JsonObject) l).copy();
        line.put("customer", order.getString("customer")).put("label", order.getString("label"));
        got.add(line);
      }
    }
    return got;
  }

  private static boolean sameLine(JsonObject want, JsonObject got) {
    for (String field : want.fieldNames()) {
      Object w = want.getValue(field);
      Object g = got.getValue(field);
      boolean same = w instanceof Number wn && g instanceof Number gn
          ? new BigDecimal(wn.toString()).compareTo(new BigDecimal(gn.toString())) == 0
          : w.equals(g);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, BigDecimal> totals(JsonArray totals) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Object o : totals) {
      JsonObject t = (JsonObject) o;
      out.put(t.getString("item"), new BigDecimal(t.getValue("qty").toString()).stripTrailingZeros());
    }
    return out;
  }
}
