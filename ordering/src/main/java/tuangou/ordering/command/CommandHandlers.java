package tuangou.ordering.command;

import java.util.Map;
import tuangou.parser.command.Command;

/** Every chat command's handler, by the command's type; {@code CommandHandlersTest} proves none is missing. */
public final class CommandHandlers {
  private static final Map<Class<? extends Command>, CommandHandler<?>> HANDLERS = Map.ofEntries(
      Map.entry(Command.MyOrders.class, new MyOrdersHandler()),
      Map.entry(Command.PickupCode.class, new PickupCodeHandler()),
      Map.entry(Command.Help.class, new HelpHandler()),
      Map.entry(Command.Summary.class, new SummaryHandler()),
      Map.entry(Command.Cutoff.class, new CutoffHandler()),
      Map.entry(Command.Arrival.class, new ArrivalHandler()),
      Map.entry(Command.Unpicked.class, new UnpickedHandler()),
      Map.entry(Command.Verify.class, new VerifyHandler()),
      Map.entry(Command.Commission.class, new CommissionHandler()),
      Map.entry(Command.Pending.class, new PendingHandler()));

  private CommandHandlers() {}

  /** What {@code command} does in {@code context}. */
  public static Decision decide(Command command, CommandContext context) {
    return handle(handler(command.getClass()), command, context);
  }

  static boolean handles(Class<?> commandType) {
    return HANDLERS.containsKey(commandType);
  }

  private static CommandHandler<?> handler(Class<?> type) {
    CommandHandler<?> h = HANDLERS.get(type);
    if (h == null) {
      throw new IllegalStateException("no handler for command " + type.getSimpleName());
    }
    return h;
  }

  @SuppressWarnings("unchecked")
  private static <C extends Command> Decision handle(CommandHandler<C> handler, Command command, CommandContext c) {
    return handler.handle((C) command, c);
  }
}
