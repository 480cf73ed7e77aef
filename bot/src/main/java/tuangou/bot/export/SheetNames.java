package tuangou.bot.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns table titles into names Excel accepts: at most 31 characters, none of {@code [ ] : * ? / \},
 * not starting or ending with an apostrophe, not "History", unique ignoring case. Titles come from
 * pickup-point and campaign names that leaders type, so any of these can happen; Excel refuses to
 * open (or "repairs") a file that breaks them.
 */
final class SheetNames {
  static final int MAX_LENGTH = 31;

  private SheetNames() {}

  /** One name per title, in order; equal titles get " (2)", " (3)"… as Excel itself does. */
  static List<String> of(List<String> titles) {
    List<String> names = new ArrayList<>(titles.size());
    Set<String> taken = new HashSet<>();
    for (String title : titles) {
      String base = clean(title, names.size() + 1);
      String name = base;
      for (int n = 2; taken.contains(key(name)); n++) {
        String suffix = " (" + n + ")";
        name = truncate(base, MAX_LENGTH - suffix.length()) + suffix;
      }
      taken.add(key(name));
      names.add(name);
    }
    return names;
  }

  private static String clean(String title, int position) {
    StringBuilder s = new StringBuilder(title.length());
    title.codePoints().forEach(c -> s.appendCodePoint(forbidden(c) ? '_' : Character.isISOControl(c) ? ' ' : c));
    String name = strip(truncate(s.toString(), MAX_LENGTH));
    if (name.isEmpty()) {
      return "Sheet" + position;
    }
    // Excel keeps "History" for its change tracking sheet.
    return name.equalsIgnoreCase("History") ? name + "_" : name;
  }

  private static boolean forbidden(int c) {
    return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\';
  }

  private static String strip(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && (name.charAt(start) == '\'' || Character.isWhitespace(name.charAt(start)))) {
      start++;
    }
    while (end > start && (name.charAt(end - 1) == '\'' || Character.isWhitespace(name.charAt(end - 1)))) {
      end--;
    }
    return name.substring(start, end);
  }

  /** Cuts to at most {@code max} UTF-16 units without splitting an emoji's surrogate pair. */
  private static String truncate(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    int end = Character.isHighSurrogate(name.charAt(max - 1)) ? max - 1 : max;
    return name.substring(0, end);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
