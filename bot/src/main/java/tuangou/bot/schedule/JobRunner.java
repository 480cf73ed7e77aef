package tuangou.bot.schedule;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import tuangou.bot.lifecycle.Lifecycle;
import tuangou.store.Campaign;
import tuangou.store.CampaignWindows;
import tuangou.store.ChatGroup;
import tuangou.store.OutboxDraft;
import tuangou.store.Pickup;
import tuangou.store.ScheduledJob;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgJobs;
import tuangou.store.pg.PgPickups;

/**
 * Runs one due job: decides whether it still means something (a job missed during downtime is run
 * late only while it does, else dropped and logged), holds pushes through the quiet hours, and
 * returns the pushes to queue with the job's completion.
 */
public final class JobRunner {
  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
  /** A pickup reminder this late is dropped. */
  private static final Duration LATE = Duration.ofHours(1);

  private final PgCatalog catalog;
  private final PgPickups pickups;
  private final Lifecycle lifecycle;
  private final QuietHours quiet;
  private final int reminderBelowCustomers;
  private final tuangou.bot.lifecycle.CommissionReports reports;

  public JobRunner(PgCatalog catalog, PgPickups pickups, Lifecycle lifecycle, QuietHours quiet,
      int reminderBelowCustomers, tuangou.bot.lifecycle.CommissionReports reports) {
    this.reports = reports;
    this.catalog = catalog;
    this.pickups = pickups;
    this.lifecycle = lifecycle;
    this.quiet = quiet;
    this.reminderBelowCustomers = reminderBelowCustomers;
  }

  public Future<PgJobs.Outcome> run(ScheduledJob job, OffsetDateTime now) {
    if (job.kind().equals(JobPlanner.EVENING)) {
      return evening(job, now);
    }
    if (job.kind().equals(Lifecycle.COMMISSION_TODAY) || job.kind().equals(Lifecycle.COMMISSION_LAST_MONTH)) {
      return commission(job);
    }
    return catalog.campaign(job.campaignId()).compose(found -> {
      if (found.isEmpty()) {
        return dropped(job, "the campaign is gone");
      }
      Campaign c = found.get();
      if (job.kind().equals(JobPlanner.CUTOFF)) {
        return cutoff(job, c, now);
      }
      return catalog.group(job.groupId()).compose(g -> g.isEmpty() || g.get().dismissedAt() != null
          ? dropped(job, "the group is gone")
          : asGroupSees(c, g.get().id()).compose(seen -> switch (job.kind()) {
            case JobPlanner.DEALS -> deals(job, seen, g.get(), now);
            case JobPlanner.REMINDER -> reminder(job, seen, g.get(), now);
            case JobPlanner.PICKUP -> pickupReminder(job, seen, g.get(), now);
            default -> dropped(job, "unknown job kind " + job.kind());
          }));
    });
  }

  /** The campaign as the group sees it: closed when the leader cut the group off (截单) or goods arrived. */
  private Future<Campaign> asGroupSees(Campaign c, long groupId) {
    return catalog.campaignsOf(groupId).map(list -> list.stream().filter(x -> x.id() == c.id()).findFirst().orElse(c));
  }

  private Future<PgJobs.Outcome> deals(ScheduledJob job, Campaign c, ChatGroup g, OffsetDateTime now) {
    if (!c.isOpenAt(now)) {
      return dropped(job, "the campaign no longer takes orders");
    }
    Optional<OffsetDateTime> hold = quiet.holdUntil(now);
    if (hold.isPresent()) {
      return later(c.cutoffAt() != null && !hold.get().isBefore(c.cutoffAt()) ? null : hold.get(), job, "quiet hours "
          + "last past the cutoff");
    }
    return done(OutboxDraft.toChat(g.channel(), g.chatId(), lifecycle.pushes().deals(c, g), List.of(), job.key()));
  }

  private Future<PgJobs.Outcome> reminder(ScheduledJob job, Campaign c, ChatGroup g, OffsetDateTime now) {
    if (c.cutoffAt() == null || c.cutoffAt().toEpochSecond() != JobPlanner.plannedCutoff(job.key())) {
      return dropped(job, "the cutoff moved");
    }
    if (!c.isOpenAt(now)) {
      return dropped(job, "ordering is already closed");
    }
    Optional<OffsetDateTime> hold = quiet.holdUntil(now);
    if (hold.isPresent()) {
      return later(hold.get().isBefore(c.cutoffAt()) ? hold.get() : null, job, "quiet hours last past the cutoff");
    }
    return lifecycle.lines(c, g).compose(lines -> {
      long customers = lines.stream().map(l -> l.customer() + '\u0000' + l.label()).distinct().count();
      if (customers >= reminderBelowCustomers) {
        return dropped(job, customers + " residents ordered already");
      }
      long minutes = Math.max(1, Duration.between(now, c.cutoffAt()).toMinutes());
      return done(OutboxDraft.toChat(g.channel(), g.chatId(), lifecycle.pushes().cutoffReminder(g, minutes), List.of(),
          job.key()));
    });
  }

  private Future<PgJobs.Outcome> cutoff(ScheduledJob job, Campaign c, OffsetDateTime now) {
    if (c.cutoffAt() == null || c.cutoffAt().toEpochSecond() != JobPlanner.plannedCutoff(job.key())) {
      return dropped(job, "the cutoff moved");
    }
    // ordering stopped at the cutoff whatever the hour; only the tally waits for the morning
    Optional<OffsetDateTime> hold = quiet.holdUntil(now);
    if (hold.isPresent()) {
      return later(hold.get(), job, "");
    }
    return lifecycle.tallies(c).map(PgJobs.Done::new);
  }

  private Future<PgJobs.Outcome> pickupReminder(ScheduledJob job, Campaign c, ChatGroup g, OffsetDateTime now) {
    if (now.isAfter(job.dueAt().plus(LATE))) {
      // missed while the service was down: the next reminder (or nobody) speaks instead of a burst
      return dropped(job, "more than an hour late");
    }
    return pickups.arrivedAt(c.id(), g.id()).compose(arrived -> {
      if (arrived.isEmpty() || now.isAfter(arrived.get().plus(CampaignWindows.PICKUP))) {
        return dropped(job, "too long after arrival");
      }
      return pickups.ofGroup(c.id(), g.id()).compose(all -> {
        List<Pickup> left = all.stream().filter(p -> !p.picked()).toList();
        if (left.isEmpty()) {
          return dropped(job, "everyone picked up");
        }
        Optional<OffsetDateTime> hold = quiet.holdUntil(now);
        if (hold.isPresent()) {
          return later(hold.get(), job, "");
        }
        return done(OutboxDraft.toChat(g.channel(), g.chatId(), lifecycle.pushes().pickupReminder(g, left),
            left.stream().map(Pickup::customer).distinct().toList(), job.key()));
      });
    });
  }

  /** The earliest time a push may go out from {@code now}: now, or the end of the quiet hours. */
  public OffsetDateTime earliestPush(OffsetDateTime now) {
    return quiet.holdUntil(now).orElse(now);
  }

  /** Every leader's commission report of the day; dropped when the evening is long past. */
  /** A leader asked for their figures in chat: an answer, so the quiet hours do not hold it. */
  private Future<PgJobs.Outcome> commission(ScheduledJob job) {
    return catalog.group(job.groupId()).compose(found -> {
      if (found.isEmpty() || found.get().leaderUser() == null || found.get().leaderUser().isBlank()) {
        return dropped(job, "the group or its leader is gone");
      }
      ChatGroup g = found.get();
      Future<String> text = job.kind().equals(Lifecycle.COMMISSION_LAST_MONTH) ? reports.lastMonth(g.leaderId())
          : reports.today(g.leaderId());
      return text.map(t -> (PgJobs.Outcome) new PgJobs.Done(t.isEmpty() ? List.of()
          : List.of(new OutboxDraft(g.channel(), null, g.leaderUser(), t, List.of(), job.key()))));
    });
  }

  private Future<PgJobs.Outcome> evening(ScheduledJob job, OffsetDateTime now) {
    if (now.isAfter(job.dueAt().plusHours(3))) {
      return dropped(job, "the evening is over");
    }
    java.time.LocalDate day = java.time.LocalDate.parse(job.key().substring(job.key().indexOf(':') + 1));
    return reports.evening(day).map(PgJobs.Done::new);
  }

  private static Future<PgJobs.Outcome> done(OutboxDraft push) {
    return Future.succeededFuture(new PgJobs.Done(List.of(push)));
  }

  /** Moved to {@code at}; dropped with {@code why} when there is no later time that still makes sense. */
  private static Future<PgJobs.Outcome> later(OffsetDateTime at, ScheduledJob job, String why) {
    return at == null ? dropped(job, why) : Future.succeededFuture(new PgJobs.Later(at));
  }

  private static Future<PgJobs.Outcome> dropped(ScheduledJob job, String why) {
    LOG.info("job " + job.key() + " dropped: " + why);
    return Future.succeededFuture(new PgJobs.Dropped(why));
  }
}
