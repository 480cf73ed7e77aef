package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a group transaction makes once, at its end, in one statement, rather than one statement a
 * message:
 * <ul>
 *   <li>the messages it processed, marked done by one statement;
 *   <li>its replies and pushes, queued in the outbox by one statement, in the order they were made
 *       (a draft whose dedup key was queued before is skipped then);
 *   <li>the residents it names, in key order. A resident writes in several groups, and one
 *       transaction may apply several groups' messages: two such transactions that each wrote a
 *       resident the other then wants would wait on each other forever. Written at the end, after
 *       every other row lock the transaction takes, and in one order, they can only wait in line.
 * </ul>
 * The three are parts of one statement, each run to its end; PostgreSQL runs them in an order of its
 * own, and none reads what another writes.
 */
final class DeferredWrites {
  private record Touch(String name, String label) {}

  private final Map<List<String>, Touch> touched = new TreeMap<>((a, b) -> {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  });

  private final List<Long> done = new ArrayList<>();

  private final List<PgOutbox.Queued> outgoing = new ArrayList<>();

  private final List<Future<?>> inFlight = new ArrayList<>();

  /**
   * A write already sent that nothing in the transaction waits for: the statements after it on the
   * connection run after it all the same, so it is awaited only before the commit, and its failure
   * fails the transaction then.
   */
  void inFlight(Future<?> write) {
    if (!write.succeeded()) {
      inFlight.add(write);
    }
  }

  /** Queues a reply or push for the outbox, after those queued before it. */
  void send(tuangou.store.OutboxDraft draft, Long inReplyTo) {
    outgoing.add(new PgOutbox.Queued(draft, inReplyTo));
  }

  /** Notes a message processed: it is marked done with the others when the transaction ends. */
  void done(long inboxId) {
    done.add(inboxId);
  }

  /** Notes the sender's latest display name, and the label their orders carry when one is known (empty keeps the stored one). */
  void touch(String channel, String userId, String displayName, String label) {
    List<String> key = List.of(channel, userId);
    Touch before = touched.get(key);
    String kept = label.isEmpty() && before != null ? before.label() : label;
    touched.put(key, new Touch(displayName, kept));
  }

  /** Completes once every write in flight has answered, whether it succeeded or not. */
  Future<Void> settled() {
    return Future.join(List.copyOf(inFlight)).<Void>mapEmpty().otherwiseEmpty();
  }

  /**
   * The failure of the first write in flight that failed, if any, once they have all answered: when
   * the transaction's work fails after it, this is the cause (later statements fail only because the
   * transaction is aborted).
   */
  Throwable failedInFlight() {
    return inFlight.stream().filter(Future::failed).findFirst().map(Future::cause).orElse(null);
  }

  /**
   * All of it in one statement (each part is a statement of its own within it, run to its end), once
   * the writes in flight are done.
   */
  Future<Void> write(SqlConnection conn) {
    List<Future<?>> sent = new ArrayList<>(inFlight);
    inFlight.clear();
    if (done.isEmpty() && touched.isEmpty() && outgoing.isEmpty()) {
      return Future.all(sent).mapEmpty();
    }
    List<Object> params = new ArrayList<>();
    params.add(done.toArray(Long[]::new));
    residents(params);
    params.addAll(List.of(PgOutbox.queued(outgoing)));
    done.clear();
    touched.clear();
    outgoing.clear();
    sent.add(conn.preparedQuery(WRITES).execute(Tuple.from(params)));
    return Future.all(sent).mapEmpty();
  }

  private static final String WRITES = "with done as (update inbox set state = 'done', processed_at = now(), "
      + "attempts = attempts + 1 where id = any($1)), "
      + "residents as (insert into resident (channel, user_id, display_name, label) select * from "
      + "unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(channel, user_id, display_name, label) "
      + "order by channel, user_id on conflict (channel, user_id) do update set display_name = excluded.display_name, "
      + "label = case when excluded.label = '' then resident.label else excluded.label end, updated_at = now()), "
      + "queued as (" + PgOutbox.queueing(6) + ") select 1";

  /** The residents' four parameters, in key order. */
  private void residents(List<Object> params) {
    List<String> channel = new ArrayList<>();
    List<String> user = new ArrayList<>();
    List<String> name = new ArrayList<>();
    List<String> label = new ArrayList<>();
    touched.forEach((key, t) -> {
      channel.add(key.get(0));
      user.add(key.get(1));
      name.add(t.name());
      label.add(t.label());
    });
    params.add(channel.toArray(String[]::new));
    params.add(user.toArray(String[]::new));
    params.add(name.toArray(String[]::new));
    params.add(label.toArray(String[]::new));
  }
}
