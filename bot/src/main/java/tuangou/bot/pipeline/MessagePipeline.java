package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import tuangou.bot.conversation.CommandReplies;
import tuangou.bot.conversation.Messages;
import tuangou.bot.conversation.Replies;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.Interpretation;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.InboxMessage;
import tuangou.store.StoreUnavailableException;
import tuangou.store.StoredLine;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgGroupTransaction;
import tuangou.store.pg.PgOrders;

/**
 * Applies a group's stored messages one at a time, oldest first: interpret, apply the order
 * changes, queue the replies and mark the message done, all in one transaction under the group's
 * lock. A message whose processing fails for a reason other than the database is marked failed
 * (kept, logged) so that it cannot block the group.
 */
public final class MessagePipeline {
  private static final Logger LOG = Logger.getLogger(MessagePipeline.class.getName());

  private final PgCatalog catalog;
  private final PgOrders orders;
  private final CampaignInterpreters interpreters;
  private final Clock clock;
  private final PipelineMetrics metrics;

  public MessagePipeline(PgCatalog catalog, PgOrders orders, CampaignInterpreters interpreters, Clock clock,
      PipelineMetrics metrics) {
    this.catalog = catalog;
    this.orders = orders;
    this.interpreters = interpreters;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Processes every pending message of the group; returns how many. */
  public Future<Integer> drain(long groupId) {
    return next(groupId).compose(done -> done ? drain(groupId).map(n -> n + 1) : Future.succeededFuture(0));
  }

  /** Processes the oldest pending message of the group; false when there was none. */
  Future<Boolean> next(long groupId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return catalog.group(groupId).compose(group -> {
      if (group.isEmpty()) {
        return Future.succeededFuture(false);
      }
      return catalog.openCampaign(groupId, now).compose(campaign -> orders.inGroup(groupId, tx -> tx.pending(1)
          .compose(pending -> pending.isEmpty() ? Future.succeededFuture(false)
              : handle(tx, group.get(), campaign, pending.get(0)).map(true))))
          .recover(t -> t instanceof StoreUnavailableException ? Future.failedFuture(t)
              : markFailed(groupId, t).map(true));
    });
  }

  private Future<Void> handle(PgGroupTransaction tx, ChatGroup group, Optional<Campaign> campaign, InboxMessage m) {
    long started = System.nanoTime();
    String name = m.senderName().isEmpty() ? m.sender() : m.senderName();
    InboundMessage msg = new InboundMessage(m.channel(), m.msgId(), String.valueOf(group.id()), m.sender(), name,
        m.text(), m.mentions(), m.sentAt(), null, m.extras());
    boolean leader = m.sender().equals(group.leaderUser());
    Future<List<String>> replies;
    if (campaign.isEmpty()) {
      replies = Future.succeededFuture(withoutCampaign(msg, group, leader));
    } else {
      replies = withCampaign(tx, group, campaign.get(), msg, leader);
    }
    return replies
        .compose(texts -> PgGroupTransaction.sequence(texts.stream()
            .<Supplier<Future<Void>>>map(text -> () -> tx.enqueue(m.channel(), m.chatId(), null, text,
                List.of(m.sender()), m.id()))
            .toList()).map(texts.size()))
        .compose(n -> {
          metrics.processed(System.nanoTime() - started, n);
          return tx.markDone(m.id());
        });
  }

  private List<String> withoutCampaign(InboundMessage msg, ChatGroup group, boolean leader) {
    Interpretation in = interpreters.messages().interpret(msg.text());
    if (in instanceof Interpretation.OrderText) {
      return List.of(Messages.text("order.no.campaign", msg.senderName()));
    }
    if (in instanceof Interpretation.CommandText c) {
      return List.of(CommandReplies.reply(c.command(), msg.sender(), msg.senderName(), leader, group.name(), List.of(),
          new Replies(List.of())));
    }
    return List.of();
  }

  private Future<List<String>> withCampaign(PgGroupTransaction tx, ChatGroup group, Campaign campaign,
      InboundMessage msg, boolean leader) {
    long cid = campaign.id();
    List<CatalogItem> items = CampaignInterpreters.items(campaign);
    Replies replies = new Replies(items);
    return Future.all(tx.chains(cid), tx.activeLines(cid), tx.openQuestions(cid)).compose(loaded -> {
      TransactionState state = new TransactionState(msg.group(), loaded.resultAt(0), loaded.resultAt(1));
      List<PgGroupTransaction.OpenQuestion> questions = loaded.resultAt(2);
      Optional<Answer> answer = Answer.of(msg, questions, items);
      if (answer.isPresent()) {
        return answer.get().apply(tx, cid, state, replies);
      }
      Outcome outcome = interpreters.of(campaign).process(msg, state);
      if (outcome.interpretation() instanceof Interpretation.CommandText c) {
        return Future.succeededFuture(List.of(CommandReplies.reply(c.command(), msg.sender(), msg.senderName(), leader,
            group.name(), state.all(), replies)));
      }
      List<OrderLine> before = state.linesOf(msg.sender());
      metrics.changed(outcome.changes().size());
      return apply(tx, cid, outcome).map(v -> replies.after(outcome, msg.senderName(), before));
    });
  }

  /** Writes one outcome through the transaction, in order. */
  static Future<Void> apply(PgGroupTransaction tx, long cid, Outcome outcome) {
    List<Supplier<Future<Void>>> steps = new ArrayList<>();
    if (outcome.chain() != null) {
      steps.add(() -> tx.saveChain(cid, outcome.chain().id(), ChainStateJson.encode(outcome.chain())));
    }
    for (OrderChange c : outcome.changes()) {
      if (c instanceof OrderChange.Add add) {
        OrderLine l = add.line();
        steps.add(() -> tx.addLine(cid, new StoredLine(l.key(), l.origin(), l.customer(), l.label(), l.item(), l.qty(),
            l.note(), l.source())));
      } else if (c instanceof OrderChange.Update u) {
        steps.add(() -> tx.updateLine(cid, u.key(), u.qty(), u.note(), u.source()));
      } else if (c instanceof OrderChange.Cancel x) {
        steps.add(() -> tx.cancelLine(cid, x.key(), x.source()));
      }
    }
    steps.add(() -> tx.closeQuestions(cid, outcome.closedOrigins()));
    for (Unresolved u : outcome.opened()) {
      steps.add(() -> tx.openQuestion(cid, u.origin(), u.customer(), u.source(), u.text(), u.reason(), u.candidates()));
    }
    return PgGroupTransaction.sequence(steps);
  }

  private Future<Void> markFailed(long groupId, Throwable cause) {
    LOG.log(Level.SEVERE, "message of group " + groupId + " failed and is set aside", cause);
    metrics.failed();
    return orders.inGroup(groupId, tx -> tx.pending(1).compose(p -> p.isEmpty() ? Future.succeededFuture()
        : tx.markFailed(p.get(0).id(), String.valueOf(cause))));
  }
}
