package tuangou.bot.app;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tuangou.bot.replay.Replay;
import tuangou.ordering.InboundMessage;
import tuangou.parser.match.Synonyms;

/**
 * Reads an evening of made-up chat while the servers start, so that the reading code is compiled
 * before the first resident writes. A fresh JVM runs it interpreted at first and spends much of
 * its CPU compiling it; when deals open every group writes at once, and those first minutes are
 * the ones that count. Nothing of it is stored: it runs through an in-memory replay.
 */
final class Warmup {
  private static final Logger LOG = Logger.getLogger(Warmup.class.getName());

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
      Replay replay = new Replay(MadeUpChat.CATALOG, Synonyms.shipped(), Map.of("g0", "leader"));
      OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 20, 0, 0, 0, ZoneOffset.ofHours(8));
      MadeUpChat chat = new MadeUpChat();
      for (int i = 0; System.nanoTime() < end && i < most; i++) {
        String group = "g" + (i % 7);
        String sender = "r" + (i % 13);
        String text = chat.text(i);
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
