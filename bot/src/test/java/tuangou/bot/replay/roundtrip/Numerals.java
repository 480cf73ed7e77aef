package tuangou.bot.replay.roundtrip;

/** Numbers as residents type them: Chinese numerals and full-width digits. */
final class Numerals {
  private static final String DIGITS = "零一两三四五六七八九";

  private Numerals() {}

  /** 1 一, 2 两, 10 十, 12 十二 (up to 99). */
  static String chinese(int n) {
    if (n < 10) {
      return String.valueOf(DIGITS.charAt(n));
    }
    String tens = n / 10 == 1 ? "十" : (n / 10 == 2 ? "二" : String.valueOf(DIGITS.charAt(n / 10))) + "十";
    return n % 10 == 0 ? tens : tens + (n % 10 == 2 ? "二" : String.valueOf(DIGITS.charAt(n % 10)));
  }

  static String fullWidth(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
    return out.toString();
  }
}
