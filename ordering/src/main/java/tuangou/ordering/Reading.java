package tuangou.ordering;

import tuangou.parser.command.Command;

/**
 * What the engine made of one message: either its effects, or a chat command whose handler needs to
 * know more of the group (its pickups) than the engine holds; the caller reads that and hands the
 * command to {@link tuangou.ordering.command.CommandHandlers}.
 */
public sealed interface Reading permits Reading.Decided, Reading.CommandGiven {
  record Decided(Effects effects) implements Reading {}

  record CommandGiven(Command command) implements Reading {}
}
