package tuangou.bot.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who this instance last wrote as each sender's name and label, so that a resident's every message
 * does not rewrite the same row: a resident who writes in several groups at once would otherwise
 * have every group's transaction wait on her one row. A write is skipped only when it would store
 * what this instance itself stored last; another instance's later write is then left standing
 * until the name or label changes again, which only delays a display name.
 */
final class KnownResidents {
  private record Known(String name, String label) {}

  private final int max;
  private final LinkedHashMap<String, Known> written;

  KnownResidents(int max) {
    this.max = max;
    this.written = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
        return size() > KnownResidents.this.max;
      }
    };
  }

  /** Whether storing this name and label (an empty label keeps the stored one) would change nothing this instance knows of. */
  synchronized boolean unchanged(String channel, String user, String name, String label) {
    Known k = written.get(channel + '\u0000' + user);
    return k != null && k.name().equals(name) && (label.isEmpty() || k.label().equals(label));
  }

  /** Notes a write that committed. */
  synchronized void wrote(String channel, String user, String name, String label) {
    String key = channel + '\u0000' + user;
    Known k = written.get(key);
    written.put(key, new Known(name, label.isEmpty() && k != null ? k.label() : label));
  }

  /** Forgets what a write that rolled back would have stored. */
  synchronized void forget(String channel, String user) {
    written.remove(channel + '\u0000' + user);
  }
}
