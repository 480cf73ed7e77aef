package tuangou.bot.channel.wecom.msgaudit;

import com.tencent.wework.Finance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import me.chanjar.weixin.cp.api.WxCpMsgAuditService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.msgaudit.WxCpChatDatas;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;

/**
 * Records from Tencent's native Finance SDK through WxJava. Blocking, one caller at a time.
 *
 * <p>WxJava's {@code getChatDatas} loads the library, creates and initialises an SDK instance and
 * fetches a batch; the instance is left to the caller, so it is destroyed here after the batch.
 * Records are decrypted with WxJava's RSA helper and the SDK's {@code DecryptData} directly rather
 * than {@code getChatPlainText}: that helper destroys the SDK instance when one record fails to
 * decrypt, which would make the next record a use-after-free and the final destroy a double free.
 */
final class FinanceChatSource implements ChatSource {
  private static final Logger LOG = Logger.getLogger(FinanceChatSource.class.getName());
  /** Seconds the SDK may take for one fetch. */
  private static final long TIMEOUT_SECONDS = 10;

  private final MsgAuditSettings settings;
  private final WxCpMsgAuditService audit;
  private boolean librariesChecked;

  private FinanceChatSource(MsgAuditSettings settings, WxCpMsgAuditService audit) {
    this.settings = settings;
    this.audit = audit;
  }

  static FinanceChatSource of(MsgAuditSettings settings) {
    WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
    config.setCorpId(settings.corpId());
    config.setMsgAuditSecret(settings.secret());
    config.setMsgAuditLibPath(settings.libPath());
    config.setMsgAuditPriKey(settings.privateKeyPem());
    WxCpServiceImpl service = new WxCpServiceImpl();
    service.setWxCpConfigStorage(config);
    return new FinanceChatSource(settings, service.getMsgAuditService());
  }

  @Override
  public List<Archived> fetch(long seq, int limit) throws Exception {
    checkLibraries();
    WxCpChatDatas batch;
    try {
      batch = audit.getChatDatas(seq, limit, settings.proxy(), settings.proxyCredentials(), TIMEOUT_SECONDS);
    } catch (LinkageError e) {
      throw new Unavailable("the msgaudit SDK in " + settings.libPath() + " does not load here: " + e, e);
    }
    long sdk = batch.getSdk();
    try {
      List<Archived> records = new ArrayList<>();
      if (batch.getChatData() != null) {
        for (WxCpChatDatas.WxCpChatData data : batch.getChatData()) {
          records.add(new Archived(data.getSeq(), data.getMsgId(), decrypt(sdk, data)));
        }
      }
      return records;
    } finally {
      Finance.DestroySdk(sdk);
    }
  }

  /** The plaintext, or null when this record cannot be decrypted (logged; the reader moves on). */
  private String decrypt(long sdk, WxCpChatDatas.WxCpChatData data) {
    String key;
    try {
      key = WxCpCryptUtil.decryptPriKey(data.getEncryptRandomKey(), settings.privateKeyPem(), settings.keyFormat());
    } catch (Exception e) {
      // most often a record encrypted with another public key version than the configured key's
      LOG.warning("msgaudit record seq " + data.getSeq() + " (" + data.getMsgId() + ", public key version "
          + data.getPublickeyVer() + ") cannot be decrypted with the configured private key: " + e.getMessage());
      return null;
    }
    long slice = Finance.NewSlice();
    try {
      int ret = Finance.DecryptData(sdk, key, data.getEncryptChatMsg(), slice);
      if (ret != 0) {
        LOG.warning("msgaudit record seq " + data.getSeq() + " (" + data.getMsgId() + "): DecryptData returned " + ret);
        return null;
      }
      return Finance.GetContentFromSlice(slice);
    } finally {
      Finance.FreeSlice(slice);
    }
  }

  /**
   * Fails with a message naming the missing file before WxJava tries to load it, because the
   * JVM's own error for a missing native library does not say which setting is wrong.
   */
  private void checkLibraries() throws Unavailable {
    if (librariesChecked) {
      return;
    }
    String path = settings.libPath().replace('\\', '/');
    int split = path.lastIndexOf('/') + 1;
    for (String name : path.substring(split).split(",")) {
      Path file = Path.of(path.substring(0, split) + name.trim());
      if (name.isBlank() || !Files.isReadable(file)) {
        throw new Unavailable("the msgaudit SDK library " + file + " (from libPath " + settings.libPath()
            + ") is missing or unreadable", null);
      }
    }
    librariesChecked = true;
  }
}
