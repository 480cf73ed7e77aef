package tuangou.bot.app;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import tuangou.bot.replay.ReplayCommand;

/** The command line: {@code replay} reads a transcript offline. */
public final class Main {
  private static final String USAGE = String.join("\n",
      "usage: java -jar tuangou-bot.jar replay --catalog CATALOG.json TRANSCRIPT.jsonl",
      "       java -jar tuangou-bot.jar replay --help");

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(Arrays.asList(args), out, err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.println("tuangou: the service itself is not built yet; the command available is replay");
      err.println(USAGE);
      return 2;
    }
    String command = args.get(0);
    return switch (command) {
      case "replay" -> ReplayCommand.run(args.subList(1, args.size()), out, err);
      case "-h", "--help", "help" -> {
        out.println(USAGE);
        yield 0;
      }
      default -> {
        err.println("tuangou: unknown command " + command);
        err.println(USAGE);
        yield 2;
      }
    };
  }
}
