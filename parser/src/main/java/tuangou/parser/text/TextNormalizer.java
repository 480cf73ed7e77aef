package tuangou.parser.text;

import java.text.Normalizer;

/**
 * Brings chat text to one canonical form before anything else reads it.
 *
 * <p>Full-width letters, digits and punctuation become ASCII (NFKC: {@code １．} is {@code 1.},
 * {@code ，} is {@code ,}), traditional characters become simplified, letters become lower case,
 * control and zero-width characters are dropped, and runs of spaces become one space. Line breaks
 * are kept because chains are line-oriented. Emoji and other symbols are kept as they are.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /** The canonical form of {@code text}; never null. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingSpace = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        trimTrailingSpace(out);
        out.append('\n');
        pendingSpace = false;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = true;
        continue;
      }
      if (isInvisible(c)) {
        continue;
      }
      if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append(' ');
      }
      pendingSpace = false;
      out.append(Character.toLowerCase(HanScript.toSimplified(c)));
    }
    trimTrailingSpace(out);
    return out.toString();
  }

  private static boolean isInvisible(char c) {
    int type = Character.getType(c);
    // Surrogates are kept so that emoji survive; only controls and format marks go.
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE;
  }

  private static void trimTrailingSpace(StringBuilder out) {
    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
  }
}
