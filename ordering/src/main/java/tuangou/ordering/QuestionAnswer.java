package tuangou.ordering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Replies;
import tuangou.parser.CatalogItem;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.entry.ItemMention;
import tuangou.parser.order.UnresolvedMention.Reason;
import tuangou.parser.quantity.Quantity;
import tuangou.parser.quantity.Units;
import tuangou.parser.text.TextNormalizer;

/**
 * A resident's bare number ({@code 2}) answering the bot's last question to them: the number picks
 * one of the offered items (ambiguous) or a deal number (unknown product), and the mention is
 * ordered with the amount it was written with.
 *
 * @param question the question it settles
 * @param outcome the line it adds, applied like any other order change
 * @param reply what the resident is told
 */
public record QuestionAnswer(Question question, Outcome outcome, String reply) {
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,3}$");

  /** Whether {@code msg} is a bare number, the only shape an answer has. */
  public static boolean mayAnswer(InboundMessage msg) {
    return NUMBER.matcher(TextNormalizer.normalize(msg.text()).trim()).matches();
  }

  /** The answer {@code msg} gives, if it is a number and its sender has an open question. */
  public static Optional<QuestionAnswer> of(InboundMessage msg, List<Question> open, List<CatalogItem> items,
      GroupState state, Replies replies) {
    if (!mayAnswer(msg)) {
      return Optional.empty();
    }
    int n = Integer.parseInt(TextNormalizer.normalize(msg.text()).trim());
    Question latest = null;
    for (Question q : open) {
      if (q.mention().customer().equals(msg.sender())) {
        latest = q;
      }
    }
    if (latest == null) {
      return Optional.empty();
    }
    Optional<CatalogItem> chosen = chosen(latest.mention(), n, items);
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    CatalogItem item = chosen.get();
    Unresolved asked = latest.mention();
    BigDecimal qty = quantity(asked.text(), item);
    List<OrderLine> mine = state.linesOf(msg.sender());
    String label = mine.isEmpty() ? msg.senderName() : mine.get(0).label();
    OrderLine line = new OrderLine(asked.origin().lineKey(msg.msgId(), 0), asked.origin(), msg.group(), msg.sender(),
        label, item.id(), qty, "", msg.msgId());
    Outcome outcome = new Outcome(null, List.of(new OrderChange.Add(line)), null, List.of(), List.of());
    return Optional.of(new QuestionAnswer(latest, outcome,
        Messages.text("question.resolved", msg.senderName(), replies.describe(item.id(), qty))));
  }

  private static Optional<CatalogItem> chosen(Unresolved asked, int n, List<CatalogItem> items) {
    if (asked.reason() == Reason.AMBIGUOUS && n >= 1 && n <= asked.candidates().size()) {
      String id = asked.candidates().get(n - 1);
      return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
    if (asked.reason() == Reason.UNKNOWN) {
      return items.stream().filter(i -> i.no() == n).findFirst();
    }
    return Optional.empty();
  }

  /** The amount the unresolved mention was written with, in the chosen item's unit; one if none fits. */
  private static BigDecimal quantity(String asked, CatalogItem item) {
    List<ItemMention> mentions = EntryParser.parse(TextNormalizer.normalize(asked)).mentions();
    Quantity q = mentions.isEmpty() || mentions.get(0).quantity() == null ? Quantity.ONE : mentions.get(0).quantity();
    return Units.convert(q, item.unit()).filter(v -> v.signum() > 0).orElse(BigDecimal.ONE);
  }
}
