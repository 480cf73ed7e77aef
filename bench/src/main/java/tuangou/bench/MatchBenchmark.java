package tuangou.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tuangou.parser.match.MatchResult;
import tuangou.parser.match.ProductIndex;

/** Mentions matched per second against a day's catalog and a city-wide one. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBenchmark {
  @Param({"12", "2000"})
  int items;

  private static final int DISTINCT = 100_000;

  private ProductIndex index;
  private String[] fresh;
  private int next;

  @Setup
  public void setUp() {
    index = ProductIndex.of(Workloads.catalog(items));
    fresh = new String[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      // a name glued to the product, as residents write it: every text is new to the index
      fresh[i] = Workloads.NAMES[i % Workloads.NAMES.length] + i + Workloads.MENTIONS[i % Workloads.MENTIONS.length];
    }
  }

  /** Every mention is a text the index has not seen: the full Lucene search and scoring. */
  @Benchmark
  public MatchResult matchNewText() {
    return index.match(fresh[next++ % DISTINCT], "");
  }

  /** The few words a group repeats all evening, answered from the index's recent results. */
  @Benchmark
  public MatchResult matchRepeatedWords() {
    return index.match(Workloads.MENTIONS[next++ % Workloads.MENTIONS.length], "");
  }
}
