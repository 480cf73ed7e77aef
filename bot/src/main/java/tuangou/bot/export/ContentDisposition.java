package tuangou.bot.export;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} header values for downloads with Chinese file names. A header value
 * is ISO-8859-1 at best, so the real name travels RFC 5987/6266 style as
 * {@code filename*=UTF-8''%E5%88%86...}, which every current browser reads; the plain
 * {@code filename="..."} beside it is an ASCII fallback for the few clients that do not.
 */
public final class ContentDisposition {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ContentDisposition() {}

  /**
   * {@code attachment; filename="_-2026-11-22.xlsx"; filename*=UTF-8''%E5%88%86%E6%8B%A3%E5%8D%95-2026-11-22.xlsx}
   * for 分拣单-2026-11-22.xlsx. Path separators and control characters in the name become '_', so a
   * name cannot point elsewhere or break the header.
   */
  public static String attachment(String fileName) {
    String name = safe(fileName);
    return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
  }

  private static String safe(String fileName) {
    StringBuilder s = new StringBuilder(fileName.length());
    fileName.codePoints().forEach(c -> s.appendCodePoint(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
    String name = s.toString().strip();
    return name.isEmpty() ? "download" : name;
  }

  /**
   * Printable ASCII stays, except quote and backslash (they would end or escape the quoted string)
   * and percent (some browsers decode it); every other run of characters becomes one '_'.
   */
  static String asciiFallback(String name) {
    StringBuilder s = new StringBuilder(name.length());
    boolean replacing = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean keep = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%';
      if (keep) {
        s.append(c);
      } else if (!replacing) {
        s.append('_');
      }
      replacing = !keep;
    }
    return s.toString();
  }

  /** RFC 5987 value-chars: attr-char as is, every other UTF-8 byte as %XX. */
  static String encode(String name) {
    StringBuilder s = new StringBuilder(name.length() * 3);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (attrChar(c)) {
        s.append((char) c);
      } else {
        s.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return s.toString();
  }

  private static boolean attrChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
