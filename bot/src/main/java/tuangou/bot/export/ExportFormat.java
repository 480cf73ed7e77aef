package tuangou.bot.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The download formats, as named in {@code ?format=csv|xlsx}: what an HTTP handler needs to answer
 * with either one without knowing which.
 */
public enum ExportFormat {
  CSV(CsvExport.CONTENT_TYPE, CsvExport.EXTENSION),
  XLSX(XlsxExport.CONTENT_TYPE, XlsxExport.EXTENSION);

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  /** The format for a query parameter value, ignoring case; empty for anything else. */
  public static Optional<ExportFormat> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (ExportFormat format : values()) {
      if (format.extension.equals(key)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The {@code Content-Type} header value. */
  public String contentType() {
    return contentType;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** {@code base} with this format's extension, e.g. 分拣单-2026-11-22.xlsx. */
  public String fileName(String base) {
    return base + "." + extension;
  }

  public void write(Workbook workbook, OutputStream out) throws IOException {
    if (this == CSV) {
      CsvExport.write(workbook, out);
    } else {
      XlsxExport.write(workbook, out);
    }
  }

  public byte[] toBytes(Workbook workbook) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      write(workbook, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("a byte array stream does not fail", e);
    }
    return out.toByteArray();
  }
}
