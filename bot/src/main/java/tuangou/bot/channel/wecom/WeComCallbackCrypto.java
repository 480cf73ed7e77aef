package tuangou.bot.channel.wecom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;

/**
 * The WeCom callback's crypto (WXBizMsgCrypt): URL verification, message decryption and reply
 * encryption through WxJava, plus the check WxJava leaves out: the receive id at the end of every
 * decrypted message must be our corp id, or the message was encrypted for someone else.
 */
public final class WeComCallbackCrypto {
  private final WxCpCryptUtil wx;
  private final String corpId;
  private final byte[] aesKey;

  public WeComCallbackCrypto(String corpId, String token, String encodingAesKey) {
    WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
    config.setCorpId(corpId);
    config.setToken(token);
    config.setAesKey(encodingAesKey);
    this.wx = new WxCpCryptUtil(config);
    this.corpId = corpId;
    this.aesKey = Base64.getDecoder().decode(encodingAesKey.trim() + "=");
  }

  /** Why a callback is refused. */
  public static final class Refused extends RuntimeException {
    private final boolean forged;

    Refused(String message, boolean forged) {
      super(message);
      this.forged = forged;
    }

    /** True for a bad signature or undecryptable text (401); false for another corp's message (403). */
    public boolean forged() {
      return forged;
    }
  }

  /** The plain echo string of a URL verification (GET with {@code echostr}). */
  public String verifyUrl(String msgSignature, String timestamp, String nonce, String echoStr) {
    String plain = decrypt(() -> wx.decryptContent(msgSignature, timestamp, nonce, echoStr));
    checkReceiveId(echoStr);
    return plain;
  }

  /** The plain XML of a callback POST body ({@code <xml><Encrypt>…</Encrypt></xml>}). */
  public String decryptMessage(String msgSignature, String timestamp, String nonce, String body) {
    // the envelope is not parsed as XML: the signature covers the Encrypt text, so text taken from
    // anywhere else fails it, and WxJava's own envelope parse cost more than the decryption
    String cipherText = encryptPart(body);
    String plain = decrypt(() -> wx.decryptContent(msgSignature, timestamp, nonce, cipherText));
    checkReceiveId(cipherText);
    return plain;
  }

  /** A passive reply, encrypted and signed for WeCom. */
  public String encryptReply(String plainXml) {
    return wx.encrypt(plainXml);
  }

  private static String decrypt(java.util.function.Supplier<String> step) {
    try {
      return step.get();
    } catch (WxRuntimeException | IllegalArgumentException e) {
      throw new Refused("signature or ciphertext is wrong", true);
    }
  }

  /** WxJava's decrypt drops the receive id unchecked; it is read here from the same ciphertext. */
  private void checkReceiveId(String cipherText) {
    String receiveId;
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
          new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
      byte[] plain = cipher.doFinal(Base64.getMimeDecoder().decode(cipherText));
      int pad = plain[plain.length - 1] & 0xff;
      int end = plain.length - (pad >= 1 && pad <= 32 ? pad : 0);
      int length = ((plain[16] & 0xff) << 24) | ((plain[17] & 0xff) << 16) | ((plain[18] & 0xff) << 8)
          | (plain[19] & 0xff);
      int idStart = 20 + length;
      if (length < 0 || idStart > end) {
        throw new Refused("malformed ciphertext", true);
      }
      receiveId = new String(plain, idStart, end - idStart, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new Refused("malformed ciphertext", true);
    }
    if (!receiveId.equals(corpId)) {
      throw new Refused("the message was encrypted for another receiver", false);
    }
  }

  private static String encryptPart(String body) {
    int start = body.indexOf("<Encrypt>");
    int end = body.indexOf("</Encrypt>");
    if (start < 0 || end < start) {
      throw new Refused("no Encrypt element", true);
    }
    return body.substring(start + "<Encrypt>".length(), end).replace("<![CDATA[", "").replace("]]>", "").trim();
  }
}
