package tuangou.bot.lifecycle;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.bot.campaigns.StoredLines;
import tuangou.ordering.OrderLine;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.OutboxDraft;
import tuangou.store.Pickup;
import tuangou.store.OutboxWriter;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgGroupTransaction;
import tuangou.store.pg.PgJobs;
import tuangou.store.pg.PgOrders;
import tuangou.store.pg.PgOutbox;
import tuangou.store.pg.PgPickups;
import tuangou.store.pg.PgReview;

/**
 * The steps of a campaign after ordering, whoever asks for them (the schedule, the admin API, the
 * leader in chat): cutoff with its tally, arrival with pickup codes, pickup verification. Every
 * push carries a dedup key, so asking twice (or from two instances) posts once.
 */
public final class Lifecycle {
  /** The job kinds of a leader's 佣金 and 佣金 上月 in chat: the report is sent by the scheduler. */
  public static final String COMMISSION_TODAY = "commission-today";
  public static final String COMMISSION_LAST_MONTH = "commission-last-month";
  private final PgCatalog catalog;
  private final PgOrders orders;
  private final PgPickups pickups;
  private final PgReview review;
  private final OutboxWriter outbox;
  private final Function<List<PgJobs.Plan>, Future<Void>> plan;
  private final Runnable changedGroups;
  private final GroupDirectory directory;
  private final Pushes pushes;
  private final Clock clock;
  private final ArrivalReminders reminders;

  /** The pickup reminders to plan when goods arrive in a group. */
  public interface ArrivalReminders {
    List<PgJobs.Plan> after(Campaign c, ChatGroup g, OffsetDateTime arrivedAt);
  }

  public Lifecycle(PgCatalog catalog, PgOrders orders, PgPickups pickups, PgReview review, PgOutbox outbox, PgJobs jobs,
      GroupDirectory directory, Pushes pushes, Clock clock, ArrivalReminders reminders) {
    this(catalog, orders, pickups, review, outbox, jobs::plan, directory::invalidate, directory, pushes, clock,
        reminders);
  }

  private Lifecycle(PgCatalog catalog, PgOrders orders, PgPickups pickups, PgReview review, OutboxWriter outbox,
      Function<List<PgJobs.Plan>, Future<Void>> plan, Runnable changedGroups, GroupDirectory directory, Pushes pushes,
      Clock clock, ArrivalReminders reminders) {
    this.catalog = catalog;
    this.orders = orders;
    this.pickups = pickups;
    this.review = review;
    this.outbox = outbox;
    this.plan = plan;
    this.changedGroups = changedGroups;
    this.directory = directory;
    this.pushes = pushes;
    this.clock = clock;
    this.reminders = reminders;
  }

  /**
   * The same steps, written in a group's transaction together with the message that asked for them
   * (a leader's 截单 or 到货 in chat). The caller forgets its cached view of the group after the
   * commit, since before it nobody else sees the change.
   */
  public Lifecycle within(PgGroupTransaction tx) {
    return new Lifecycle(catalog, orders, tx.pickups(), tx.review(), tx.outbox(), tx::plan, () -> {}, directory, pushes,
        clock, reminders);
  }

  public Pushes pushes() {
    return pushes;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** Closes ordering in the whole campaign now and posts each group's tally; how many pushes were queued. */
  public Future<Integer> cutoffCampaign(Campaign c) {
    return pickups.closeCampaign(c.id(), now()).compose(at -> {
      changedGroups.run();
      return tallies(c).compose(outbox::enqueue);
    });
  }

  /** The tally of every group of the campaign, in the group and privately to its leader. */
  public Future<List<OutboxDraft>> tallies(Campaign c) {
    List<Future<List<OutboxDraft>>> all = new ArrayList<>();
    for (long g : c.groups()) {
      all.add(catalog.group(g).compose(group -> group.map(found -> tally(c, found))
          .orElse(Future.succeededFuture(List.of()))));
    }
    return Future.all(all).map(done -> {
      List<OutboxDraft> drafts = new ArrayList<>();
      for (int i = 0; i < done.size(); i++) {
        List<OutboxDraft> part = done.resultAt(i);
        drafts.addAll(part);
      }
      return drafts;
    });
  }

  /**
   * The leader's 截单 in their group: closes it and posts its tally of {@code lines} (the group's
   * lines as the caller's transaction sees them, its own uncommitted changes included).
   */
  public Future<Void> cutoffGroup(Campaign c, ChatGroup g, List<OrderLine> lines) {
    return pickups.closeGroup(c.id(), g.id(), now()).compose(at -> {
      changedGroups.run();
      return at.isEmpty() ? Future.succeededFuture() : tally(c, g, lines).compose(outbox::enqueue).mapEmpty();
    });
  }

  private Future<List<OutboxDraft>> tally(Campaign c, ChatGroup g) {
    return lines(c, g).compose(lines -> tally(c, g, lines));
  }

  /** The tally in the group and to its leader, with what is still waiting for the leader's review. */
  private Future<List<OutboxDraft>> tally(Campaign c, ChatGroup g, List<OrderLine> lines) {
    return review.open(c.id(), g.id()).map(pending -> {
      List<OutboxDraft> drafts = new ArrayList<>();
      drafts.add(OutboxDraft.toChat(g.channel(), g.chatId(), pushes.groupTally(c, g, lines, pending), List.of(),
          "tally:" + c.id() + ":" + g.id()));
      leader(g).ifPresent(user -> drafts.add(new OutboxDraft(g.channel(), null, user,
          pushes.leaderTally(c, g, lines, pending), List.of(), "tally-leader:" + c.id() + ":" + g.id())));
      return drafts;
    });
  }

  public Future<List<OrderLine>> lines(Campaign c, ChatGroup g) {
    return orders.activeLines(c.id(), g.id()).map(ls -> ls.stream().map(l -> StoredLines.line(l.groupId(), l.line())).toList());
  }

  /**
   * Goods are at the group's pickup point: every resident with an order gets a pickup code, the
   * group a notice naming each of them, and each resident their code in private where the channel
   * allows. Returns the group's pickups.
   */
  public Future<List<Pickup>> arrival(Campaign c, ChatGroup g) {
    // goods on the table end ordering in the group: a later order would have no code and no goods
    return pickups.closeGroup(c.id(), g.id(), now()).compose(closed -> {
      changedGroups.run();
      return pickups.arrive(c.id(), g.id(), now());
    }).compose(at -> {
      if (at.isEmpty()) {
        return Future.succeededFuture(List.<Pickup>of());
      }
      return pickups.ofGroup(c.id(), g.id()).compose(list -> {
        List<OutboxDraft> drafts = new ArrayList<>();
        if (!list.isEmpty()) {
          drafts.add(OutboxDraft.toChat(g.channel(), g.chatId(), pushes.arrival(g, list),
              list.stream().map(Pickup::customer).distinct().toList(), "arrival:" + c.id() + ":" + g.id()));
        }
        if (!g.isCustomerGroup()) {
          // external contacts of a customer group cannot be messaged by the app: they see the group notice
          list.forEach(p -> drafts.add(new OutboxDraft(g.channel(), null, p.customer(), pushes.privateCode(g, p), List.of(),
              "code:" + c.id() + ":" + g.id() + ":" + p.customer() + ":" + p.label())));
        }
        return outbox.enqueue(drafts).compose(n -> plan.apply(reminders.after(c, g, at.get()))).map(list);
      });
    });
  }

  /**
   * A leader's 佣金 in a group: the figures go to them in private. They are read from the ledger by
   * the scheduler, within a second, because a chat message's transaction reads and writes only its
   * group; {@code requestId} (the inbox row) makes a retried message ask once.
   */
  public Future<Void> requestCommissionReport(ChatGroup g, boolean lastMonth, long requestId) {
    String kind = lastMonth ? COMMISSION_LAST_MONTH : COMMISSION_TODAY;
    return plan.apply(List.of(new PgJobs.Plan(kind + ":" + requestId, kind, null, g.id(), now())));
  }

  /** What a verification (核销) found. */
  public sealed interface Verified permits Picked, AlreadyPicked, NotFound, Ambiguous {}

  public record Picked(Pickup pickup) implements Verified {}

  public record AlreadyPicked(Pickup pickup) implements Verified {}

  public record NotFound() implements Verified {}

  public record Ambiguous(List<Pickup> candidates) implements Verified {}

  /** Verifies the pickup in the group whose code, label or name is {@code target}. */
  public Future<Verified> verify(long campaignId, long groupId, String target, String by) {
    return pickups.find(campaignId, groupId, target).compose(found -> verifyOne(found, target, by));
  }

  /** Verifies the pickup with this code, in the newest campaign that issued it. */
  public Future<Verified> verifyCode(String code, String by) {
    return pickups.byCode(code).compose(found -> verifyOne(found.isEmpty() ? found : List.of(found.get(0)), code, by));
  }

  private Future<Verified> verifyOne(List<Pickup> found, String target, String by) {
    Optional<Pickup> exact = found.stream().filter(p -> p.code().equals(target)).findFirst();
    List<Pickup> candidates = exact.map(List::of).orElse(found);
    if (candidates.isEmpty()) {
      return Future.succeededFuture(new NotFound());
    }
    if (candidates.size() > 1) {
      return Future.succeededFuture(new Ambiguous(candidates));
    }
    Pickup p = candidates.get(0);
    if (p.picked()) {
      return Future.succeededFuture(new AlreadyPicked(p));
    }
    OffsetDateTime at = now();
    return pickups.verify(p, by, at).map(first -> first
        ? new Picked(new Pickup(p.campaignId(), p.groupId(), p.customer(), p.label(), p.displayName(), p.code(), at, by))
        : new AlreadyPicked(p));
  }

  private static Optional<String> leader(ChatGroup g) {
    return g.leaderUser() == null || g.leaderUser().isBlank() ? Optional.empty() : Optional.of(g.leaderUser());
  }
}
