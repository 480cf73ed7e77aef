package tuangou.ordering;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What made an order line or an open question: one entry of a 接龙, or one free-text message. Its
 * {@link #key()} is how the store keeps it; {@link #parse} reads it back. Two origins are equal when
 * their keys are: ids come from the chat platforms and may contain any character, so a key read
 * back can split the other way ({@code chain:c-a:1!b:2}) and must still find its lines.
 */
public sealed interface Origin permits Origin.ChainEntry, Origin.Message, Origin.Conflict {
  /** {@code chain:<chain id>:<entry seq>}, then {@code !<sender>} for a conflict. */
  Pattern CHAIN = Pattern.compile("chain:(.*?):(\\d{1,18})(?:!(.*))?", Pattern.DOTALL);

  String key();

  /** The line made by answering a question about this origin, or the {@code n}th line of a message. */
  default String lineKey(String msgId, int n) {
    return key() + "#" + msgId + "#" + n;
  }

  /** Entry {@code seq} of chain {@code chainId}: its lines follow the entry as it is edited. */
  record ChainEntry(String chainId, long seq) implements Origin {
    public ChainEntry {
      Objects.requireNonNull(chainId, "chainId");
    }

    @Override
    public String key() {
      return "chain:" + chainId + ":" + seq;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Origin other && other.key().equals(key());
    }

    @Override
    public int hashCode() {
      return key().hashCode();
    }
  }

  /** A free-text message. */
  record Message(String msgId) implements Origin {
    public Message {
      Objects.requireNonNull(msgId, "msgId");
    }

    private static final String PREFIX = "msg:";

    @Override
    public String key() {
      return PREFIX + msgId;
    }

    // by the key, as every origin, without making it: open questions are looked up by origin per
    // message, and only a message's key starts "msg:" (the others' start "chain:")
    @Override
    public boolean equals(Object o) {
      return o instanceof Message other && other.msgId.equals(msgId);
    }

    @Override
    public int hashCode() {
      int h = PREFIX.hashCode();
      for (int i = 0; i < msgId.length(); i++) {
        h = 31 * h + msgId.charAt(i);
      }
      return h;
    }
  }

  /** {@code sender}'s edit of someone else's chain entry: a question of its own, apart from the entry's. */
  record Conflict(ChainEntry entry, String sender) implements Origin {
    @Override
    public String key() {
      return entry.key() + "!" + sender;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Origin other && other.key().equals(key());
    }

    @Override
    public int hashCode() {
      return key().hashCode();
    }
  }

  /** The origin whose {@link #key()} is {@code key}. */
  public static Origin parse(String key) {
    if (key.startsWith("msg:")) {
      return new Message(key.substring(4));
    }
    Matcher m = CHAIN.matcher(key);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an origin key: " + key);
    }
    ChainEntry entry = new ChainEntry(m.group(1), Long.parseLong(m.group(2)));
    return m.group(3) == null ? entry : new Conflict(entry, m.group(3));
  }
}
