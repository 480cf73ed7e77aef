package tuangou.parser.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Per-character Chinese conversions: traditional to simplified, and toneless pinyin.
 *
 * <p>Both come from {@code han.txt}, a table generated with ICU4J's {@code Traditional-Simplified}
 * and {@code Han-Latin} transforms and checked against them by {@code HanTableTest}. A table
 * rather than ICU at run time because loading ICU's transforms takes about a second, and chat text
 * only ever needs them one character at a time.
 */
public final class HanScript {
  /** First and last code point the table covers: CJK Extension A through the Unified block. */
  public static final char FIRST = '\u3400';
  public static final char LAST = '\u9FFF';
  static final String RESOURCE = "han.txt";

  private HanScript() {}

  /** The simplified form of {@code c}, or {@code c} itself when it has none or is not Han. */
  public static char toSimplified(char c) {
    if (c < FIRST || c > LAST) {
      return c;
    }
    char s = Table.SIMPLIFIED[c - FIRST];
    return s == 0 ? c : s;
  }

  /** Toneless lower-case pinyin of a Han character (its most common reading), or empty. */
  public static String pinyin(char c) {
    if (c < FIRST || c > LAST) {
      return "";
    }
    return Table.PINYIN[c - FIRST];
  }

  /** True for characters of the CJK unified ideograph blocks in the BMP. */
  public static boolean isHan(char c) {
    return (c >= FIRST && c <= LAST) || (c >= '\uF900' && c <= '\uFAFF');
  }

  /**
   * The table, one line per code point from {@link #FIRST} to {@link #LAST}: its pinyin, then a tab
   * and its simplified form when that differs.
   */
  private static final class Table {
    static final char[] SIMPLIFIED = new char[LAST - FIRST + 1];
    static final String[] PINYIN = new String[LAST - FIRST + 1];

    static {
      try (InputStream in = HanScript.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (int i = 0; i < PINYIN.length; i++) {
          String line = r.readLine();
          if (line == null) {
            throw new IllegalStateException(RESOURCE + " ends at line " + i);
          }
          int tab = line.indexOf('\t');
          PINYIN[i] = (tab < 0 ? line : line.substring(0, tab)).intern();
          if (tab >= 0) {
            SIMPLIFIED[i] = line.charAt(tab + 1);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
