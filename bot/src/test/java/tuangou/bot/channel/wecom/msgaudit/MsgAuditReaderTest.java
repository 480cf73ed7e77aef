package tuangou.bot.channel.wecom.msgaudit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tuangou.bot.app.Service;
import tuangou.bot.app.TestService;
import tuangou.store.pg.PgMsgAuditCursor;

/**
 * The reader's batch → sink → cursor loop, on the real database. Tencent's native SDK is the one
 * thing replaced ({@link FakeArchive}), because it cannot run here.
 */
class MsgAuditReaderTest {
  private static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
  private static final String ROOM = "wrErxtDgAA0jgXE5fNJbmGmbwgFnEYFQ";

  private final Service service = TestService.get().service();
  private final Vertx vertx = service.vertx();
  private final PgMsgAuditCursor cursor = new PgMsgAuditCursor(service.pool());
  private final String corp = "corp-" + UUID.randomUUID();
  private final List<AuditedMessage> stored = new CopyOnWriteArrayList<>();

  private MsgAuditSettings settings(String libPath, int pollMs, int batch) {
    return new MsgAuditSettings(corp, "audit-secret", libPath, KEY, null, null, pollMs, batch);
  }

  private MsgAuditReader reader(ChatSource source, int batch, Function<AuditedMessage, Future<Void>> sink) {
    return new MsgAuditReader(vertx, settings("/opt/msgaudit/libWeWorkFinanceSdk_Java.so", 60_000, batch), source,
        cursor, sink);
  }

  private Future<Void> store(AuditedMessage m) {
    stored.add(m);
    return Future.succeededFuture();
  }

  @Test
  void groupMessagesReachTheSinkInSeqOrderAndTheCursorPassesTheWholeBatch() {
    FakeArchive archive = new FakeArchive()
        .text(11, ROOM, "wm-zhang", "苹果2斤")
        .add(12, "private", MsgAuditMapperTest.fixture("private-chat.json"))
        .add(13, "image", MsgAuditMapperTest.fixture("image.json"))
        .add(14, "chain", MsgAuditMapperTest.fixture("solitaire.json"))
        .add(15, "broken", MsgAuditMapperTest.fixture("malformed.json"))
        .add(16, "undecryptable", null)
        .text(17, ROOM, "wm-li", "香蕉1把");
    MsgAuditReader reader = reader(archive, 100, this::store);

    assertThat(reader.pollOnce().await()).isEqualTo(7);

    assertThat(stored).extracting(AuditedMessage::msgId)
        .containsExactly("msg-11-" + ROOM, "17952229780246929345_1763813015", "msg-17-" + ROOM);
    assertThat(stored.get(1).extras()).containsKey("entryAuthors");
    assertThat(cursor.read(corp).await()).isEqualTo(17);
    assertThat(reader.pollOnce().await()).isZero();
    assertThat(archive.askedAfter).containsExactly(0L, 17L);
  }

  @Test
  void aFailedSinkKeepsTheCursorAndTheWholeBatchIsDeliveredAgain() {
    FakeArchive archive = new FakeArchive().text(1, ROOM, "wm-zhang", "苹果2斤").text(2, ROOM, "wm-li", "香蕉1把")
        .text(3, ROOM, "wm-wang", "鸡蛋两板");
    AtomicInteger failures = new AtomicInteger(1);
    MsgAuditReader reader = reader(archive, 100, m -> m.text().equals("香蕉1把") && failures.getAndDecrement() > 0
        ? Future.failedFuture("database away") : store(m));

    Throwable failed = reader.pollOnce().map(n -> (Throwable) null).otherwise(t -> t).await();
    assertThat(failed).hasMessage("database away");
    assertThat(stored).extracting(AuditedMessage::text).containsExactly("苹果2斤");
    assertThat(cursor.read(corp).await()).isZero();

    assertThat(reader.pollOnce().await()).isEqualTo(3);
    // at least once: the first message comes again, and the inbox's unique key makes it a no-op
    assertThat(stored).extracting(AuditedMessage::text).containsExactly("苹果2斤", "苹果2斤", "香蕉1把", "鸡蛋两板");
    assertThat(cursor.read(corp).await()).isEqualTo(3);
  }

  @Test
  void aRestartedReaderResumesAfterTheStoredCursor() {
    FakeArchive archive = new FakeArchive().text(21, ROOM, "wm-zhang", "苹果2斤").text(22, ROOM, "wm-li", "香蕉1把")
        .text(23, ROOM, "wm-wang", "鸡蛋两板");
    reader(archive, 2, this::store).pollOnce().await();

    FakeArchive afterRestart = new FakeArchive().text(21, ROOM, "wm-zhang", "苹果2斤").text(22, ROOM, "wm-li", "香蕉1把")
        .text(23, ROOM, "wm-wang", "鸡蛋两板");
    reader(afterRestart, 2, this::store).pollOnce().await();

    assertThat(afterRestart.askedAfter).containsExactly(22L);
    assertThat(stored).extracting(AuditedMessage::text).containsExactly("苹果2斤", "香蕉1把", "鸡蛋两板");
    assertThat(cursor.read(corp).await()).isEqualTo(23);
  }

  @Test
  void aStartedReaderReadsFullBatchesBackToBackUntilTheArchiveIsCaughtUp() {
    FakeArchive archive = new FakeArchive();
    for (int seq = 1; seq <= 7; seq++) {
      archive.text(seq, ROOM, "wm-" + seq, "苹果" + seq + "斤");
    }
    MsgAuditReader reader = reader(archive, 3, this::store); // the pause between short batches is a minute
    reader.start().await();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stored.size() == 7);
      assertThat(reader.running()).isTrue();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> cursor.read(corp).await() == 7);
      assertThat(archive.askedAfter).containsExactly(0L, 3L, 6L);
    } finally {
      reader.stop().await();
    }
    assertThat(reader.running()).isFalse();
  }

  @Test
  void aNativeLibraryThatDoesNotLoadLeavesTheReaderStoppedAndTheRestRunning() throws Exception {
    Path dir = Files.createTempDirectory("msgaudit");
    Path notElf = Files.writeString(dir.resolve("libWeWorkFinanceSdk_Java.so"), "not a shared object");
    try {
      for (String libPath : List.of(notElf.toString(), dir.resolve("missing.so").toString())) {
        MsgAuditReader reader = MsgAuditReader.create(vertx, settings(libPath, 50, 100), cursor, this::store);
        reader.start().await();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !reader.running());
      }
    } finally {
      Files.delete(notElf);
      Files.delete(dir);
    }
    assertThat(stored).isEmpty();
    assertThat(cursor.read(corp).await()).isZero();
    assertThat(vertx.executeBlocking(() -> "still serving").await()).isEqualTo("still serving");
  }

  @Test
  void withoutLibraryOrKeyTheReaderIsOff() {
    MsgAuditReader reader = MsgAuditReader.create(vertx, MsgAuditSettings.disabled(), cursor, this::store);
    reader.start().await();
    assertThat(reader.running()).isFalse();
  }
}
