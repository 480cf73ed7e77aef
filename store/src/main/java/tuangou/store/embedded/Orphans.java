package tuangou.store.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a previous run that was killed (kill -9, a power cut) left behind under the data directory:
 * an embedded PostgreSQL or Redis still running with nobody to use it, a {@code postmaster.pid} of a
 * dead server, PostgreSQL backends that outlived their postmaster. Called while the data directory's
 * lock is held, so whatever runs on it is an orphan of an earlier run, never another live service's.
 *
 * <p>Children are remembered in {@code embedded.pids} (kind, pid, start time); a process is stopped
 * only if it is alive, started at the recorded time and is the recorded kind of server, so a pid
 * reused by an unrelated process is never touched.
 */
final class Orphans {
  private static final Logger LOG = Logger.getLogger(Orphans.class.getName());
  static final String PIDS = "embedded.pids";

  private Orphans() {}

  /** A child server of this run: {@code kind} is postgres or redis. */
  record Child(String kind, long pid, long startMillis) {
    String line() {
      return kind + " " + pid + " " + startMillis;
    }

    static Optional<Child> of(String kind, long pid) {
      return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
          .map(start -> new Child(kind, pid, start.toEpochMilli()));
    }

    /** The live process this record names, if it is still the same process and that kind of server. */
    Optional<ProcessHandle> alive() {
      return ProcessHandle.of(pid).filter(Orphans::alive).filter(p -> {
        Instant start = p.info().startInstant().orElse(Instant.EPOCH);
        return Math.abs(start.toEpochMilli() - startMillis) < 2000 && commandHas(p, kind);
      });
    }
  }

  static void remember(Path dataDir, List<Child> children) {
    try {
      Files.writeString(dataDir.resolve(PIDS), String.join("\n", children.stream().map(Child::line).toList()) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warning("cannot write " + dataDir.resolve(PIDS) + ": " + e.getMessage()
          + "; orphans of this run will not be recognised after a crash");
    }
  }

  /** Stops what an earlier run left running and removes a stale lock file; what was done, for the log and tests. */
  static List<String> clean(Path dataDir) {
    List<String> done = new ArrayList<>();
    for (Child c : recorded(dataDir)) {
      c.alive().ifPresent(p -> {
        stop(p, Duration.ofSeconds(10));
        done.add("stopped an orphaned embedded " + c.kind() + " (pid " + c.pid() + ") of an earlier run");
      });
    }
    Path pgData = dataDir.resolve("pg");
    Path pidFile = pgData.resolve("postmaster.pid");
    Optional<Long> postmaster = postmasterPid(pgData);
    if (postmaster.isPresent()) {
      Optional<ProcessHandle> live = ProcessHandle.of(postmaster.get()).filter(Orphans::alive)
          .filter(p -> commandHas(p, "postgres"));
      if (live.isPresent()) {
        // SIGTERM is PostgreSQL's smart shutdown: its clients died with the earlier run, so it ends soon
        stop(live.get(), Duration.ofSeconds(15));
        done.add("stopped an orphaned embedded postgres (pid " + postmaster.get() + ") still running on " + pgData);
      }
    }
    int leftovers = stopServersIn(pgData);
    if (leftovers > 0) {
      done.add("stopped " + leftovers + " PostgreSQL processes that outlived their postmaster");
    }
    if (Files.exists(pidFile) && postmaster.flatMap(ProcessHandle::of).filter(Orphans::alive).isEmpty()) {
      try {
        Files.deleteIfExists(pidFile);
        done.add("removed a stale postmaster.pid" + postmaster.map(p -> " (pid " + p + " is not running)").orElse(""));
      } catch (IOException e) {
        LOG.warning("cannot remove the stale " + pidFile + ": " + e.getMessage());
      }
    }
    done.forEach(LOG::warning);
    return done;
  }

  /**
   * Removes the Unix socket's lock file ({@code /tmp/.s.PGSQL.PORT.lock}) of a postmaster that is no
   * longer alive: a killed one that nobody reaped still holds its pid, and a new postmaster on the same
   * port would take it for a live one and refuse to start.
   */
  static void removeStaleSocketLock(int port) {
    Path lock = Path.of("/tmp", ".s.PGSQL." + port + ".lock");
    try {
      List<String> lines = Files.readAllLines(lock, StandardCharsets.UTF_8);
      long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
      if (ProcessHandle.of(pid).filter(Orphans::alive).isEmpty()) {
        Files.deleteIfExists(lock);
        Files.deleteIfExists(Path.of("/tmp", ".s.PGSQL." + port));
      }
    } catch (IOException | NumberFormatException e) {
      // no lock file, or not ours to read: PostgreSQL decides
    }
  }

  /** The pid in the first line of {@code postmaster.pid}, if there is one. */
  static Optional<Long> postmasterPid(Path pgData) {
    try {
      List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Stops every PostgreSQL process working in {@code pgData} (its current directory, as /proc shows
   * it on Linux): backends and helpers of a postmaster that was killed, which would keep its shared
   * memory and stop a new postmaster from starting.
   */
  static int stopServersIn(Path pgData) {
    Path real;
    try {
      real = pgData.toRealPath();
    } catch (IOException e) {
      return 0;
    }
    List<ProcessHandle> found = ProcessHandle.allProcesses().filter(Orphans::alive).filter(p -> commandHas(p, "postgres"))
        .filter(p -> real.equals(cwd(p.pid()))).toList();
    found.forEach(ProcessHandle::destroyForcibly);
    found.forEach(p -> awaitExit(p, Duration.ofSeconds(5)));
    return found.size();
  }

  private static Path cwd(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  private static List<Child> recorded(Path dataDir) {
    List<Child> children = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dataDir.resolve(PIDS), StandardCharsets.UTF_8)) {
        String[] f = line.strip().split(" ");
        if (f.length == 3) {
          children.add(new Child(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no record (a first start, or a run before records were kept): nothing to recognise
    }
    return children;
  }

  static boolean commandHas(ProcessHandle p, String kind) {
    String command = p.info().command().orElse("") + " " + p.info().commandLine().orElse("");
    return command.contains(kind.equals("redis") ? "redis" : "postgres");
  }

  /** SIGTERM, then SIGKILL (the process and what it started) if it has not ended within {@code grace}. */
  static void stop(ProcessHandle p, Duration grace) {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    if (!awaitExit(p, grace)) {
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      awaitExit(p, Duration.ofSeconds(5));
    }
  }

  /** True once {@code p} has ended (or is a zombie) within {@code within}. */
  static boolean awaitExit(ProcessHandle p, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (alive(p)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !alive(p);
      }
    }
    return true;
  }

  /**
   * Alive and not a zombie. A server started through pg_ctl is not this JVM's child: once killed it
   * waits for whoever adopted it to reap it, and where nobody does (a container whose first process
   * reaps nothing) it stays a zombie, which {@link ProcessHandle#isAlive()} counts as alive.
   */
  static boolean alive(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"), StandardCharsets.UTF_8);
      int end = stat.lastIndexOf(')');
      char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'R';
      return state != 'Z' && state != 'X';
    } catch (IOException | SecurityException e) {
      return p.isAlive(); // no /proc (not Linux), or it has just gone
    }
  }
}
