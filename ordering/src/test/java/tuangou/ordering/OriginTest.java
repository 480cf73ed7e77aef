package tuangou.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OriginTest {
  @Test
  void everyOriginReadsBackFromItsKey() {
    Origin.ChainEntry entry = new Origin.ChainEntry("g1:接龙:abc", 12);
    for (Origin o : new Origin[] {entry, new Origin.Message("wx:1:2"), new Origin.Conflict(entry, "u9")}) {
      assertThat(Origin.parse(o.key())).isEqualTo(o);
    }
  }

  @Test
  void keysKeepTheStoredShape() {
    assertThat(new Origin.ChainEntry("c", 3).key()).isEqualTo("chain:c:3");
    assertThat(new Origin.Message("m1").key()).isEqualTo("msg:m1");
    assertThat(new Origin.Message("m1").lineKey("m2", 0)).isEqualTo("msg:m1#m2#0");
  }

  @Test
  void anIdThatLooksLikeAKeyStillFindsItsLines() {
    Origin tricky = new Origin.ChainEntry("c-x:5!y", 3);
    Origin read = Origin.parse(tricky.key());
    assertThat(read).isEqualTo(tricky).hasSameHashCodeAs(tricky);
  }

  @Test
  void aMessageIsEqualAndHashedAsItsKeyWithoutMakingIt() {
    Origin m = new Origin.Message("wx:1:2");
    assertThat(m.hashCode()).isEqualTo(m.key().hashCode());
    assertThat(m).isEqualTo(new Origin.Message("wx:1:2")).isNotEqualTo(new Origin.Message("wx:1:3"));
    // no other origin's key starts msg:, whatever its ids
    assertThat(m).isNotEqualTo(new Origin.ChainEntry("msg", 1));
    assertThat(new Origin.ChainEntry("msg", 1)).isNotEqualTo(m);
  }

  @Test
  void aKeyOfNoKnownShapeIsRefused() {
    assertThatThrownBy(() -> Origin.parse("line:7")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Origin.parse("chain:c:x")).isInstanceOf(IllegalArgumentException.class);
  }
}
