package tuangou.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Keeps Redis off the critical path of a message. Every call it guards waits at most
 * {@code callTimeoutMs}; after {@code tripAfter} failures in a row the breaker opens and calls fail
 * at once, without touching Redis, for {@code openMs}; then one call tries Redis again (half-open)
 * and its answer closes or reopens the breaker. Callers treat a failed call as "Redis has no
 * answer" and go on without it: what Redis holds may be lost.
 */
public final class RedisBreaker {
  private static final Logger LOG = Logger.getLogger(RedisBreaker.class.getName());

  /** CLOSED: calls go to Redis; OPEN: calls are skipped; HALF_OPEN: one trial call is under way. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  /** A call skipped because the breaker is open; no stack trace, it is expected while Redis is away. */
  public static final class Skipped extends RuntimeException {
    Skipped() {
      super("Redis skipped: the circuit breaker is open", null, false, false);
    }
  }

  private final Vertx vertx;
  private final long callTimeoutMs;
  private final int tripAfter;
  private final long openMs;
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final AtomicLong openUntil = new AtomicLong();
  private volatile State state = State.CLOSED;
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong opened = new AtomicLong();

  public RedisBreaker(Vertx vertx, long callTimeoutMs, int tripAfter, long openMs) {
    this.vertx = vertx;
    this.callTimeoutMs = callTimeoutMs;
    this.tripAfter = tripAfter;
    this.openMs = openMs;
  }

  /** The service's: 250 ms a call, open after 3 failures in a row, retried after 5 s. */
  public static RedisBreaker standard(Vertx vertx) {
    return new RedisBreaker(vertx, 250, 3, 5000);
  }

  /** Runs {@code call} unless the breaker is open; its failure, or its timeout, counts against Redis. */
  public <T> Future<T> call(Supplier<CompletionStage<T>> call) {
    if (!admit()) {
      skipped.incrementAndGet();
      return Future.failedFuture(new Skipped());
    }
    Future<T> f;
    try {
      f = Future.fromCompletionStage(call.get(), vertx.getOrCreateContext());
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.timeout(callTimeoutMs, TimeUnit.MILLISECONDS)
        .onSuccess(v -> succeeded())
        .onFailure(t -> failed(t));
  }

  private boolean admit() {
    State s = state;
    if (s == State.CLOSED) {
      return true;
    }
    if (s == State.OPEN && System.nanoTime() - openUntil.get() >= 0) {
      synchronized (this) {
        if (state == State.OPEN) {
          state = State.HALF_OPEN; // this call is the trial; others are skipped until it answers
          return true;
        }
      }
    }
    return false;
  }

  private void succeeded() {
    failuresInARow.set(0);
    if (state != State.CLOSED) {
      state = State.CLOSED;
      LOG.info("Redis answers again: the circuit breaker is closed");
    }
  }

  private void failed(Throwable t) {
    failed.incrementAndGet();
    int n = failuresInARow.incrementAndGet();
    synchronized (this) {
      if (state == State.HALF_OPEN || (state == State.CLOSED && n >= tripAfter)) {
        if (state == State.CLOSED) {
          LOG.warning("Redis is not answering (" + t.getClass().getSimpleName() + "); the circuit breaker opens: "
              + "Redis calls are skipped for " + openMs + " ms at a time, messages go on without it");
        }
        openUntil.set(System.nanoTime() + openMs * 1_000_000L);
        state = State.OPEN;
        opened.incrementAndGet();
      }
    }
  }

  public State state() {
    return state;
  }

  /** Calls not made because the breaker was open. */
  public long skipped() {
    return skipped.get();
  }

  /** Calls that failed or timed out. */
  public long failed() {
    return failed.get();
  }

  /** Times the breaker opened (the first and every failed trial). */
  public long opened() {
    return opened.get();
  }
}
