package tuangou.bot.export;

import java.util.List;

/**
 * Column widths for XLSX, in Excel's unit (the width of one '0' of the default font). fastexcel can
 * size columns itself but counts a Chinese character as one unit, while it takes about two, so
 * Chinese columns came out cut; and it only sees rows not yet flushed.
 */
final class ColumnWidths {
  static final double MIN = 6;
  static final double MAX = 60;
  /** Cell padding and the bold header's extra width. */
  private static final double PADDING = 2;

  private ColumnWidths() {}

  static double of(Table table, int column) {
    int widest = units(table.headers().get(column));
    for (List<Cell> row : table.rows()) {
      widest = Math.max(widest, units(row.get(column).display()));
    }
    return Math.max(MIN, Math.min(MAX, widest + PADDING));
  }

  /** Display units of the longest line: two for wide (CJK, full-width, emoji) code points, else one. */
  static int units(String text) {
    int widest = 0;
    int current = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        widest = Math.max(widest, current);
        current = 0;
      } else {
        current += wide(c) ? 2 : 1;
      }
    }
    return Math.max(widest, current);
  }

  private static boolean wide(int c) {
    return (c >= 0x1100 && c <= 0x115F) // Hangul Jamo
        || (c >= 0x2E80 && c <= 0xA4CF) // CJK radicals … Yi, includes CJK punctuation and ideographs
        || (c >= 0xAC00 && c <= 0xD7A3) // Hangul syllables
        || (c >= 0xF900 && c <= 0xFAFF) // CJK compatibility ideographs
        || (c >= 0xFE30 && c <= 0xFE4F) // CJK compatibility forms
        || (c >= 0xFF00 && c <= 0xFF60) // full-width forms
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || c >= 0x1F300; // emoji and the supplementary ideographs
  }
}
