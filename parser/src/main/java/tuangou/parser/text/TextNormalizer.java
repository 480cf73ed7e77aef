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
    // most chat text is ASCII and common Han only, which NFKC leaves as it is: skip the normalizer then
    String folded = nfkcStable(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingSpace = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= HanScript.FIRST && c <= HanScript.LAST) {
        // the common case, a Han character: no space, no control, no case; only its simplified form
        if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(HanScript.toSimplified(c));
        continue;
      }
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

  /**
   * True when NFKC leaves {@code text} unchanged because every character is in ranges that it
   * never maps: printable ASCII and line breaks, the CJK unified ideographs and 、。《》「」【】
   * ({@code TextNormalizerTest} checks every character of these ranges against the normalizer).
   */
  static boolean nfkcStable(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!nfkcStable(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean nfkcStable(char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t'
        || (c >= 0x3001 && c <= 0x3011) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
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
