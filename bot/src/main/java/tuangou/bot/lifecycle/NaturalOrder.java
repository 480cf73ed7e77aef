package tuangou.bot.lifecycle;

import java.util.Comparator;

/**
 * Orders labels as people read them: runs of digits compare as numbers, so "3-1-201" comes before
 * "10-1-101" and "2号楼" before "12号楼"; everything else compares by character.
 */
final class NaturalOrder implements Comparator<String> {
  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (isDigit(x) && isDigit(y)) {
        int endI = digitsEnd(a, i);
        int endJ = digitsEnd(b, j);
        int c = compareNumbers(a.substring(i, endI), b.substring(j, endJ));
        if (c != 0) {
          return c;
        }
        i = endI;
        j = endJ;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b); // "01" and "1" are equal as numbers: keep the order total
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  /** Digit strings of any length compared by value, without overflow. */
  private static int compareNumbers(String x, String y) {
    String a = x.replaceFirst("^0+(?=.)", "");
    String b = y.replaceFirst("^0+(?=.)", "");
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
