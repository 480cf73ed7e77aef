package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tuangou.bot.conversation.Messages;
import tuangou.bot.conversation.Replies;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.OrderChange;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Outcome;
import tuangou.parser.CatalogItem;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.entry.ItemMention;
import tuangou.parser.quantity.Quantity;
import tuangou.parser.quantity.Units;
import tuangou.parser.text.TextNormalizer;
import tuangou.store.StoredLine;
import tuangou.store.pg.PgGroupTransaction;

/**
 * A resident's bare number ({@code 2}) answering the bot's last question to them: the number picks
 * one of the offered items (ambiguous) or a deal number (unknown product), and the mention is
 * ordered with the amount it was written with.
 */
final class Answer {
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,3}$");

  private final InboundMessage msg;
  private final PgGroupTransaction.OpenQuestion question;
  private final CatalogItem item;

  private Answer(InboundMessage msg, PgGroupTransaction.OpenQuestion question, CatalogItem item) {
    this.msg = msg;
    this.question = question;
    this.item = item;
  }

  /** Whether {@code msg} is a bare number, the only shape an answer has. */
  static boolean mayAnswer(InboundMessage msg) {
    return NUMBER.matcher(TextNormalizer.normalize(msg.text()).trim()).matches();
  }

  /** The answer {@code msg} gives, if it is a number and its sender has an open question. */
  static Optional<Answer> of(InboundMessage msg, List<PgGroupTransaction.OpenQuestion> questions, List<CatalogItem> items) {
    String text = TextNormalizer.normalize(msg.text()).trim();
    if (!NUMBER.matcher(text).matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(text);
    PgGroupTransaction.OpenQuestion latest = null;
    for (PgGroupTransaction.OpenQuestion q : questions) {
      if (q.customer().equals(msg.sender())) {
        latest = q;
      }
    }
    if (latest == null) {
      return Optional.empty();
    }
    CatalogItem chosen = null;
    if (latest.reason().startsWith("ambiguous") && n >= 1 && n <= latest.choices().size()) {
      String id = latest.choices().get(n - 1);
      chosen = items.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    } else if (latest.reason().equals("unknown")) {
      chosen = items.stream().filter(i -> i.no() == n).findFirst().orElse(null);
    }
    return chosen == null ? Optional.empty() : Optional.of(new Answer(msg, latest, chosen));
  }

  Future<List<String>> apply(PgGroupTransaction tx, long campaignId, InMemoryOrderBook book, Replies replies) {
    BigDecimal qty = quantity();
    List<OrderLine> mine = book.state(msg.group()).linesOf(msg.sender());
    String label = mine.isEmpty() ? msg.senderName() : mine.get(0).label();
    StoredLine line = new StoredLine(question.origin() + "#" + msg.msgId() + "#0", question.origin(), msg.sender(),
        label, item.id(), qty, "", msg.msgId());
    OrderLine added = new OrderLine(line.key(), line.origin(), msg.group(), line.customer(), line.label(),
        line.productId(), line.qty(), line.note(), line.sourceMsg());
    return tx.addLine(campaignId, line)
        .compose(v -> tx.closeQuestion(question.id()))
        .onSuccess(v -> book.apply(msg.group(), new Outcome(null, List.of(new OrderChange.Add(added)), null,
            List.of(), List.of())))
        .map(v -> List.of(Messages.text("question.resolved", msg.senderName(), replies.describe(item.id(), qty))));
  }

  /** The amount the unresolved mention was written with, in the chosen item's unit; one if none fits. */
  private BigDecimal quantity() {
    List<ItemMention> mentions = EntryParser.parse(TextNormalizer.normalize(question.text())).mentions();
    Quantity q = mentions.isEmpty() || mentions.get(0).quantity() == null ? Quantity.ONE : mentions.get(0).quantity();
    return Units.convert(q, item.unit()).filter(v -> v.signum() > 0).orElse(BigDecimal.ONE);
  }
}
