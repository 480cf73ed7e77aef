package tuangou.bot.app;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tuangou.bot.replay.Replay;
import tuangou.ordering.InboundMessage;
import tuangou.parser.CatalogItem;
import tuangou.parser.match.Synonyms;

/**
 * Reads an evening of made-up chat while the servers start, so that the reading code is compiled
 * before the first resident writes. A fresh JVM runs it interpreted at first and spends much of
 * its CPU compiling it; when deals open every group writes at once, and those first minutes are
 * the ones that count. Nothing of it is stored: it runs through an in-memory replay.
 */
final class Warmup {
  private static final Logger LOG = Logger.getLogger(Warmup.class.getName());

  private static final List<CatalogItem> CATALOG = List.of(
      new CatalogItem(1, "w-blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
      new CatalogItem(2, "w-strawberry", "丹东99草莓", List.of("草莓"), "盒", "500g", 3990),
      new CatalogItem(3, "w-apple", "烟台红富士苹果", List.of("苹果", "红富士"), "斤", "", 690),
      new CatalogItem(4, "w-banana", "海南香蕉", List.of("香蕉"), "把", "约3斤", 1290),
      new CatalogItem(5, "w-grape", "阳光玫瑰葡萄", List.of("阳光玫瑰", "葡萄"), "串", "约1.5斤", 2590),
      new CatalogItem(6, "w-cherry", "智利车厘子", List.of("车厘子"), "盒", "J级 1kg", 5990),
      new CatalogItem(7, "w-egg", "农家土鸡蛋", List.of("土鸡蛋", "鸡蛋"), "板", "30枚", 2980),
      new CatalogItem(8, "w-tomato", "普罗旺斯西红柿", List.of("西红柿", "番茄"), "斤", "", 490),
      new CatalogItem(9, "w-milk", "纯牛奶", List.of("牛奶"), "箱", "250ml*24", 5990),
      new CatalogItem(10, "w-orange", "赣南脐橙", List.of("脐橙"), "斤", "", 590));

  private static final String[] SAID = {"苹果2斤", "蓝莓+1", "我要两斤苹果", "草莓x3", "鸡蛋1板", "5号 2串", "番茄3斤",
      "香焦1把", "车厘子1盒、蓝莓2盒", "牛奶250ml*24 1箱", "脐橙三斤半", "取消香蕉", "香蕉改成3把", "我的订单", "+1",
      "3号来两斤", "麻烦帮我订一盒草莓，谢谢", "苹果再加1斤", "榴莲1个", "收到", "昨天的草莓坏了两个", "在吗",
      "蓝莓 2", "阳光玫瑰一串 车厘子一盒", "不要了", "好的谢谢团长"};

  private Warmup() {}

  /** Starts reading on a thread of low priority that stops by itself after {@code millis}. */
  static void start(long millis) {
    Thread t = new Thread(() -> run(millis, 20_000), "tuangou-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Reads until {@code millis} have passed or {@code most} messages are read; how many were. */
  static int run(long millis, int most) {
    long end = System.nanoTime() + millis * 1_000_000;
    int read = 0;
    try {
      Replay replay = new Replay(CATALOG, Synonyms.shipped(), Map.of("g0", "leader"));
      OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 20, 0, 0, 0, ZoneOffset.ofHours(8));
      StringBuilder chain = new StringBuilder("#接龙 周二水果团\n明天中午12点截单\n");
      for (int i = 0; System.nanoTime() < end && i < most; i++) {
        String group = "g" + (i % 7);
        String sender = "r" + (i % 13);
        String text;
        if (i % 3 == 0) {
          int n = i / 3 % 25 + 1;
          if (n == 1) {
            chain.setLength(0);
            chain.append("#接龙 周二水果团\n明天中午12点截单\n");
          }
          chain.append(n).append(". ").append(n).append("-1-").append(100 + n).append(" 住户").append(n).append(' ')
              .append(CATALOG.get(n % CATALOG.size()).aliases().get(0)).append(n % 4 + 1).append('\n');
          text = chain.toString();
        } else {
          text = SAID[i % SAID.length];
        }
        replay.accept(new InboundMessage("warmup", "w" + i, group, sender, "住户" + sender, text, List.of(), at,
            null, Map.of()));
        read++;
      }
    } catch (RuntimeException e) {
      // a warm-up that trips over its own made-up chat must never stop the service
      LOG.log(Level.FINE, "warm-up stopped early", e);
    }
    return read;
  }
}
