package tuangou.bot.replay.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator itself: varied enough, and every style it names is really written. */
class RoundTripGeneratorTest {

  @Test
  void theScenariosOfThePropertyWriteEveryStyleInManyDistinctMessages() {
    Random r = new Random(20261208);
    Set<String> texts = new HashSet<>();
    Map<Style, Integer> used = new EnumMap<>(Style.class);
    for (int i = 0; i < RoundTripProperties.TRIES; i++) {
      RoundTripCatalogs.Catalog catalog = RoundTripCatalogs.ALL.get(r.nextInt(RoundTripCatalogs.ALL.size()));
      Scenario s = new OrderRenderer(r, OrderRenderer.ANY).render(catalog);
      s.posts().forEach(p -> {
        texts.add(p.text());
        p.styles().forEach(st -> used.merge(st, 1, Integer::sum));
      });
    }
    System.out.println("generator: " + texts.size() + " distinct messages in " + RoundTripProperties.TRIES + " scenarios");
    assertThat(texts).hasSizeGreaterThan(RoundTripProperties.DISTINCT_FLOOR);
    for (Style st : Style.values()) {
      assertThat(used.getOrDefault(st, 0)).as("messages written in %s", st).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void aStyleAloneChangesOnlyItsOwnDimension() {
    for (Style focus : Style.values()) {
      Random r = new Random(focus.ordinal());
      Scenario s = new OrderRenderer(r, OrderRenderer.isolating(focus)).render(RoundTripCatalogs.VEGETABLES_AND_MEAT);
      for (Scenario.Post p : s.posts()) {
        for (Style st : p.styles()) {
          if (st.dimension == focus.dimension) {
            continue;
          }
          assertThat(st).as("%s beside %s in %s", st, focus, p.text()).isIn(Style.plain(st.dimension),
              // a form without a way of writing falls back, e.g. verb-first has no 苹果x2
              Style.QTY_CHINESE_NUMERAL, Style.QTY_TIMES_CROSS, Style.FILLER_THANKS_AFTER, Style.ITEMS_OTHER_UNITS,
              Style.QTY_ARABIC_UNIT, Style.NAME_ALIAS);
        }
      }
    }
  }
}
