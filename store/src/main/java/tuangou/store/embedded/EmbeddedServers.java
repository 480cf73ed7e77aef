package tuangou.store.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import redis.embedded.RedisServer;

/**
 * The zero-configuration default: a PostgreSQL and a Redis started from jars, PostgreSQL's data
 * kept under {@code dataDir/pg} so that orders survive a restart. Blocking; call off the event loop.
 *
 * <p>It heals itself: on start, what a killed earlier run left behind is stopped or removed
 * ({@link Orphans}); while running, a watchdog looks at both children every second and restarts one
 * that died, on the same port and data, with a growing pause between failed attempts
 * ({@link Restarter}). Restarts are logged and counted ({@link #restarts(String)}).
 */
public final class EmbeddedServers implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmbeddedServers.class.getName());
  /** The data directory's own lock: held while this runs, so another start on it fails and a killed run's is free. */
  static final String LOCK = "tuangou.lock";

  private final Path dataDir;
  private final FileOutputStream lockStream;
  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final int redisPort;
  private final List<String> healed;
  private volatile Orphans.Child postmaster;
  private volatile Orphans.Child redisChild;
  private final Restarter postgresRestarts;
  private final Restarter redisRestarts;
  private final ScheduledExecutorService watchdog;
  private volatile boolean closed;

  private EmbeddedServers(Path dataDir, FileOutputStream lockStream, EmbeddedPostgres postgres, RedisServer redis,
      int redisPort, Orphans.Child redisChild, List<String> healed) {
    this.dataDir = dataDir;
    this.lockStream = lockStream;
    this.postgres = postgres;
    this.redis = redis;
    this.redisPort = redisPort;
    this.healed = healed;
    this.postmaster = postgres == null ? null : postmasterChild();
    this.redisChild = redisChild;
    this.postgresRestarts = new Restarter("PostgreSQL", this::restartPostgres);
    this.redisRestarts = new Restarter("Redis", this::restartRedis);
    rememberChildren();
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tuangou-embedded-watchdog");
      t.setDaemon(true);
      return t;
    });
    watchdog.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
  }

  /** Starts both; {@code dataDir} is created if missing. */
  public static EmbeddedServers start(Path dataDir, boolean withPostgres, boolean withRedis) {
    FileOutputStream lockStream = null;
    try {
      Files.createDirectories(dataDir);
      lockStream = lock(dataDir);
      List<String> healed = Orphans.clean(dataDir);
      EmbeddedPostgres pg = null;
      if (withPostgres) {
        // PostgreSQL's own output (initdb's advice, server logs) goes to a file beside its data,
        // not into the service's console where it buries what the operator needs to read
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile());
        pg = EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("pg"))
            .setOutputRedirector(log)
            .setErrorRedirector(log)
            .setCleanDataDirectory(false)
            .setPGStartupWait(java.time.Duration.ofSeconds(60))
            // the library's test-friendly defaults turn durability off; orders must survive a crash
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .start();
      }
      RedisServer redis = null;
      Orphans.Child redisChild = null;
      int port = 0;
      if (withRedis) {
        port = freePort();
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
            .setting("save \"\"").setting("appendonly no").build();
        redisChild = startRedis(redis);
      }
      return new EmbeddedServers(dataDir, lockStream, pg, redis, port, redisChild, healed);
    } catch (IOException e) {
      closeQuietly(lockStream);
      throw new UncheckedIOException("cannot start the embedded servers under " + dataDir, e);
    } catch (RuntimeException e) {
      closeQuietly(lockStream);
      throw e;
    }
  }

  private static FileOutputStream lock(Path dataDir) throws IOException {
    FileOutputStream stream = new FileOutputStream(dataDir.resolve(LOCK).toFile());
    FileLock lock;
    try {
      lock = stream.getChannel().tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      stream.close();
      // StartFailure recognises "epg-lock", the embedded PostgreSQL's own lock, for the same situation
      throw new IllegalStateException("could not lock " + dataDir.resolve(LOCK) + " (epg-lock): the data directory "
          + "is in use by another running service");
    }
    return stream;
  }

  /** What the start found and cleaned up after an earlier run (empty after a clean stop). */
  public List<String> healed() {
    return healed;
  }

  /** {@code postgresql://postgres@127.0.0.1:PORT/postgres}, or null when not started. */
  public String postgresUrl() {
    return postgres == null ? null : "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  /** {@code redis://127.0.0.1:PORT}, or null when not started. */
  public String redisUrl() {
    return redis == null ? null : "redis://127.0.0.1:" + redisPort;
  }

  /** The process ids of the running children by kind (postgres: the postmaster; redis), for operators and tests. */
  public Map<String, Long> pids() {
    Map<String, Long> pids = new java.util.TreeMap<>();
    Optional.ofNullable(postmaster).ifPresent(c -> pids.put("postgres", c.pid()));
    Optional.ofNullable(redisChild).ifPresent(c -> pids.put("redis", c.pid()));
    return pids;
  }

  /** How often the server of {@code kind} (postgres, redis) was restarted after it died. */
  public long restarts(String kind) {
    return restarter(kind).map(Restarter::restarts).orElse(0L);
  }

  /** Restart attempts of {@code kind} that failed (each is retried after a longer pause). */
  public long failedRestarts(String kind) {
    return restarter(kind).map(Restarter::failures).orElse(0L);
  }

  /** Whether the server of {@code kind} is running now (false when not started by this). */
  public boolean running(String kind) {
    if (kind.equals("postgres") && postgres != null) {
      Orphans.Child c = postmaster;
      return c != null ? c.alive().isPresent() : listening(postgres.getPort());
    }
    if (kind.equals("redis") && redis != null) {
      Orphans.Child c = redisChild;
      return c != null ? c.alive().isPresent() : listening(redisPort);
    }
    return false;
  }

  /** Whether something accepts connections on the port: the fallback when a child's process is not known. */
  private static boolean listening(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The kinds this started: postgres, redis or both. */
  public Set<String> kinds() {
    Set<String> kinds = new java.util.TreeSet<>();
    if (postgres != null) {
      kinds.add("postgres");
    }
    if (redis != null) {
      kinds.add("redis");
    }
    return kinds;
  }

  private Optional<Restarter> restarter(String kind) {
    return Optional.ofNullable(kind.equals("postgres") && postgres != null ? postgresRestarts
        : kind.equals("redis") && redis != null ? redisRestarts : null);
  }

  private void watch() {
    // on SIGTERM the libraries' own shutdown hooks stop both servers, concurrently with the service's:
    // a server stopping then is not one to bring back
    if (closed || shuttingDown()) {
      return;
    }
    try {
      if (postgres != null) {
        postgresRestarts.check(running("postgres"));
      }
      if (redis != null) {
        redisRestarts.check(running("redis"));
      }
    } catch (RuntimeException e) {
      LOG.warning("the embedded servers' watchdog failed: " + e);
    }
  }

  /**
   * Starts the postmaster again with the arguments it was first started with, through pg_ctl beside
   * its binary: the same port, data and settings, so the pool's connections to it simply reconnect.
   */
  private void restartPostgres() throws IOException, InterruptedException {
    if (firstPostmasterCommand == null) {
      throw new IOException("the first postmaster's command line is not known, so it cannot be started again");
    }
    Path pgData = dataDir.resolve("pg");
    // backends of a killed postmaster keep its shared memory, and a new postmaster refuses to start beside them
    Orphans.stopServersIn(pgData);
    Files.deleteIfExists(pgData.resolve("postmaster.pid"));
    Orphans.removeStaleSocketLock(postgres.getPort());
    Orphans.Child old = postmaster;
    List<String> args = new ArrayList<>(firstPostmasterArgs);
    Path pgCtl = Path.of(firstPostmasterCommand).resolveSibling("pg_ctl");
    List<String> command = new ArrayList<>(asUnprivileged());
    command.addAll(List.of(pgCtl.toString(), "-D", pgData.toString(), "-o", optionsWithoutDataDir(args), "-w", "-t", "60",
        "start"));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
        .start();
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("pg_ctl start failed (see " + dataDir.resolve("postgres.log") + ")");
    }
    postmaster = postmasterChild();
    if (postmaster == null) {
      throw new IOException("PostgreSQL started but wrote no postmaster.pid");
    }
    LOG.info("embedded PostgreSQL restarted (pid " + postmaster.pid() + ", was " + (old == null ? "?" : old.pid())
        + ") on port " + postgres.getPort());
    rememberChildren();
  }

  private void restartRedis() throws IOException {
    redis.stop();
    redisChild = startRedis(redis);
    LOG.info("embedded Redis restarted (pid " + (redisChild == null ? "?" : redisChild.pid()) + ") on port " + redisPort);
    rememberChildren();
  }

  private String firstPostmasterCommand;
  private List<String> firstPostmasterArgs = List.of();

  private Orphans.Child postmasterChild() {
    Optional<Orphans.Child> c = Orphans.postmasterPid(dataDir.resolve("pg")).flatMap(pid -> Orphans.Child.of("postgres", pid));
    c.flatMap(child -> ProcessHandle.of(child.pid())).ifPresent(p -> {
      if (firstPostmasterCommand == null && p.info().command().isPresent()) {
        firstPostmasterCommand = p.info().command().get();
        firstPostmasterArgs = List.of(p.info().arguments().orElse(new String[0]));
      }
    });
    return c.orElse(null);
  }

  /**
   * PostgreSQL refuses to run as root; run as root, the embedded PostgreSQL library starts it in a
   * user namespace of its own ({@code unshare -U}, where root is nobody), and so must a restart.
   */
  private static List<String> asUnprivileged() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "unshare"))) {
        return List.of(Path.of(dir, "unshare").toString(), "-U");
      }
    }
    return List.of();
  }

  /** The postmaster's arguments for pg_ctl's -o, without the -D that pg_ctl adds itself. */
  private static String optionsWithoutDataDir(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-D") && i + 1 < args.size()) {
        i++;
      } else {
        out.add(args.get(i));
      }
    }
    return out.stream().map(a -> a.matches("[A-Za-z0-9_=./:-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }

  /**
   * Starts redis-server and finds its process: the library keeps it to itself, and redis-server
   * rewrites its command line, so it is the one child of this JVM that was not there before.
   */
  private static Orphans.Child startRedis(RedisServer redis) throws IOException {
    synchronized (EmbeddedServers.class) {
      Set<Long> before = redisChildren().map(ProcessHandle::pid).collect(Collectors.toSet());
      redis.start();
      return redisChildren().filter(p -> !before.contains(p.pid()))
          .max(java.util.Comparator.comparing(p -> p.info().startInstant().orElse(java.time.Instant.EPOCH)))
          .flatMap(p -> Orphans.Child.of("redis", p.pid())).orElse(null);
    }
  }

  private static java.util.stream.Stream<ProcessHandle> redisChildren() {
    return ProcessHandle.current().children().filter(p -> Orphans.commandHas(p, "redis"));
  }

  private void rememberChildren() {
    List<Orphans.Child> children = new ArrayList<>();
    Optional.ofNullable(postmaster).ifPresent(children::add);
    Optional.ofNullable(redisChild).ifPresent(children::add);
    Orphans.remember(dataDir, children);
  }

  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  @Override
  public void close() {
    closed = true;
    watchdog.shutdownNow();
    try {
      if (redis != null) {
        redis.stop();
      }
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(dataDir.resolve(Orphans.PIDS));
      } catch (IOException ignored) {
        // a record of children that have stopped is harmless: they are checked before they are touched
      }
      closeQuietly(lockStream);
    }
  }

  private static void closeQuietly(FileOutputStream stream) {
    try {
      if (stream != null) {
        stream.close();
      }
    } catch (IOException ignored) {
      // releasing the lock is all that matters, and closing releases it
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
