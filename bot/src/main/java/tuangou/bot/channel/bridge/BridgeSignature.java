package tuangou.bot.channel.bridge;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bridge protocol's signature: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * in {@code X-Tuangou-Signature}, the unix seconds in {@code X-Tuangou-Timestamp}.
 */
public final class BridgeSignature {
  public static final String SIGNATURE_HEADER = "X-Tuangou-Signature";
  public static final String TIMESTAMP_HEADER = "X-Tuangou-Timestamp";

  private BridgeSignature() {}

  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '.');
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  /** Constant-time comparison, so that a forger learns nothing from response times. */
  public static boolean verify(String secret, String timestamp, String body, String signature) {
    if (signature == null || timestamp == null) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
  }
}
