package tuangou.bot.export;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One typed value of a {@link Table}. The type decides how each format writes it: money is a real
 * number in XLSX so that sums work, and every type has one {@link #display() display text} that CSV
 * writes and that XLSX shows for text-like cells.
 */
public sealed interface Cell permits Cell.Text, Cell.Int, Cell.Money, Cell.Quantity, Cell.Timestamp {

  /** Leaders and residents read times in Beijing time, whatever zone the server runs in. */
  ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The text a person sees; what CSV writes (before quoting and the formula guard). */
  String display();

  static Cell text(String value) {
    return new Text(value);
  }

  static Cell integer(long value) {
    return new Int(value);
  }

  static Cell money(long fen) {
    return new Money(fen);
  }

  static Cell quantity(BigDecimal value) {
    return new Quantity(value);
  }

  static Cell timestamp(OffsetDateTime value) {
    return new Timestamp(value);
  }

  /** Free text: names, products, notes; the empty string is an empty cell. */
  record Text(String value) implements Cell {
    public Text {
      Objects.requireNonNull(value, "text cell value (use \"\" for an empty cell)");
    }

    @Override
    public String display() {
      return value;
    }
  }

  /** A whole number such as a count, a sequence number or an order id. */
  record Int(long value) implements Cell {
    @Override
    public String display() {
      return Long.toString(value);
    }
  }

  /** An amount in fen, shown in yuan with two decimals: 1234 is 12.34. */
  record Money(long fen) implements Cell {
    /** The amount in yuan with scale 2, exact (no binary floating point on the way). */
    public BigDecimal yuan() {
      return BigDecimal.valueOf(fen, 2);
    }

    @Override
    public String display() {
      return yuan().toPlainString();
    }
  }

  /** A quantity in the item's unit, e.g. 2.5 (斤); shown without trailing zeros. */
  record Quantity(BigDecimal value) implements Cell {
    public Quantity {
      Objects.requireNonNull(value, "quantity");
    }

    /** The value without trailing zeros and never in exponent form (2.50 is 2.5, 1E+2 is 100). */
    public BigDecimal normalized() {
      BigDecimal stripped = value.stripTrailingZeros();
      return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @Override
    public String display() {
      return normalized().toPlainString();
    }
  }

  /**
   * A moment, shown in Beijing time as {@code yyyy-MM-dd HH:mm}. Both formats write it as that text:
   * an Excel date has no zone, and this text sorts in time order as it is.
   */
  record Timestamp(OffsetDateTime value) implements Cell {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    public Timestamp {
      Objects.requireNonNull(value, "timestamp");
    }

    @Override
    public String display() {
      return FORMAT.format(value);
    }
  }
}
