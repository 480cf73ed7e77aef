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
   * A {@link Intent#CANCEL} with no entries cancels all of the sender's lines.
   */
  record OrderText(Intent intent, List<ParsedEntry> entries) implements Interpretation {
    public OrderText {
      Objects.requireNonNull(intent, "intent");
      entries = List.copyOf(entries);
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
    public enum Kind { EMPTY, MEDIA, QUESTION, PRICE_LIST, OTHER, TOO_LONG }
  }

  /** What a free-form order message wants done. */
  enum Intent {
    /** New lines ({@code 苹果2斤}, {@code 蓝莓再加一盒}). */
    ORDER,
    /** Remove lines, or reduce them by the amount written ({@code 取消香蕉}, {@code 草莓不要了}). */
    CANCEL,
    /** Set the sender's quantity of an item ({@code 香蕉改成3把}). */
    CHANGE
  }
}
