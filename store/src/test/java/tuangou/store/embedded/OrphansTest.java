package tuangou.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start cleans up after a killed run, and what it must never touch, with real processes. */
class OrphansTest {
  @TempDir
  Path data;

  private static Process sleeper() throws Exception {
    return new ProcessBuilder("sleep", "60").start();
  }

  @Test
  void aPostmasterPidOfADeadProcessIsRemoved() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    Files.createDirectories(data.resolve("pg"));
    Files.writeString(data.resolve("pg/postmaster.pid"), gone.pid() + "\n" + data.resolve("pg") + "\n");
    List<String> done = Orphans.clean(data);
    assertThat(data.resolve("pg/postmaster.pid")).doesNotExist();
    assertThat(done).anySatisfy(d -> assertThat(d).contains("stale postmaster.pid"));
  }

  @Test
  void aPostmasterPidNamingALiveProcessThatIsNoPostgresIsLeftAloneWithItsProcess() throws Exception {
    Process other = sleeper();
    try {
      Files.createDirectories(data.resolve("pg"));
      Files.writeString(data.resolve("pg/postmaster.pid"), other.pid() + "\n");
      Orphans.clean(data);
      assertThat(other.isAlive()).as("a reused pid is someone else's").isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aRecordedChildIsStoppedOnlyWhenItIsStillThatServerStartedAtThatTime() throws Exception {
    Process notRedis = sleeper();
    Process restartedSince = sleeper();
    try {
      long start = notRedis.toHandle().info().startInstant().orElseThrow().toEpochMilli();
      Orphans.remember(data, List.of(
          // the pid is alive and started then, but it is not a Redis: never touched
          new Orphans.Child("redis", notRedis.pid(), start),
          // a postgres record whose pid now belongs to a process started at another time: never touched
          new Orphans.Child("postgres", restartedSince.pid(), start - 3_600_000)));
      List<String> done = Orphans.clean(data);
      assertThat(done).isEmpty();
      assertThat(notRedis.isAlive()).isTrue();
      assertThat(restartedSince.isAlive()).isTrue();
    } finally {
      notRedis.destroyForcibly();
      restartedSince.destroyForcibly();
    }
  }

  @Test
  void aKilledProcessIsNotAliveAndARunningOneIs() throws Exception {
    Process p = sleeper();
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
    assertThat(Orphans.alive(p.toHandle())).isFalse();
    Process live = sleeper();
    try {
      assertThat(Orphans.alive(live.toHandle())).isTrue();
    } finally {
      live.destroyForcibly();
    }
  }
}
