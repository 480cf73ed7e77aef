package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ExportFormatTest {
  private static final Workbook BOOK = Workbook.of(Table.builder("t", "金额").row(Cell.money(1234)).build());

  @Test
  void queryParameterNamesAFormat() {
    assertThat(ExportFormat.parse("csv")).contains(ExportFormat.CSV);
    assertThat(ExportFormat.parse(" XLSX ")).contains(ExportFormat.XLSX);
    assertThat(ExportFormat.parse("xls")).isEmpty();
    assertThat(ExportFormat.parse(null)).isEmpty();
  }

  @Test
  void eachFormatCarriesItsHttpMetadata() {
    assertThat(ExportFormat.CSV.contentType()).isEqualTo("text/csv; charset=utf-8");
    assertThat(ExportFormat.XLSX.contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(ExportFormat.XLSX.fileName("分拣单-2026-11-22")).isEqualTo("分拣单-2026-11-22.xlsx");
  }

  @Test
  void eachFormatWritesWithItsExporter() throws IOException {
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    ExportFormat.XLSX.write(BOOK, xlsx);

    assertThat(ExportFormat.CSV.toBytes(BOOK)).isEqualTo(CsvExport.toBytes(BOOK));
    // an XLSX file is a zip archive: it starts with "PK"
    assertThat(xlsx.toByteArray()).startsWith('P', 'K');
    assertThat(ExportFormat.XLSX.toBytes(BOOK)).startsWith('P', 'K');
  }
}
