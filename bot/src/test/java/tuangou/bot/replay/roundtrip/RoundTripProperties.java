package tuangou.bot.replay.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 11, item 5: orders rendered the way residents write them (every style of {@link Style},
 * mixed at random) read back as exactly the orders generated, through the replay command's reader.
 * Fixed seed and a bounded number of tries, so the suite sees the same messages every run.
 */
class RoundTripProperties {
  static final int TRIES = 500;
  /** The messages checked must be at least this many distinct texts. */
  static final int DISTINCT_FLOOR = 900;
  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
  /** Set when a try failed: jqwik stops there, so the count says nothing about the generator. */
  private static volatile boolean failed;

  @Provide
  Arbitrary<Scenario> residentsOrders() {
    return Arbitraries.of(RoundTripCatalogs.ALL).flatMap(catalog ->
        Arbitraries.randomValue(r -> new OrderRenderer(r, OrderRenderer.ANY).render(catalog)));
  }

  @Property(tries = TRIES, seed = "20261208", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void everyRenderedOrderReadsBackExactly(@ForAll("residentsOrders") Scenario scenario) {
    scenario.posts().forEach(p -> CHECKED.add(p.text()));
    List<String> mismatches = ReadBack.mismatches(scenario);
    failed |= !mismatches.isEmpty();
    assertThat(mismatches).as("styles %s in\n%s", scenario.styles(), scenario.transcript()).isEmpty();
  }

  @AfterContainer
  static void distinctMessagesChecked() {
    System.out.println("RoundTripProperties: " + CHECKED.size() + " distinct messages checked");
    if (!failed && !CHECKED.isEmpty()) {
      assertThat(CHECKED.size()).as("distinct messages checked").isGreaterThan(DISTINCT_FLOOR);
    }
  }
}
