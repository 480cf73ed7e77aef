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
 * A resident's answer to the bot's last question to them: a deal number ({@code 2}), numbered as
 * in the deal list, or the name of one of the items offered ({@code 草莓}). The mention is ordered
 * with the amount it was first written with.
 *
 * @param question the question it settles
 * @param outcome the line it adds, applied like any other order change
 * @param reply what the resident is told
 */
public record QuestionAnswer(Question question, Outcome outcome, String reply) {
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,3}$");
  /** Longer than any answer's shape below, with room for spaces and punctuation around it. */
  private static final int MAX_ANSWER_CHARS = 40;
  /** A short text without amounts: the only other shape an answer has (a name, 要草莓的). */
  private static final Pattern SHORT_NAME = Pattern.compile("^[^\\d一二两三四五六七八九十半俩仨]{1,12}$");

  /** Whether {@code msg} has the shape of an answer: a bare number, or a short name with no amount. */
  public static boolean mayAnswer(InboundMessage msg) {
    if (msg.text().length() > MAX_ANSWER_CHARS) {
      return false; // most messages, a chain above all, are not worth normalizing to find out
    }
    String t = TextNormalizer.normalize(msg.text()).trim();
    return NUMBER.matcher(t).matches() || SHORT_NAME.matcher(t).matches();
  }

  /** The answer {@code msg} gives, if it is a number and its sender has an open question. */
  public static Optional<QuestionAnswer> of(InboundMessage msg, List<Question> open, List<CatalogItem> items,
      GroupState state, Replies replies) {
    if (!mayAnswer(msg)) {
      return Optional.empty();
    }
    String said = TextNormalizer.normalize(msg.text()).trim();
    Question latest = null;
    for (Question q : open) {
      if (q.mention().customer().equals(msg.sender())) {
        latest = q;
      }
    }
    if (latest == null) {
      return Optional.empty();
    }
    Optional<CatalogItem> chosen = NUMBER.matcher(said).matches()
        ? byNumber(latest.mention(), Integer.parseInt(said), items) : byName(latest.mention(), said, items);
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

  /** The deal numbered {@code n}: one of those offered when the bot offered some. */
  private static Optional<CatalogItem> byNumber(Unresolved asked, int n, List<CatalogItem> items) {
    if (asked.reason() == Reason.AMBIGUOUS) {
      return items.stream().filter(i -> i.no() == n && asked.candidates().contains(i.id())).findFirst();
    }
    if (asked.reason() == Reason.UNKNOWN) {
      return items.stream().filter(i -> i.no() == n).findFirst();
    }
    return Optional.empty();
  }

  /** The one offered item whose name or alias the answer contains ({@code 草莓}, {@code 要丹东的}). */
  private static Optional<CatalogItem> byName(Unresolved asked, String said, List<CatalogItem> items) {
    if (asked.reason() != Reason.AMBIGUOUS) {
      return Optional.empty();
    }
    List<CatalogItem> named = items.stream().filter(i -> asked.candidates().contains(i.id()))
        .filter(i -> said.contains(i.name()) || i.aliases().stream().anyMatch(a -> a.length() >= 2 && said.contains(a))
            || (said.length() >= 2 && i.name().contains(stripped(said))))
        .toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  /** The answer without the words around a choice: 要丹东的吧 → 丹东. */
  private static String stripped(String said) {
    String s = said.replaceAll("[，。！？!?,.~\\s]", "").replaceAll("^(要|我要|就要|来|选)", "")
        .replaceAll("(的|吧|呀|啊|哈|哦|那个|这个)+$", "");
    return s.isEmpty() ? said : s;
  }

  /** The amount the unresolved mention was written with, in the chosen item's unit; one if none fits. */
  private static BigDecimal quantity(String asked, CatalogItem item) {
    List<ItemMention> mentions = EntryParser.parse(TextNormalizer.normalize(asked)).mentions();
    Quantity q = mentions.isEmpty() || mentions.get(0).quantity() == null ? Quantity.ONE : mentions.get(0).quantity();
    return Units.convert(q, item.unit()).filter(v -> v.signum() > 0).orElse(BigDecimal.ONE);
  }
}
