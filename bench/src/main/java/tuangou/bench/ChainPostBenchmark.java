package tuangou.bench;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
import tuangou.ordering.Effects;
import tuangou.ordering.Engine;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.OrderInterpreter;
import tuangou.ordering.Reading;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.order.MentionResolver;

/**
 * How the cost of one chain post grows with the chain: the whole engine's decision (parse, diff
 * against the chain the group holds, match the changed entry, order changes and replies) for a
 * re-post of a chain of {@code entries} entries with one line added. The service's database work
 * for the one changed line is the same at every size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChainPostBenchmark {
  @Param({"10", "100", "1000"})
  int entries;

  private static final Engine.Situation OPEN = new Engine.Situation(false, "g1", "lead", true);
  private Engine engine;
  private InMemoryOrderBook book;
  private InboundMessage repost;

  @Setup
  public void setUp() {
    engine = new Engine(new OrderInterpreter(MessageInterpreter.create(),
        new MentionResolver(ProductIndex.of(Workloads.TWELVE))), Workloads.TWELVE);
    book = new InMemoryOrderBook();
    InboundMessage first = message("m1", "u1", Workloads.chain(entries - 1));
    Effects posted = ((Reading.Decided) engine.read(first, book.state("g1"), OPEN, List.of())).effects();
    book.apply("g1", posted.orders());
    repost = message("m2", "u2", Workloads.chain(entries));
  }

  private static InboundMessage message(String id, String sender, String text) {
    return new InboundMessage("sim", id, "g1", sender, sender, text, List.of(), OffsetDateTime.now(), List.of(), Map.of());
  }

  @Benchmark
  public Reading chainPostWithOneLineAdded() {
    return engine.read(repost, book.state("g1"), OPEN, List.of());
  }
}
