package tuangou.ordering.command;

import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** 帮助: what the bot understands; a leader also hears their own commands. */
final class HelpHandler implements CommandHandler<Command.Help> {
  @Override
  public Decision handle(Command.Help command, CommandContext c) {
    String resident = Messages.text("help.resident");
    return Decision.reply(c.leader() ? resident + "\n" + Messages.text("help.leader") : resident);
  }
}
