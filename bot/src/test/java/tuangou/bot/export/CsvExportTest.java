package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static Table sortingList(String title) {
    return Table.builder(title, "序号", "住户", "商品", "数量", "金额", "下单时间")
        .row(Cell.integer(1), Cell.text("3-502 王阿姨"), Cell.text("烟台苹果"), Cell.quantity(new BigDecimal("2.50")),
            Cell.money(1725), Cell.timestamp(OffsetDateTime.parse("2026-11-22T12:05:00Z")))
        .row(Cell.integer(2), Cell.text("李, \"小李\""), Cell.text("云南蓝莓\n（大果）"), Cell.quantity(BigDecimal.ONE),
            Cell.money(5), Cell.timestamp(OffsetDateTime.parse("2026-11-22T23:59:00+08:00")))
        .build();
  }

  private static String text(byte[] csv) {
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(BOM);
    return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
  }

  @Test
  void oneTableIsHeaderAndRowsWithBomAndCrlf() {
    byte[] csv = CsvExport.toBytes(sortingList("幸福里"));

    assertThat(text(csv)).isEqualTo(
        "序号,住户,商品,数量,金额,下单时间\r\n"
            + "1,3-502 王阿姨,烟台苹果,2.5,17.25,2026-11-22 20:05\r\n"
            + "2,\"李, \"\"小李\"\"\",\"云南蓝莓\n（大果）\",1,0.05,2026-11-22 23:59\r\n");
  }

  @Test
  void theBomComesOnceAtTheStartOnly() {
    byte[] csv = CsvExport.toBytes(Workbook.of(sortingList("A"), sortingList("B")));

    assertThat(Arrays.copyOf(csv, 3)).containsExactly(BOM);
    assertThat(new String(csv, StandardCharsets.UTF_8).chars().filter(c -> c == '\uFEFF').count()).isEqualTo(1);
  }

  @Test
  void severalTablesAreTitledSectionsSeparatedByABlankLine() {
    Table a = Table.builder("幸福里自提点", "住户", "金额").row(Cell.text("王"), Cell.money(100)).build();
    Table b = Table.builder("阳光城, 北门", "住户", "金额").row(Cell.text("李"), Cell.money(-250)).build();

    String csv = text(CsvExport.toBytes(Workbook.of(a, b)));

    assertThat(csv).isEqualTo(
        "幸福里自提点\r\n住户,金额\r\n王,1.00\r\n"
            + "\r\n"
            + "\"阳光城, 北门\"\r\n住户,金额\r\n李,-2.50\r\n");
    assertThat(CsvReader.parse(csv)).containsExactly(
        List.of("幸福里自提点"), List.of("住户", "金额"), List.of("王", "1.00"),
        List.of(),
        List.of("阳光城, 北门"), List.of("住户", "金额"), List.of("李", "-2.50"));
  }

  @Test
  void textThatLooksLikeAFormulaGetsAnApostrophe() {
    Table table = Table.builder("t", "备注")
        .row(Cell.text("=HYPERLINK(\"http://x\",\"点我\")"))
        .row(Cell.text("+86 138"))
        .row(Cell.text("-1"))
        .row(Cell.text("@SUM(A1)"))
        .row(Cell.text("\tcmd"))
        .row(Cell.text("\r=1"))
        .row(Cell.text("a=1"))
        .row(Cell.text("'已经有撇号"))
        .build();

    List<List<String>> records = CsvReader.parse(text(CsvExport.toBytes(table)));

    assertThat(records).extracting(r -> r.get(0)).containsExactly(
        "备注", "'=HYPERLINK(\"http://x\",\"点我\")", "'+86 138", "'-1", "'@SUM(A1)", "'\tcmd", "'\r=1", "a=1",
        "'已经有撇号");
  }

  @Test
  void titlesAndHeadersAreGuardedToo() {
    Table a = Table.builder("=cmd|' /C calc'!A0", "-负数", "x").build();
    Table b = Table.builder("@b", "x", "y").build();

    List<List<String>> records = CsvReader.parse(text(CsvExport.toBytes(Workbook.of(a, b))));

    assertThat(records.get(0)).containsExactly("'=cmd|' /C calc'!A0");
    assertThat(records.get(1)).containsExactly("'-负数", "x");
    assertThat(records.get(3)).containsExactly("'@b");
  }

  @Test
  void negativeNumbersStayNumbers() {
    Table table = Table.builder("t", "数量", "金额", "整数")
        .row(Cell.quantity(new BigDecimal("-1.5")), Cell.money(-5), Cell.integer(-3))
        .build();

    assertThat(text(CsvExport.toBytes(table))).endsWith("\r\n-1.5,-0.05,-3\r\n");
  }

  @Test
  void aRowOfOneEmptyFieldIsNotABlankLine() {
    Table table = Table.builder("t", "备注").row(Cell.text("")).row(Cell.text("有")).build();

    String csv = text(CsvExport.toBytes(table));

    assertThat(csv).isEqualTo("备注\r\n\"\"\r\n有\r\n");
    assertThat(CsvReader.parse(csv)).containsExactly(List.of("备注"), List.of(""), List.of("有"));
  }

  @Test
  void writingLeavesTheCallersStreamOpenAndFlushed() throws IOException {
    ClosingStream out = new ClosingStream();

    CsvExport.write(sortingList("t"), out);

    assertThat(out.closed).isFalse();
    assertThat(out.toByteArray()).isEqualTo(CsvExport.toBytes(sortingList("t")));
  }

  @Test
  void httpConstants() {
    assertThat(CsvExport.CONTENT_TYPE).isEqualTo("text/csv; charset=utf-8");
    assertThat(CsvExport.EXTENSION).isEqualTo("csv");
  }

  static final class ClosingStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
