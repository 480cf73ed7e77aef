package tuangou.parser.chain;

/**
 * One numbered entry of a chain as posted: its number (which WeChat changes after a deletion)
 * and its text without the number.
 */
public record ChainEntry(int number, String text) {

  /**
   * The identity of an entry's text across re-posts: spaces and punctuation are dropped, so that a
   * copy re-typed with a different comma or spacing is still the same entry.
   */
  public static String key(String text) {
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.OTHER_SYMBOL
          || Character.isSurrogate(c) || c == '.' || c == '+' || c == '*' || c == '×') {
        key.append(c);
      }
    }
    return key.toString();
  }

  public String key() {
    return key(text);
  }
}
