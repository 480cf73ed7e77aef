package tuangou.ordering.command;

/**
 * One item of the leader's review queue as 待确认 lists it.
 *
 * @param who the resident, as the leader knows them
 * @param text what they wrote
 * @param afterSales an after-sales message, rather than an order the bot asked about
 */
public record ReviewView(String who, String text, boolean afterSales) {}
