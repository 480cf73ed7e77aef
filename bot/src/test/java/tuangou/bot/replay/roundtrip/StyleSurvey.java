package tuangou.bot.replay.roundtrip;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (its name matches neither *Test nor *Properties): for each style alone,
 * every other dimension plain, how many of 40 scenarios read back wrong, with one example. Run it with
 * {@code -Dtest=StyleSurvey} to see which ways of writing the reader gets wrong.
 */
class StyleSurvey {
  @Test
  void eachStyleAloneReadsBack() {
    StringBuilder table = new StringBuilder("\nstyle survey (40 scenarios each, other dimensions plain)\n");
    List<String> failing = new ArrayList<>();
    for (Style style : Style.values()) {
      Random r = new Random(7_000 + style.ordinal());
      int bad = 0;
      String example = null;
      for (int i = 0; i < 40; i++) {
        RoundTripCatalogs.Catalog catalog = RoundTripCatalogs.ALL.get(i % RoundTripCatalogs.ALL.size());
        Scenario s = new OrderRenderer(r, OrderRenderer.isolating(style)).render(catalog);
        List<String> m = ReadBack.mismatches(s);
        if (!m.isEmpty()) {
          bad++;
          if (example == null) {
            example = s.posts().get(s.posts().size() - 1).text().replace("\n", "⏎") + "  →  " + m;
          }
        }
      }
      table.append(String.format("%-24s %2d/40 %s%n", style, bad, example == null ? "" : example));
      if (bad > 0) {
        failing.add(style.name());
      }
    }
    table.append("failing: ").append(failing).append('\n');
    System.out.println(table);
  }

  @Test
  void printSomeMessages() {
    Random r = new Random(1);
    StringBuilder out = new StringBuilder("\nsample messages\n");
    for (int i = 0; i < 40; i++) {
      Scenario s = new OrderRenderer(r, OrderRenderer.ANY).render(RoundTripCatalogs.ALL.get(i % 3));
      Scenario.Post last = s.posts().get(s.posts().size() - 1);
      out.append(last.name()).append(": ").append(last.text().replace("\n", "⏎")).append('\n');
    }
    System.out.println(out);
  }

  @Test
  void eachFrameOfAnOrderLikeMessageIsReadAsSomething() {
    StringBuilder table = new StringBuilder("\nframe survey (every item of every catalog, 500g/2份/两斤 forms)\n");
    for (String frame : OrderLikeMessagesProperties.FRAMES) {
      int bad = 0;
      int all = 0;
      String example = null;
      for (RoundTripCatalogs.Catalog catalog : RoundTripCatalogs.ALL) {
        for (tuangou.parser.CatalogItem item : catalog.items()) {
          String mention = catalog.wordsOf(item).alias() + (item.unit().equals("斤") ? "两斤" : "2" + item.unit());
          OrderLikeMessagesProperties.Said said = new OrderLikeMessagesProperties.Said(catalog, frame.formatted(mention));
          all++;
          if (!OrderLikeMessagesProperties.somethingHappened(OrderLikeMessagesProperties.read(said))) {
            bad++;
            example = example == null ? said.text() : example;
          }
        }
      }
      table.append(String.format("%-16s %2d/%d %s%n", frame, bad, all, example == null ? "" : example));
    }
    System.out.println(table);
  }

  @Test
  void timeTheReadBacksOfTheProperty() {
    Random r = new Random(3);
    long start = System.nanoTime();
    long build = 0;
    for (int i = 0; i < RoundTripProperties.TRIES; i++) {
      Scenario s = new OrderRenderer(r, OrderRenderer.ANY).render(RoundTripCatalogs.ALL.get(i % 3));
      long b = System.nanoTime();
      new tuangou.bot.replay.Replay(s.catalog().items(), ReadBack.SYNONYMS);
      build += System.nanoTime() - b;
      ReadBack.mismatches(s);
    }
    System.out.printf("%nthe property's read-backs: %d ms, of which building a Replay %d ms%n",
        (System.nanoTime() - start) / 1_000_000, build / 1_000_000);
  }
}
