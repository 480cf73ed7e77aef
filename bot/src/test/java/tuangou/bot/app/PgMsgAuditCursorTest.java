package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.store.pg.PgMsgAuditCursor;

/** The msgaudit cursor on the real database the service uses. */
class PgMsgAuditCursorTest {
  private final PgMsgAuditCursor cursor = new PgMsgAuditCursor(TestService.get().service().pool());

  @Test
  void anArchiveNeverReadStartsAtZero() {
    assertThat(cursor.read("corp-" + UUID.randomUUID()).await()).isZero();
  }

  @Test
  void theCursorOnlyMovesForward() {
    String corp = "corp-" + UUID.randomUUID();
    cursor.advance(corp, 5).await();
    assertThat(cursor.read(corp).await()).isEqualTo(5);
    cursor.advance(corp, 3).await(); // a slower instance finishing an older batch
    assertThat(cursor.read(corp).await()).isEqualTo(5);
    cursor.advance(corp, 9).await();
    assertThat(cursor.read(corp).await()).isEqualTo(9);
  }

  @Test
  void eachCorpHasItsOwnCursor() {
    String one = "corp-" + UUID.randomUUID();
    String two = "corp-" + UUID.randomUUID();
    cursor.advance(one, 40).await();
    assertThat(cursor.read(two).await()).isZero();
    assertThat(cursor.read(one).await()).isEqualTo(40);
  }
}
