package tuangou.ordering.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Origin;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Replies;
import tuangou.parser.CatalogItem;
import tuangou.parser.command.Command;

class CommandHandlersTest {
  private static final List<CatalogItem> ITEMS = List.of(
      new CatalogItem(1, "apple", "苹果", List.of(), "斤", "", 990));

  @Test
  void everyCommandHasAHandlerAndOneNameInTheBundle() {
    Class<?>[] commands = Command.class.getPermittedSubclasses();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(9);
    for (Class<?> c : commands) {
      assertThat(CommandHandlers.handles(c)).as("handler for %s", c.getSimpleName()).isTrue();
      assertThat(Messages.has(CommandNames.key(c))).as("bundle name of %s", c.getSimpleName()).isTrue();
    }
    assertThat(Arrays.stream(commands).map(c -> Messages.text(CommandNames.key(c))).distinct()).hasSize(commands.length);
  }

  @Test
  void aLeadersCutoffClosesTheOpenCampaignAndSaysSo() {
    Decision d = CommandHandlers.decide(new Command.Cutoff(), leader(open(7), OptionalLong.of(7), false, List.of()));
    assertThat(d.transitions()).containsExactly(new Transition.CloseOrdering(7));
    assertThat(d.replies()).containsExactly(Messages.text("cutoff.done", "幸福里"));
  }

  @Test
  void aResidentAskingForACutoffIsToldPolitelyAndNothingHappens() {
    Decision d = CommandHandlers.decide(new Command.Cutoff(), resident(open(7), List.of()));
    assertThat(d.transitions()).isEmpty();
    assertThat(d.replies()).containsExactly("@小王 “截单”只有团长可以用哦");
  }

  @Test
  void aCutoffWithoutACampaignSaysThereIsNoneInsteadOfComingSoon() {
    Decision d = CommandHandlers.decide(new Command.Cutoff(), CommandContext.noCampaign("u1", "老李", true, "幸福里"));
    assertThat(d.transitions()).isEmpty();
    assertThat(d.replies().get(0)).contains("没有进行中的团购").doesNotContain("上线");
  }

  @Test
  void verifyIsAStepOnTheCampaignBeingDelivered() {
    Decision d = CommandHandlers.decide(new Command.Verify(" 123456 "), leader(open(8), OptionalLong.of(7), true,
        List.of()));
    assertThat(d.transitions()).containsExactly(new Transition.VerifyPickup(7, "123456", "leader:u1"));
    assertThat(d.replies()).isEmpty();
  }

  @Test
  void unpickedListsOnlyThoseWhoHaveNotCollected() {
    List<PickupView> pickups = List.of(new PickupView("a", "3-1-201 张三", "3-1-201 张三", "100001", true),
        new PickupView("b", "", "李四", "100002", false));
    Decision d = CommandHandlers.decide(new Command.Unpicked(), leader(OptionalLong.empty(), OptionalLong.of(7), true,
        pickups));
    assertThat(d.replies()).hasSize(1);
    assertThat(d.replies().get(0)).contains("李四").doesNotContain("张三").as("no code said in the group")
        .doesNotContain("100002");
  }

  @Test
  void myOrdersShowsTheLinesAndThePickupCode() {
    List<OrderLine> lines = List.of(new OrderLine("k", new Origin.Message("1"), "g", "r1", "", "apple", new BigDecimal("2"), "", "1"));
    CommandContext c = new CommandContext("r1", "小王", false, "幸福里", true, OptionalLong.empty(), OptionalLong.of(7),
        true, lines, List.of(new PickupView("r1", "", "小王", "654321", false)), List.of(), new Replies(ITEMS),
        CodePolicy.PRIVATE);
    Decision d = CommandHandlers.decide(new Command.MyOrders(), c);
    assertThat(d.replies().get(0)).contains("苹果").contains("19.8").doesNotContain("654321").contains("私信");
    assertThat(d.pushes()).singleElement().satisfies(p -> {
      assertThat(p.person()).isEqualTo("r1");
      assertThat(p.text()).contains("654321");
    });
  }

  @Test
  void commissionGoesToTheLeaderInPrivateEvenWithoutACampaign() {
    Decision d = CommandHandlers.decide(new Command.Commission(true), CommandContext.noCampaign("u1", "老李", true, "幸福里"));
    assertThat(d.transitions()).containsExactly(new Transition.SendCommission(true));
    assertThat(d.replies()).containsExactly(Messages.text("commission.sent", "老李"));
  }

  private static OptionalLong open(long id) {
    return OptionalLong.of(id);
  }

  private static CommandContext leader(OptionalLong open, OptionalLong delivering, boolean arrived,
      List<PickupView> pickups) {
    return new CommandContext("u1", "老李", true, "幸福里", true, open, delivering, arrived, List.of(), pickups,
        List.of(new ReviewView("小王", "莓 2", false), new ReviewView("张姐", "鸡蛋碎了两个", true)), new Replies(ITEMS),
        CodePolicy.PRIVATE);
  }

  private static CommandContext resident(OptionalLong open, List<PickupView> pickups) {
    return new CommandContext("r1", "小王", false, "幸福里", true, open, open, false, List.of(), pickups, List.of(),
        new Replies(ITEMS), CodePolicy.PRIVATE);
  }

  @Test
  void pendingListsTheReviewQueueForTheLeaderOnly() {
    String list = CommandHandlers.decide(new Command.Pending(), leader(open(7), OptionalLong.of(7), false, List.of()))
        .replies().get(0);
    assertThat(list).isEqualTo("【幸福里】待确认2条：\n· 小王：“莓 2”（没看懂，已问本人）\n· 张姐：“鸡蛋碎了两个”（售后）");
    assertThat(CommandHandlers.decide(new Command.Pending(), resident(open(7), List.of())).replies())
        .containsExactly("@小王 “待确认”只有团长可以用哦");
  }
}
