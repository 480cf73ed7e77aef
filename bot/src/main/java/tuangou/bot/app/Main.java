package tuangou.bot.app;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import tuangou.bot.replay.ReplayCommand;

/** The command line: no command runs the service; {@code replay} reads a transcript offline. */
public final class Main {
  private static final String USAGE = String.join("\n",
      "usage: java -jar tuangou-bot.jar                 run the service (settings: conf/tuangou.yaml, TUANGOU_*)",
      "       java -jar tuangou-bot.jar replay --catalog CATALOG.json TRANSCRIPT.jsonl",
      "       java -jar tuangou-bot.jar replay --help");

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(Arrays.asList(args), out, err);
    if (code != 0 || (args.length > 0 && !args[0].equals("run"))) {
      System.exit(code);
    }
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String command = args.isEmpty() ? "run" : args.get(0);
    return switch (command) {
      case "run" -> Runner.run(out, err);
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
