package tuangou.bot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process checks for fault tests: a killed server that nobody reaps is a zombie, which is not alive. */
final class Processes {
  private Processes() {}

  static boolean alive(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
      int end = stat.lastIndexOf(')');
      char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'R';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return p.isAlive();
    }
  }
}
