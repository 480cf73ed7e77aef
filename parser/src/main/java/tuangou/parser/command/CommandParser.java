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
  private static final Pattern CLAUSE = Pattern.compile("[,;!?。~\\s]+");
  private static final String PARTICLES = "(了|啦|咯|喽|啰)?(哈|哦|啊|呀|喔|哟|噢|哒|嘞)*";
  /** "截单了", "已截单", "现在截单啦", "接龙结束": done now, not "明晚8点截单". */
  private static final Pattern CUT_OFF = Pattern.compile("^(好的|好)?(现在|本次|这次|今天的?|今日|本团|本期)?"
      + "(团购|拼团|接龙|团)?(现在|已经|已|正式|到此)?(截单|截止|结束|停止接龙)" + PARTICLES + "$");
  /** "到货了", "已到货", "货到了", "今天的菜到了". */
  private static final Pattern ARRIVED = Pattern.compile("^(今天的?|本次的?)?(货|菜|团品)?(已经|已|都)?(到货|到了|到啦|到齐了|到齐)"
      + PARTICLES + "$");
  private static final Pattern ASKS = Pattern.compile("[?]|吗|么|没|呢|不");

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

  /**
   * A cutoff or arrival said in a sentence ({@code 截单了哈 明天到货}, {@code 已截单，明天到货},
   * {@code 到货了 大家来取}): one clause says it is done now. Only a leader's message is read so; a
   * question ({@code 截单了吗？}) or a time ahead ({@code 明晚8点截单}) is none. A cutoff said beside an
   * arrival time is the cutoff.
   */
  public static Optional<Command> announcement(String text) {
    String t = tuangou.parser.text.TextNormalizer.normalize(text == null ? "" : text).trim();
    if (t.isEmpty() || t.length() > 80 || ASKS.matcher(t).find()) {
      return Optional.empty();
    }
    boolean arrived = false;
    for (String clause : CLAUSE.split(t)) {
      if (CUT_OFF.matcher(clause).matches() && (clause.contains("截") || clause.contains("接龙"))) {
        return Optional.of(new Command.Cutoff());
      }
      arrived |= ARRIVED.matcher(clause).matches() && (clause.contains("货") || clause.contains("菜")
          || clause.contains("团品"));
    }
    return arrived ? Optional.of(new Command.Arrival()) : Optional.empty();
  }

  private static String stripTrailingPunctuation(String t) {
    int end = t.length();
    while (end > 0 && "。.!~,".indexOf(t.charAt(end - 1)) >= 0) {
      end--;
    }
    return t.substring(0, end).trim();
  }
}
