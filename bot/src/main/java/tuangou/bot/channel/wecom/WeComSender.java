package tuangou.bot.channel.wecom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate;
import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplateAddResult;
import me.chanjar.weixin.cp.bean.external.msg.Text;
import me.chanjar.weixin.cp.bean.message.WxCpAppChatMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.config.impl.WxCpRedissonConfigImpl;
import org.redisson.api.RedissonClient;
import tuangou.ordering.reply.Messages;
import tuangou.store.ChatGroup;
import tuangou.store.OutboxMessage;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgOutbox.Sent;
import tuangou.store.redis.RedisRateLimiter;

/**
 * Sends outbox messages through WeCom with WxJava, choosing the only route WeCom allows for each:
 * <ul>
 *   <li>to a person: an app message;
 *   <li>to a group with a robot (internal groups only have them): the robot's webhook (at most 20 a minute);
 *   <li>to another internal group: an app-chat message;
 *   <li>to a customer group (客户群): the bot cannot speak there. A push becomes a 群发 template
 *       in the owning leader's name, which the leader confirms in WeCom, and the leader is told in
 *       a private app message; WeCom lets a group receive only so many a day, so pushes over that
 *       wait in the outbox. A reply to a resident goes to the leader privately, to pass on.
 * </ul>
 * WxJava blocks, so each call runs on a worker thread; its own retries are off because the outbox
 * retries, with backoff, and never twice. Access tokens live in Redis, shared by every instance.
 */
public final class WeComSender implements tuangou.bot.channel.Channel {
  private static final Logger LOG = Logger.getLogger(WeComSender.class.getName());
  static final String DEFAULT_API = "https://qyapi.weixin.qq.com";

  private final Vertx vertx;
  private final WxCpService wx;
  private final int agentId;
  private final PgCatalog catalog;
  private final RedisRateLimiter limiter;
  private final String apiBase;
  private final RedisRateLimiter.Rate robotRate;
  private final RedisRateLimiter.Rate pushRate;
  private final io.vertx.ext.web.client.WebClient web;

  public WeComSender(Vertx vertx, WxCpService wx, int agentId, PgCatalog catalog, RedisRateLimiter limiter,
      String apiBaseUrl, int robotPerMinute, int customerGroupPushesPerDay) {
    this.vertx = vertx;
    this.wx = wx;
    this.agentId = agentId;
    this.catalog = catalog;
    this.limiter = limiter;
    this.apiBase = apiBaseUrl == null || apiBaseUrl.isEmpty() ? DEFAULT_API : apiBaseUrl;
    this.robotRate = new RedisRateLimiter.Rate(robotPerMinute, Duration.ofMinutes(1));
    this.pushRate = new RedisRateLimiter.Rate(customerGroupPushesPerDay, Duration.ofDays(1));
    this.web = io.vertx.ext.web.client.WebClient.create(vertx);
  }

  /** A WxJava service for the app; {@code baseApiUrl} null or empty means WeCom itself. */
  public static WxCpService service(RedissonClient redis, String corpId, String secret, int agentId, String baseApiUrl) {
    WxCpRedissonConfigImpl config = new WxCpRedissonConfigImpl(redis, "tuangou:wecom:");
    config.setCorpId(corpId);
    config.setCorpSecret(secret);
    config.setAgentId(agentId);
    if (baseApiUrl != null && !baseApiUrl.isEmpty()) {
      config.setBaseApiUrl(baseApiUrl);
    }
    WxCpServiceImpl service = new WxCpServiceImpl();
    service.setWxCpConfigStorage(config);
    service.setMaxRetryTimes(0);
    return service;
  }

  @Override
  public String name() {
    return WeComChannel.CHANNEL;
  }

  @Override
  public Future<Sent> send(OutboxMessage m) {
    if (m.recipient() != null) {
      return blocking(() -> appMessage(m.recipient(), m.text())).map(Sent.SENT);
    }
    return catalog.groupByChat(WeComChannel.CHANNEL, m.chatId()).compose(found -> toGroup(m, found));
  }

  private Future<Sent> toGroup(OutboxMessage m, Optional<ChatGroup> found) {
    ChatGroup group = found.orElse(null);
    if (group != null && group.dismissedAt() != null) {
      return Future.failedFuture("group " + m.chatId() + " was dismissed");
    }
    if (group != null && group.robotWebhookKey() != null) {
      return paced("wecom:robot:" + group.chatId(), robotRate, Duration.ofSeconds(3), () -> robot(group, m));
    }
    if (m.chatId().startsWith("wr")) {
      if (group == null || group.leaderUser() == null || group.leaderUser().isEmpty()) {
        return Future.failedFuture("customer group " + m.chatId() + " has no leaderUser (the owner's WeCom user id): "
            + "its messages can only be sent in the owner's name");
      }
      return m.inReplyTo() != null ? relayToLeader(group, m) : groupPush(group, m);
    }
    return blocking(() -> {
      wx.getChatService().sendMsg(WxCpAppChatMessage.buildTextMsg(m.chatId(), m.text(), false));
      return null;
    }).map(Sent.SENT);
  }

  /**
   * A group robot's webhook, posted directly rather than through WxJava: WxJava logs the full
   * request URL on an error, and the URL holds the robot's key, a send credential.
   */
  private Future<Void> robot(ChatGroup group, OutboxMessage m) {
    io.vertx.core.json.JsonObject text = new io.vertx.core.json.JsonObject().put("content", m.text());
    if (!m.mentions().isEmpty()) {
      text.put("mentioned_list", new io.vertx.core.json.JsonArray(m.mentions()));
    }
    return web.postAbs(apiBase + "/cgi-bin/webhook/send").addQueryParam("key", group.robotWebhookKey())
        .timeout(10_000)
        .sendJsonObject(new io.vertx.core.json.JsonObject().put("msgtype", "text").put("text", text))
        .compose(res -> {
          if (res.statusCode() != 200) {
            return Future.failedFuture("the group robot of " + group.chatId() + " answered HTTP " + res.statusCode());
          }
          io.vertx.core.json.JsonObject body;
          try {
            body = res.bodyAsJsonObject();
          } catch (RuntimeException e) {
            body = null;
          }
          if (body == null || body.getInteger("errcode", -1) != 0) {
            return Future.failedFuture("the group robot of " + group.chatId() + " refused the send: "
                + (body == null ? "no JSON answer" : body.getInteger("errcode") + " " + body.getString("errmsg")));
          }
          return Future.<Void>succeededFuture();
        });
  }

  /** A reply to a resident of a customer group, where the bot cannot speak: the leader passes it on. */
  private Future<Sent> relayToLeader(ChatGroup group, OutboxMessage m) {
    return blocking(() -> appMessage(group.leaderUser(), Messages.text("wecom.relay", group.name(), m.text())))
        .map(Sent.SENT);
  }

  /**
   * A push to a customer group as a 群发 template in the leader's name. The leader's notice is a
   * courtesy (WeCom also lists the task in the leader's client): if it fails the push still counts
   * as sent, since sending again would create a second 群发.
   */
  private Future<Sent> groupPush(ChatGroup group, OutboxMessage m) {
    return paced("wecom:push:" + group.chatId(), pushRate, Duration.ofMinutes(10), () -> blocking(() -> {
      WxCpMsgTemplate template = new WxCpMsgTemplate();
      template.setChatType("group");
      template.setSender(group.leaderUser());
      template.setChatIdList(List.of(group.chatId()));
      Text text = new Text();
      text.setContent(m.text());
      template.setText(text);
      WxCpMsgTemplateAddResult result = wx.getExternalContactService().addMsgTemplate(template);
      if (result.getFailList() != null && !result.getFailList().isEmpty()) {
        throw new IllegalStateException("WeCom did not create the 群发 for " + result.getFailList());
      }
      return null;
    }).compose(v -> blocking(() -> appMessage(group.leaderUser(), Messages.text("wecom.push.confirm", group.name(),
            preview(m.text()))))
        .recover(t -> {
          LOG.warning("群发 for " + group.chatId() + " created, but telling leader " + group.leaderUser()
              + " failed: " + t.getMessage());
          return Future.succeededFuture();
        })));
  }

  /** Sends when the rate allows, else holds the message for {@code wait}; Redis down also holds it. */
  private Future<Sent> paced(String key, RedisRateLimiter.Rate rate, Duration wait,
      java.util.function.Supplier<Future<?>> send) {
    return limiter.tryAcquire(key, rate).otherwise(false)
        .compose(ok -> ok ? send.get().map(Sent.SENT) : Future.succeededFuture(Sent.held(wait)));
  }

  private Void appMessage(String user, String text) throws WxErrorException {
    wx.getMessageService().send(WxCpMessage.TEXT().agentId(agentId).toUser(user).content(text).build());
    return null;
  }

  private static String preview(String text) {
    String first = text.strip().lines().findFirst().orElse("");
    return first.length() > 40 ? first.substring(0, 40) + "…" : first;
  }

  private interface WxCall<T> {
    T call() throws WxErrorException;
  }

  private <T> Future<T> blocking(WxCall<T> call) {
    return vertx.executeBlocking(() -> {
      try {
        return call.call();
      } catch (WxErrorException e) {
        throw new IllegalStateException("WeCom refused the send: " + e.getError().getErrorCode() + " "
            + e.getError().getErrorMsg());
      } catch (me.chanjar.weixin.common.error.WxRuntimeException e) {
        // WxJava gives up on "busy" errcodes (-1, 42001, 45009) at once with retries off; the outbox retries
        Throwable cause = e.getCause();
        throw new IllegalStateException("WeCom did not take the send: " + (cause instanceof WxErrorException w
            ? w.getError().getErrorCode() + " " + w.getError().getErrorMsg() : e.getMessage()));
      }
    }, false);
  }
}
