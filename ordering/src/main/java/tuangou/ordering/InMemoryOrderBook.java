package tuangou.ordering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tuangou.parser.chain.ChainState;

/**
 * Every group's chains, lines and open questions held in memory: the state of a replay, and a
 * reference the database-backed store is tested against.
 */
public final class InMemoryOrderBook {
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private long lastQuestion;

  /** The state of {@code group} for the interpreter. */
  public GroupState state(String group) {
    return groups.computeIfAbsent(group, g -> new Group());
  }

  /** Applies one message's outcome. */
  public void apply(String group, Outcome outcome) {
    Group g = groups.computeIfAbsent(group, k -> new Group());
    if (outcome.chain() != null) {
      g.chains.put(outcome.chain().id(), outcome.chain());
    }
    for (OrderChange change : outcome.changes()) {
      g.apply(change);
    }
    for (Origin closed : outcome.closedOrigins()) {
      g.close(closed);
    }
    for (Unresolved u : outcome.opened()) {
      g.ask(u, lastQuestion + 1).ifPresent(q -> lastQuestion = q.id());
    }
  }

  /** Notes that {@code msgId} was read in {@code group}, whatever it was: the next message's "directly above". */
  public void said(String group, String msgId) {
    groups.computeIfAbsent(group, k -> new Group()).previousMessage = msgId;
  }

  /** Closes one question, answered by a message whose outcome is applied with it. */
  public void answered(String group, long questionId, Outcome outcome) {
    apply(group, outcome);
    groups.get(group).close(questionId);
  }

  /** Seeds a group with state loaded from the store, before messages are applied to it. */
  public void load(String group, List<ChainState> chains, List<OrderLine> lines) {
    Group g = groups.computeIfAbsent(group, k -> new Group());
    chains.forEach(c -> g.chains.put(c.id(), c));
    lines.forEach(g::put);
  }

  public List<String> groups() {
    return List.copyOf(groups.keySet());
  }

  /** Active lines of a group in the order they were made. */
  public List<OrderLine> lines(String group) {
    Group g = groups.get(group);
    return g == null ? List.of() : List.copyOf(g.lines.values());
  }

  /** How many active lines the group has, without copying them. */
  public int lineCount(String group) {
    Group g = groups.get(group);
    return g == null ? 0 : g.lines.size();
  }

  public List<Unresolved> unresolved(String group) {
    return questions(group).stream().map(Question::mention).toList();
  }

  /** The group's open questions, oldest first. */
  public List<Question> questions(String group) {
    Group g = groups.get(group);
    return g == null ? List.of() : List.copyOf(g.questions.values());
  }

  private static final class Group implements GroupState {
    final Map<String, ChainState> chains = new LinkedHashMap<>();
    final Map<String, OrderLine> lines = new LinkedHashMap<>();
    final Map<String, Map<String, OrderLine>> byCustomer = new java.util.HashMap<>();
    final Map<Origin, Map<String, OrderLine>> byOrigin = new java.util.HashMap<>();
    /**
     * Open questions by id, oldest first, and by origin: a busy group keeps thousands open for the
     * leader, and each message that asks or answers one must not walk them all.
     */
    final Map<Long, Question> questions = new LinkedHashMap<>();
    final Map<Origin, List<Question>> questionsByOrigin = new java.util.HashMap<>();
    String previousMessage = "";

    @Override
    public String previousMessage() {
      return previousMessage;
    }

    @Override
    public List<ChainState> chains() {
      return List.copyOf(chains.values());
    }

    @Override
    public List<OrderLine> linesOf(String customer) {
      return List.copyOf(byCustomer.getOrDefault(customer, Map.of()).values());
    }

    @Override
    public List<OrderLine> lines() {
      return List.copyOf(lines.values());
    }

    @Override
    public List<OrderLine> linesOfOrigin(Origin origin) {
      return List.copyOf(byOrigin.getOrDefault(origin, Map.of()).values());
    }

    /** Opens a question about {@code u} as {@code id}, unless the same one is open. */
    java.util.Optional<Question> ask(Unresolved u, long id) {
      List<Question> same = questionsByOrigin.computeIfAbsent(u.origin(), o -> new ArrayList<>());
      if (same.stream().anyMatch(q -> q.mention().text().equals(u.text()))) {
        return java.util.Optional.empty();
      }
      Question q = new Question(id, u);
      same.add(q);
      questions.put(id, q);
      return java.util.Optional.of(q);
    }

    void close(Origin origin) {
      List<Question> closed = questionsByOrigin.remove(origin);
      if (closed != null) {
        closed.forEach(q -> questions.remove(q.id()));
      }
    }

    void close(long questionId) {
      Question q = questions.remove(questionId);
      if (q != null) {
        List<Question> same = questionsByOrigin.get(q.mention().origin());
        same.remove(q);
        if (same.isEmpty()) {
          questionsByOrigin.remove(q.mention().origin());
        }
      }
    }

    private void put(OrderLine line) {
      lines.put(line.key(), line);
      byCustomer.computeIfAbsent(line.customer(), k -> new LinkedHashMap<>()).put(line.key(), line);
      byOrigin.computeIfAbsent(line.origin(), k -> new LinkedHashMap<>()).put(line.key(), line);
    }

    private void remove(OrderLine line) {
      lines.remove(line.key());
      byCustomer.get(line.customer()).remove(line.key());
      byOrigin.get(line.origin()).remove(line.key());
    }

    void apply(OrderChange change) {
      if (change instanceof OrderChange.Add add) {
        if (lines.containsKey(add.key())) {
          throw new IllegalStateException("order line " + add.key() + " added twice");
        }
        put(add.line());
      } else if (change instanceof OrderChange.Update update) {
        OrderLine line = existing(update.key());
        put(line.withQty(update.qty(), update.note(), update.source()));
      } else if (change instanceof OrderChange.Cancel cancel) {
        remove(existing(cancel.key()));
      } else if (change instanceof OrderChange.Relabel relabel) {
        put(existing(relabel.key()).withLabel(relabel.label()));
      }
    }

    private OrderLine existing(String key) {
      OrderLine line = lines.get(key);
      if (line == null) {
        throw new IllegalStateException("no active order line " + key);
      }
      return line;
    }
  }
}
