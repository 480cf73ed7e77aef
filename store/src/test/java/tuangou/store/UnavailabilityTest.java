package tuangou.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnavailabilityTest {

  private static PgException pg(String sqlState) {
    return new PgException("failure " + sqlState, "FATAL", sqlState, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"08006", "08001", "53300", "53100", "57P01", "57P02", "57P03", "57014", "58030", "40001", "40P01"})
  void sqlStatesOfADatabaseAwayStartingOrOverloadedAreUnavailability(String state) {
    assertThat(Unavailability.of(pg(state))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "23503", "22021", "22003", "54000", "42P01", "42703"})
  void sqlStatesOfABadRequestOrABugAreNot(String state) {
    assertThat(Unavailability.of(pg(state))).isFalse();
  }

  @Test
  void timeoutsClosedConnectionsAndRefusedConnectsAreUnavailabilityWhereverTheySitInTheChain() {
    assertThat(Unavailability.of(new TimeoutException("pool"))).isTrue();
    assertThat(Unavailability.of(new io.vertx.core.impl.NoStackTraceTimeoutException("Timeout"))).isTrue();
    assertThat(Unavailability.of(new RuntimeException("wrapped", new java.net.ConnectException("refused")))).isTrue();
    assertThat(Unavailability.of(io.vertx.sqlclient.ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(Unavailability.of(new VertxException("Connection is closed"))).isTrue();
    assertThat(Unavailability.of(new StoreUnavailableException("down", null))).isTrue();
    assertThat(Unavailability.of(new org.redisson.client.RedisTimeoutException("no answer"))).isTrue();
  }

  @Test
  void programmingErrorsAreNot() {
    assertThat(Unavailability.of(new NullPointerException())).isFalse();
    assertThat(Unavailability.of(new IllegalStateException("bug"))).isFalse();
    assertThat(Unavailability.of(new VertxException("something else"))).isFalse();
    assertThat(Unavailability.of(null)).isFalse();
  }
}
