package tuangou.bot.lifecycle;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tuangou.ordering.reply.CommandReplies;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Money;
import tuangou.ordering.reply.Replies;
import tuangou.bot.campaigns.CampaignInterpreters;
import tuangou.ordering.OrderLine;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.Pickup;
import tuangou.store.ReviewItem;

/** The texts the bot posts on its own: deal lists, reminders, tallies, arrival notices. Pure. */
public final class Pushes {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
  private final ZoneId zone;

  public Pushes(ZoneId zone) {
    this.zone = zone;
  }

  /** 每日团品: numbered items with price, unit and spec, cutoff and pickup, and a 接龙 template. */
  public String deals(Campaign c, ChatGroup g) {
    List<String> rows = new ArrayList<>();
    rows.add(Messages.text("deals.title", c.name()));
    for (CampaignItem i : c.items()) {
      rows.add(Messages.text("deals.item", i.no(), i.name(), Money.yuan(i.priceFen()), i.unit().isEmpty() ? "份" : i.unit(),
          i.spec().isEmpty() ? "" : "（" + i.spec() + "）"));
    }
    if (c.cutoffAt() != null) {
      rows.add(Messages.text("deals.cutoff", when(c.cutoffAt())));
    }
    if (c.pickupAt() != null || g.pickupPoint() != null) {
      rows.add(Messages.text("deals.pickup", c.pickupAt() == null ? "" : when(c.pickupAt()),
          g.pickupPoint() == null ? "" : " " + g.pickupPoint()));
    }
    rows.add(Messages.text("deals.template"));
    return String.join("\n", rows);
  }

  public String cutoffReminder(ChatGroup g, long minutesLeft) {
    return Messages.text("reminder.cutoff", g.name(), minutesLeft);
  }

  /** The final tally posted in the group at cutoff. */
  public String groupTally(Campaign c, ChatGroup g, List<OrderLine> lines, List<ReviewItem> pending) {
    if (lines.isEmpty()) {
      return Messages.text("tally.empty", g.name()) + pending(pending);
    }
    CommandReplies.Tally t = tally(c, lines);
    return Messages.text("tally.group", g.name(), t.customers(), t.rows(), Money.yuan(t.totalFen())) + pending(pending);
  }

  /**
   * "另有2条待确认：张三、李四": what the bot was unsure of is counted where the orders are, so an
   * order that may be missing is seen before the goods are bought.
   */
  private static String pending(List<ReviewItem> pending) {
    if (pending.isEmpty()) {
      return "";
    }
    List<String> who = pending.stream().map(ReviewItem::shownAs).distinct().toList();
    return "\n" + Messages.text("tally.pending", pending.size(), String.join("、", who));
  }

  /** The same tally, privately to the leader. */
  public String leaderTally(Campaign c, ChatGroup g, List<OrderLine> lines, List<ReviewItem> pending) {
    CommandReplies.Tally t = tally(c, lines);
    return Messages.text("tally.leader", g.name(), t.customers(), t.rows().isEmpty() ? "-" : t.rows(),
        Money.yuan(t.totalFen())) + pending(pending);
  }

  private static CommandReplies.Tally tally(Campaign c, List<OrderLine> lines) {
    return CommandReplies.tally(lines, new Replies(CampaignInterpreters.items(c)));
  }

  /**
   * 到货: every resident with an order, by name. Codes are private (anyone in the group could
   * collect with a code read there): they go to each resident in private, and are listed here only
   * when the leader turned codes on for a group that cannot get private messages.
   */
  public String arrival(ChatGroup g, List<Pickup> pickups) {
    if (g.codesInGroup()) {
      List<String> rows = pickups.stream().map(p -> Messages.text("arrival.line", p.shownAs(), p.code())).toList();
      return Messages.text("arrival.notice", g.name(), place(g), String.join("\n", rows));
    }
    List<String> rows = pickups.stream().map(p -> Messages.text("arrival.name", p.shownAs())).toList();
    return Messages.text(g.canMessagePrivately() ? "arrival.notice.private" : "arrival.notice.names", g.name(), place(g),
        String.join("\n", rows));
  }

  public String privateCode(ChatGroup g, Pickup p) {
    return Messages.text("arrival.code", g.name(), p.code(), place(g));
  }

  /** A reminder naming only those who have not picked up. */
  public String pickupReminder(ChatGroup g, List<Pickup> unpicked) {
    List<String> rows = unpicked.stream().map(p -> "· " + p.shownAs()).toList();
    return Messages.text("pickup.reminder", g.name(), unpicked.size(), place(g), String.join("\n", rows));
  }

  public String unpicked(ChatGroup g, List<Pickup> unpicked) {
    if (unpicked.isEmpty()) {
      return Messages.text("unpicked.none", g.name());
    }
    // said in the group: codes only where the leader turned them on
    List<String> rows = unpicked.stream().map(p -> g.codesInGroup() ? Messages.text("arrival.line", p.shownAs(), p.code())
        : Messages.text("arrival.name", p.shownAs())).toList();
    return Messages.text("unpicked.list", g.name(), unpicked.size(), String.join("\n", rows));
  }

  private static String place(ChatGroup g) {
    return g.pickupPoint() == null || g.pickupPoint().isBlank() ? Messages.text("pickup.place.unknown") : g.pickupPoint();
  }

  private String when(OffsetDateTime t) {
    return WHEN.format(t.atZoneSameInstant(zone));
  }
}
