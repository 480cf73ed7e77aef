package tuangou.bot.channel.wecom.msgaudit;

/**
 * Settings of the optional msgaudit reader. It is on only when both the native SDK and the
 * private key are configured; then the corp id and the msgaudit secret are required too.
 *
 * @param corpId the corp whose archive is read; also the key of the stored cursor
 * @param secret the 会话内容存档 secret (WxJava falls back to the app secret when it is blank, so
 *     pass that one if the corp uses a single secret)
 * @param libPath Tencent's native SDK in WxJava's form: the directory, then the library file
 *     names separated by commas, e.g. {@code /opt/msgaudit/libWeWorkFinanceSdk_Java.so}
 * @param privateKeyPem the RSA private key matching the public key set in the WeCom admin, as PEM
 *     text ({@code BEGIN RSA PRIVATE KEY} for PKCS#1, {@code BEGIN PRIVATE KEY} for PKCS#8)
 * @param proxy the SDK's proxy ({@code socks5://host:port} or {@code http://host:port}), or null
 * @param proxyCredentials {@code user:password} for the proxy, or null
 * @param pollMs pause between polls when the archive has no more records
 * @param batch records fetched per call, 1 to 1000 (Tencent's limit)
 */
public record MsgAuditSettings(String corpId, String secret, String libPath, String privateKeyPem, String proxy,
    String proxyCredentials, int pollMs, int batch) {

  public MsgAuditSettings {
    if (enabled(libPath, privateKeyPem)) {
      if (blank(corpId) || blank(secret)) {
        throw new IllegalArgumentException("msgaudit: a corp id and a secret are required with the SDK and key");
      }
      if (batch < 1 || batch > 1000) {
        throw new IllegalArgumentException("msgaudit: batch must be 1 to 1000, was " + batch);
      }
      if (pollMs < 1) {
        throw new IllegalArgumentException("msgaudit: pollMs must be positive, was " + pollMs);
      }
    }
  }

  /** Off: no SDK, no key. */
  public static MsgAuditSettings disabled() {
    return new MsgAuditSettings(null, null, null, null, null, null, 0, 0);
  }

  public boolean enabled() {
    return enabled(libPath, privateKeyPem);
  }

  /** 1 for a PKCS#1 key, 2 for PKCS#8: the numbers WxJava's key decryption takes. */
  int keyFormat() {
    return privateKeyPem.contains("BEGIN RSA PRIVATE KEY") ? 1 : 2;
  }

  private static boolean enabled(String libPath, String key) {
    return !blank(libPath) && !blank(key);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    // the secret and the key must never reach a log line
    return "MsgAuditSettings[corpId=" + corpId + ", libPath=" + libPath + ", proxy=" + proxy + ", pollMs=" + pollMs
        + ", batch=" + batch + "]";
  }
}
