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
import tuangou.bot.input.ChatText;
import tuangou.bot.input.Limits;
import tuangou.ordering.GroupState;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.OrderChange;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Outcome;
import tuangou.ordering.Unresolved;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.Interpretation;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.InboxMessage;
import tuangou.store.StoreUnavailableException;
import tuangou.store.StoredLine;
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

  static final int BATCH = 20;

  private final GroupDirectory groups;
  private final PgOrders orders;
  private final CampaignInterpreters interpreters;
  private final Clock clock;
  private final PipelineMetrics metrics;
  /**
   * Replies of messages this instance just processed, by inbox id, for the caller waiting on them:
   * saves reading them back. Taken once; what nobody takes is dropped when the map grows.
   */
  private final java.util.Map<Long, List<String>> justProcessed = new java.util.concurrent.ConcurrentHashMap<>();

  private final LifecycleCommands commands;
  private final AfterSales afterSales;

  public MessagePipeline(GroupDirectory groups, PgOrders orders, CampaignInterpreters interpreters, Clock clock,
      PipelineMetrics metrics, LifecycleCommands commands, AfterSales afterSales) {
    this.commands = commands;
    this.afterSales = afterSales;
    this.groups = groups;
    this.orders = orders;
    this.interpreters = interpreters;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Processes every pending message of the group; returns how many. */
  public Future<Integer> drain(long groupId) {
    // a short batch took everything pending; a message stored meanwhile triggers a run of its own
    return batch(groupId, BATCH).compose(n -> n == BATCH ? drain(groupId).map(m -> m + n) : Future.succeededFuture(n));
  }

  /**
   * Processes up to {@value #BATCH} pending messages of the group, oldest first, in one transaction:
   * the group's state is loaded once and carried from message to message in memory.
   */
  Future<Integer> batch(long groupId, int size) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return groups.lookup(groupId, now).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(0);
      }
      ChatGroup group = found.get().group();
      GroupDirectory.Found seen = found.get();
      Optional<Campaign> campaign = seen.current();
      TakingOrders open = new TakingOrders(seen.openCampaign().isPresent());
      return orders.inGroup(groupId, tx -> tx.pending(size).compose(pending -> {
            if (pending.isEmpty()) {
              return Future.succeededFuture(0);
            }
            return loadState(tx, group, campaign).compose(book -> {
              Future<Void> chain = Future.succeededFuture();
              for (InboxMessage m : pending) {
                chain = chain.compose(v -> handle(tx, seen, campaign, open, book, m));
              }
              // replies remembered for a batch that then rolls back must not be handed out
              return chain.map(pending.size()).onFailure(t -> pending.forEach(m -> justProcessed.remove(m.id())));
            });
          }))
          .recover(t -> {
            if (t instanceof StoreUnavailableException) {
              return Future.failedFuture(t);
            }
            // the whole batch rolled back: go one by one, so that only the message at fault is set aside
            return size > 1 ? batch(groupId, 1) : markFailed(groupId, t).map(1);
          });
    });
  }

  private Future<InMemoryOrderBook> loadState(PgGroupTransaction tx, ChatGroup group, Optional<Campaign> campaign) {
    InMemoryOrderBook book = new InMemoryOrderBook();
    if (campaign.isEmpty()) {
      return Future.succeededFuture(book);
    }
    long cid = campaign.get().id();
    String g = String.valueOf(group.id());
    return Future.all(tx.chains(cid), tx.activeLines(cid)).map(loaded -> {
      java.util.Map<String, io.vertx.core.json.JsonObject> chains = loaded.resultAt(0);
      List<StoredLine> lines = loaded.resultAt(1);
      book.load(g, chains.values().stream().map(ChainStateJson::decode).toList(), lines.stream()
          .map(l -> StoredLines.line(group.id(), l)).toList());
      return book;
    });
  }

  private Future<Void> handle(PgGroupTransaction tx, GroupDirectory.Found seen, Optional<Campaign> campaign,
      TakingOrders open, InMemoryOrderBook book, InboxMessage m) {
    ChatGroup group = seen.group();
    long started = System.nanoTime();
    String name = m.senderName().isEmpty() ? m.sender() : m.senderName();
    InboundMessage msg = new InboundMessage(m.channel(), m.msgId(), String.valueOf(group.id()), m.sender(), name,
        m.text(), m.mentions(), m.sentAt(), entryAuthors(m), m.extras());
    boolean leader = m.sender().equals(group.leaderUser());
    Future<List<String>> replies;
    if (ChatText.overCap(m.text())) {
      // refused whole, never half-read: the sender is told to split it
      replies = Future.succeededFuture(List.of(Messages.text("message.too.long", name,
          String.valueOf(Limits.MESSAGE_CHARS))));
    } else if (campaign.isEmpty()) {
      replies = withoutCampaign(msg, group, leader);
    } else {
      replies = withCampaign(tx, seen, campaign.get(), open, book, msg, leader);
    }
    return replies.map(MessagePipeline::cut).compose(texts -> {
      List<Supplier<Future<Void>>> steps = new ArrayList<>();
      texts.forEach(text -> steps.add(() -> tx.enqueue(m.channel(), m.chatId(), null, text, List.of(m.sender()), m.id())));
      List<OrderLine> mine = book.state(String.valueOf(group.id())).linesOf(m.sender());
      String label = mine.isEmpty() ? "" : mine.get(0).label();
      steps.add(() -> tx.touchResident(m.channel(), m.sender(), name, label));
      steps.add(() -> tx.markDone(m.id()));
      return PgGroupTransaction.sequence(steps).onSuccess(v -> {
        metrics.processed(System.nanoTime() - started, texts.size());
        remember(m.id(), texts);
      });
    });
  }

  /** WeChat's own per-entry authors of a 接龙, when the channel delivered them. */
  private static List<String> entryAuthors(InboxMessage m) {
    String json = m.extras().get("entryAuthors");
    if (json == null) {
      return null;
    }
    try {
      return new io.vertx.core.json.JsonArray(json).stream().map(String::valueOf).toList();
    } catch (RuntimeException e) {
      return null; // unreadable: authors are inferred as for a hand-made chain
    }
  }

  private Future<List<String>> withoutCampaign(InboundMessage msg, ChatGroup group, boolean leader) {
    Interpretation in = interpreters.messages().interpret(msg.text());
    if (in instanceof Interpretation.OrderText) {
      return Future.succeededFuture(List.of(Messages.text("order.no.campaign", msg.senderName())));
    }
    if (in instanceof Interpretation.CommandText c) {
      if (c.command() instanceof tuangou.parser.command.Command.Commission) {
        // a leader's commission does not depend on a campaign running in this group
        return commands.reply(c.command(), Optional.empty(), Optional.empty(), group, msg, leader, List.of(),
            new Replies(List.of())).map(List::of);
      }
      return Future.succeededFuture(List.of(CommandReplies.reply(c.command(), msg.sender(), msg.senderName(), leader,
          group.name(), List.of(), new Replies(List.of()))));
    }
    return Future.succeededFuture(List.of());
  }

  private Future<List<String>> withCampaign(PgGroupTransaction tx, GroupDirectory.Found seen, Campaign campaign,
      TakingOrders ordering, InMemoryOrderBook book, InboundMessage msg, boolean leader) {
    ChatGroup group = seen.group();
    boolean open = ordering.open();
    long cid = campaign.id();
    List<CatalogItem> items = CampaignInterpreters.items(campaign);
    Replies replies = new Replies(items);
    GroupState state = book.state(msg.group());
    // only a bare number can answer a question: other messages need not read them
    Future<List<PgGroupTransaction.OpenQuestion>> questions = open && Answer.mayAnswer(msg)
        ? tx.openQuestions(cid) : Future.succeededFuture(List.of());
    return questions.compose(asked -> {
      Optional<Answer> answer = Answer.of(msg, asked, items);
      if (answer.isPresent()) {
        return answer.get().apply(tx, cid, book, replies);
      }
      Outcome outcome = interpreters.of(campaign).process(msg, state);
      if (outcome.interpretation() instanceof Interpretation.CommandText c) {
        if (LifecycleCommands.handles(c.command())) {
          if (c.command() instanceof tuangou.parser.command.Command.Cutoff && leader) {
            ordering.close();
          }
          return commands.reply(c.command(), open ? Optional.of(campaign) : Optional.empty(), seen.closedCampaign(),
              group, msg, leader, book.lines(msg.group()), replies).map(List::of);
        }
        return Future.succeededFuture(List.of(CommandReplies.reply(c.command(), msg.sender(), msg.senderName(), leader,
            group.name(), book.lines(msg.group()), replies)));
      }
      int entries = entries(outcome);
      if (entries > Limits.MESSAGE_ENTRIES) {
        // a chain or list this long is refused whole: nothing of it is applied, and the sender is told
        return Future.succeededFuture(List.of(Messages.text("message.too.many", msg.senderName(),
            String.valueOf(entries), String.valueOf(Limits.MESSAGE_ENTRIES))));
      }
      boolean wouldChange = !outcome.changes().isEmpty() || !outcome.opened().isEmpty();
      boolean chain = outcome.interpretation() instanceof Interpretation.ChainPost;
      boolean afterSalesIntent = outcome.interpretation() instanceof Interpretation.Chatter said
          && said.kind() == Interpretation.Chatter.Kind.AFTER_SALES;
      if (!leader && !chain && (afterSalesIntent || (!wouldChange || !open) && AfterSales.isRequest(msg.text()))) {
        // a complaint, not an order: while ordering is open, "香蕉不要了，退款" is the cancellation it
        // reads as, and a chain whose description says 售后找团长 is a chain
        return afterSales.route(group, msg);
      }
      if (!open) {
        // after cutoff nothing changes the orders; the message stays in the inbox for the leader to see
        return Future.succeededFuture(wouldChange ? List.of(Messages.text("order.closed", msg.senderName())) : List.of());
      }
      List<OrderLine> before = state.linesOf(msg.sender());
      metrics.changed(outcome.changes().size());
      return apply(tx, cid, outcome).map(v -> {
        book.apply(msg.group(), outcome);
        return replies.after(outcome, msg.senderName(), before);
      });
    });
  }

  /** How many entries a message holds: a chain's entries, or the order changes and questions it makes. */
  private static int entries(Outcome outcome) {
    int made = outcome.changes().size() + outcome.opened().size();
    if (outcome.interpretation() instanceof Interpretation.ChainPost chain) {
      return Math.max(made, chain.snapshot().entries().size());
    }
    return made;
  }

  /** Replies longer than {@link Limits#REPLY_CHARS} are cut, with a note saying so. */
  private static List<String> cut(List<String> replies) {
    return replies.stream().map(r -> ChatText.cut(r, Limits.REPLY_CHARS, Messages.text("reply.cut"))).toList();
  }

  private void remember(long inboxId, List<String> replies) {
    if (justProcessed.size() > 10_000) {
      justProcessed.clear();
    }
    justProcessed.put(inboxId, List.copyOf(replies));
  }

  /**
   * The replies of a message processed here, once; empty when it was processed elsewhere (another
   * instance, or a transaction that was later rolled back and retried), then read them from the store.
   */
  public Optional<List<String>> takeReplies(long inboxId) {
    return Optional.ofNullable(justProcessed.remove(inboxId));
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

  /**
   * Whether the campaign takes orders, as the messages of one batch see it: a leader's 截单 in the
   * batch closes ordering for the messages after it, before the batch commits.
   */
  private static final class TakingOrders {
    private boolean open;

    TakingOrders(boolean open) {
      this.open = open;
    }

    boolean open() {
      return open;
    }

    void close() {
      open = false;
    }
  }
}
