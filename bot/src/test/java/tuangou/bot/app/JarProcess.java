package tuangou.bot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The shaded jar started as operators start it: {@code java -jar tuangou-bot.jar} in a directory of
 * its own, with only the settings given (no TUANGOU_* leaks in from the test's environment), its
 * output kept in files beside it for reading and for a failed run's report.
 */
final class JarProcess implements AutoCloseable {
  private static final Pattern HEALTH = Pattern.compile("health: +(http://\\S+)/health");

  private final Process process;
  private final Path out;
  private final Path err;

  private JarProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("tuangou.jar", "target/tuangou-bot.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no shaded jar at " + jar.toAbsolutePath() + ": run mvn package first");
    }
    return jar.toAbsolutePath();
  }

  static JarProcess start(Path workDir, Map<String, String> settings) throws IOException {
    Files.createDirectories(workDir);
    Path out = workDir.resolve("stdout.log");
    Path err = workDir.resolve("stderr.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar().toString()).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("TUANGOU_"));
    builder.environment().putAll(settings);
    return new JarProcess(builder.start(), out, err);
  }

  /** The service's base URL once it says it is running; fails if it exits first. */
  String awaitRunning(Duration timeout) {
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the jar exited with " + process.exitValue() + "; stderr:\n" + stderr());
      }
      return HEALTH.matcher(stdout()).find();
    });
    Matcher m = HEALTH.matcher(stdout());
    m.find();
    return m.group(1).replace("localhost", "127.0.0.1");
  }

  /** The exit code, once the process has ended by itself within {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the jar is still running after " + timeout + "; stdout:\n" + stdout());
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9 of the service alone: its embedded servers are left as a crash leaves them. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The service's own process. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  String stdout() {
    return read(out);
  }

  String stderr() {
    return read(err);
  }

  /** The lines of standard error that are not log records (java.util.logging writes two lines a record). */
  List<String> stderrLines() {
    return stderr().lines().filter(l -> !l.isBlank()).toList();
  }

  /** Asks the service to stop (SIGTERM, as a service manager does) and waits for its shutdown hook. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not stop within " + timeout + " of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
