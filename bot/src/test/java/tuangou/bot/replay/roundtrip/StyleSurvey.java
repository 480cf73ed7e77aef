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

  @Test
  void theMixedScenariosOfThePropertyAllRead() {
    Random r = new Random(20261208);
    int bad = 0;
    java.util.Map<Style, Integer> inFailures = new java.util.EnumMap<>(Style.class);
    java.util.Map<Style, Integer> inAll = new java.util.EnumMap<>(Style.class);
    StringBuilder examples = new StringBuilder();
    for (int i = 0; i < RoundTripProperties.TRIES; i++) {
      Scenario s = new OrderRenderer(r, OrderRenderer.ANY).render(RoundTripCatalogs.ALL.get(r.nextInt(3)));
      // one post at a time, so that a failure names the message that caused it
      for (int k = 1; k <= s.posts().size(); k++) {
        Scenario upTo = prefix(s, k);
        Scenario.Post p = s.posts().get(k - 1);
        p.styles().forEach(st -> inAll.merge(st, 1, Integer::sum));
        List<String> m = ReadBack.mismatches(upTo);
        if (!m.isEmpty()) {
          bad++;
          p.styles().forEach(st -> inFailures.merge(st, 1, Integer::sum));
          if (bad <= 25) {
            examples.append(p.text().replace("\n", "⏎")).append("  →  ").append(m).append('\n');
          }
          break;
        }
      }
    }
    StringBuilder out = new StringBuilder("\nmixed survey: " + bad + " of " + RoundTripProperties.TRIES
        + " scenarios read back wrong (first wrong message of each)\n");
    for (Style st : Style.values()) {
      out.append(String.format("%-24s in %3d of %4d wrong messages%n", st, inFailures.getOrDefault(st, 0),
          inAll.getOrDefault(st, 0)));
    }
    System.out.println(out.append(examples));
  }

  /** The scenario's first {@code k} posts, expecting only the orders of their senders. */
  private static Scenario prefix(Scenario s, int k) {
    List<Scenario.Post> posts = s.posts().subList(0, k);
    java.util.Set<String> senders = new java.util.HashSet<>();
    posts.forEach(p -> senders.add(p.sender()));
    java.util.Map<String, java.util.Map<String, java.math.BigDecimal>> expected = new java.util.LinkedHashMap<>();
    java.util.Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
    s.expected().forEach((c, v) -> {
      if (senders.contains(c)) {
        expected.put(c, v);
      }
    });
    s.notes().forEach((c, v) -> {
      if (senders.contains(c)) {
        notes.put(c, v);
      }
    });
    return new Scenario(s.catalog(), posts, expected, notes);
  }
}
