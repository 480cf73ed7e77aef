package tuangou.bot.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tuangou.ordering.reply.Money;

/**
 * Who gets what of an item that arrived short: first ordered, first served, across all groups of a
 * campaign. Lines are filled in the order they were made ({@code orderedAt}, then {@code id}): every
 * line before the boundary gets all it ordered, the line at the boundary gets what is left, the lines
 * after it get nothing. Each line's shortfall is refunded at the campaign price, rounded half-up to the
 * fen per line (so the refunds of one item may differ from shortfall × price by up to half a fen a
 * line). Pure: no I/O, the same input always gives the same result.
 */
public final class ShortageAllocation {
  private ShortageAllocation() {}

  /** One active order line of the item. */
  public record Line(long id, Instant orderedAt, BigDecimal qty) {
    public Line {
      Objects.requireNonNull(orderedAt, "orderedAt");
      if (qty == null || qty.signum() <= 0) {
        throw new IllegalArgumentException("line " + id + " has quantity " + qty);
      }
    }
  }

  /** What one line gets, what it is short of, and the refund for the shortfall in fen. */
  public record Share(Line line, BigDecimal allocated, BigDecimal shortQty, long refundFen) {
    public boolean isShort() {
      return shortQty.signum() > 0;
    }
  }

  /**
   * The allocation of one item.
   *
   * @param shares one per line, first ordered first
   */
  public record Result(BigDecimal ordered, BigDecimal received, BigDecimal allocated, BigDecimal shortQty,
      List<Share> shares) {
    public Result {
      shares = List.copyOf(shares);
    }

    /** The lines that get less than they ordered, first ordered first. */
    public List<Share> shortShares() {
      return shares.stream().filter(Share::isShort).toList();
    }

    public long refundFen() {
      return shares.stream().mapToLong(Share::refundFen).sum();
    }
  }

  private static final Comparator<Line> FIFO = Comparator.comparing(Line::orderedAt).thenComparingLong(Line::id);

  /**
   * Shares {@code received} of an item among its {@code lines}, in any order given, at
   * {@code priceFen} a unit.
   */
  public static Result allocate(List<Line> lines, BigDecimal received, long priceFen) {
    if (received == null || received.signum() < 0) {
      throw new IllegalArgumentException("received quantity must not be negative: " + received);
    }
    if (priceFen < 0) {
      throw new IllegalArgumentException("price must not be negative: " + priceFen);
    }
    List<Line> ordered = lines.stream().sorted(FIFO).toList();
    BigDecimal left = received;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal allocated = BigDecimal.ZERO;
    List<Share> shares = new ArrayList<>(ordered.size());
    for (Line line : ordered) {
      BigDecimal gets = line.qty().min(left);
      BigDecimal shortQty = line.qty().subtract(gets);
      left = left.subtract(gets);
      total = total.add(line.qty());
      allocated = allocated.add(gets);
      long refund = shortQty.signum() == 0 ? 0 : Money.amountFen(shortQty, priceFen);
      shares.add(new Share(line, gets, shortQty, refund));
    }
    return new Result(total, received, allocated, total.subtract(allocated), shares);
  }
}
