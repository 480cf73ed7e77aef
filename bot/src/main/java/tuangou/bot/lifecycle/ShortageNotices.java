package tuangou.bot.lifecycle;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Money;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.OutboxDraft;
import tuangou.store.pg.PgFulfilment;

/**
 * Turns what arrived of an item into its shortage refunds and one notice per affected group, telling
 * each affected resident what they ordered, what they get and what is refunded. A notice's dedup key
 * holds a hash of its content, so recording the same receipt again queues nothing new, while a
 * corrected receipt that changes what someone gets is announced again.
 */
public final class ShortageNotices {
  private ShortageNotices() {}

  /** One resident of one group, over all their lines of the item. */
  private static final class Affected {
    final String customer;
    final String who;
    BigDecimal ordered = BigDecimal.ZERO;
    BigDecimal allocated = BigDecimal.ZERO;
    long refundFen;
    boolean isShort;

    Affected(String customer, String who) {
      this.customer = customer;
      this.who = who;
    }
  }

  /** The plan for {@code received} of {@code item} among its active {@code lines}. */
  public static PgFulfilment.ShortagePlan plan(long campaignId, CampaignItem item, BigDecimal received,
      Map<Long, ChatGroup> groups, List<PgFulfilment.Line> lines) {
    Map<Long, PgFulfilment.Line> byId = new LinkedHashMap<>();
    lines.forEach(l -> byId.put(l.id(), l));
    ShortageAllocation.Result result = ShortageAllocation.allocate(lines.stream()
        .map(l -> new ShortageAllocation.Line(l.id(), l.createdAt().toInstant(), l.qty())).toList(), received,
        item.priceFen());
    List<PgFulfilment.Refund> refunds = new ArrayList<>();
    Map<Long, Map<String, Affected>> byGroup = new LinkedHashMap<>();
    for (ShortageAllocation.Share share : result.shares()) {
      PgFulfilment.Line line = byId.get(share.line().id());
      Affected a = byGroup.computeIfAbsent(line.groupId(), g -> new LinkedHashMap<>())
          .computeIfAbsent(line.customer() + '\u0000' + line.label(), k -> new Affected(line.customer(), who(line)));
      a.ordered = a.ordered.add(line.qty());
      a.allocated = a.allocated.add(share.allocated());
      if (share.isShort()) {
        a.isShort = true;
        a.refundFen += share.refundFen();
        refunds.add(new PgFulfilment.Refund(line.id(), line.groupId(), line.customer(), share.shortQty(),
            share.refundFen()));
      }
    }
    List<PgFulfilment.Notice> notices = new ArrayList<>();
    byGroup.forEach((groupId, residents) -> {
      ChatGroup group = groups.get(groupId);
      List<Affected> affected = residents.values().stream().filter(a -> a.isShort).toList();
      if (group != null && !affected.isEmpty()) {
        notices.add(notice(campaignId, item, group, affected));
      }
    });
    return new PgFulfilment.ShortagePlan(refunds, notices);
  }

  private static PgFulfilment.Notice notice(long campaignId, CampaignItem item, ChatGroup group, List<Affected> affected) {
    List<String> rows = new ArrayList<>();
    LinkedHashSet<String> mentions = new LinkedHashSet<>();
    for (Affected a : affected) {
      String gets = a.allocated.signum() == 0 ? Messages.text("shortage.none") : Money.qty(a.allocated) + item.unit();
      rows.add(Messages.text("shortage.line", a.who, Money.qty(a.ordered) + item.unit(), gets, Money.yuan(a.refundFen)));
      mentions.add(a.customer);
    }
    String text = Messages.text("shortage.notice", item.name(), String.join("\n", rows));
    OutboxDraft draft = new OutboxDraft(group.channel(), group.chatId(), null, text, List.copyOf(mentions), null);
    String key = "shortage:" + campaignId + ":" + item.productId() + ":" + group.id() + ":"
        + hash(text + '\u0000' + String.join(",", mentions));
    return new PgFulfilment.Notice(draft, key);
  }

  /** How the group knows the resident: their label, with their name when the label lacks it. */
  static String who(PgFulfilment.Line line) {
    String label = line.label().strip();
    String name = line.displayName().strip();
    if (label.isEmpty()) {
      return name.isEmpty() ? line.customer() : name;
    }
    return name.isEmpty() || label.contains(name) ? label : label + " " + name;
  }

  private static String hash(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
