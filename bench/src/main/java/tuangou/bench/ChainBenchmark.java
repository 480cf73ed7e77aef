package tuangou.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tuangou.parser.chain.ChainDiff;
import tuangou.parser.chain.ChainDiffer;
import tuangou.parser.chain.ChainState;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.intent.MessageInterpreter;

/**
 * Chain parse + diff, reported per entry line: a resident re-posts the whole chain with one line
 * added, and the bot reads every line of it to find that one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChainBenchmark {
  @Param({"300"})
  int entries;

  private final MessageInterpreter interpreter = MessageInterpreter.create();
  private String repost;
  private ChainState state;

  @Setup
  public void setUp() {
    Interpretation.ChainPost first = (Interpretation.ChainPost) interpreter.interpret(Workloads.chain(entries - 1));
    state = ChainDiffer.diff(ChainState.empty("c1", first.snapshot()), first.snapshot().entries(), "u1", null).next();
    repost = Workloads.chain(entries);
  }

  @Benchmark
  @OperationsPerInvocation(300)
  public ChainDiff parseAndDiffPerEntryLine() {
    Interpretation.ChainPost post = (Interpretation.ChainPost) interpreter.interpret(repost);
    return ChainDiffer.diff(state, post.snapshot().entries(), "u2", null);
  }

  @Benchmark
  @OperationsPerInvocation(300)
  public List<?> parseOnlyPerEntryLine() {
    return ((Interpretation.ChainPost) interpreter.interpret(repost)).snapshot().entries();
  }
}
