package tuangou.bot.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tuangou.bot.channel.wecom.WeComCallbackCrypto;

/** Callbacks as WeCom sends them to the test service: plain XML encrypted, signed and posted. */
final class WeComCallbacks {
  static final WeComCallbackCrypto WECOM = new WeComCallbackCrypto(TestService.WECOM_CORP_ID,
      TestService.WECOM_TOKEN, TestService.WECOM_AES_KEY);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private WeComCallbacks() {}

  static HttpResponse<String> call(String method, String query, String body) {
    return call(TestService.get().base(), method, query, body);
  }

  static HttpResponse<String> call(String base, String method, String query, String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/wecom/callback?" + query))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What WeCom would POST for {@code plainXml}, encrypted by {@code crypto}. */
  static HttpResponse<String> deliver(WeComCallbackCrypto crypto, String plainXml) {
    return deliver(TestService.get().base(), crypto, plainXml);
  }

  /** The same, to the service at {@code base}. */
  static HttpResponse<String> deliver(String base, WeComCallbackCrypto crypto, String plainXml) {
    String packed = crypto.encryptReply(plainXml);
    String query = "msg_signature=" + between(packed, "<MsgSignature><![CDATA[", "]]>")
        + "&timestamp=" + between(packed, "<TimeStamp>", "</TimeStamp>")
        + "&nonce=" + between(packed, "<Nonce><![CDATA[", "]]>");
    String body = "<xml><ToUserName><![CDATA[" + TestService.WECOM_CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
        + between(packed, "<Encrypt><![CDATA[", "]]>") + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
    return call(base, "POST", query, body);
  }

  static HttpResponse<String> deliver(String plainXml) {
    return deliver(WECOM, plainXml);
  }

  /** A text message to the app; {@code chatId} null for a private one. */
  static String text(String from, String msgId, String content, String chatId) {
    return "<xml><ToUserName><![CDATA[" + TestService.WECOM_CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + from
        + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId>"
        + (chatId == null ? "" : "<ChatId><![CDATA[" + chatId + "]]></ChatId>") + "<AgentID>1000002</AgentID></xml>";
  }

  /** A customer-group change as WeCom reports it ({@code detail} and {@code memberVersion} for updates). */
  static String groupChange(String chatId, String changeType, String detail, String memberVersion) {
    return "<xml><ToUserName><![CDATA[" + TestService.WECOM_CORP_ID + "]]></ToUserName>"
        + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
        + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>"
        + "<ChatId><![CDATA[" + chatId + "]]></ChatId><ChangeType><![CDATA[" + changeType + "]]></ChangeType>"
        + (detail == null ? "" : "<UpdateDetail><![CDATA[" + detail + "]]></UpdateDetail><JoinScene>3</JoinScene>"
            + "<MemChangeCnt>1</MemChangeCnt><MemChangeList><Item><![CDATA[wm-resident-9]]></Item></MemChangeList>"
            + "<CurMemVer><![CDATA[" + memberVersion + "]]></CurMemVer>")
        + "</xml>";
  }

  private static String between(String s, String from, String to) {
    int start = s.indexOf(from) + from.length();
    return s.substring(start, s.indexOf(to, start));
  }
}
