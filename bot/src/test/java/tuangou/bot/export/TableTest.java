package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void rowsMustBeAsWideAsTheHeader() {
    Table.Builder builder = Table.builder("t", "a", "b").row(Cell.text("1"), Cell.text("2")).row(Cell.text("only"));

    assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("row 2 has 1 cells for 2 columns");
  }

  @Test
  void aTableNeedsATitleAndColumns() {
    assertThatIllegalArgumentException().isThrownBy(() -> Table.builder(" ", "a").build());
    assertThatIllegalArgumentException().isThrownBy(() -> Table.builder("t").build());
    assertThatNullPointerException().isThrownBy(() -> Table.builder(null, "a").build());
  }

  @Test
  void nullCellsAreRefused() {
    assertThatNullPointerException().isThrownBy(() -> Table.builder("t", "a").row((Cell) null));
  }

  @Test
  void tablesAreImmutableCopies() {
    List<String> headers = new ArrayList<>(List.of("a"));
    List<Cell> row = new ArrayList<>(List.of(Cell.text("1")));
    List<List<Cell>> rows = new ArrayList<>(List.of(row));

    Table table = new Table("t", headers, rows);
    headers.add("b");
    row.add(Cell.text("2"));
    rows.add(List.of(Cell.text("3")));

    assertThat(table.headers()).containsExactly("a");
    assertThat(table.rows()).containsExactly(List.of(Cell.text("1")));
    assertThatThrownBy(() -> table.rows().get(0).add(Cell.text("x"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aWorkbookNeedsATable() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Workbook(List.of()));
    assertThat(Workbook.of(Table.builder("t", "a").build()).tables()).hasSize(1);
  }
}
