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
 * Issue 11, item 5, the whole of it: orders rendered in every style of {@link Style}, all mixed at
 * random (a resident may write a deal number, a note and a traditional character in one line), read
 * back as exactly the orders generated. Fixed seed, bounded tries.
 *
 * <p><b>Not in the default suite yet</b> (its name matches neither {@code *Test} nor {@code
 * *Properties}) because the reader still gets some mixes wrong; run it with {@code -Dtest=RoundTripPendingCheck}
 * and {@code StyleSurvey#theMixedScenariosOfThePropertyAllRead} for the list. When it passes, rename it
 * {@code RoundTripMixedProperties}. The styles one at a time are in the suite: {@link RoundTripProperties}.
 *
 * <p>With branch {@code reading} at 72a3bcc merged, 115 of the 500 scenarios read back wrong; with main at
 * 99b3ca8 (all of reading) 133; on {@code reading} at the end of its third session 7, all of two kinds:
 * <ul>
 *   <li>pinyin typos with no amount beside them are not read as items (a homophone is taken for an item
 *       only beside an amount, since elsewhere it is more often a name in the label):
 *       {@code 9栋2单元302 Amy 豆府 金针姑 西红市 要新鲜的};
 *   <li>a flattened chain where an entry's bare amount could be the next entry's number:
 *       {@code 1）老李 鲁花花生油 2、上海硫磺皂 1谢谢} reads entry 2 (the list is numbered 1, 2).
 * </ul>
 */
class RoundTripPendingCheck {
  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
  private static volatile boolean failed;

  @Provide
  Arbitrary<Scenario> residentsOrders() {
    return Arbitraries.of(RoundTripCatalogs.ALL).flatMap(catalog ->
        Arbitraries.randomValue(r -> new OrderRenderer(r, OrderRenderer.ANY).render(catalog)));
  }

  @Property(tries = RoundTripProperties.TRIES, seed = "20261208", shrinking = ShrinkingMode.OFF,
      edgeCases = EdgeCasesMode.NONE)
  void everyMixOfStylesReadsBackExactly(@ForAll("residentsOrders") Scenario scenario) {
    scenario.posts().forEach(p -> CHECKED.add(p.text()));
    List<String> mismatches = ReadBack.mismatches(scenario);
    failed |= !mismatches.isEmpty();
    assertThat(mismatches).as("styles %s in\n%s", scenario.styles(), scenario.transcript()).isEmpty();
  }

  @AfterContainer
  static void distinctMessagesChecked() {
    System.out.println("RoundTripPendingCheck: " + CHECKED.size() + " distinct messages checked");
    if (!failed && !CHECKED.isEmpty()) {
      assertThat(CHECKED.size()).as("distinct messages checked").isGreaterThan(RoundTripProperties.DISTINCT_FLOOR);
    }
  }
}
