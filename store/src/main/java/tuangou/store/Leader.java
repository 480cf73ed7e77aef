package tuangou.store;

/** A group leader (团长), who earns commission; rate in basis points (1000 = 10%). */
public record Leader(long id, String name, String phone, int commissionRateBp) {}
