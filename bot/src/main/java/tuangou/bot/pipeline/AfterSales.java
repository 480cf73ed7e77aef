package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.util.List;
import java.util.regex.Pattern;
import tuangou.bot.conversation.Messages;
import tuangou.ordering.InboundMessage;
import tuangou.store.ChatGroup;
import tuangou.store.OutboxDraft;
import tuangou.store.pg.PgOutbox;

/**
 * A resident's after-sales request (售后, 退款, 退货) in a group: the bot cannot judge a bruised
 * apple, so the request goes to the leader in private and the resident is told it did.
 */
public final class AfterSales {
  private static final Pattern REQUEST = Pattern.compile("售后|退款|退货|退钱");
  private final PgOutbox outbox;

  public AfterSales(PgOutbox outbox) {
    this.outbox = outbox;
  }

  public static boolean isRequest(String text) {
    return text.length() <= 500 && REQUEST.matcher(text).find();
  }

  /** Tells the leader (dedup on the message, so a retry tells once) and answers the resident. */
  public Future<List<String>> route(ChatGroup g, InboundMessage msg) {
    if (g.leaderUser() == null || g.leaderUser().isBlank()) {
      return Future.succeededFuture(List.of(Messages.text("aftersales.noleader", msg.senderName())));
    }
    OutboxDraft toLeader = new OutboxDraft(g.channel(), null, g.leaderUser(),
        Messages.text("aftersales.leader", g.name(), msg.senderName(), msg.text().strip()), List.of(),
        "aftersales:" + msg.channel() + ":" + msg.msgId());
    return outbox.enqueue(List.of(toLeader)).map(n -> List.of(Messages.text("aftersales.ack", msg.senderName())));
  }
}
