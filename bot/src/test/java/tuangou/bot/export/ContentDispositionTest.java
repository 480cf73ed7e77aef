package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void chineseNameIsPercentEncodedUtf8WithAnAsciiFallback() {
    assertThat(ContentDisposition.attachment("分拣单-2026-11-22.xlsx")).isEqualTo(
        "attachment; filename=\"_-2026-11-22.xlsx\"; "
            + "filename*=UTF-8''%E5%88%86%E6%8B%A3%E5%8D%95-2026-11-22.xlsx");
  }

  @Test
  void asciiNamesStayReadable() {
    assertThat(ContentDisposition.attachment("statement-2026-11.csv"))
        .isEqualTo("attachment; filename=\"statement-2026-11.csv\"; filename*=UTF-8''statement-2026-11.csv");
  }

  @Test
  void encodedNameDecodesBackToTheOriginal() {
    String name = "结算单 2026年11月（王阿姨）100% & 🍎.csv";

    String encoded = ContentDisposition.encode(name);

    assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
    // RFC 5987 leaves '+' as is; URLDecoder would read it as a space, so escape it first.
    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
  }

  @Test
  void quotesBackslashesAndLineBreaksCannotBreakTheHeader() {
    String value = ContentDisposition.attachment("a\"b\\c\r\nSet-Cookie: x=1.csv");

    assertThat(value).doesNotContain("\r").doesNotContain("\n");
    assertThat(value).startsWith("attachment; filename=\"a_b_c__Set-Cookie: x=1.csv\"; filename*=UTF-8''a%22b_c__Set-Cookie");
  }

  @Test
  void pathsAreFlattened() {
    assertThat(ContentDisposition.attachment("../../etc/passwd")).isEqualTo(
        "attachment; filename=\".._.._etc_passwd\"; filename*=UTF-8''.._.._etc_passwd");
  }

  @Test
  void anEmptyNameBecomesDownload() {
    assertThat(ContentDisposition.attachment("  ")).contains("filename=\"download\"");
  }
}
