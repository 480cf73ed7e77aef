package tuangou.parser.intent;

import java.util.regex.Pattern;

/**
 * Strips the words that address or thank the leader from both ends of a free-form message
 * ({@code 麻烦团长…}, {@code …谢谢🙏}, {@code 算了…}), so that what is left reads as the order,
 * cancellation or change it is ({@code 水饺不要了谢谢团长} cancels 水饺).
 */
final class Politeness {
  private static final String WORDS = "麻烦团长|麻烦你|麻烦|辛苦团长|辛苦了|辛苦|谢谢团长|谢谢啦|谢谢了|谢谢|感谢|多谢|团长|老板|亲"
      + "|你好|您好|不好意思|算了|那个|哎|唉|嗯|好的|哈|啦|吧|呀|哦|呢|哟|呗|啊|~";
  private static final Pattern LEADING = Pattern.compile("^(?:(?:" + WORDS + "|把)[\\s,!.]*|[^\\p{L}\\p{N}#@+]+)+");
  private static final Pattern TRAILING = Pattern.compile("(?:[\\s,!.]*(?:" + WORDS + ")|[^\\p{L}\\p{N}%)]+)+$");

  private Politeness() {}

  /** Longer texts are lists, not polite one-liners; the patterns below backtrack on long input. */
  private static final int MAX = 200;

  static String strip(String text) {
    if (text.length() > MAX) {
      return text;
    }
    String t = TRAILING.matcher(text).replaceFirst("");
    t = LEADING.matcher(t).replaceFirst("");
    return t.isBlank() ? text : t.trim();
  }
}
