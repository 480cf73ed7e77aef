package tuangou.ordering.command;

import tuangou.parser.command.Command;

/** Decides what one kind of chat command does, from what the context says; never reads or writes. */
public interface CommandHandler<C extends Command> {
  Decision handle(C command, CommandContext context);
}
