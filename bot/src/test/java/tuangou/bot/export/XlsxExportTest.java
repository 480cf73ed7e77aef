package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class XlsxExportTest {
  private static final Table SORTING = Table.builder("幸福里自提点", "序号", "住户", "商品", "数量", "金额", "下单时间")
      .row(Cell.integer(1), Cell.text("3-502 王阿姨"), Cell.text("烟台苹果"), Cell.quantity(new BigDecimal("2.50")),
          Cell.money(1234), Cell.timestamp(OffsetDateTime.parse("2026-11-22T12:05:00Z")))
      .row(Cell.integer(2), Cell.text("=1+2"), Cell.text(""), Cell.quantity(new BigDecimal("1E+2")),
          Cell.money(-5), Cell.timestamp(OffsetDateTime.parse("2026-11-23T00:30:00+09:00")))
      .build();

  private static List<Row> rows(byte[] xlsx, int sheet) throws IOException {
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
      return book.getSheet(sheet).orElseThrow().read();
    }
  }

  private static List<String> sheetNames(byte[] xlsx) throws IOException {
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      return book.getSheets().map(Sheet::getName).toList();
    }
  }

  /** A part of the package, read through the zip's central directory as Excel does. */
  private static String entry(byte[] xlsx, String name) throws IOException {
    Path file = Files.createTempFile("export", ".xlsx");
    try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
      ZipEntry e = zip.getEntry(name);
      assertThat(e).as(name).isNotNull();
      return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void theSampleRowHoldsEveryCellType() {
    // so that the tests below reach every branch of XlsxExport.writeCell
    assertThat(SORTING.rows().get(0).stream().<Class<?>>map(Object::getClass).distinct().toList())
        .containsExactlyInAnyOrder(Cell.class.getPermittedSubclasses());
    assertThat(XlsxExport.toBytes(SORTING)).isNotEmpty();
  }

  @Test
  void headerRowIsTheHeaders() throws IOException {
    Row header = rows(XlsxExport.toBytes(SORTING), 0).get(0);

    assertThat(header.stream().map(c -> c.asString()).toList())
        .containsExactly("序号", "住户", "商品", "数量", "金额", "下单时间");
  }

  @Test
  void moneyIsANumberFormattedWithTwoDecimals() throws IOException {
    List<Row> rows = rows(XlsxExport.toBytes(SORTING), 0);

    org.dhatim.fastexcel.reader.Cell money = rows.get(1).getCell(4);
    assertThat(money.getType()).isEqualTo(CellType.NUMBER);
    assertThat(money.asNumber()).isEqualByComparingTo("12.34");
    assertThat(money.getDataFormatString()).isEqualTo("0.00");
    assertThat(rows.get(2).getCell(4).asNumber()).isEqualByComparingTo("-0.05");
  }

  @Test
  void integersAndQuantitiesAreNumbers() throws IOException {
    List<Row> rows = rows(XlsxExport.toBytes(SORTING), 0);

    assertThat(rows.get(1).getCell(0).getType()).isEqualTo(CellType.NUMBER);
    assertThat(rows.get(1).getCell(0).asNumber()).isEqualByComparingTo("1");
    assertThat(rows.get(1).getCell(3).getType()).isEqualTo(CellType.NUMBER);
    assertThat(rows.get(1).getCell(3).asNumber()).isEqualByComparingTo("2.5");
    assertThat(rows.get(2).getCell(3).getRawValue()).isEqualTo("100");
  }

  @Test
  void textIsTextAndTimestampsAreBeijingTimeText() throws IOException {
    List<Row> rows = rows(XlsxExport.toBytes(SORTING), 0);

    assertThat(rows.get(1).getCell(1).getType()).isEqualTo(CellType.STRING);
    assertThat(rows.get(1).getCell(1).asString()).isEqualTo("3-502 王阿姨");
    assertThat(rows.get(1).getCell(5).getType()).isEqualTo(CellType.STRING);
    assertThat(rows.get(1).getCell(5).asString()).isEqualTo("2026-11-22 20:05");
    assertThat(rows.get(2).getCell(5).asString()).isEqualTo("2026-11-22 23:30");
  }

  @Test
  void formulaLookingTextIsPlainTextWithNoApostrophe() throws IOException {
    org.dhatim.fastexcel.reader.Cell cell = rows(XlsxExport.toBytes(SORTING), 0).get(2).getCell(1);

    assertThat(cell.getType()).isEqualTo(CellType.STRING);
    assertThat(cell.asString()).isEqualTo("=1+2");
    assertThat(cell.getFormula()).isNull();
  }

  @Test
  void emptyTextIsAnEmptyCell() throws IOException {
    Row row = rows(XlsxExport.toBytes(SORTING), 0).get(2);

    assertThat(row.getOptionalCell(2).map(c -> c.getType()).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);
  }

  @Test
  void eachTableIsASheetInOrder() throws IOException {
    Table a = Table.builder("幸福里", "住户", "金额").row(Cell.text("王"), Cell.money(100)).build();
    Table b = Table.builder("阳光城", "住户", "金额").row(Cell.text("李"), Cell.money(250))
        .row(Cell.text("张"), Cell.money(99)).build();
    Table c = Table.builder("汇总", "合计").row(Cell.money(449)).build();

    byte[] xlsx = XlsxExport.toBytes(Workbook.of(a, b, c));

    assertThat(sheetNames(xlsx)).containsExactly("幸福里", "阳光城", "汇总");
    assertThat(rows(xlsx, 1)).hasSize(3);
    assertThat(rows(xlsx, 1).get(2).getCell(0).asString()).isEqualTo("张");
    assertThat(rows(xlsx, 2).get(1).getCell(0).asNumber()).isEqualByComparingTo("4.49");
  }

  @Test
  void sheetNamesAreMadeValidAndUnique() throws IOException {
    Table.Builder[] builders = {
        Table.builder("A/B:C[1]*?\\", "x"),
        Table.builder("这是一个非常非常非常非常非常非常非常长的自提点名称超过三十一个字", "x"),
        Table.builder("幸福里", "x"),
        Table.builder("幸福里", "x"),
    };
    List<Table> tables = java.util.Arrays.stream(builders).map(Table.Builder::build).toList();

    List<String> names = sheetNames(XlsxExport.toBytes(new Workbook(tables)));

    assertThat(names).containsExactly("A_B_C_1____", "这是一个非常非常非常非常非常非常非常长的自提点名称超过三十一个", "幸福里", "幸福里 (2)");
    assertThat(names).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(31));
  }

  @Test
  void headerRowIsBoldAndFrozen() throws IOException {
    byte[] xlsx = XlsxExport.toBytes(SORTING);

    String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
    assertThat(sheet).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
    String styles = entry(xlsx, "xl/styles.xml");
    assertThat(styles).contains("<b/>");
    Matcher headerStyle = Pattern.compile("<c r=\"A1\" s=\"(\\d+)\"").matcher(sheet);
    assertThat(headerStyle.find()).as("A1 has a style").isTrue();
    assertThat(headerStyle.group(1)).isNotEqualTo("0");
  }

  @Test
  void chineseColumnsAreWiderThanNumberColumns() throws IOException {
    String sheet = entry(XlsxExport.toBytes(SORTING), "xl/worksheets/sheet1.xml");

    double number = width(sheet, 1);
    double name = width(sheet, 2);
    assertThat(number).isGreaterThanOrEqualTo(ColumnWidths.MIN);
    // "3-502 王阿姨": 6 narrow + 3 wide characters = 12 units, plus padding
    assertThat(name).isEqualTo(14.0);
    assertThat(name).isGreaterThan(number);
  }

  private static double width(String sheetXml, int column) {
    Matcher m = Pattern.compile("<col min=\"" + column + "\" max=\"" + column + "\" width=\"([0-9.]+)\"").matcher(sheetXml);
    assertThat(m.find()).as("width of column " + column).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void writingLeavesTheCallersStreamOpen() throws IOException {
    CsvExportTest.ClosingStream out = new CsvExportTest.ClosingStream();

    XlsxExport.write(SORTING, out);

    assertThat(out.closed).isFalse();
    try (InputStream in = new ByteArrayInputStream(out.toByteArray());
        ReadableWorkbook book = new ReadableWorkbook(in)) {
      assertThat(book.getFirstSheet().read()).hasSize(3);
    }
  }

  @Test
  void httpConstants() {
    assertThat(XlsxExport.CONTENT_TYPE).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(XlsxExport.EXTENSION).isEqualTo("xlsx");
  }
}
