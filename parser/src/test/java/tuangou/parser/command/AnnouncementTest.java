package tuangou.parser.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A leader's cutoff or arrival said in a sentence; questions and times ahead are none. */
class AnnouncementTest {
  private static String said(String text) {
    return CommandParser.announcement(text).map(c -> c.getClass().getSimpleName()).orElse("none");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "截单了哈 明天到货 § Cutoff",
      "已截单，明天到货 § Cutoff",
      "截单啦！ § Cutoff",
      "今天的接龙结束了 § Cutoff",
      "本次团购已截单 § Cutoff",
      "接龙到此结束 § Cutoff",
      "马上截单了 § none",
      "还有10分钟截单 § none",
      "到货了 大家来取 § Arrival",
      "货到了，下午来拿 § Arrival",
      "截单了吗？ § none",
      "截单了没 § none",
      "明晚8点截单 § none",
      "今晚10点截单 明天到货 § none",
      "我到了 § none",
  })
  void cutoffAndArrivalInASentence(String text, String expected) {
    assertThat(said(text)).isEqualTo(expected);
  }
}
