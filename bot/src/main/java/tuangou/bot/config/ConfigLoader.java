package tuangou.bot.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code conf/tuangou.yaml} (or the defaults bundled in the jar), applies the
 * {@code TUANGOU_*} environment variables, and validates every value.
 */
public final class ConfigLoader {
  private static final String BUNDLED = "/tuangou.yaml";
  /** Long enough for the compilers to settle on a slow machine; a rehearsal ends sooner once they have. */
  private static final int DEFAULT_REHEARSAL_SECONDS = 20;

  private ConfigLoader() {}

  /** The settings: {@code file} if it exists, else the bundled defaults, then {@code env}. */
  public static Config load(Path file, Map<String, String> env) {
    Map<String, Object> yaml = Files.isRegularFile(file) ? read(file) : bundled();
    Settings s = new Settings(yaml, env);
    Config.Http http = new Config.Http(
        s.integer("http.port", "TUANGOU_HTTP_PORT", 0, 65535),
        s.integer("http.maxBodyBytes", null, 1024, 64 * 1024 * 1024),
        new Config.HttpTimeouts(s.integer("http.idleTimeoutSeconds", "TUANGOU_HTTP_IDLE_TIMEOUT_SECONDS", 1, 3600),
            s.integer("http.requestTimeoutSeconds", "TUANGOU_HTTP_REQUEST_TIMEOUT_SECONDS", 1, 3600)));
    String pgUrl = s.string("postgres.url", "TUANGOU_PG_URL");
    if (!pgUrl.isEmpty() && !pgUrl.startsWith("postgresql://") && !pgUrl.startsWith("postgres://")) {
      throw new ConfigException("postgres.url (TUANGOU_PG_URL) must look like postgresql://user@host:port/db, got " + pgUrl);
    }
    String redisUrl = s.string("redis.url", "TUANGOU_REDIS_URL");
    if (!redisUrl.isEmpty() && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
      throw new ConfigException("redis.url (TUANGOU_REDIS_URL) must look like redis://host:port, got " + redisUrl);
    }
    String zone = s.string("timezone", "TUANGOU_TIMEZONE");
    ZoneId timezone;
    try {
      timezone = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new ConfigException("timezone (TUANGOU_TIMEZONE) is not a time zone: " + zone);
    }
    String dataDir = s.string("dataDir", "TUANGOU_DATA_DIR");
    if (dataDir.isBlank()) {
      throw new ConfigException("dataDir (TUANGOU_DATA_DIR) is empty");
    }
    Config.Bridge bridge = bridge(s);
    Config.WeCom wecom = wecom(s);
    return new Config(http, Path.of(dataDir), timezone,
        // two at least: a message needs one, but the scheduler reads while it holds its claimed jobs
        new Config.Postgres(pgUrl, s.integer("postgres.poolSize", null, 2, 200),
            s.integer("postgres.statementTimeoutMs", "TUANGOU_PG_STATEMENT_TIMEOUT_MS", 0, 3_600_000)),
        new Config.Redis(redisUrl),
        new Config.Admin(s.string("admin.token", "TUANGOU_ADMIN_TOKEN")),
        simulator(s, !pgUrl.isEmpty() || !redisUrl.isEmpty() || bridge.enabled() || wecom.callbackEnabled()
            || wecom.sendingEnabled() || wecom.msgauditEnabled()),
        new Config.Pipeline(s.integer("pipeline.answerTimeoutMs", null, 100, 600_000),
            s.integer("pipeline.outboxPollMs", null, 10, 60_000)),
        bridge, wecom, lifecycle(s), settlement(s), startup(s, pgUrl.isEmpty()));
  }

  /**
   * {@code auto} (or absent, as in a configuration file older than the setting): a rehearsal on the
   * embedded PostgreSQL only. On a server of the operator's own, making a scratch database is theirs to allow.
   */
  private static Config.Startup startup(Settings s, boolean embeddedPostgres) {
    String v = s.optional("startup.rehearsalSeconds", "TUANGOU_REHEARSAL_SECONDS");
    if (v.isEmpty() || v.equalsIgnoreCase("auto")) {
      return new Config.Startup(embeddedPostgres ? DEFAULT_REHEARSAL_SECONDS : 0);
    }
    return new Config.Startup(s.integer("startup.rehearsalSeconds", "TUANGOU_REHEARSAL_SECONDS", 0, 600));
  }

  /**
   * The simulator is for trying tuangou out: on by default ({@code auto}) only while nothing real is
   * configured. Once a real channel or database is, anyone reaching the port could post as any resident
   * and read private messages with it, so it is off unless enabled, and then takes the admin token.
   */
  private static Config.Simulator simulator(Settings s, boolean somethingReal) {
    String v = s.string("simulator.enabled", "TUANGOU_SIM_ENABLED").toLowerCase(java.util.Locale.ROOT);
    if (v.isEmpty() || v.equals("auto")) {
      return new Config.Simulator(!somethingReal, somethingReal);
    }
    return new Config.Simulator(s.bool("simulator.enabled", "TUANGOU_SIM_ENABLED", "auto, "), somethingReal);
  }

  private static Config.Settlement settlement(Settings s) {
    String point = s.string("settlement.accrualPoint", "TUANGOU_SETTLEMENT_ACCRUAL_POINT");
    if (!point.equals("pickup") && !point.equals("cutoff")) {
      throw new ConfigException("settlement.accrualPoint (TUANGOU_SETTLEMENT_ACCRUAL_POINT) is pickup or cutoff, got "
          + point);
    }
    String evening = s.string("settlement.eveningAt", null);
    return new Config.Settlement(tuangou.settlement.AccrualPoint.valueOf(point.toUpperCase(java.util.Locale.ROOT)),
        s.integer("settlement.runEveryMs", null, 1000, 86_400_000),
        evening.isEmpty() ? null : time(s, "settlement.eveningAt"));
  }

  private static Config.Lifecycle lifecycle(Settings s) {
    Object reminders = s.raw("lifecycle.pickupReminders", null);
    if (!(reminders instanceof java.util.List<?> list)) {
      throw new ConfigException("lifecycle.pickupReminders must be a list such as [\"+2h\", \"19:00\", \"09:00\"]");
    }
    java.util.List<String> specs = list.stream().map(String::valueOf).toList();
    for (String spec : specs) {
      if (!spec.matches("\\+\\d{1,3}[hm]|([01]\\d|2[0-3]):[0-5]\\d")) {
        throw new ConfigException("lifecycle.pickupReminders: " + spec + " is neither +2h / +30m nor a time such as 19:00");
      }
    }
    return new Config.Lifecycle(time(s, "lifecycle.quietStart", "TUANGOU_QUIET_START"),
        time(s, "lifecycle.quietEnd", "TUANGOU_QUIET_END"),
        s.integer("lifecycle.cutoffReminderMinutes", null, 0, 24 * 60),
        s.integer("lifecycle.reminderBelowCustomers", null, 1, 100_000), specs,
        s.integer("lifecycle.schedulerTickMs", null, 100, 600_000));
  }

  private static java.time.LocalTime time(Settings s, String key) {
    return time(s, key, null);
  }

  private static java.time.LocalTime time(Settings s, String key, String env) {
    String v = s.string(key, env);
    try {
      return java.time.LocalTime.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ConfigException(key + (env == null ? "" : " (" + env + ")") + " must be a time such as 22:00, got " + v);
    }
  }

  /** The app's AgentId, a number; null when not set. */
  private static Integer agentId(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (!text.matches("\\d{1,9}")) {
      throw new ConfigException("wecom.agentId (TUANGOU_WECOM_AGENT_ID) must be the app's numeric AgentId, got " + text);
    }
    return Integer.valueOf(text);
  }

  private static Config.WeCom wecom(Settings s) {
    Config.WeCom w = new Config.WeCom(
        s.string("wecom.corpId", "TUANGOU_WECOM_CORP_ID"),
        agentId(s.string("wecom.agentId", "TUANGOU_WECOM_AGENT_ID")),
        s.string("wecom.secret", "TUANGOU_WECOM_SECRET"),
        s.string("wecom.token", "TUANGOU_WECOM_TOKEN"),
        s.string("wecom.aesKey", "TUANGOU_WECOM_AES_KEY"),
        s.integer("wecom.maxSkewSeconds", "TUANGOU_WECOM_MAX_SKEW_SECONDS", 0, 86_400),
        s.string("wecom.apiBaseUrl", "TUANGOU_WECOM_API_BASE_URL"),
        s.integer("wecom.robotPerMinute", null, 1, 20),
        s.integer("wecom.customerGroupPushesPerDay", null, 1, 100),
        new Config.MsgAudit(s.string("wecom.msgaudit.libPath", "TUANGOU_WECOM_MSGAUDIT_LIB"),
            s.string("wecom.msgaudit.privateKeyFile", "TUANGOU_WECOM_MSGAUDIT_KEY_FILE"),
            s.string("wecom.msgaudit.secret", "TUANGOU_WECOM_MSGAUDIT_SECRET"),
            s.string("wecom.msgaudit.proxy", "TUANGOU_WECOM_MSGAUDIT_PROXY"),
            s.integer("wecom.msgaudit.pollMs", null, 100, 600_000)));
    if (!w.apiBaseUrl().isEmpty() && !w.apiBaseUrl().matches("https?://[^\\s/]+(/[^\\s]*)?")) {
      throw new ConfigException("wecom.apiBaseUrl (TUANGOU_WECOM_API_BASE_URL) must be an http(s) URL, got "
          + w.apiBaseUrl());
    }
    Config.MsgAudit audit = w.msgaudit();
    if (audit.libPath().isEmpty() != audit.privateKeyFile().isEmpty()) {
      throw new ConfigException("wecom.msgaudit needs both libPath (TUANGOU_WECOM_MSGAUDIT_LIB) and privateKeyFile "
          + "(TUANGOU_WECOM_MSGAUDIT_KEY_FILE), or neither");
    }
    if (w.msgauditEnabled() && !w.sendingEnabled()) {
      throw new ConfigException("wecom.msgaudit needs the app's corpId, agentId and secret as well");
    }
    if (w.msgauditEnabled() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(audit.privateKeyFile()))) {
      throw new ConfigException("wecom.msgaudit.privateKeyFile (TUANGOU_WECOM_MSGAUDIT_KEY_FILE): cannot read "
          + audit.privateKeyFile());
    }
    if (!w.aesKey().isEmpty() && w.aesKey().length() != 43) {
      throw new ConfigException("wecom.aesKey (TUANGOU_WECOM_AES_KEY) must be the 43-character EncodingAESKey");
    }
    return w;
  }

  private static Config.Bridge bridge(Settings s) {
    Config.Bridge b = new Config.Bridge(
        s.string("bridge.secret", "TUANGOU_BRIDGE_SECRET"),
        s.string("bridge.sendUrl", "TUANGOU_BRIDGE_SEND_URL"),
        s.integer("bridge.maxSkewSeconds", "TUANGOU_BRIDGE_MAX_SKEW_SECONDS", 0, 86_400),
        s.integer("bridge.roomIntervalMs", null, 0, 3_600_000),
        s.integer("bridge.accountPerMinute", null, 1, 10_000),
        s.integer("bridge.jitterMs", null, 0, 60_000));
    if (b.enabled() && b.secret().length() < 16) {
      throw new ConfigException("bridge.secret (TUANGOU_BRIDGE_SECRET) must be at least 16 characters");
    }
    if (!b.sendUrl().isEmpty() && !b.sendUrl().startsWith("http://") && !b.sendUrl().startsWith("https://")) {
      throw new ConfigException("bridge.sendUrl (TUANGOU_BRIDGE_SEND_URL) must be an http(s) URL, got " + b.sendUrl());
    }
    return b;
  }

  private static Map<String, Object> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Map<String, Object> bundled() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED)) {
      return parse(in, "bundled tuangou.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(InputStream in, String name) {
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(doc instanceof Map)) {
        throw new ConfigException(name + ": not a YAML mapping");
      }
      return (Map<String, Object>) doc;
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new ConfigException(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** Dotted-key look-up with environment overrides. */
  private record Settings(Map<String, Object> yaml, Map<String, String> env) {
    Object raw(String key, String envName) {
      if (envName != null && env.containsKey(envName)) {
        return env.get(envName);
      }
      Object node = yaml;
      for (String part : key.split("\\.")) {
        if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
          throw new ConfigException(key + " is missing from the configuration");
        }
        node = map.get(part);
      }
      return node;
    }

    /** As {@link #string}, but empty when the key is absent. */
    String optional(String key, String envName) {
      try {
        return string(key, envName);
      } catch (ConfigException missing) {
        return "";
      }
    }

    String name(String key, String envName) {
      return envName == null ? key : key + " (" + envName + ")";
    }

    String string(String key, String envName) {
      Object v = raw(key, envName);
      return v == null ? "" : String.valueOf(v).trim();
    }

    int integer(String key, String envName, int min, int max) {
      String v = string(key, envName);
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          throw new ConfigException(name(key, envName) + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new ConfigException(name(key, envName) + " must be a whole number, got \"" + v + "\"");
      }
    }

    boolean bool(String key, String envName) {
      return bool(key, envName, "");
    }

    /** @param also other words the setting takes, for the message ("auto, ") */
    boolean bool(String key, String envName, String also) {
      String v = string(key, envName).toLowerCase();
      return switch (v) {
        case "true", "yes", "on", "1" -> true;
        case "false", "no", "off", "0" -> false;
        default -> throw new ConfigException(name(key, envName) + " must be " + also + "true or false, got \"" + v + "\"");
      };
    }
  }
}
