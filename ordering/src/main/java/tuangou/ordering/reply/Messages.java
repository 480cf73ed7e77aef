package tuangou.ordering.reply;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The bot's Chinese texts, from {@code messages_zh_CN.properties}, by key. */
public final class Messages {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("tuangou.ordering.reply.messages", Locale.SIMPLIFIED_CHINESE);

  private Messages() {}

  public static String text(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
  }

  public static boolean has(String key) {
    return BUNDLE.containsKey(key);
  }
}
