package tuangou.ordering.command;

import java.util.List;
import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** 待确认: the leader's review queue, so that nothing the bot was unsure of is forgotten. */
final class PendingHandler implements CommandHandler<Command.Pending> {
  /** A chat message stays readable: the rest is counted, and the admin API lists everything. */
  static final int MAX_LISTED = 20;

  @Override
  public Decision handle(Command.Pending command, CommandContext c) {
    return Refusals.notLeader(command, c).orElseGet(() -> Decision.reply(list(c.groupName(), c.pending())));
  }

  static String list(String groupName, List<ReviewView> pending) {
    if (pending.isEmpty()) {
      return Messages.text("pending.none", groupName);
    }
    List<String> rows = pending.stream().limit(MAX_LISTED).map(p -> Messages.text(
        p.afterSales() ? "pending.aftersales" : "pending.question", p.who(), shortened(p.text()))).toList();
    String more = pending.size() > MAX_LISTED ? "\n" + Messages.text("pending.more", pending.size() - MAX_LISTED) : "";
    return Messages.text("pending.list", groupName, pending.size(), String.join("\n", rows)) + more;
  }

  private static String shortened(String text) {
    String t = text.strip().replace('\n', ' ');
    return t.length() > 30 ? t.substring(0, 30) + "…" : t;
  }
}
