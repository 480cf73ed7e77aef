package tuangou.bot.schedule;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.pg.PgJobs;

/**
 * Turns a campaign's times into jobs: the deal push at opening, the reminder before cutoff and the
 * cutoff itself, and after arrival the pickup reminders. Keys name what a job is for (with the
 * cutoff time it was planned for), so planning again plans nothing twice, and a moved cutoff
 * plans new jobs while the old ones find themselves stale.
 */
public final class JobPlanner {
  public static final String DEALS = "deals";
  public static final String REMINDER = "reminder";
  public static final String CUTOFF = "cutoff";
  public static final String PICKUP = "pickup";
  public static final String EVENING = "evening";

  private final PgJobs jobs;
  private final int reminderMinutes;
  private final List<String> pickupReminders;
  private final ZoneId zone;

  /**
   * @param reminderMinutes how long before cutoff to remind (0: never)
   * @param pickupReminders after arrival: {@code +2h} / {@code +30m} relative, or {@code HH:mm} at
   *     the next such local time
   */
  public JobPlanner(PgJobs jobs, int reminderMinutes, List<String> pickupReminders, ZoneId zone) {
    this.jobs = jobs;
    this.reminderMinutes = reminderMinutes;
    this.pickupReminders = List.copyOf(pickupReminders);
    this.zone = zone;
    pickupReminders.forEach(JobPlanner::checkSpec);
  }

  public Future<Void> plan(Campaign c) {
    List<PgJobs.Plan> plans = new ArrayList<>();
    for (long g : c.announce() ? c.groups() : List.<Long>of()) {
      plans.add(new PgJobs.Plan(DEALS + ":" + c.id() + ":" + g, DEALS, c.id(), g, c.opensAt()));
      if (c.cutoffAt() != null && reminderMinutes > 0) {
        OffsetDateTime at = c.cutoffAt().minusMinutes(reminderMinutes);
        if (at.isAfter(c.opensAt())) {
          plans.add(new PgJobs.Plan(REMINDER + ":" + c.id() + ":" + g + ":" + c.cutoffAt().toEpochSecond(), REMINDER,
              c.id(), g, at));
        }
      }
    }
    if (c.cutoffAt() != null) {
      plans.add(new PgJobs.Plan(CUTOFF + ":" + c.id() + ":" + c.cutoffAt().toEpochSecond(), CUTOFF, c.id(), null,
          c.cutoffAt()));
    }
    return jobs.plan(plans);
  }

  /** The pickup reminders of a group whose goods arrived at {@code arrivedAt}. */
  public List<PgJobs.Plan> pickupReminders(Campaign c, ChatGroup g, OffsetDateTime arrivedAt) {
    List<PgJobs.Plan> plans = new ArrayList<>();
    for (String spec : pickupReminders) {
      OffsetDateTime at = at(spec, arrivedAt);
      // "+2h" after a 17:00 arrival and "19:00" are one reminder, not two in a row
      if (plans.stream().noneMatch(p -> Duration.between(p.dueAt(), at).abs().compareTo(Duration.ofMinutes(30)) < 0)) {
        plans.add(new PgJobs.Plan(PICKUP + ":" + c.id() + ":" + g.id() + ":" + spec, PICKUP, c.id(), g.id(), at));
      }
    }
    return plans;
  }

  /** The leaders' evening commission reports of today and tomorrow at {@code at} local time (null: none). */
  public Future<Void> planEvenings(OffsetDateTime now, LocalTime at) {
    if (at == null) {
      return Future.succeededFuture();
    }
    java.time.LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
    List<PgJobs.Plan> plans = new ArrayList<>();
    for (java.time.LocalDate day : List.of(today, today.plusDays(1))) {
      plans.add(new PgJobs.Plan(EVENING + ":" + day, EVENING, null, null, day.atTime(at).atZone(zone).toOffsetDateTime()));
    }
    return jobs.plan(plans);
  }

  /** The cutoff time a reminder or cutoff job was planned for (the last part of its key). */
  static long plannedCutoff(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
  }

  OffsetDateTime at(String spec, OffsetDateTime arrivedAt) {
    if (spec.startsWith("+")) {
      return arrivedAt.plus(Duration.parse("PT" + spec.substring(1).toUpperCase()));
    }
    ZonedDateTime local = arrivedAt.atZoneSameInstant(zone);
    ZonedDateTime next = local.with(LocalTime.parse(spec));
    return (next.isAfter(local) ? next : next.plusDays(1)).toOffsetDateTime();
  }

  private static void checkSpec(String spec) {
    try {
      if (spec.startsWith("+")) {
        Duration.parse("PT" + spec.substring(1).toUpperCase());
      } else {
        LocalTime.parse(spec);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a pickup reminder is +2h, +30m or a time such as 19:00, not " + spec);
    }
  }
}
