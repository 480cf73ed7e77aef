package tuangou.ordering.command;

import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** How a command is called in chat (截单, 核销 …), from the message bundle, where each name is written once. */
public final class CommandNames {
  private CommandNames() {}

  public static String of(Command command) {
    return Messages.text(key(command.getClass()));
  }

  static String key(Class<?> commandType) {
    return "command.name." + commandType.getSimpleName();
  }
}
