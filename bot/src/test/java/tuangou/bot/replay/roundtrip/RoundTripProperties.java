package tuangou.bot.replay.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
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
 * Issue 11, item 5, one style at a time: orders rendered in one style of {@link Style}, every other
 * dimension plain ({@code 1. 3-1-201 张三 苹果2斤}), read back through the replay command's reader as
 * exactly the orders generated: the same customers, items and quantities, the notes kept, nothing
 * left unresolved. Fixed seed, bounded tries, so the suite sees the same messages every run.
 *
 * <p>Every style is here but {@link #FAILING_ALONE}, which the reader still gets wrong on its own.
 * The mixes of styles are checked by {@link RoundTripPendingCheck}, outside the suite until it passes.
 */
class RoundTripProperties {
  static final int TRIES = 500;
  /** The messages checked must be at least this many distinct texts. */
  static final int DISTINCT_FLOOR = 900;
  /**
   * Styles the reader still gets wrong on their own; remove a style from here when it reads. Empty
   * since {@code 五花肉4斤/排骨 3斤} (排 is also a unit: "4斤/排" read as a spec) and
   * {@code 排骨3斤+五花肉 3斤} ("+五" read as plus five) read.
   */
  static final Set<Style> FAILING_ALONE = EnumSet.noneOf(Style.class);
  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
  /** Set when a try failed: jqwik stops there, so the count says nothing about the generator. */
  private static volatile boolean failed;

  @Provide
  Arbitrary<Scenario> oneStyleAtATime() {
    List<Style> styles = Arrays.stream(Style.values()).filter(s -> !FAILING_ALONE.contains(s)).toList();
    return Arbitraries.of(styles).flatMap(style -> Arbitraries.of(RoundTripCatalogs.ALL).flatMap(catalog ->
        Arbitraries.randomValue(r -> new OrderRenderer(r, OrderRenderer.isolating(style)).render(catalog))));
  }

  @Property(tries = TRIES, seed = "20261208", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void eachStyleReadsBackExactly(@ForAll("oneStyleAtATime") Scenario scenario) {
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
