package tuangou.bot.channel.wecom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.message.WxCpAppChatMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.config.impl.WxCpRedissonConfigImpl;
import org.redisson.api.RedissonClient;
import tuangou.store.OutboxMessage;

/**
 * Sends outbox messages through WeCom with WxJava: a message to a person becomes an app message,
 * a message to an internal group an app-chat message. WxJava blocks, so each call runs on a worker
 * thread; its own retries are off because the outbox retries, with backoff, and never twice.
 * Access tokens live in Redis (WxJava's Redisson config), shared by every instance.
 */
public final class WeComSender {
  private final Vertx vertx;
  private final WxCpService wx;
  private final int agentId;

  public WeComSender(Vertx vertx, WxCpService wx, int agentId) {
    this.vertx = vertx;
    this.wx = wx;
    this.agentId = agentId;
  }

  /** A WxJava service for the app; {@code baseApiUrl} null means WeCom itself. */
  public static WxCpService service(RedissonClient redis, String corpId, String secret, int agentId, String baseApiUrl) {
    WxCpRedissonConfigImpl config = new WxCpRedissonConfigImpl(redis, "tuangou:wecom:");
    config.setCorpId(corpId);
    config.setCorpSecret(secret);
    config.setAgentId(agentId);
    if (baseApiUrl != null) {
      config.setBaseApiUrl(baseApiUrl);
    }
    WxCpServiceImpl service = new WxCpServiceImpl();
    service.setWxCpConfigStorage(config);
    service.setMaxRetryTimes(0);
    return service;
  }

  public Future<Void> send(OutboxMessage m) {
    if (m.recipient() == null && m.chatId() != null && m.chatId().startsWith("wr")) {
      // customer groups take only 群发 templates, which their leader confirms: not sent as a chat message
      return Future.failedFuture("customer group " + m.chatId() + ": replies go through 群发 templates (not built yet)");
    }
    return vertx.executeBlocking(() -> {
      try {
        if (m.recipient() != null) {
          wx.getMessageService().send(WxCpMessage.TEXT().agentId(agentId).toUser(m.recipient()).content(m.text()).build());
        } else {
          wx.getChatService().sendMsg(WxCpAppChatMessage.buildTextMsg(m.chatId(), m.text(), false));
        }
        return null;
      } catch (WxErrorException e) {
        throw new IllegalStateException("WeCom refused the send: " + e.getError().getErrorCode() + " "
            + e.getError().getErrorMsg());
      }
    }, false);
  }
}
