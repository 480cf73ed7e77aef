package tuangou.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import tuangou.bot.channel.wecom.WeComCallbackCrypto;

/**
 * Writes signed, encrypted WeCom callbacks for the wrk driver bench/wrk/wecom.lua: one callback a
 * line, {@code query<TAB>body}, each with its own MsgId, timestamped now (so use them within the
 * service's TUANGOU_WECOM_MAX_SKEW_SECONDS).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar tuangou.bench.WeComLoad CORP_ID TOKEN AES_KEY CHAT_ID N FILE}
 */
public final class WeComLoad {
  private WeComLoad() {}

  public static void main(String[] args) throws Exception {
    WeComCallbackCrypto crypto = new WeComCallbackCrypto(args[0], args[1], args[2]);
    String chat = args[3];
    int n = Integer.parseInt(args[4]);
    try (Writer w = Files.newBufferedWriter(Path.of(args[5]), StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String plain = "<xml><ToUserName><![CDATA[" + args[0] + "]]></ToUserName><FromUserName><![CDATA[wm-load-"
            + (i % 50) + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + Workloads.freeText(i) + "]]></Content>"
            + "<MsgId>" + Math.abs(UUID.randomUUID().getMostSignificantBits()) + "</MsgId><ChatId><![CDATA[" + chat
            + "]]></ChatId></xml>";
        String packed = crypto.encryptReply(plain);
        String query = "msg_signature=" + between(packed, "<MsgSignature><![CDATA[", "]]>")
            + "&timestamp=" + between(packed, "<TimeStamp>", "</TimeStamp>")
            + "&nonce=" + between(packed, "<Nonce><![CDATA[", "]]>");
        String body = "<xml><ToUserName><![CDATA[" + args[0] + "]]></ToUserName><Encrypt><![CDATA["
            + between(packed, "<Encrypt><![CDATA[", "]]>") + "]]></Encrypt></xml>";
        w.write(query + "\t" + body + "\n");
      }
    }
  }

  private static String between(String s, String from, String to) {
    int start = s.indexOf(from) + from.length();
    return s.substring(start, s.indexOf(to, start));
  }
}
