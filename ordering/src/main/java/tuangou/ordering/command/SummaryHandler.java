package tuangou.ordering.command;

import tuangou.ordering.reply.CommandReplies;
import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** 汇总: the group's tally, for its leader. */
final class SummaryHandler implements CommandHandler<Command.Summary> {
  @Override
  public Decision handle(Command.Summary command, CommandContext c) {
    return Decision.reply(c.leader() ? CommandReplies.summary(c.groupName(), c.lines(), c.replies())
        : Messages.text("summary.leader.only", c.senderName()));
  }
}
