package tuangou.bot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tuangou.ordering.InboundMessage;
import tuangou.parser.CatalogItem;
import tuangou.parser.match.Synonyms;

/** Properties of whole transcripts, read by the same code that replay and the service run. */
class ReplayProperties {
  private static final List<CatalogItem> ITEMS = List.of(
      new CatalogItem(1, "blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
      new CatalogItem(2, "strawberry", "丹东草莓", List.of("草莓"), "盒", "500g", 3990),
      new CatalogItem(3, "apple", "烟台红富士苹果", List.of("苹果"), "斤", "", 690),
      new CatalogItem(4, "banana", "海南香蕉", List.of("香蕉"), "把", "", 1290),
      new CatalogItem(5, "egg", "农家土鸡蛋", List.of("鸡蛋"), "板", "30枚", 2980),
      new CatalogItem(6, "potato", "黄心土豆", List.of("土豆"), "斤", "", 250),
      new CatalogItem(7, "tomato", "普罗旺斯西红柿", List.of("西红柿"), "斤", "", 490));
  private static final List<String> PRODUCTS = List.of("蓝莓", "草莓", "苹果", "香蕉", "鸡蛋", "土豆", "平果", "番茄");
  private static final List<String> AMOUNTS = List.of("1", "2", "两", "三", "十");
  private static final List<String> FORMS = List.of("%s%s%s", "%s x%s", "我要%2$s%3$s%1$s", "%s+%s");
  private static final Synonyms SYNONYMS = Synonyms.shipped();

  private static InboundMessage msg(int id, String sender, String text) {
    return new InboundMessage("replay", "m" + id, "g1", sender, "住户" + sender, text, List.of(),
        OffsetDateTime.parse("2026-11-22T20:00:00+08:00"), null, null);
  }

  private static String unitOf(String product) {
    return switch (product) {
      case "蓝莓", "草莓" -> "盒";
      case "香蕉" -> "把";
      case "鸡蛋" -> "板";
      default -> "斤";
    };
  }

  /** A chain that grows, with residents sometimes editing or deleting their own line. */
  @Provide
  Arbitrary<List<String[]>> chainHistory() {
    Arbitrary<String[]> step = Combinators.combine(
            Arbitraries.integers().between(1, 8),
            Arbitraries.of(PRODUCTS),
            Arbitraries.integers().between(1, 9),
            Arbitraries.integers().between(0, 9))
        .as((who, product, qty, action) -> new String[] {"u" + who, product, String.valueOf(qty), String.valueOf(action)});
    return step.list().ofMinSize(1).ofMaxSize(25);
  }

  /** Plays the history; returns every snapshot posted, with its sender. */
  private static List<String[]> play(Replay replay, List<String[]> history) {
    List<String[]> lines = new ArrayList<>(); // {author, text}
    List<String[]> posts = new ArrayList<>();
    int id = 0;
    for (String[] step : history) {
      String who = step[0];
      int action = Integer.parseInt(step[3]);
      int own = -1;
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i)[0].equals(who)) {
          own = i;
          break;
        }
      }
      String text = "住户" + who + " " + step[1] + step[2] + unitOf(step[1]);
      if (action == 0 && own >= 0) {
        lines.remove(own);
      } else if (action == 1 && own >= 0) {
        lines.set(own, new String[] {who, text + " 改"});
      } else {
        lines.add(new String[] {who, text});
      }
      StringBuilder chain = new StringBuilder("#接龙 周二团\n明天12点截单\n");
      for (int i = 0; i < lines.size(); i++) {
        chain.append(i + 1).append(". ").append(lines.get(i)[1]).append('\n');
      }
      replay.accept(msg(++id, who, chain.toString()));
      posts.add(new String[] {who, chain.toString()});
    }
    return posts;
  }

  @Property(tries = 150)
  void repostingTheLatestSnapshotChangesNothing(@ForAll("chainHistory") List<String[]> history,
      @ForAll("senders") String reposter) {
    Replay replay = new Replay(ITEMS, SYNONYMS);
    List<String[]> posts = play(replay, history);
    JsonObject before = replay.report();
    replay.accept(msg(10_000, reposter, posts.get(posts.size() - 1)[1]));
    replay.accept(msg(10_001, reposter, posts.get(posts.size() - 1)[1]));
    assertThat(replay.report()).isEqualTo(before);
  }

  @Property(tries = 150)
  void staleSnapshotFromABystanderChangesNothing(@ForAll("chainHistory") List<String[]> history,
      @ForAll Random random) {
    Replay replay = new Replay(ITEMS, SYNONYMS);
    List<String[]> posts = play(replay, history);
    JsonObject before = replay.report();
    String stale = posts.get(random.nextInt(posts.size()))[1];
    replay.accept(msg(10_000, "bystander", stale));
    assertThat(replay.report().getJsonArray("orders")).isEqualTo(before.getJsonArray("orders"));
    assertThat(replay.report().getJsonArray("totals")).isEqualTo(before.getJsonArray("totals"));
  }

  @Provide
  Arbitrary<String> senders() {
    return Arbitraries.of("u1", "u2", "u3", "u9", "leader");
  }

  @Provide
  Arbitrary<List<String>> freeTextOrders() {
    return Combinators.combine(Arbitraries.of(FORMS), Arbitraries.of(PRODUCTS), Arbitraries.of(AMOUNTS))
        .as((form, product, amount) -> String.format(form, product, amount, unitOf(product)))
        .list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 150)
  void freeTextOrdersFromDifferentSendersGiveTheSameTotalsInAnyOrder(
      @ForAll("freeTextOrders") List<String> orders, @ForAll Random random) {
    List<InboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      messages.add(msg(i, "u" + i, orders.get(i)));
    }
    JsonArray inOrder = totals(messages);
    List<InboundMessage> shuffled = new ArrayList<>(messages);
    Collections.shuffle(shuffled, random);
    assertThat(totals(shuffled)).isEqualTo(inOrder);
    assertThat(inOrder).isNotEmpty();
  }

  private static JsonArray totals(List<InboundMessage> messages) {
    Replay replay = new Replay(ITEMS, SYNONYMS);
    messages.forEach(replay::accept);
    return replay.report().getJsonArray("totals");
  }
}
