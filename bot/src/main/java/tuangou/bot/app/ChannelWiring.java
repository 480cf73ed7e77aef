package tuangou.bot.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import me.chanjar.weixin.cp.api.WxCpService;
import org.redisson.api.RedissonClient;
import tuangou.bot.channel.Arrival;
import tuangou.bot.channel.Channel;
import tuangou.bot.channel.Intake;
import tuangou.bot.channel.OutboxSender;
import tuangou.bot.channel.Pacing;
import tuangou.bot.channel.bridge.BridgeChannel;
import tuangou.bot.channel.bridge.BridgeSender;
import tuangou.bot.channel.sim.SimChannel;
import tuangou.bot.channel.wecom.WeComCallbackCrypto;
import tuangou.bot.channel.wecom.WeComChannel;
import tuangou.bot.channel.wecom.WeComDirect;
import tuangou.bot.channel.wecom.WeComSender;
import tuangou.bot.channel.wecom.msgaudit.MsgAuditReader;
import tuangou.bot.channel.wecom.msgaudit.MsgAuditSettings;
import tuangou.bot.config.Config;
import tuangou.bot.input.InvalidInput;
import tuangou.bot.pipeline.DirectMessages;
import tuangou.store.InboxMessage;
import tuangou.store.OutboxDraft;
import tuangou.store.pg.PgDirectInbox;
import tuangou.store.pg.PgMsgAuditCursor;
import tuangou.store.redis.RedisDedupWindow;
import tuangou.store.redis.RedisRateLimiter;

/**
 * The channels the configuration turns on: their senders registered with the outbox, their inbound
 * endpoints handing messages to the one {@link Intake}, and the handling of messages that belong to
 * no group (a leader's private commands to the WeCom app). Wiring only.
 */
final class ChannelWiring {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ChannelWiring.class.getName());
  final OutboxSender sender;
  final DirectMessages direct;
  /** A reply waits at most this long behind the drain before it; see {@link OutboxSender#pausingBetweenDrains}. */
  private static final long DRAIN_GAP_MS = 20;

  private final Vertx vertx;
  private final Config config;
  private final Clock clock;
  private final Engine engine;
  private final Intake intake;
  private final RedisDedupWindow seen;
  private final WxCpService wx;

  ChannelWiring(Vertx vertx, Config config, Clock clock, Engine engine, Pool pool, RedissonClient redis,
      tuangou.store.redis.RedisBreaker breaker) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.engine = engine;
    Config.WeCom wecom = config.wecom();
    wx = !wecom.sendingEnabled() ? null : WeComSender.service(redis, wecom.corpId(), wecom.secret(),
        wecom.agentId(), wecom.apiBaseUrl());
    RedisRateLimiter limiter = new RedisRateLimiter(vertx, redis);
    sender = new OutboxSender(engine.outbox, senders(limiter), SimChannel.delivery(engine.outbox), limiter,
        engine.metrics).pausingBetweenDrains(vertx, DRAIN_GAP_MS);
    Map<String, Function<InboxMessage, Future<List<OutboxDraft>>>> handlers = new HashMap<>();
    if (wecom.callbackEnabled()) {
      handlers.put(WeComChannel.CHANNEL, new WeComDirect(vertx, wx, engine.registry, engine.directory, engine.desk)::handle);
    }
    direct = new DirectMessages(new PgDirectInbox(pool), handlers, sender::wake);
    intake = new Intake(engine.directory, engine.inbox, engine.sequencer, engine.metrics, direct::wake);
    // on the message path: through the breaker, so a slow or absent Redis never holds a message up
    seen = new RedisDedupWindow(redis, breaker, Duration.ofMinutes(10));
  }

  private List<Channel> senders(RedisRateLimiter limiter) {
    List<Channel> channels = new ArrayList<>();
    Config.Bridge bridge = config.bridge();
    if (bridge.enabled()) {
      List<Pacing> pacing = new ArrayList<>();
      if (bridge.roomIntervalMs() > 0) {
        pacing.add(Pacing.perChat(new RedisRateLimiter.Rate(1, Duration.ofMillis(bridge.roomIntervalMs()))));
      }
      pacing.add(Pacing.perAccount(new RedisRateLimiter.Rate(bridge.accountPerMinute(), Duration.ofMinutes(1))));
      channels.add(new BridgeSender(vertx, bridge.secret(), bridge.sendUrl(), bridge.jitterMs(), pacing));
    }
    Config.WeCom wecom = config.wecom();
    if (wx != null) {
      channels.add(new WeComSender(vertx, wx, wecom.agentId(), engine.catalog, limiter,
          wecom.apiBaseUrl(), wecom.robotPerMinute(), wecom.customerGroupPushesPerDay()));
    }
    return channels;
  }

  /** Mounts the inbound endpoints of the configured channels. */
  void mount(Router router, String adminToken) {
    Config.Simulator sim = config.simulator();
    if (sim.enabled()) {
      new SimChannel(intake, engine.inbox, engine.conversations, engine.sequencer, sender,
          config.pipeline().answerTimeoutMs(), config.timezone(), sim.protectedByToken() ? adminToken : null)
          .mount(router);
    }
    Config.WeCom wecom = config.wecom();
    if (wecom.callbackEnabled()) {
      new WeComChannel(new WeComCallbackCrypto(wecom.corpId(), wecom.token(), wecom.aesKey()), wecom.maxSkewSeconds(),
          intake, seen, clock).mount(router);
    }
    Config.Bridge bridge = config.bridge();
    if (bridge.enabled()) {
      new BridgeChannel(bridge.secret(), bridge.maxSkewSeconds(), intake, clock).mount(router);
    }
  }

  /** The msgaudit reader when it is configured: customer-group messages into the same intake. */
  MsgAuditReader msgaudit(Pool pool) {
    Config.WeCom wecom = config.wecom();
    if (!wecom.msgauditEnabled()) {
      return null;
    }
    return MsgAuditReader.create(vertx, settings(wecom), new PgMsgAuditCursor(pool), m -> {
      Arrival a;
      try {
        a = new Arrival(WeComChannel.CHANNEL, m.msgId(), m.roomId(), true, m.sender(), "", m.text(), List.of(),
            m.extras(), Instant.ofEpochMilli(m.sentAtMillis()).atOffset(ZoneOffset.UTC));
      } catch (InvalidInput | java.time.DateTimeException e) {
        // the archive's cursor moves only past what was kept: a message no store could take must not block it
        LOG.warning("msgaudit message " + m.msgId().substring(0, Math.min(64, m.msgId().length())) + " skipped: " + e.getMessage());
        return Future.succeededFuture();
      }
      return intake.keep(a).mapEmpty();
    });
  }

  private static MsgAuditSettings settings(Config.WeCom w) {
    Config.MsgAudit a = w.msgaudit();
    String key;
    try {
      key = java.nio.file.Files.readString(java.nio.file.Path.of(a.privateKeyFile()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the msgaudit private key " + a.privateKeyFile() + ": " + e.getMessage());
    }
    return new MsgAuditSettings(w.corpId(), a.secret().isEmpty() ? w.secret() : a.secret(), a.libPath(), key,
        a.proxy().isEmpty() ? null : a.proxy(), null, a.pollMs(), 500);
  }
}
