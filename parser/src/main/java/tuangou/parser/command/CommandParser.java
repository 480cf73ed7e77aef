package tuangou.parser.command;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a whole message as a command: Chinese words first, {@code /} forms also accepted
 * ({@code /汇总}, {@code /summary}). A command is the whole message, so that {@code 到货了吗}
 * stays a question and {@code 汇总一下苹果} is not a tally request.
 */
public final class CommandParser {
  private static final Map<String, Command> WORDS = Map.ofEntries(
      Map.entry("我的订单", new Command.MyOrders()),
      Map.entry("查单", new Command.MyOrders()),
      Map.entry("查订单", new Command.MyOrders()),
      Map.entry("我的单", new Command.MyOrders()),
      Map.entry("orders", new Command.MyOrders()),
      Map.entry("取货码", new Command.PickupCode()),
      Map.entry("提货码", new Command.PickupCode()),
      Map.entry("code", new Command.PickupCode()),
      Map.entry("帮助", new Command.Help()),
      Map.entry("help", new Command.Help()),
      Map.entry("菜单", new Command.Help()),
      Map.entry("汇总", new Command.Summary()),
      Map.entry("统计", new Command.Summary()),
      Map.entry("summary", new Command.Summary()),
      Map.entry("截单", new Command.Cutoff()),
      Map.entry("cutoff", new Command.Cutoff()),
      Map.entry("到货", new Command.Arrival()),
      Map.entry("arrival", new Command.Arrival()),
      Map.entry("未取", new Command.Unpicked()),
      Map.entry("未取货", new Command.Unpicked()),
      Map.entry("unpicked", new Command.Unpicked()),
      Map.entry("佣金", new Command.Commission(false)),
      Map.entry("commission", new Command.Commission(false)),
      Map.entry("佣金上月", new Command.Commission(true)),
      Map.entry("上月佣金", new Command.Commission(true)),
      Map.entry("待确认", new Command.Pending()),
      Map.entry("待处理", new Command.Pending()),
      Map.entry("pending", new Command.Pending()));
  private static final Pattern VERIFY = Pattern.compile("^(核销|verify)\\s*(.+)$");

  private CommandParser() {}

  /** The command that {@code normalized} is, or empty. */
  public static Optional<Command> parse(String normalized) {
    String t = normalized.trim();
    if (t.startsWith("/")) {
      t = t.substring(1).trim();
    }
    t = stripTrailingPunctuation(t);
    Command word = WORDS.get(t.replace(" ", ""));
    if (word != null) {
      return Optional.of(word);
    }
    Matcher verify = VERIFY.matcher(t);
    if (verify.matches()) {
      return Optional.of(new Command.Verify(verify.group(2).trim()));
    }
    return Optional.empty();
  }

  private static String stripTrailingPunctuation(String t) {
    int end = t.length();
    while (end > 0 && "。.!~,".indexOf(t.charAt(end - 1)) >= 0) {
      end--;
    }
    return t.substring(0, end).trim();
  }
}
