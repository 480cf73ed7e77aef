package tuangou.bot.channel.wecom.msgaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the archive hands over, the mapper answers with a value and never throws. */
class MsgAuditMapperProperties {
  private static final List<String> FIXTURES = List.of("text-customer-group.json", "solitaire.json", "recall.json",
      "private-chat.json", "image.json", "switch.json", "mixed.json");

  @Property
  void anyStringMapsToAResult(@ForAll String input) {
    assertThat(MsgAuditMapper.map(input)).isNotNull();
  }

  @Property
  void anyCutOrSplicedRecordMapsToAResult(@ForAll("damaged") String input) {
    assertThat(MsgAuditMapper.map(input)).isNotNull();
  }

  @Provide
  Arbitrary<String> damaged() {
    Arbitrary<String> record = Arbitraries.of(FIXTURES).map(MsgAuditMapperTest::fixture);
    return record.flatMap(r -> Arbitraries.integers().between(0, r.length()).flatMap(cut ->
        Arbitraries.of("", "null", "{}", "[]", "\"x\"", "1e999", "{\"content\":[]}", "\\u0000")
            .map(splice -> r.substring(0, cut) + splice + r.substring(cut))));
  }
}
