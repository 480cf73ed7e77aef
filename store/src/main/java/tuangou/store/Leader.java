package tuangou.store;

/**
 * A group leader (团长), who earns commission; rate in basis points (1000 = 10%). {@code wecomUserId}
 * is their WeCom member id, when they work in WeCom: the owner of their customer groups and the
 * sender of their private commands to the app.
 */
public record Leader(long id, String name, String phone, int commissionRateBp, String wecomUserId) {}
