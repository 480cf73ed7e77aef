package tuangou.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker's rules on calls that answer, fail or never answer (Redis itself is exercised in the bot's OutageTest). */
class RedisBreakerTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aCallThatNeverAnswersFailsAfterTheCallTimeout() {
    RedisBreaker breaker = new RedisBreaker(vertx, 100, 3, 60_000);
    long t0 = System.nanoTime();
    Object t = breaker.<Object>call(CompletableFuture::new).otherwise(e -> e).await();
    assertThat(t).isInstanceOf(java.util.concurrent.TimeoutException.class);
    assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(90L, 2000L);
    assertThat(breaker.state()).isEqualTo(RedisBreaker.State.CLOSED);
  }

  @Test
  void threeFailuresInARowOpenItAndThenCallsAreSkippedWithoutBeingMade() {
    RedisBreaker breaker = new RedisBreaker(vertx, 100, 3, 60_000);
    AtomicInteger made = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      breaker.call(() -> {
        made.incrementAndGet();
        return CompletableFuture.failedFuture(new IllegalStateException("refused"));
      }).otherwise((Object) null).await();
    }
    assertThat(breaker.state()).isEqualTo(RedisBreaker.State.OPEN);
    long t0 = System.nanoTime();
    Object r = breaker.<Object>call(() -> {
      made.incrementAndGet();
      return CompletableFuture.completedFuture("x");
    }).otherwise(e -> e).await();
    assertThat(r).isInstanceOf(RedisBreaker.Skipped.class);
    assertThat(made).hasValue(3);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(50);
    assertThat(breaker.skipped()).isEqualTo(1);
    assertThat(breaker.failed()).isEqualTo(3);
    assertThat(breaker.opened()).isEqualTo(1);
  }

  @Test
  void afterThePauseOneTrialCallClosesItWhenRedisAnswers() {
    RedisBreaker breaker = new RedisBreaker(vertx, 100, 1, 200);
    breaker.call(() -> CompletableFuture.failedFuture(new IllegalStateException("down"))).otherwise((Object) null).await();
    assertThat(breaker.state()).isEqualTo(RedisBreaker.State.OPEN);
    await().atMost(Duration.ofSeconds(5)).until(() ->
        "ok".equals(breaker.<String>call(() -> CompletableFuture.completedFuture("ok")).otherwise("skipped").await()));
    assertThat(breaker.state()).isEqualTo(RedisBreaker.State.CLOSED);
  }

  @Test
  void aFailedTrialOpensItAgain() {
    RedisBreaker breaker = new RedisBreaker(vertx, 100, 1, 200);
    breaker.call(() -> CompletableFuture.failedFuture(new IllegalStateException("down"))).otherwise((Object) null).await();
    await().atMost(Duration.ofSeconds(5)).until(() -> breaker.<Object>call(
        () -> CompletableFuture.failedFuture(new IllegalStateException("still down"))).otherwise(e -> e).await()
        instanceof IllegalStateException);
    assertThat(breaker.state()).isEqualTo(RedisBreaker.State.OPEN);
    assertThat(breaker.opened()).isEqualTo(2);
  }
}
