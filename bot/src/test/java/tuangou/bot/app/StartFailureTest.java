package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tuangou.bot.config.Config;
import tuangou.bot.config.ConfigLoader;

class StartFailureTest {
  @TempDir Path dir;

  private Config config(Map<String, String> env) {
    java.util.HashMap<String, String> all = new java.util.HashMap<>(env);
    all.putIfAbsent("TUANGOU_DATA_DIR", dir.resolve("data").toString());
    return ConfigLoader.load(Path.of("none.yaml"), all);
  }

  @Test
  void aPortInUseIsFoundBeforeAnythingStarts() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      Config c = config(Map.of("TUANGOU_HTTP_PORT", String.valueOf(taken.getLocalPort())));
      assertThat(StartFailure.beforeStart(c)).hasValueSatisfying(line -> assertThat(line)
          .contains("port " + taken.getLocalPort() + " is already in use").contains("TUANGOU_HTTP_PORT"));
    }
    assertThat(StartFailure.beforeStart(config(Map.of("TUANGOU_HTTP_PORT", "0")))).isEmpty();
  }

  @Test
  void aDataDirectoryThatCannotBeMadeNamesItsSetting() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Config c = config(Map.of("TUANGOU_HTTP_PORT", "0", "TUANGOU_DATA_DIR", file.resolve("data").toString()));
    assertThat(StartFailure.beforeStart(c)).hasValueSatisfying(line -> assertThat(line).contains("TUANGOU_DATA_DIR"));
  }

  @Test
  void aFailureDuringStartIsOneLineThatNamesTheSetting() {
    Config embedded = config(Map.of());
    assertThat(StartFailure.explain(new IllegalStateException("listen failed", new BindException("Address in use")),
        embedded)).contains("TUANGOU_HTTP_PORT");
    assertThat(StartFailure.explain(new IllegalStateException("could not lock " + dir + "/pg/epg-lock"), embedded))
        .contains("in use by another tuangou").contains("TUANGOU_DATA_DIR");

    Config remote = config(Map.of("TUANGOU_PG_URL", "postgresql://tuangou:s3cret@db.example:5432/tuangou"));
    String pg = StartFailure.explain(new RuntimeException("Unable to obtain connection from database "
        + "(jdbc:postgresql://db.example:5432/tuangou)\n----------\nSQL State : 08001\nError Code : 0",
        new ConnectException("Connection refused")), remote);
    assertThat(pg).doesNotContain("\n").doesNotContain("s3cret").contains("Connection refused")
        .contains("TUANGOU_PG_URL").contains("tuangou:***@db.example");

    Config redis = config(Map.of("TUANGOU_REDIS_URL", "redis://cache.example:6379"));
    assertThat(StartFailure.explain(new RuntimeException("wrapped", new RuntimeException(
        "org.redisson.client.RedisConnectionException: Unable to connect to Redis server: cache.example/6379")), redis))
        .doesNotContain("\n").contains("TUANGOU_REDIS_URL");
    assertThat(StartFailure.explain(new NoClassDefFoundError("org/apache/commons/logging/LogFactory"), embedded))
        .contains("jar is incomplete").contains("LogFactory");
  }
}
