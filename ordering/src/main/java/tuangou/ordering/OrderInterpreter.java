package tuangou.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tuangou.parser.CatalogItem;
import tuangou.parser.chain.ChainDiff;
import tuangou.parser.chain.ChainDiffer;
import tuangou.parser.chain.ChainSnapshot;
import tuangou.parser.chain.ChainState;
import tuangou.parser.chain.TrackedEntry;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.entry.ParsedEntry;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.order.MentionResolver;
import tuangou.parser.order.Resolution;
import tuangou.parser.order.ResolvedLine;
import tuangou.parser.order.UnresolvedMention;

/**
 * Reads one message against a group's state and a campaign's items and says what it changes.
 * Pure: no I/O, so replay and the service run exactly this code. Thread-safe.
 */
public final class OrderInterpreter {
  private final MessageInterpreter messages;
  private final MentionResolver resolver;

  public OrderInterpreter(MessageInterpreter messages, MentionResolver resolver) {
    this.messages = messages;
    this.resolver = resolver;
  }

  public Outcome process(InboundMessage msg, GroupState state) {
    Interpretation in = messages.interpret(msg.text(), resolver.index().lexicon());
    if (in instanceof Interpretation.ChainPost post) {
      return chain(msg, in, post.snapshot(), state);
    }
    if (in instanceof Interpretation.OrderText order) {
      return new FreeText(msg, state, resolver).apply(in, order);
    }
    return Outcome.nothing(in);
  }

  private Outcome chain(InboundMessage msg, Interpretation in, ChainSnapshot snapshot, GroupState state) {
    ChainState current = ChainSelector.select(snapshot, state.chains())
        .orElseGet(() -> ChainState.empty("c-" + msg.msgId(), snapshot));
    List<String> authors = msg.entryAuthors() != null && msg.entryAuthors().size() == snapshot.entries().size()
        ? msg.entryAuthors() : null;
    ChainDiff diff = ChainDiffer.diff(current, snapshot.entries(), msg.sender(), authors);
    if (diff.isEmpty()) {
      return new Outcome(in, List.of(), diff.next(), List.of(), List.of());
    }
    Optional<CatalogItem> product = oneProduct(current);
    List<OrderChange> changes = new ArrayList<>();
    List<Unresolved> opened = new ArrayList<>();
    List<Origin> closed = new ArrayList<>();
    Labels labels = new Labels(msg, state, changes);
    for (TrackedEntry e : diff.added()) {
      Origin origin = origin(current, e);
      Resolution r = sameAsEntryAbove(e, diff.next(), product).orElseGet(() -> resolve(e.text(), product));
      String label = labels.of(r, e.author());
      List<OrderLine> lines = Resolutions.lines(origin, msg, e.author(), label, r.lines());
      lines.forEach(l -> changes.add(new OrderChange.Add(l)));
      Resolutions.open(opened, origin, msg, e.author(), r);
    }
    for (ChainDiff.Change c : diff.changed()) {
      Origin origin = origin(current, c.after());
      closed.add(origin);
      Resolution r = resolve(c.after().text(), product);
      String label = labels.of(r, c.after().author());
      changes.addAll(reconcile(state.linesOfOrigin(origin), r.lines(), origin, msg, c.after().author(), label));
      Resolutions.open(opened, origin, msg, c.after().author(), r);
    }
    for (TrackedEntry e : diff.removed()) {
      Origin origin = origin(current, e);
      closed.add(origin);
      state.linesOfOrigin(origin).forEach(l -> changes.add(new OrderChange.Cancel(l.key(), msg.msgId())));
    }
    for (ChainDiff.Change c : diff.conflicts()) {
      opened.add(new Unresolved(new Origin.Conflict(origin(current, c.before()), msg.sender()), msg.group(), msg.sender(),
          msg.msgId(), c.after().text(), tuangou.parser.order.UnresolvedMention.Reason.CONFLICT, "conflict: edits " + c.before().author() + "'s entry", List.of()));
    }
    return new Outcome(in, changes, diff.next(), opened, closed);
  }

  private Optional<CatalogItem> oneProduct(ChainState chain) {
    List<CatalogItem> named = resolver.index().findAll(chain.preamble());
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  private Resolution resolve(String entryText, Optional<CatalogItem> product) {
    ParsedEntry parsed = EntryParser.parse(entryText, resolver.index().lexicon());
    return resolver.resolve(parsed, product);
  }

  /** "2. 6-603 老李 同上": an entry that orders nothing but says 同上 orders what the entry above it does. */
  private Optional<Resolution> sameAsEntryAbove(TrackedEntry e, ChainState chain, Optional<CatalogItem> product) {
    if (!SAME_AS_ABOVE.matcher(e.text()).find()) {
      return Optional.empty();
    }
    String rest = SAME_AS_ABOVE.matcher(e.text()).replaceAll(" ").trim();
    Resolution own = resolve(rest, product);
    int at = chain.entries().indexOf(e);
    if (!own.lines().isEmpty() || at <= 0) {
      return Optional.empty();
    }
    Resolution above = resolve(chain.entries().get(at - 1).text(), product);
    if (above.lines().isEmpty()) {
      return Optional.empty();
    }
    List<ResolvedLine> copied = above.lines().stream()
        .map(l -> new ResolvedLine(l.item(), l.qty(), l.note(), e.text(), l.explicitQuantity())).toList();
    return Optional.of(new Resolution(rest, copied, List.of())); // what is left names no item: the label
  }

  private static final java.util.regex.Pattern SAME_AS_ABOVE =
      java.util.regex.Pattern.compile("同上|同楼上|(跟|和|同)(上面|楼上|上边)一样(的)?");

  private static Origin.ChainEntry origin(ChainState chain, TrackedEntry e) {
    return new Origin.ChainEntry(chain.id(), e.seq());
  }

  /**
   * Labels of the entries one chain post adds or changes, by {@link Identity}: an author's own
   * entries share their best label, including those the post itself adds.
   */
  private static final class Labels {
    private final InboundMessage msg;
    private final GroupState state;
    private final List<OrderChange> changes;

    Labels(InboundMessage msg, GroupState state, List<OrderChange> changes) {
      this.msg = msg;
      this.state = state;
      this.changes = changes;
    }

    String of(Resolution r, String author) {
      // WeChat's own 接龙 names other authors by id only: their chat names are not known here
      String chatName = author.equals(msg.sender()) ? msg.senderName() : "";
      String written = !r.label().isEmpty() ? r.label() : chatName.isEmpty() ? author : chatName;
      List<OrderLine> mine = linesOf(author);
      if (!written.isEmpty() && !Identity.isOwn(written, chatName, mine)) {
        return written;
      }
      String own = Identity.ownLabel(written, chatName, mine);
      changes.addAll(Identity.relabel(own, chatName, mine));
      return own;
    }

    /** The author's lines as this post has left them so far. */
    private List<OrderLine> linesOf(String author) {
      java.util.Map<String, OrderLine> lines = new java.util.LinkedHashMap<>();
      state.linesOf(author).forEach(l -> lines.put(l.key(), l));
      for (OrderChange c : changes) {
        if (c instanceof OrderChange.Add add && add.line().customer().equals(author)) {
          lines.put(add.key(), add.line());
        } else if (c instanceof OrderChange.Relabel x && lines.containsKey(x.key())) {
          lines.put(x.key(), lines.get(x.key()).withLabel(x.label()));
        } else if (c instanceof OrderChange.Cancel x) {
          lines.remove(x.key());
        }
      }
      return List.copyOf(lines.values());
    }
  }

  /** An edited entry: lines of the same item are updated in place, the rest cancelled or added. */
  private static List<OrderChange> reconcile(List<OrderLine> old, List<ResolvedLine> fresh, Origin origin,
      InboundMessage msg, String customer, String label) {
    List<OrderChange> changes = new ArrayList<>();
    List<OrderLine> unused = new ArrayList<>(old);
    List<ResolvedLine> added = new ArrayList<>();
    for (ResolvedLine r : fresh) {
      OrderLine same = unused.stream().filter(l -> l.item().equals(r.item().id())).findFirst().orElse(null);
      if (same == null) {
        added.add(r);
        continue;
      }
      unused.remove(same);
      if (same.qty().compareTo(r.qty()) != 0 || !same.note().equals(r.note())) {
        changes.add(new OrderChange.Update(same.key(), r.qty(), r.note(), msg.msgId()));
      }
    }
    unused.forEach(l -> changes.add(new OrderChange.Cancel(l.key(), msg.msgId())));
    Resolutions.lines(origin, msg, customer, label, added).forEach(l -> changes.add(new OrderChange.Add(l)));
    return changes;
  }



}
