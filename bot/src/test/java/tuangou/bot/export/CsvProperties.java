package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, a CSV reader gets back exactly what was written. */
class CsvProperties {

  /** Any string, unpaired surrogates included: quoting works on chars, not on encoded bytes. */
  @Property(tries = 2000)
  void anyStringSurvivesQuoting(@ForAll String value) {
    String record = CsvExport.quote(value) + "\r\n";

    List<List<String>> parsed = CsvReader.parse(record);

    List<String> expected = value.isEmpty() ? List.of() : List.of(value);
    assertThat(parsed).containsExactly(expected);
  }

  @Property(tries = 500)
  void textTablesRoundTripThroughTheFileWithOnlyTheGuardAdded(@ForAll("texts") List<List<String>> rows) {
    Table.Builder builder = Table.builder("t", "a", "b", "c");
    rows.forEach(row -> builder.row(row.stream().map(Cell::text).toList()));

    byte[] csv = CsvExport.toBytes(builder.build());

    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<List<String>> expected = new ArrayList<>();
    expected.add(List.of("a", "b", "c"));
    rows.forEach(row -> expected.add(row.stream().map(CsvExport::guard).toList()));
    assertThat(CsvReader.parse(text.substring(1))).isEqualTo(expected);
  }

  /** Rows of three fields made of the characters that matter to CSV, plus Chinese and Latin text. */
  @Provide
  Arbitrary<List<List<String>>> texts() {
    Arbitrary<String> field = Arbitraries.strings()
        .withChars(",\"\r\n\t=+-@' ")
        .withCharRange('a', 'z')
        .withCharRange('\u4e00', '\u4e2f')
        .withCharRange('\uff01', '\uff0f')
        .ofMaxLength(12);
    return field.list().ofSize(3).list().ofMaxSize(8);
  }
}
