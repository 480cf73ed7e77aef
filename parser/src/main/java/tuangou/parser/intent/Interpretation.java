package tuangou.parser.intent;

import java.util.List;
import java.util.Objects;
import tuangou.parser.chain.ChainSnapshot;
import tuangou.parser.command.Command;
import tuangou.parser.entry.ParsedEntry;

/** What one chat message is, before any catalog or state is consulted. */
public sealed interface Interpretation permits Interpretation.ChainPost, Interpretation.OrderText,
    Interpretation.CommandText, Interpretation.Chatter {

  /** A copy of a chain (接龙): to be diffed against the chain's last state. */
  record ChainPost(ChainSnapshot snapshot) implements Interpretation {
    public ChainPost {
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  /**
   * A free-form order, cancellation or change ({@code 苹果+1}, {@code 取消香蕉}, {@code 香蕉改成3把}).
   * A {@link Intent#CANCEL} with no entries cancels all of the sender's lines; among other entries, a
   * CANCEL entry with no mentions cancels the lines held before the message ({@code 我的不要了，来2袋水饺}). {@code intents}
   * says what each entry does, since one message may order one item and swap another
   * ({@code 油条换成手抓饼，小笼包改成1袋}); {@code intent} is the first of them.
   */
  record OrderText(Intent intent, List<ParsedEntry> entries, List<Intent> intents) implements Interpretation {
    public OrderText {
      Objects.requireNonNull(intent, "intent");
      entries = List.copyOf(entries);
      intents = List.copyOf(intents);
      if (intents.size() != entries.size()) {
        throw new IllegalArgumentException("one intent per entry");
      }
    }

    /** Every entry with the same intent. */
    public OrderText(Intent intent, List<ParsedEntry> entries) {
      this(intent, entries, java.util.Collections.nCopies(entries.size(), intent));
    }
  }

  /** A command ({@code 汇总}, {@code 我的订单}). */
  record CommandText(Command command) implements Interpretation {
    public CommandText {
      Objects.requireNonNull(command, "command");
    }
  }

  /** Not for the bot: a question, a price list, a sticker, thanks. */
  record Chatter(Kind kind) implements Interpretation {
    public Chatter {
      Objects.requireNonNull(kind, "kind");
    }

    /** What kind of not-an-order. */
    public enum Kind {
      EMPTY, MEDIA, QUESTION, PRICE_LIST, OTHER, TOO_LONG,
      /** About a past delivery (damaged, missing, short) or a refund: for the leader's after-sales. */
      AFTER_SALES,
      /** Whether one's own order was recorded ({@code 我的豆浆记上了没}). */
      ORDER_QUESTION,
      /** A past-tense story ({@code 上次买的很好吃}). */
      STORY,
      /** The leader's running tally or acknowledgement ({@code 收到@张姐 水饺2袋}). */
      LEADER_NOTE
    }
  }

  /** What a free-form order message wants done. */
  enum Intent {
    /** New lines ({@code 苹果2斤}, {@code 蓝莓再加一盒}). */
    ORDER,
    /** Remove lines, or reduce them by the amount written ({@code 取消香蕉}, {@code 草莓不要了}). */
    CANCEL,
    /** Set the sender's quantity of an item ({@code 香蕉改成3把}). */
    CHANGE,
    /**
     * Replace one item by another ({@code 把汤圆换成馄饨}): the entry's first mention is the item
     * given up, the second the item wanted; the quantity moves unless a new one is written.
     */
    SWAP,
    /**
     * A correction of the sender's last order ({@code 打错了，是3斤}): the amount replaces that of
     * the item named, or of the sender's latest line when none is named.
     */
    CORRECT,
    /** The same as the order directly above ({@code 同上}, {@code 我也要}), to be resolved in context. */
    SAME_AS_ABOVE
  }
}
