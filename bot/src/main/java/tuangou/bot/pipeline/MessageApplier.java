package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.bot.lifecycle.Lifecycle;
import tuangou.ordering.Effects;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.OrderChange;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Origin;
import tuangou.ordering.Outcome;
import tuangou.ordering.Unresolved;
import tuangou.ordering.command.Push;
import tuangou.ordering.command.Transition;
import tuangou.ordering.reply.Messages;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.InboxMessage;
import tuangou.store.OutboxDraft;
import tuangou.store.Pickup;
import tuangou.store.StoredLine;
import tuangou.store.pg.PgGroupTransaction;

/**
 * The one writer of a message's effects: order changes, questions, campaign steps, replies and
 * pushes all go through the group's transaction, with the message marked done last. Nothing else
 * writes while a message is processed, so a rollback undoes all of it and a message never needs a
 * second connection.
 */
final class MessageApplier {
  private final Lifecycle lifecycle;
  private final KnownResidents residents = new KnownResidents(100_000);

  MessageApplier(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** Forgets the residents a batch that rolled back would have written, so that its retry writes them. */
  void rolledBack(List<InboxMessage> batch) {
    batch.forEach(m -> residents.forget(m.channel(), m.sender()));
  }

  /** Writes {@code effects} of message {@code m} and updates {@code book} to match; the replies said. */
  Future<List<String>> apply(PgGroupTransaction tx, GroupDirectory.Found seen, InMemoryOrderBook book, InboxMessage m,
      String name, Effects effects) {
    ChatGroup g = seen.group();
    String group = String.valueOf(g.id());
    if (effects.orders() != null) {
      long cid = seen.current().orElseThrow().id();
      // the next message is read while these are written: the book holds the batch's state, and a
      // write that fails rolls back the whole batch, book and all
      tx.meanwhile(writeOrders(tx, cid, effects.orders()));
      if (effects.answered() == null) {
        book.apply(group, effects.orders());
      } else {
        tx.meanwhile(tx.closeQuestion(effects.answered().id()));
        book.answered(group, effects.answered().id(), effects.orders());
      }
    }
    return steps(tx, seen, book, m, effects.decision().transitions()).compose(said -> {
      List<String> replies = new ArrayList<>(effects.decision().replies());
      replies.addAll(said);
      List<OutboxDraft> pushes = effects.decision().pushes().stream().map(p -> draft(g, p)).toList();
      List<Supplier<Future<Void>>> writes = new ArrayList<>();
      replies.forEach(text -> writes.add(() -> tx.enqueue(m.channel(), m.chatId(), null, text, List.of(m.sender()), m.id())));
      writes.add(() -> tx.outbox().enqueue(pushes).mapEmpty());
      List<OrderLine> mine = book.state(group).linesOf(m.sender());
      String label = mine.isEmpty() ? "" : mine.get(0).label();
      if (!residents.unchanged(m.channel(), m.sender(), name, label)) {
        residents.wrote(m.channel(), m.sender(), name, label);
        writes.add(() -> tx.touchResident(m.channel(), m.sender(), name, label));
      }
      writes.add(() -> tx.markDone(m.id()));
      return PgGroupTransaction.sequence(writes).map(replies);
    });
  }

  /** Writes one outcome's order changes and questions through the transaction, in order. */
  static Future<Void> writeOrders(PgGroupTransaction tx, long cid, Outcome outcome) {
    List<Supplier<Future<Void>>> steps = new ArrayList<>();
    if (outcome.chain() != null) {
      steps.add(() -> tx.saveChain(cid, outcome.chain().id(), ChainStateJson.encode(outcome.chain())));
    }
    // a line's label as the outcome leaves it: one reading may relabel a resident's lines once for
    // each of their entries in a 接龙, and only the last label counts
    Map<String, String> relabelled = new LinkedHashMap<>();
    for (OrderChange c : outcome.changes()) {
      if (c instanceof OrderChange.Add add) {
        OrderLine l = add.line();
        steps.add(() -> tx.addLine(cid, new StoredLine(l.key(), l.origin().key(), l.customer(), l.label(), l.item(), l.qty(),
            l.note(), l.source())));
      } else if (c instanceof OrderChange.Update u) {
        steps.add(() -> tx.updateLine(cid, u.key(), u.qty(), u.note(), u.source()));
      } else if (c instanceof OrderChange.Cancel x) {
        relabelled.remove(x.key());
        steps.add(() -> tx.cancelLine(cid, x.key(), x.source()));
      } else if (c instanceof OrderChange.Relabel x) {
        relabelled.remove(x.key()); // re-entered last: the order of the labels' statements follows the reading
        relabelled.put(x.key(), x.label());
      }
    }
    // one statement a label, after the line changes: an update or an add leaves the label as it is
    Map<String, List<String>> byLabel = new LinkedHashMap<>();
    relabelled.forEach((key, label) -> byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(key));
    byLabel.forEach((label, keys) -> steps.add(() -> tx.relabelLines(cid, keys, label)));
    steps.add(() -> tx.closeQuestions(cid, outcome.closedOrigins().stream().map(Origin::key).toList()));
    for (Unresolved u : outcome.opened()) {
      steps.add(() -> tx.openQuestion(cid, u.origin().key(), u.customer(), u.source(), u.text(), u.reason().name(),
          u.reasonText(), u.candidates()));
    }
    return PgGroupTransaction.sequence(steps);
  }

  /** Takes the campaign steps one after another (each reads what the one before wrote); what they report. */
  private Future<List<String>> steps(PgGroupTransaction tx, GroupDirectory.Found seen, InMemoryOrderBook book,
      InboxMessage m, List<Transition> transitions) {
    Future<List<String>> done = Future.succeededFuture(new ArrayList<>());
    Lifecycle here = lifecycle.within(tx);
    for (Transition t : transitions) {
      done = done.compose(said -> step(tx, here, seen, book, m, t).map(text -> {
        text.ifPresent(said::add);
        return said;
      }));
    }
    return done;
  }

  private Future<Optional<String>> step(PgGroupTransaction tx, Lifecycle here, GroupDirectory.Found seen, InMemoryOrderBook book, InboxMessage m,
      Transition t) {
    ChatGroup g = seen.group();
    if (t instanceof Transition.CloseOrdering close) {
      return here.cutoffGroup(campaign(seen, close.campaignId()), g, book.lines(String.valueOf(g.id())))
          .map(Optional.empty());
    }
    if (t instanceof Transition.Arrive arrive) {
      return here.arrival(campaign(seen, arrive.campaignId()), g).map(Optional.empty());
    }
    if (t instanceof Transition.VerifyPickup verify) {
      return here.verify(verify.campaignId(), g.id(), verify.target(), verify.by())
          .map(result -> Optional.of(verified(result, verify.target())));
    }
    if (t instanceof Transition.SendCommission commission) {
      return here.requestCommissionReport(g, commission.lastMonth(), m.id()).map(Optional.empty());
    }
    // KeepForReview: the after-sales message waits in the leader's queue (待确认)
    Long campaign = seen.current().map(Campaign::id).orElse(null);
    return tx.recordAfterSales(campaign, m.sender(), m.msgId(), m.text().strip()).map(Optional.empty());
  }

  private static Campaign campaign(GroupDirectory.Found seen, long id) {
    return seen.openCampaign().filter(c -> c.id() == id).or(() -> seen.closedCampaign().filter(c -> c.id() == id))
        .orElseThrow(() -> new IllegalStateException("campaign " + id + " is not the group's"));
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

  private static OutboxDraft draft(ChatGroup g, Push p) {
    return p.isPrivate() ? new OutboxDraft(g.channel(), null, p.person(), p.text(), p.mentions(), p.dedupKey())
        : OutboxDraft.toChat(g.channel(), g.chatId(), p.text(), p.mentions(), p.dedupKey());
  }
}
