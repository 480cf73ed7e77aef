package tuangou.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsNeedNoServers() {
    Config c = ConfigLoader.load(Path.of("conf/none.yaml"), Map.of());
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.postgres().embedded()).isTrue();
    assertThat(c.redis().embedded()).isTrue();
    assertThat(c.simulator().enabled()).isTrue();
    assertThat(c.timezone().getId()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void environmentOverridesTheFile() {
    Config c = ConfigLoader.load(Path.of("conf/none.yaml"), Map.of("TUANGOU_HTTP_PORT", "9000",
        "TUANGOU_PG_URL", "postgresql://postgres@127.0.0.1:5432/test", "TUANGOU_SIM_ENABLED", "false"));
    assertThat(c.http().port()).isEqualTo(9000);
    assertThat(c.postgres().embedded()).isFalse();
    assertThat(c.simulator().enabled()).isFalse();
  }

  @Test
  void theSimulatorIsOpenOnlyOnTheTrialAndTakesTheTokenOnceSomethingRealIsConfigured() {
    Config trial = ConfigLoader.load(Path.of("conf/none.yaml"), Map.of());
    assertThat(trial.simulator()).isEqualTo(new Config.Simulator(true, false));
    for (Map<String, String> real : java.util.List.of(
        Map.of("TUANGOU_PG_URL", "postgresql://postgres@127.0.0.1:5432/test"),
        Map.of("TUANGOU_REDIS_URL", "redis://127.0.0.1:6379"),
        Map.of("TUANGOU_BRIDGE_SECRET", "0123456789abcdef"),
        Map.of("TUANGOU_WECOM_CORP_ID", "ww1", "TUANGOU_WECOM_TOKEN", "t",
            "TUANGOU_WECOM_AES_KEY", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"))) {
      assertThat(ConfigLoader.load(Path.of("x"), real).simulator()).as("%s", real.keySet())
          .isEqualTo(new Config.Simulator(false, true));
      java.util.Map<String, String> enabled = new java.util.HashMap<>(real);
      enabled.put("TUANGOU_SIM_ENABLED", "true");
      assertThat(ConfigLoader.load(Path.of("x"), enabled).simulator()).isEqualTo(new Config.Simulator(true, true));
    }
    assertThat(ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_SIM_ENABLED", "false")).simulator().enabled()).isFalse();
  }

  @Test
  void httpTimeoutsHaveDefaults() {
    Config c = ConfigLoader.load(Path.of("conf/none.yaml"), Map.of("TUANGOU_HTTP_REQUEST_TIMEOUT_SECONDS", "5"));
    assertThat(c.http().timeouts()).isEqualTo(new Config.HttpTimeouts(60, 5));
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_HTTP_IDLE_TIMEOUT_SECONDS", "0")))
        .hasMessageContaining("http.idleTimeoutSeconds (TUANGOU_HTTP_IDLE_TIMEOUT_SECONDS)");
  }

  @Test
  void quietHoursCanBeTurnedOffForATrialFromTheEnvironment() {
    Config shipped = ConfigLoader.load(Path.of("conf/none.yaml"), Map.of());
    assertThat(shipped.lifecycle().quietStart()).hasToString("22:00");
    Config trial = ConfigLoader.load(Path.of("conf/none.yaml"),
        Map.of("TUANGOU_QUIET_START", "00:00", "TUANGOU_QUIET_END", "00:00"));
    assertThat(trial.lifecycle().quietStart()).isEqualTo(trial.lifecycle().quietEnd());
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_QUIET_END", "7:30am")))
        .hasMessageContaining("lifecycle.quietEnd (TUANGOU_QUIET_END)");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_HTTP_PORT", "eighty")))
        .hasMessageContaining("http.port (TUANGOU_HTTP_PORT)");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_PG_URL", "mysql://x")))
        .hasMessageContaining("TUANGOU_PG_URL");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_TIMEZONE", "Mars/Base")))
        .hasMessageContaining("timezone");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_SIM_ENABLED", "maybe")))
        .hasMessageContaining("simulator.enabled");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_WECOM_AES_KEY", "short")))
        .hasMessageContaining("TUANGOU_WECOM_AES_KEY");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_WECOM_AGENT_ID", "app")))
        .hasMessageContaining("TUANGOU_WECOM_AGENT_ID");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_WECOM_AGENT_ID", "9999999999")))
        .as("too large for an AgentId").hasMessageContaining("TUANGOU_WECOM_AGENT_ID");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_BRIDGE_SECRET", "short")))
        .hasMessageContaining("TUANGOU_BRIDGE_SECRET");
  }

  @Test
  void weComSettingsAreCheckedTogether() {
    Map<String, String> app = Map.of("TUANGOU_WECOM_CORP_ID", "ww1", "TUANGOU_WECOM_AGENT_ID", "1000002",
        "TUANGOU_WECOM_SECRET", "s");
    Config c = ConfigLoader.load(Path.of("x"), app);
    assertThat(c.wecom().sendingEnabled()).isTrue();
    assertThat(c.wecom().msgauditEnabled()).isFalse();
    assertThat(c.wecom().customerGroupPushesPerDay()).isEqualTo(1);
    assertThat(c.wecom().robotPerMinute()).isEqualTo(20);
    java.util.Map<String, String> halfAudit = new java.util.HashMap<>(app);
    halfAudit.put("TUANGOU_WECOM_MSGAUDIT_LIB", "/opt/msgaudit/libWeWorkFinanceSdk_Java.so");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), halfAudit)).hasMessageContaining("privateKeyFile");
    halfAudit.put("TUANGOU_WECOM_MSGAUDIT_KEY_FILE", dir.resolve("missing.pem").toString());
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), halfAudit)).hasMessageContaining("cannot read");
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("x"), Map.of("TUANGOU_WECOM_API_BASE_URL", "qyapi")))
        .hasMessageContaining("TUANGOU_WECOM_API_BASE_URL");
  }

  @Test
  void fileIsReadAndBrokenYamlIsReported() throws Exception {
    Path ok = Files.writeString(dir.resolve("ok.yaml"), Files.readString(Path.of("../conf/tuangou.yaml"))
        .replace("port: 8080", "port: 8181"));
    assertThat(ConfigLoader.load(ok, Map.of()).http().port()).isEqualTo(8181);
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "http: [unclosed");
    assertThatThrownBy(() -> ConfigLoader.load(broken, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void statementTimeoutIsFiveSecondsUnlessSetAndZeroTurnsItOff() {
    assertThat(ConfigLoader.load(Path.of("conf/none.yaml"), Map.of()).postgres().statementTimeoutMs()).isEqualTo(5000);
    assertThat(ConfigLoader.load(Path.of("conf/none.yaml"), Map.of("TUANGOU_PG_STATEMENT_TIMEOUT_MS", "0"))
        .postgres().statementTimeoutMs()).isZero();
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("conf/none.yaml"), Map.of("TUANGOU_PG_STATEMENT_TIMEOUT_MS", "-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("postgres.statementTimeoutMs")
        .hasMessageContaining("TUANGOU_PG_STATEMENT_TIMEOUT_MS");
  }
}
