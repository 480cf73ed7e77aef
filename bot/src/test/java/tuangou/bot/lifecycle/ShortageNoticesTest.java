package tuangou.bot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.pg.PgFulfilment;

class ShortageNoticesTest {
  private static final CampaignItem APPLE = new CampaignItem(1, "apple", "烟台苹果", List.of("苹果"), "斤", "", 690);
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-22T20:00:00+08:00");
  private static final Map<Long, ChatGroup> GROUPS = Map.of(
      1L, new ChatGroup(1, "sim", "chat-1", "幸福里1群", 9, null, "幸福里", null, null, null),
      2L, new ChatGroup(2, "bridge", "room-2", "阳光城群", 9, null, null, null, null, null));

  private static PgFulfilment.Line line(long id, long group, String customer, String label, String name, String qty) {
    return new PgFulfilment.Line(id, group, customer, label, name, "apple", new BigDecimal(qty), "",
        T0.plusMinutes(id), BigDecimal.ZERO, 0);
  }

  @Test
  void eachAffectedResidentIsToldWhatTheyOrderedGetAndAreRefunded() {
    List<PgFulfilment.Line> lines = List.of(line(1, 1, "u9", "5-2-101", "赵六", "1"),
        line(2, 1, "u1", "3-1-201", "张三", "2"));

    PgFulfilment.ShortagePlan plan = ShortageNotices.plan(7, APPLE, new BigDecimal("2"), GROUPS, lines);

    assertThat(plan.notices()).hasSize(1);
    PgFulfilment.Notice notice = plan.notices().get(0);
    assertThat(notice.draft().text()).isEqualTo("【缺货通知】烟台苹果 到货不足：\n· 3-1-201 张三 2斤→1斤，退 6.90 元\n抱歉！差额将原路退回");
    assertThat(notice.draft().channel()).isEqualTo("sim");
    assertThat(notice.draft().chatId()).isEqualTo("chat-1");
    assertThat(notice.draft().mentions()).containsExactly("u1");
    assertThat(notice.dedupKey()).startsWith("shortage:7:apple:1:");
    assertThat(plan.refunds()).containsExactly(new PgFulfilment.Refund(2, 1, "u1", new BigDecimal("1"), 690));
  }

  @Test
  void oneNoticePerAffectedGroupAndAResidentsLinesAreTakenTogether() {
    List<PgFulfilment.Line> lines = List.of(line(1, 2, "w1", "", "王五", "1"), line(2, 1, "u1", "李四", "李四", "0.5"),
        line(3, 2, "w1", "", "王五", "2"), line(4, 2, "w2", "", "", "1"));

    PgFulfilment.ShortagePlan plan = ShortageNotices.plan(7, APPLE, new BigDecimal("2.5"), GROUPS, lines);

    // group 1 got all it ordered; in group 2 王五 gets 1 of the 2 on his second line, w2 nothing
    assertThat(plan.notices()).hasSize(1);
    assertThat(plan.notices().get(0).draft().chatId()).isEqualTo("room-2");
    assertThat(plan.notices().get(0).draft().text()).isEqualTo("【缺货通知】烟台苹果 到货不足：\n"
        + "· 王五 3斤→2斤，退 6.90 元\n· w2 1斤→无货，退 6.90 元\n抱歉！差额将原路退回");
    assertThat(plan.notices().get(0).draft().mentions()).containsExactly("w1", "w2");
    assertThat(plan.refunds()).extracting(PgFulfilment.Refund::orderLineId).containsExactly(3L, 4L);
  }

  @Test
  void theSameShortageHasTheSameKeyAndAnotherOneANewKey() {
    List<PgFulfilment.Line> lines = List.of(line(1, 1, "u1", "3-1-201", "张三", "2"));

    String once = ShortageNotices.plan(7, APPLE, BigDecimal.ONE, GROUPS, lines).notices().get(0).dedupKey();
    String again = ShortageNotices.plan(7, APPLE, BigDecimal.ONE, GROUPS, lines).notices().get(0).dedupKey();
    String corrected = ShortageNotices.plan(7, APPLE, new BigDecimal("1.5"), GROUPS, lines).notices().get(0).dedupKey();

    assertThat(again).isEqualTo(once);
    assertThat(corrected).isNotEqualTo(once).startsWith("shortage:7:apple:1:");
  }

  @Test
  void enoughArrivedMeansNoRefundsAndNoNotice() {
    PgFulfilment.ShortagePlan plan = ShortageNotices.plan(7, APPLE, new BigDecimal("5"), GROUPS,
        List.of(line(1, 1, "u1", "3-1-201", "张三", "2")));

    assertThat(plan.refunds()).isEmpty();
    assertThat(plan.notices()).isEmpty();
  }
}
