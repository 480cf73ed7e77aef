package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import tuangou.bot.campaigns.CampaignInterpreters;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.bot.input.ChatText;
import tuangou.bot.input.Limits;
import tuangou.bot.lifecycle.Lifecycle;
import tuangou.ordering.Effects;
import tuangou.ordering.Engine;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.Origin;
import tuangou.ordering.Outcome;
import tuangou.ordering.Question;
import tuangou.ordering.QuestionAnswer;
import tuangou.ordering.Reading;
import tuangou.ordering.Unresolved;
import tuangou.ordering.command.CodePolicy;
import tuangou.ordering.command.CommandContext;
import tuangou.ordering.command.CommandHandlers;
import tuangou.ordering.command.Decision;
import tuangou.ordering.command.PickupView;
import tuangou.ordering.command.ReviewView;
import tuangou.ordering.command.Transition;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Replies;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.order.UnresolvedMention.Reason;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.InboxMessage;
import tuangou.store.Pickup;
import tuangou.store.ReviewItem;
import tuangou.store.Unavailability;
import tuangou.store.pg.PgGroupTransaction;
import tuangou.store.pg.PgOrders;

/**
 * Applies a group's stored messages one at a time, oldest first: decide what each does (the
 * ordering engine's interpreters and command handlers), then write all of it through
 * {@link MessageApplier}, in a transaction under the group's lock, which the messages of other
 * groups that arrived together may share ({@link #round}). Each group's book is kept between
 * transactions ({@link GroupBooks}). A message whose processing fails for a reason other than the
 * database is marked failed (kept, logged) so that it cannot block the group.
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

  private final MessageApplier applier;
  private final GroupBookReader books;

  public MessagePipeline(GroupDirectory groups, PgOrders orders, CampaignInterpreters interpreters, Clock clock,
      PipelineMetrics metrics, Lifecycle lifecycle) {
    this.applier = new MessageApplier(lifecycle);
    this.books = new GroupBookReader(GroupBooks.sizedToHeap());
    this.groups = groups;
    this.orders = orders;
    this.interpreters = interpreters;
    this.clock = clock;
    this.metrics = metrics;
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
      GroupRun run = new GroupRun(found.get());
      return orders.inGroup(groupId, tx -> tx.pendingAndBook(size).compose(pending -> run.process(tx, pending)))
          .onSuccess(n -> run.committed())
          .recover(t -> {
            run.rolledBack();
            // the database away, a statement timed out or a connection cut: the message is not at fault,
            // it stays pending and is processed once the database answers
            if (Unavailability.of(t)) {
              return Future.failedFuture(t);
            }
            // the whole batch rolled back: go one by one, so that only the message at fault is set aside
            return size > 1 ? batch(groupId, 1) : markFailed(groupId, t).map(1);
          });
    });
  }

  /**
   * Processes up to {@value #BATCH} pending messages of each of several groups in one transaction
   * that holds all their locks: group commit, for groups whose messages arrived together. The groups
   * are taken one after another, each exactly as {@link #batch} would; what each processed. When a
   * message fails the round for a reason other than the database, every group goes again alone, so
   * that one resident's message never holds the others' up.
   */
  public Future<Map<Long, Integer>> round(List<Long> groupIds) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Future<Optional<GroupDirectory.Found>>> lookups = groupIds.stream().map(id -> groups.lookup(id, now)).toList();
    return Future.all(lookups).compose(looked -> {
      List<GroupRun> runs = lookups.stream().map(Future::result).flatMap(Optional::stream).map(GroupRun::new)
          .sorted(java.util.Comparator.comparingLong(GroupRun::id)).toList();
      Map<Long, Integer> done = new HashMap<>();
      groupIds.forEach(id -> done.put(id, 0));
      if (runs.isEmpty()) {
        return Future.succeededFuture(done);
      }
      List<Long> ids = runs.stream().map(GroupRun::id).toList();
      return orders.inGroups(ids, txs -> txs.pendingAndBooks(ids, BATCH).compose(pending -> {
            Future<Void> chain = Future.succeededFuture();
            for (GroupRun run : runs) {
              PgGroupTransaction.Pending mine = pending.getOrDefault(run.id(), PgGroupTransaction.Pending.NONE);
              chain = chain.compose(v -> run.process(txs.group(run.id()), mine).map(n -> {
                    done.put(run.id(), n);
                    return null;
                  }));
            }
            return chain.map(done);
          }))
          .onSuccess(n -> runs.forEach(GroupRun::committed))
          .recover(t -> {
            runs.forEach(GroupRun::rolledBack);
            if (Unavailability.of(t)) {
              return Future.failedFuture(t);
            }
            Future<Map<Long, Integer>> alone = Future.succeededFuture(done);
            for (GroupRun run : runs) {
              alone = alone.compose(m -> batch(run.id(), BATCH).map(n -> {
                m.put(run.id(), n);
                return m;
              }));
            }
            return alone;
          });
    });
  }

  /**
   * One group's part of a transaction: its pending messages processed in order with its book, and
   * what is kept of it once the transaction commits.
   */
  private final class GroupRun {
    private final GroupDirectory.Found seen;
    private final Optional<Campaign> campaign;
    private final TakingOrders open;
    private final Asking asking = new Asking();
    private List<InboxMessage> messages = List.of();
    private InMemoryOrderBook written;
    private long version;

    GroupRun(GroupDirectory.Found seen) {
      this.seen = seen;
      this.campaign = seen.current();
      this.open = new TakingOrders(seen.openCampaign().isPresent());
    }

    long id() {
      return seen.group().id();
    }

    Future<Integer> process(PgGroupTransaction tx, PgGroupTransaction.Pending pending) {
      messages = pending.messages();
      if (messages.isEmpty()) {
        return Future.succeededFuture(0);
      }
      if (pending.asking()) {
        asking.asked();
      }
      return books.book(tx, seen.group(), campaign, pending, messages.get(0).id()).compose(book -> {
        Future<Void> chain = Future.succeededFuture();
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        for (InboxMessage m : messages) {
          chain = chain.compose(v -> turn(context)).compose(v -> handle(tx, this, book, m));
        }
        return chain.map(v -> {
          written = book;
          version = pending.writtenVersion();
          return messages.size();
        });
      });
    }

    void committed() {
      // the cached view of the group still has the campaign open: forget it once the 截单 is committed,
      // or the next message (the next batch) would still be taken as an order
      if (open.wasStepped()) {
        groups.invalidate();
      }
      if (written != null && campaign.isPresent()) {
        books.giveBack(id(), campaign.get().id(), version, written);
      }
    }

    void rolledBack() {
      // replies remembered for a batch that then rolls back must not be handed out
      messages.forEach(m -> justProcessed.remove(m.id()));
      applier.rolledBack(messages);
    }
  }

  /**
   * Goes on at the event loop's next turn: a round reads its messages one after another without
   * waiting on the database, and in one go it would hold the loop for many milliseconds, while
   * requests on the same loop (a WeCom callback waits only on its inbox row) wait behind it.
   */
  static Future<Void> turn(io.vertx.core.Context context) {
    if (context == null) {
      return Future.succeededFuture();
    }
    io.vertx.core.Promise<Void> next = io.vertx.core.Promise.promise();
    context.runOnContext(v -> next.complete());
    return next.future();
  }

  private Future<Void> handle(PgGroupTransaction tx, GroupRun run, InMemoryOrderBook book, InboxMessage m) {
    GroupDirectory.Found seen = run.seen;
    TakingOrders open = run.open;
    ChatGroup group = seen.group();
    long started = System.nanoTime();
    String name = m.senderName().isEmpty() ? m.sender() : m.senderName();
    InboundMessage msg = new InboundMessage(m.channel(), m.msgId(), String.valueOf(group.id()), m.sender(), name,
        m.text(), m.mentions(), m.sentAt(), entryAuthors(m), m.extras());
    boolean leader = m.sender().equals(group.leaderUser());
    Engine.Situation situation = new Engine.Situation(leader, group.name(), group.leaderUser(), open.open());
    Future<Effects> decided;
    if (ChatText.overCap(m.text())) {
      // refused whole, never half-read: the sender is told to split it
      decided = Future.succeededFuture(Effects.of(Decision.reply(Messages.text("message.too.long", name,
          String.valueOf(Limits.MESSAGE_CHARS)))));
    } else if (run.campaign.isEmpty()) {
      decided = withoutCampaign(tx, seen, msg, situation);
    } else {
      decided = withCampaign(tx, seen, run.campaign.get(), open, run.asking, book, msg, situation);
    }
    return decided.compose(effects -> {
      if (effects.decision().transitions().stream().anyMatch(t -> t instanceof Transition.CloseOrdering)) {
        open.close();
      }
      if (effects.decision().transitions().stream()
          .anyMatch(t -> t instanceof Transition.CloseOrdering || t instanceof Transition.Arrive)) {
        open.stepped();
      }
      if (effects.orders() != null) {
        metrics.changed(effects.orders().changes().size());
        if (!effects.orders().opened().isEmpty()) {
          run.asking.asked();
        }
      }
      return applier.apply(tx, seen, book, m, name, cut(effects));
    }).map(texts -> {
      book.said(String.valueOf(group.id()), m.msgId()); // the next message's "directly above"
      metrics.processed(System.nanoTime() - started, texts.size());
      remember(m.id(), texts);
      return null;
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

  private Future<Effects> withoutCampaign(PgGroupTransaction tx, GroupDirectory.Found seen, InboundMessage msg,
      Engine.Situation situation) {
    Reading reading = Engine.withoutCampaign(interpreters.messages(), msg, situation);
    if (reading instanceof Reading.CommandGiven c) {
      return pending(tx, seen).map(pending -> Effects.of(CommandHandlers.decide(c.command(), new CommandContext(
          msg.sender(), msg.senderName(), situation.leader(), seen.group().name(), false, OptionalLong.empty(),
          OptionalLong.empty(), false, List.of(), List.of(), pending, new Replies(List.of()), codes(seen.group())))));
    }
    return Future.succeededFuture(((Reading.Decided) reading).effects());
  }

  /** The group's review queue as 待确认 lists it: this campaign's and the last one's, and after-sales. */
  private static Future<List<ReviewView>> pending(PgGroupTransaction tx, GroupDirectory.Found seen) {
    List<Long> campaigns = java.util.stream.Stream.of(seen.openCampaign(), seen.closedCampaign())
        .flatMap(Optional::stream).map(Campaign::id).toList();
    return tx.review().openInGroup(seen.group().id(), campaigns).map(items -> items.stream()
        .map(i -> new ReviewView(i.shownAs(), i.text(), ReviewItem.AFTER_SALES.equals(i.kind()))).toList());
  }

  private Future<Effects> withCampaign(PgGroupTransaction tx, GroupDirectory.Found seen, Campaign campaign,
      TakingOrders ordering, Asking asking, InMemoryOrderBook book, InboundMessage msg, Engine.Situation situation) {
    Engine engine = interpreters.of(campaign);
    // only a short answer or an order that restates one needs the open questions, and only while some
    // may be open: most messages are neither, and most groups have none
    boolean answerShaped = situation.open() && asking.maybe() && QuestionAnswer.mayAnswer(msg);
    Future<List<Question>> questions = answerShaped ? openQuestions(tx, campaign, msg) : Future.succeededFuture(List.of());
    return questions.compose(asked -> {
      Reading reading = engine.read(msg, book.state(msg.group()), situation, asked);
      if (reading instanceof Reading.CommandGiven c) {
        return commandContext(tx, seen, ordering, book, msg, situation.leader(), engine.replies())
            .map(context -> Effects.of(CommandHandlers.decide(c.command(), context)));
      }
      Effects read = ((Reading.Decided) reading).effects();
      return !answerShaped && situation.open() && asking.maybe() && Engine.mayRestate(read, msg)
          ? openQuestions(tx, campaign, msg).map(open -> Engine.restated(read, msg, open).map(read::settling).orElse(read))
          : Future.succeededFuture(read);
    }).map(effects -> {
      int entries = entries(effects.orders());
      if (entries > Limits.MESSAGE_ENTRIES) {
        // a chain or list this long is refused whole: nothing of it is applied, and the sender is told
        return Effects.of(Decision.reply(Messages.text("message.too.many", msg.senderName(),
            String.valueOf(entries), String.valueOf(Limits.MESSAGE_ENTRIES))));
      }
      return effects;
    });
  }

  private static Future<List<Question>> openQuestions(PgGroupTransaction tx, Campaign campaign, InboundMessage msg) {
    return tx.openQuestions(campaign.id(), msg.sender()).map(asked -> asked.stream().map(q -> question(msg.group(), q)).toList());
  }

  private static int entries(Outcome outcome) {
    if (outcome == null) {
      return 0;
    }
    int made = outcome.changes().size() + outcome.opened().size();
    if (outcome.interpretation() instanceof Interpretation.ChainPost chain) {
      return Math.max(made, chain.snapshot().entries().size());
    }
    return made;
  }

  /** Replies longer than {@link Limits#REPLY_CHARS} are cut, with a note saying so. */
  private static Effects cut(Effects effects) {
    Decision d = effects.decision();
    List<String> replies = d.replies().stream()
        .map(r -> ChatText.cut(r, Limits.REPLY_CHARS, Messages.text("reply.cut"))).toList();
    return new Effects(effects.orders(), effects.answered(), new Decision(replies, d.pushes(), d.transitions()));
  }

  /**
   * What a command may know, read in the transaction so that it sees this batch's own changes: the
   * group's lines, and the pickups of the campaign being delivered.
   */
  private Future<CommandContext> commandContext(PgGroupTransaction tx, GroupDirectory.Found seen, TakingOrders ordering,
      InMemoryOrderBook book, InboundMessage msg, boolean leader, Replies replies) {
    Optional<Campaign> open = ordering.open() ? seen.openCampaign() : Optional.empty();
    Optional<Campaign> delivering = seen.closedCampaign().isPresent() ? seen.closedCampaign() : open;
    Future<Optional<java.time.OffsetDateTime>> arrived = delivering.isEmpty() ? Future.succeededFuture(Optional.empty())
        : tx.pickups().arrivedAt(delivering.get().id(), seen.group().id());
    Future<List<Pickup>> pickups = delivering.isEmpty() ? Future.succeededFuture(List.of())
        : tx.pickups().ofGroup(delivering.get().id(), seen.group().id());
    return Future.all(arrived, pickups, pending(tx, seen)).map(read -> new CommandContext(msg.sender(), msg.senderName(),
        leader, seen.group().name(), true, id(open), id(delivering), read.<Optional<?>>resultAt(0).isPresent(),
        book.lines(msg.group()), read.<List<Pickup>>resultAt(1).stream().map(MessagePipeline::view).toList(),
        read.resultAt(2), replies, codes(seen.group())));
  }

  private static CodePolicy codes(ChatGroup g) {
    return g.codesInGroup() ? CodePolicy.IN_GROUP : g.canMessagePrivately() ? CodePolicy.PRIVATE
        : CodePolicy.NAME_AT_PICKUP;
  }

  private static OptionalLong id(Optional<Campaign> c) {
    return c.map(x -> OptionalLong.of(x.id())).orElse(OptionalLong.empty());
  }

  static PickupView view(Pickup p) {
    return new PickupView(p.customer(), p.label(), p.shownAs(), p.code(), p.picked());
  }

  private static Question question(String group, PgGroupTransaction.OpenQuestion q) {
    return new Question(q.id(), new Unresolved(Origin.parse(q.origin()), group, q.customer(), q.sourceMsg(), q.text(),
        Reason.valueOf(q.kind()), q.reason(), q.choices()));
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

  private Future<Void> markFailed(long groupId, Throwable cause) {
    LOG.log(Level.SEVERE, "message of group " + groupId + " failed and is set aside", cause);
    metrics.failed();
    books.forget(groupId);
    // reading the message raises the group's book count, so no kept book outlives the failure
    return orders.inGroup(groupId, tx -> tx.pending(1).compose(p -> p.isEmpty() ? Future.succeededFuture()
        : tx.markFailed(p.get(0).id(), String.valueOf(cause))));
  }
}
