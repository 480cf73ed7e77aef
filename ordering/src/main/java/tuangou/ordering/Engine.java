package tuangou.ordering;

import java.util.List;
import java.util.Optional;
import tuangou.ordering.command.Decision;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Replies;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.order.UnresolvedMention.Reason;

/**
 * The ordering engine of one campaign: decides what a group message does, from the message and what
 * the group holds, and writes nothing. The service applies its decisions in the group's transaction;
 * replay applies them to an {@link InMemoryOrderBook}.
 *
 * <p>A message is read in this order, the first that fits deciding:
 * <ol>
 *   <li>a bare number from a resident with an open question answers it;
 *   <li>a chat command goes to its handler, and so does the leader's cutoff or arrival said in a
 *       sentence ({@code 已截单，明天到货});
 *   <li>a resident's after-sales request (damaged, missing, refund) goes to the leader, and changes
 *       no order, unless while ordering is open it reads as the cancellation it also is;
 *   <li>after cutoff, an order is refused with a note and changes nothing;
 *   <li>otherwise its order changes apply and the resident is told the result or asked what is unsure.
 * </ol>
 * What the parser reads as chatter, a question, a past-tense story or the leader's tally makes no
 * change (see {@link MessageInterpreter} for that precedence).
 */
public final class Engine {
  private final OrderInterpreter interpreter;
  private final List<CatalogItem> items;
  private final Replies replies;

  public Engine(OrderInterpreter interpreter, List<CatalogItem> items) {
    this.interpreter = interpreter;
    this.items = List.copyOf(items);
    this.replies = new Replies(items);
  }

  public Replies replies() {
    return replies;
  }

  /**
   * What {@code msg} does in a group with this campaign.
   *
   * @param open whether the campaign still takes orders in the group
   * @param questions the open questions asked of the sender (others' are never theirs to answer);
   *     only a short answer needs them (see
   *     {@link QuestionAnswer#mayAnswer}), and an order that restates one (see {@link #restated})
   */
  public Reading read(InboundMessage msg, GroupState state, Situation situation, List<Question> questions) {
    if (situation.open()) {
      Optional<QuestionAnswer> answer = QuestionAnswer.of(msg, questions, items, state, replies);
      if (answer.isPresent()) {
        QuestionAnswer a = answer.get();
        return new Reading.Decided(new Effects(a.outcome(), a.question(), Decision.reply(a.reply())));
      }
    }
    Outcome outcome = interpreter.process(msg, state);
    if (outcome.interpretation() instanceof Interpretation.CommandText c) {
      return new Reading.CommandGiven(c.command());
    }
    if (situation.leader() && outcome.interpretation() instanceof Interpretation.Chatter) {
      // the leader's "截单了哈 明天到货" closes ordering as 截单 does; a resident saying it changes nothing
      Optional<tuangou.parser.command.Command> said = tuangou.parser.command.CommandParser.announcement(msg.text());
      if (said.isPresent()) {
        return new Reading.CommandGiven(said.get());
      }
    }
    boolean wouldChange = !outcome.changes().isEmpty() || !outcome.opened().isEmpty();
    boolean chain = outcome.interpretation() instanceof Interpretation.ChainPost;
    boolean afterSalesIntent = outcome.interpretation() instanceof Interpretation.Chatter said
        && said.kind() == Interpretation.Chatter.Kind.AFTER_SALES;
    if (!situation.leader() && !chain
        && (afterSalesIntent || (!wouldChange || !situation.open()) && AfterSales.isRequest(msg.text()))) {
      // a complaint, not an order: while ordering is open, "香蕉不要了，退款" is the cancellation it
      // reads as, and a chain whose description says 售后找团长 is a chain
      return new Reading.Decided(Effects.of(AfterSales.route(situation.groupName(), situation.leaderUser(), msg)));
    }
    if (!situation.open()) {
      // after cutoff nothing changes the orders; the message stays in the inbox for the leader to see
      return new Reading.Decided(Effects.of(wouldChange
          ? Decision.reply(Messages.text("order.closed", msg.senderName())) : Decision.silent()));
    }
    List<String> said = replies.after(outcome, msg.sender(), msg.senderName(), state.linesOf(msg.sender()));
    Effects effects = new Effects(outcome, null, new Decision(said, List.of(), List.of()));
    return new Reading.Decided(restated(effects, msg, questions).map(effects::settling).orElse(effects));
  }

  /**
   * Whether {@code effects} may settle a question by restating the order: a resident's own free-text
   * order that adds lines. Only then are the open questions worth reading.
   */
  public static boolean mayRestate(Effects effects, InboundMessage msg) {
    return !restating(effects, msg).isEmpty();
  }

  /** The items a resident's own free-text order adds, as {@link #mayRestate} reads it; empty when it is not one. */
  private static List<String> restating(Effects effects, InboundMessage msg) {
    Outcome o = effects.orders();
    if (o == null || effects.answered() != null || o.interpretation() instanceof Interpretation.ChainPost) {
      return List.of();
    }
    return o.changes().stream()
        .filter(c -> c instanceof OrderChange.Add a && a.line().customer().equals(msg.sender()))
        .map(c -> ((OrderChange.Add) c).line().item()).toList();
  }

  /**
   * The sender's open question that this order answers by restating it in full ({@code 要草莓2盒}
   * after "蓝莓还是草莓？", or after "您要哪个？" asked of a bare {@code +1}): it adds one of the items
   * the question offered, or any item when it offered none. The order counts as written, and the
   * question is closed rather than left for the leader.
   */
  public static Optional<Question> restated(Effects effects, InboundMessage msg, List<Question> open) {
    List<String> added = open.isEmpty() ? List.of() : restating(effects, msg);
    if (added.isEmpty()) {
      return Optional.empty();
    }
    Question latest = null;
    for (Question q : open) {
      if (q.mention().customer().equals(msg.sender()) && restates(q.mention(), added)) {
        latest = q;
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * An order of one of the items offered answers "蓝莓还是草莓？" or "没找到，回复序号：1.… 2.…"; any
   * order answers "您要哪个？", asked of a bare {@code +1} that named nothing.
   */
  private static boolean restates(Unresolved asked, List<String> added) {
    boolean which = asked.reason() == Reason.AMBIGUOUS || asked.reason() == Reason.UNKNOWN;
    // "榴莲1个" (not sold) stays for the leader: a later order of something else does not answer it
    return which && (asked.candidates().isEmpty() ? asked.reason() == Reason.UNKNOWN && asked.namesNothing()
        : asked.candidates().stream().anyMatch(added::contains));
  }

  /**
   * What a message does in a group with no campaign: a command goes to its handler, an order is
   * told there is none, and an after-sales request still reaches the leader.
   */
  public static Reading withoutCampaign(MessageInterpreter messages, InboundMessage msg, Situation situation) {
    Interpretation in = messages.interpret(msg.text());
    if (in instanceof Interpretation.CommandText c) {
      return new Reading.CommandGiven(c.command());
    }
    boolean afterSales = in instanceof Interpretation.Chatter said && said.kind() == Interpretation.Chatter.Kind.AFTER_SALES
        || AfterSales.isRequest(msg.text());
    if (!situation.leader() && afterSales) {
      return new Reading.Decided(Effects.of(AfterSales.route(situation.groupName(), situation.leaderUser(), msg)));
    }
    if (in instanceof Interpretation.OrderText) {
      return new Reading.Decided(Effects.of(Decision.reply(Messages.text("order.no.campaign", msg.senderName()))));
    }
    return new Reading.Decided(Effects.of(Decision.silent()));
  }

  /**
   * Where a message is said: whether its sender leads the group, the group's name and leader, and
   * whether the campaign still takes orders there.
   */
  public record Situation(boolean leader, String groupName, String leaderUser, boolean open) {}
}
