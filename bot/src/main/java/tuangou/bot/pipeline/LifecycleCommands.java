package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import tuangou.bot.conversation.CommandReplies;
import tuangou.bot.conversation.Messages;
import tuangou.bot.conversation.Replies;
import tuangou.bot.lifecycle.Lifecycle;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.OrderLine;
import tuangou.parser.command.Command;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.Pickup;
import tuangou.store.pg.PgPickups;

/**
 * Chat commands that move a campaign on in one group (截单, 到货, 核销, 未取 — the leader's) or
 * read a resident's pickup (我的订单 with the code, 取货码). They act through {@link Lifecycle}, whose
 * pushes are idempotent, so a message processed again after a rollback does no harm.
 */
public final class LifecycleCommands {
  private final Lifecycle lifecycle;
  private final PgPickups pickups;
  private final tuangou.bot.lifecycle.CommissionReports reports;
  private final tuangou.store.pg.PgOutbox outbox;

  public LifecycleCommands(Lifecycle lifecycle, PgPickups pickups, tuangou.bot.lifecycle.CommissionReports reports,
      tuangou.store.pg.PgOutbox outbox) {
    this.lifecycle = lifecycle;
    this.pickups = pickups;
    this.reports = reports;
    this.outbox = outbox;
  }

  public static boolean handles(Command c) {
    return c instanceof Command.Cutoff || c instanceof Command.Arrival || c instanceof Command.Verify
        || c instanceof Command.Unpicked || c instanceof Command.PickupCode || c instanceof Command.MyOrders
        || c instanceof Command.Commission;
  }

  /**
   * The reply to {@code command} in group {@code g}. Ordering commands act on the campaign taking
   * orders ({@code open}); arrival, pickups and codes on the one whose goods are coming or here,
   * the latest closed ({@code closed}), since tomorrow's campaign is often open while today's is
   * picked up.
   *
   * @param lines the open campaign's lines as this transaction sees them (this batch's changes included)
   */
  public Future<String> reply(Command command, Optional<Campaign> open, Optional<Campaign> closed, ChatGroup g,
      InboundMessage msg, boolean leader, List<OrderLine> lines, Replies replies) {
    String name = msg.senderName();
    Optional<Campaign> delivering = closed.isPresent() ? closed : open;
    if (command instanceof Command.MyOrders || command instanceof Command.PickupCode) {
      return mine(delivering, g, msg.sender()).compose(codes -> said(g, msg.sender(), codes)).map(codes -> {
        if (command instanceof Command.PickupCode) {
          return "@" + name + " " + (codes.isEmpty() ? Messages.text("not.arrived") : codes);
        }
        String orders = CommandReplies.reply(command, msg.sender(), name, leader, g.name(), lines, replies);
        return codes.isEmpty() ? orders : orders + "\n" + codes;
      });
    }
    if (!leader) {
      return Future.succeededFuture(Messages.text("leader.only", name, label(command)));
    }
    if (command instanceof Command.Commission k) {
      // commission is the leader's own business: the figures go in private, the group sees a note
      Future<String> text = k.lastMonth() ? reports.lastMonth(g.leaderId()) : reports.today(g.leaderId());
      return text.compose(t -> outbox.enqueue(List.of(tuangou.store.OutboxDraft.toPerson(g.channel(), msg.sender(), t))))
          .map(n -> Messages.text("commission.sent", name));
    }
    if (command instanceof Command.Cutoff) {
      return open.isPresent() ? lifecycle.cutoffGroup(open.get(), g, lines).map(v -> Messages.text("cutoff.done", g.name()))
          : Future.succeededFuture(Messages.text("cutoff.already"));
    }
    if (delivering.isEmpty()) {
      return Future.succeededFuture(Messages.text("not.arrived"));
    }
    Campaign c = delivering.get();
    if (command instanceof Command.Arrival) {
      return lifecycle.arrival(c, g).map(list -> Messages.text("arrival.done"));
    }
    if (command instanceof Command.Unpicked) {
      return pickups.arrivedAt(c.id(), g.id()).compose(at -> at.isEmpty()
          ? Future.succeededFuture(Messages.text("not.arrived"))
          : pickups.ofGroup(c.id(), g.id()).map(all -> lifecycle.pushes().unpicked(g,
              all.stream().filter(p -> !p.picked()).toList())));
    }
    Command.Verify v = (Command.Verify) command;
    String target = v.target() == null ? "" : v.target().strip();
    if (target.isEmpty()) {
      return Future.succeededFuture(Messages.text("verify.usage"));
    }
    return lifecycle.verify(c.id(), g.id(), target, "leader:" + msg.sender()).map(result -> verified(result, target));
  }

  static String verified(Lifecycle.Verified result, String target) {
    if (result instanceof Lifecycle.Picked p) {
      return Messages.text("verify.done", p.pickup().shownAs(), p.pickup().code());
    }
    if (result instanceof Lifecycle.AlreadyPicked p) {
      return Messages.text("verify.already", p.pickup().shownAs(), p.pickup().code());
    }
    if (result instanceof Lifecycle.Ambiguous a) {
      return Messages.text("verify.ambiguous", target, String.join("、", a.candidates().stream().map(Pickup::shownAs).toList()));
    }
    return Messages.text("verify.notfound", target);
  }

  /**
   * What the group is told of the sender's codes: a code read in the group could be collected by
   * anyone there, so it goes in private where the channel allows, and in the group only where the
   * leader turned codes on; "" when there are none yet.
   */
  private Future<String> said(ChatGroup g, String sender, String codes) {
    if (codes.isEmpty() || g.codesInGroup()) {
      return Future.succeededFuture(codes);
    }
    if (!g.canMessagePrivately()) {
      return Future.succeededFuture(Messages.text("orders.code.ask.leader"));
    }
    return outbox.enqueue(List.of(tuangou.store.OutboxDraft.toPerson(g.channel(), sender, codes)))
        .map(n -> Messages.text("orders.code.private"));
  }

  /** The sender's pickup codes (one per label when they ordered for neighbours), or "" when none yet. */
  private Future<String> mine(Optional<Campaign> c, ChatGroup g, String sender) {
    if (c.isEmpty()) {
      return Future.succeededFuture("");
    }
    return pickups.ofGroup(c.get().id(), g.id()).map(all -> {
      List<Pickup> own = all.stream().filter(p -> p.customer().equals(sender)).toList();
      return String.join("\n", own.stream().map(p -> Messages.text("orders.code", p.code())
          + (own.size() > 1 && !p.label().isEmpty() ? "（" + p.label() + "）" : "")
          + (p.picked() ? "（" + Messages.text("orders.picked") + "）" : "")).toList());
    });
  }

  private static String label(Command command) {
    if (command instanceof Command.Cutoff) {
      return "截单";
    }
    if (command instanceof Command.Arrival) {
      return "到货";
    }
    if (command instanceof Command.Unpicked) {
      return "未取";
    }
    if (command instanceof Command.Commission) {
      return "佣金";
    }
    return "核销";
  }
}
