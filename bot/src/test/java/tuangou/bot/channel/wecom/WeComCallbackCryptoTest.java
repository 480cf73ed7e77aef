package tuangou.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Against the sample vectors Tencent publishes with its WXBizMsgCrypt libraries. */
class WeComCallbackCryptoTest {
  private static final String TOKEN = "QDG6eK";
  private static final String CORP_ID = "wx5823bf96d3bd56c7";
  private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  private static final WeComCallbackCrypto CRYPTO = new WeComCallbackCrypto(CORP_ID, TOKEN, AES_KEY);

  private static final String ECHO = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
  private static final String BODY = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA["
      + "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3"
      + "TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gs"
      + "ijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax"
      + "5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHB"
      + "ZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

  @Test
  void urlVerificationEchoesTheOfficialSample() {
    assertThat(CRYPTO.verifyUrl("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", ECHO))
        .isEqualTo("1616140317555161061");
  }

  @Test
  void decryptsTheOfficialSampleMessage() {
    String plain = CRYPTO.decryptMessage("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", BODY);
    assertThat(plain).contains("<FromUserName><![CDATA[mycreate]]></FromUserName>")
        .contains("<Content><![CDATA[hello]]></Content>").contains("<MsgId>4561255354251345929</MsgId>");
  }

  @Test
  void wrongSignatureIsForged() {
    assertThatThrownBy(() -> CRYPTO.decryptMessage("0000000000000000000000000000000000000000", "1409659813",
        "1372623149", BODY)).isInstanceOfSatisfying(WeComCallbackCrypto.Refused.class, r -> assertThat(r.forged()).isTrue());
    assertThatThrownBy(() -> CRYPTO.verifyUrl("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659590", "263014780", ECHO))
        .isInstanceOf(WeComCallbackCrypto.Refused.class);
  }

  @Test
  void messageForAnotherCorpIsRefusedEvenWithTheRightKeyAndToken() {
    WeComCallbackCrypto other = new WeComCallbackCrypto("ww-another-corp", TOKEN, AES_KEY);
    assertThatThrownBy(() -> other.decryptMessage("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813",
        "1372623149", BODY)).isInstanceOfSatisfying(WeComCallbackCrypto.Refused.class, r -> assertThat(r.forged()).isFalse());
  }

  @Test
  void encryptedReplyDecryptsBackAndCarriesOurCorpId() {
    String reply = "<xml><ToUserName><![CDATA[mycreate]]></ToUserName><Content><![CDATA[已记下：苹果2斤]]></Content></xml>";
    String encrypted = CRYPTO.encryptReply(reply);
    String signature = between(encrypted, "<MsgSignature><![CDATA[", "]]>");
    String timestamp = between(encrypted, "<TimeStamp>", "</TimeStamp>");
    String nonce = between(encrypted, "<Nonce><![CDATA[", "]]>");
    assertThat(CRYPTO.decryptMessage(signature, timestamp, nonce, encrypted)).isEqualTo(reply);
  }

  private static String between(String s, String from, String to) {
    int start = s.indexOf(from) + from.length();
    return s.substring(start, s.indexOf(to, start));
  }
}
