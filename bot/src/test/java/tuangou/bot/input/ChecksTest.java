package tuangou.bot.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ChecksTest {
  @Test
  void identifiersRefuseControlCharactersLengthAndNonStrings() {
    assertThat(Checks.identifier("id", " wx-1 ")).isEqualTo("wx-1");
    assertThatThrownBy(() -> Checks.identifier("senderId", "a\u0000b")).isInstanceOf(InvalidInput.class)
        .hasMessageContaining("senderId").hasMessageContaining("U+0000");
    assertThatThrownBy(() -> Checks.identifier("id", "x".repeat(Limits.ID_CHARS + 1))).hasMessageContaining("longer");
    assertThatThrownBy(() -> Checks.identifier("id", 5)).hasMessageContaining("must be a string");
    assertThatThrownBy(() -> Checks.identifier("id", " ")).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> Checks.identifier("id", "a\ud800")).as("a lone surrogate").hasMessageContaining("control");
    assertThat(Checks.identifier("id", "😀团")).isEqualTo("😀团");
  }

  @Test
  void wholeNumbersAreFiniteAndInRange() {
    assertThat(Checks.whole("n", 2.0, 0, 10)).isEqualTo(2);
    assertThat(Checks.whole("n", Long.MAX_VALUE, 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Checks.whole("n", Double.POSITIVE_INFINITY, 0, 10)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> Checks.whole("n", -1e30, Long.MIN_VALUE, Long.MAX_VALUE)).hasMessageContaining("between");
    assertThatThrownBy(() -> Checks.whole("n", new BigInteger("99999999999999999999"), 0, Long.MAX_VALUE))
        .hasMessageContaining("between");
    assertThatThrownBy(() -> Checks.whole("n", 1.5, 0, 10)).hasMessageContaining("whole");
    assertThatThrownBy(() -> Checks.whole("n", null, 0, 10)).hasMessageContaining("must be a number");
  }

  @Test
  void epochSecondsAreWithinTheCentury() {
    assertThat(Checks.epochSecond("ts", 1_700_000_000L)).isEqualTo(1_700_000_000L);
    assertThatThrownBy(() -> Checks.epochSecond("CreateTime", Long.MAX_VALUE)).hasMessageContaining("CreateTime");
    assertThatThrownBy(() -> Checks.epochSecond("ts", -1)).hasMessageContaining("ts");
  }

  @Test
  void chatTextDropsControlsAndMarksWhatWasOverTheCap() {
    assertThat(ChatText.of("苹果\u00002斤\n香蕉\t1把")).isEqualTo("苹果2斤\n香蕉\t1把");
    String over = ChatText.of("苹".repeat(Limits.MESSAGE_CHARS + 5));
    assertThat(ChatText.overCap(over)).isTrue();
    assertThat(over).hasSize(Limits.MESSAGE_CHARS + 1);
    assertThat(ChatText.overCap(ChatText.of("苹".repeat(Limits.MESSAGE_CHARS)))).isFalse();
    assertThat(ChatText.of("😀".repeat(Limits.MESSAGE_CHARS))).as("never half a surrogate pair")
        .doesNotEndWith("\ud83d" + ChatText.CUT_MARK);
    assertThat(ChatText.name("王\u0007芳\n")).isEqualTo("王芳");
    assertThat(ChatText.cut("a".repeat(50), 20, "（略）")).hasSizeLessThanOrEqualTo(20).endsWith("\n（略）");
    assertThat(ChatText.cut("short", 20, "（略）")).isEqualTo("short");
  }
}
