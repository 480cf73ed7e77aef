package tuangou.bot.channel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BridgeSignatureTest {
  private static final String SECRET = "test-bridge-secret-0123";
  private static final String BODY = "{\"msgId\":\"m1\",\"text\":\"苹果2斤\"}";

  @Test
  void matchesAnIndependentHmacOfTimestampDotBody() {
    // computed with Python's hmac module over the UTF-8 bytes of "1700000000." + body
    assertThat(BridgeSignature.sign(SECRET, "1700000000", BODY))
        .isEqualTo("sha256=95bf8d38d714c915bc9c84ccf7a69797f48f25a456849edae61739e79a49d784");
  }

  @Test
  void anyChangeBreaksTheSignature() {
    String good = BridgeSignature.sign(SECRET, "1700000000", BODY);
    assertThat(BridgeSignature.verify(SECRET, "1700000000", BODY, good)).isTrue();
    assertThat(BridgeSignature.verify(SECRET, "1700000000", BODY, good.toUpperCase().replace("SHA256", "sha256"))).isTrue();
    assertThat(BridgeSignature.verify(SECRET, "1700000001", BODY, good)).isFalse();
    assertThat(BridgeSignature.verify(SECRET, "1700000000", BODY.replace("2斤", "3斤"), good)).isFalse();
    assertThat(BridgeSignature.verify("another-secret-0123456", "1700000000", BODY, good)).isFalse();
    assertThat(BridgeSignature.verify(SECRET, "1700000000", BODY, null)).isFalse();
    assertThat(BridgeSignature.verify(SECRET, null, BODY, good)).isFalse();
  }
}
