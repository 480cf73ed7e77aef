package tuangou.bot.channel.wecom.msgaudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MsgAuditSettingsTest {
  private static final String LIB = "/opt/msgaudit/libWeWorkFinanceSdk_Java.so";
  private static final String PKCS8 = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----";
  private static final String PKCS1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----";

  @Test
  void onOnlyWithBothTheLibraryAndTheKey() {
    assertThat(new MsgAuditSettings("ww1", "s", LIB, PKCS8, null, null, 5000, 100).enabled()).isTrue();
    assertThat(new MsgAuditSettings("ww1", "s", LIB, " ", null, null, 5000, 100).enabled()).isFalse();
    assertThat(new MsgAuditSettings(null, null, null, PKCS8, null, null, 0, 0).enabled()).isFalse();
    assertThat(MsgAuditSettings.disabled().enabled()).isFalse();
  }

  @Test
  void anEnabledReaderNeedsItsCorpSecretAndSaneLimits() {
    assertThatThrownBy(() -> new MsgAuditSettings("ww1", "", LIB, PKCS8, null, null, 5000, 100))
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> new MsgAuditSettings("ww1", "s", LIB, PKCS8, null, null, 5000, 1001))
        .hasMessageContaining("batch");
    assertThatThrownBy(() -> new MsgAuditSettings("ww1", "s", LIB, PKCS8, null, null, 0, 100))
        .hasMessageContaining("pollMs");
  }

  @Test
  void theKeyFormatFollowsThePemHeader() {
    assertThat(new MsgAuditSettings("ww1", "s", LIB, PKCS1, null, null, 5000, 100).keyFormat()).isEqualTo(1);
    assertThat(new MsgAuditSettings("ww1", "s", LIB, PKCS8, null, null, 5000, 100).keyFormat()).isEqualTo(2);
  }

  @Test
  void neitherSecretNorKeyIsPrinted() {
    String shown = new MsgAuditSettings("ww1", "audit-secret", LIB, PKCS8, null, null, 5000, 100).toString();
    assertThat(shown).contains("ww1").doesNotContain("audit-secret").doesNotContain("PRIVATE KEY");
  }
}
