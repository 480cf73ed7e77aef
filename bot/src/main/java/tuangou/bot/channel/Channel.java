package tuangou.bot.channel;

import io.vertx.core.Future;
import java.util.List;
import tuangou.store.OutboxMessage;
import tuangou.store.pg.PgOutbox;

/**
 * A messaging platform as the outbox sees it: a name that outbox rows carry, a way to send one of
 * them, and the pace the platform tolerates. Inbound, each channel maps its own payloads to an
 * {@link Arrival} and hands it to the {@link Intake}.
 */
public interface Channel {
  /** The name stored with the channel's groups, inbox rows and outbox rows ({@code wecom}, {@code bridge}). */
  String name();

  /**
   * Sends one queued message. {@link PgOutbox.Sent#HELD} keeps it in the outbox for later (a rate of
   * the platform's own); a failure is retried by the outbox.
   */
  Future<PgOutbox.Sent> send(OutboxMessage message);

  /** The rates the outbox keeps before calling {@link #send}, so the account is not taken for a spammer. */
  default List<Pacing> pacing() {
    return List.of();
  }
}
