package tuangou.bot.input;

/**
 * What is kept of a chat message's text and its sender's display name. Control characters (NUL
 * among them, which PostgreSQL refuses) are dropped; a text over {@link Limits#MESSAGE_CHARS} is
 * kept cut, with a mark that makes it longer than the cap, so that the pipeline knows it was over
 * and answers "too long" without reading any of it.
 */
public final class ChatText {
  /** Ends a text that was cut on the way in. */
  static final char CUT_MARK = '…';

  private ChatText() {}

  /** The text as stored: without control characters but line breaks and tabs, cut and marked when too long. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String clean = withoutControls(text, true);
    if (clean.length() <= Limits.MESSAGE_CHARS) {
      return clean;
    }
    return clean.substring(0, cutAt(clean, Limits.MESSAGE_CHARS)) + CUT_MARK;
  }

  /** True when the stored text was over the cap on the way in: such a message is refused whole. */
  public static boolean overCap(String stored) {
    return stored.length() > Limits.MESSAGE_CHARS;
  }

  /** A display name as kept: one line, no control characters, at most {@link Limits#NAME_CHARS}. */
  public static String name(String name) {
    if (name == null) {
      return "";
    }
    String clean = withoutControls(name, false).strip();
    return clean.length() <= Limits.NAME_CHARS ? clean : clean.substring(0, cutAt(clean, Limits.NAME_CHARS));
  }

  /** {@code text} cut to at most {@code max} characters, ending with {@code note} when it was cut. */
  public static String cut(String text, int max, String note) {
    if (text.length() <= max) {
      return text;
    }
    int keep = Math.max(0, max - note.length() - 1);
    return text.substring(0, cutAt(text, keep)).stripTrailing() + "\n" + note;
  }

  private static String withoutControls(String s, boolean lines) {
    if (Checks.firstControl(s, lines) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        continue; // a lone half of a pair: not text
      } else if (!Character.isISOControl(c) || (lines && (c == '\n' || c == '\r' || c == '\t'))) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code max}, or one less when that would split a surrogate pair. */
  private static int cutAt(String s, int max) {
    return max > 0 && max < s.length() && Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
  }
}
