package tuangou.bot.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Every setting of the service, validated. Built once at start by {@link ConfigLoader} and passed
 * through constructors; nothing reads settings deep inside the code.
 */
public record Config(Http http, Path dataDir, ZoneId timezone, Postgres postgres, Redis redis, Admin admin,
    Simulator simulator, Pipeline pipeline, Bridge bridge, WeCom wecom, Lifecycle lifecycle, Settlement settlement,
    Startup startup) {

  /** The HTTP listener. */
  public record Http(int port, int maxBodyBytes, HttpTimeouts timeouts) {}

  /**
   * {@code url} empty means the embedded server; {@code statementTimeoutMs} bounds every statement
   * (0: no bound).
   */
  public record Postgres(String url, int poolSize, int statementTimeoutMs) {
    public boolean embedded() {
      return url.isEmpty();
    }
  }

  /** {@code url} empty means the embedded server. */
  public record Redis(String url) {
    public boolean embedded() {
      return url.isEmpty();
    }
  }

  /** {@code token} empty means generate one under the data directory. */
  public record Admin(String token) {}

  /**
   * The simulator ({@code /sim}). {@code protectedByToken}: it takes the admin token, as it does
   * whenever a real channel or a real database is configured.
   */
  public record Simulator(boolean enabled, boolean protectedByToken) {}

  /**
   * HTTP time limits: a connection with nothing sent or received for {@code idleTimeoutSeconds} is
   * closed, and so is one whose request (headers and body) is not complete after
   * {@code requestTimeoutSeconds}.
   */
  public record HttpTimeouts(int idleTimeoutSeconds, int requestTimeoutSeconds) {}

  public record Pipeline(long answerTimeoutMs, long outboxPollMs) {}

  /**
   * Before the port opens, made-up chat is served through the whole message path in a scratch
   * database for at most {@code rehearsalSeconds} (0: none), so that the first residents meet
   * compiled code.
   */
  public record Startup(int rehearsalSeconds) {}

  /**
   * Commission accrues when a line is picked up ({@code pickup}) or at cutoff; settled every
   * {@code runEveryMs}; leaders get their report every evening at {@code eveningAt} (null: never).
   */
  public record Settlement(tuangou.settlement.AccrualPoint accrualPoint, long runEveryMs, java.time.LocalTime eveningAt) {}

  /**
   * The campaign schedule: quiet hours (local, may cross midnight; equal means none), the reminder
   * before cutoff for groups with fewer than {@code reminderBelowCustomers} residents ordering
   * (0 minutes: none), pickup reminders after arrival ({@code +2h} or {@code 19:00}).
   */
  public record Lifecycle(java.time.LocalTime quietStart, java.time.LocalTime quietEnd, int cutoffReminderMinutes,
      int reminderBelowCustomers, java.util.List<String> pickupReminders, long schedulerTickMs) {}

  /**
   * The WeCom app; its callback is on once corp id, token and AES key are set.
   *
   * @param agentId the app's AgentId; null when not set
   * @param apiBaseUrl empty for WeCom itself; else a proxy with the corp's trusted IP (or a test server)
   * @param msgaudit the optional 会话内容存档 reader of customer-group messages
   */
  public record WeCom(String corpId, Integer agentId, String secret, String token, String aesKey, int maxSkewSeconds,
      String apiBaseUrl, int robotPerMinute, int customerGroupPushesPerDay, MsgAudit msgaudit) {
    public boolean callbackEnabled() {
      return !corpId.isEmpty() && !token.isEmpty() && !aesKey.isEmpty();
    }

    /** Sending needs the app's secret and agent id besides the corp id. */
    public boolean sendingEnabled() {
      return !corpId.isEmpty() && !secret.isEmpty() && agentId != null;
    }

    public boolean msgauditEnabled() {
      return !msgaudit.libPath().isEmpty();
    }
  }

  /**
   * 会话内容存档: Tencent's native SDK ({@code libPath}: directory, then library file names), the PEM
   * private key file, the archive's own secret (empty: the app's) and an optional proxy for the SDK.
   */
  public record MsgAudit(String libPath, String privateKeyFile, String secret, String proxy, int pollMs) {}

  /** The WeChat bridge; off while {@code secret} is empty. */
  public record Bridge(String secret, String sendUrl, int maxSkewSeconds, int roomIntervalMs, int accountPerMinute,
      int jitterMs) {
    public boolean enabled() {
      return !secret.isEmpty();
    }
  }
}
