package tuangou.bot.channel.wecom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.logging.Logger;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatInfo;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.bot.pipeline.LeaderDesk;
import tuangou.store.InboxMessage;
import tuangou.store.OutboxDraft;
import tuangou.store.pg.PgGroupRegistry;

/**
 * WeCom inbox rows that belong to no group: a leader's text to the app, answered privately, and
 * customer-group events ({@code change_external_chat}) that keep the group registry current. A new
 * or changed group is read back with groupchat/get, because the event carries only its id.
 */
public final class WeComDirect {
  private static final Logger LOG = Logger.getLogger(WeComDirect.class.getName());
  private final Vertx vertx;
  private final WxCpService wx;
  private final PgGroupRegistry registry;
  private final GroupDirectory directory;
  private final LeaderDesk desk;

  /** @param wx null when the app has no secret: events are then recorded but the registry is not updated */
  public WeComDirect(Vertx vertx, WxCpService wx, PgGroupRegistry registry, GroupDirectory directory, LeaderDesk desk) {
    this.vertx = vertx;
    this.wx = wx;
    this.registry = registry;
    this.directory = directory;
    this.desk = desk;
  }

  public Future<List<OutboxDraft>> handle(InboxMessage m) {
    String event = m.extras().getOrDefault("event", "");
    if (event.equals("change_external_chat")) {
      return groupChanged(m.chatId(), m.extras().getOrDefault("changeType", "")).map(List.of());
    }
    if (!event.isEmpty() || !"text".equals(m.extras().get("msgType")) || !m.chatId().startsWith(WeComChannel.PRIVATE)) {
      // entering the app, images, a message of a group nobody registered: nothing to answer
      return Future.succeededFuture(List.of());
    }
    return registry.leaderByWeComUser(m.sender())
        .compose(leader -> desk.answer(leader, m.text()))
        .map(text -> List.of(OutboxDraft.toPerson(WeComChannel.CHANNEL, m.sender(), text)));
  }

  private Future<Void> groupChanged(String chatId, String changeType) {
    if (changeType.equals("dismiss")) {
      return registry.dismiss(WeComChannel.CHANNEL, chatId).onSuccess(v -> directory.invalidate()).mapEmpty();
    }
    if (wx == null) {
      LOG.warning("customer group " + chatId + " " + changeType + ": the app secret is not set, cannot read the group");
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> read(chatId), false).compose(chat -> registry.leaderByWeComUser(chat.getOwner())
        .compose(leader -> {
          if (leader.isEmpty()) {
            // a group of someone who is not (yet) a leader: nothing to register; an operator can add it later
            LOG.info("customer group " + chatId + " of WeCom user " + chat.getOwner() + " is not registered: no leader "
                + "has that wecomUserId");
            return Future.succeededFuture();
          }
          int members = chat.getMemberList() == null ? 0 : chat.getMemberList().size();
          String name = chat.getName() == null || chat.getName().isBlank() ? chatId : chat.getName();
          return registry.upsert(WeComChannel.CHANNEL, chatId, name, leader.get().id(), chat.getOwner(), members)
              .onSuccess(g -> directory.invalidate()).mapEmpty();
        }));
  }

  private WxCpUserExternalGroupChatInfo.GroupChat read(String chatId) {
    try {
      return wx.getExternalContactService().getGroupChat(chatId, 1).getGroupChat();
    } catch (WxErrorException e) {
      throw new IllegalStateException("groupchat/get " + chatId + ": " + e.getError().getErrorCode() + " "
          + e.getError().getErrorMsg());
    }
  }
}
