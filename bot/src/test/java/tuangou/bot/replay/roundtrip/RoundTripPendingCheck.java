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
 * 99b3ca8 (all of reading) 133, e.g.:
 * <ul>
 *   <li>a free-text order with no amount is lost, neither counted nor asked:
 *       {@code 麻煩團長 6-1-1502小梅 雲南藍莓 生产日期新一點的 謝謝};
 *   <li>a typo with a space before its amount: {@code 鸡旦2盒，土逗 3斤} (since 71fb69d);
 *   <li>a note after deal numbers is dropped: {@code 1-3-402何姐 第3个 +3 要新鲜的};
 *   <li>{@code 4號0.5kg} leaves {@code .5kg} unresolved;
 *   <li>an amount glued to thanks: {@code 西紅柿2KG謝謝🙏} is 1斤, {@code 花生油 12辛苦啦[抱拳]} is 1桶;
 *   <li>{@code 帮我留两斤半平果}: {@code 留两斤半} unresolved;
 *   <li>typos with 各: {@code 五化肉、牌骨各一斤} asked as ambiguous;
 *   <li>{@code 要2号 十二把+第3个 一盒+6号 一盒}: {@code +6号} unresolved;
 *   <li>{@code 五花肉4斤/排骨 3斤} and {@code 排骨3斤+五花肉 3斤}: the spaced amount after / or + is lost.
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
