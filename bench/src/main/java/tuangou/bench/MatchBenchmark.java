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

  private ProductIndex index;
  private int next;

  @Setup
  public void setUp() {
    index = ProductIndex.of(Workloads.catalog(items));
  }

  @Benchmark
  public MatchResult match() {
    String mention = Workloads.MENTIONS[next++ % Workloads.MENTIONS.length];
    return index.match(mention, "");
  }
}
