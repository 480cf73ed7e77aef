package tuangou.bot.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tuangou.store.embedded.EmbeddedServers;
import tuangou.store.redis.RedisBreaker;

/** What /metrics says about faults: the Redis breaker and its skipped calls, embedded servers' restarts. Wiring only. */
final class FaultMeters {
  private FaultMeters() {}

  static void register(MeterRegistry registry, RedisBreaker breaker, EmbeddedServers embedded) {
    Gauge.builder("tuangou_redis_breaker_open", breaker, b -> b.state() == RedisBreaker.State.CLOSED ? 0 : 1)
        .description("1 while Redis calls on the message path are skipped (Redis slow or away), else 0")
        .register(registry);
    FunctionCounter.builder("tuangou_redis_calls_skipped", breaker, RedisBreaker::skipped)
        .description("Redis calls not made because the circuit breaker was open").register(registry);
    FunctionCounter.builder("tuangou_redis_calls_failed", breaker, RedisBreaker::failed)
        .description("Redis calls on the message path that failed or timed out").register(registry);
    FunctionCounter.builder("tuangou_redis_breaker_opened", breaker, RedisBreaker::opened)
        .description("times the Redis circuit breaker opened").register(registry);
    if (embedded == null) {
      return;
    }
    for (String kind : embedded.kinds()) {
      FunctionCounter.builder("tuangou_embedded_restarts", embedded, e -> e.restarts(kind)).tag("server", kind)
          .description("embedded servers restarted after they died").register(registry);
      FunctionCounter.builder("tuangou_embedded_restart_failures", embedded, e -> e.failedRestarts(kind))
          .tag("server", kind).description("failed attempts to restart an embedded server").register(registry);
      Gauge.builder("tuangou_embedded_up", embedded, e -> e.running(kind) ? 1 : 0).tag("server", kind)
          .description("1 while the embedded server runs").register(registry);
    }
  }
}
