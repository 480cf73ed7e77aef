package tuangou.bot.pipeline;

import tuangou.bot.campaigns.CampaignInterpreters;
import tuangou.bot.campaigns.StoredLines;
import tuangou.bot.campaigns.GroupDirectory;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tuangou.ordering.reply.CommandReplies;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.command.CommandContext;
import tuangou.ordering.command.CommandHandlers;
import tuangou.ordering.reply.Replies;
import tuangou.parser.command.Command;
import tuangou.parser.intent.Interpretation;
import tuangou.store.ChatGroup;
import tuangou.store.Leader;
import tuangou.store.pg.PgGroupRegistry;
import tuangou.store.pg.PgOrders;

/**
 * Answers what a leader writes to the bot in private (a WeCom app message): the same commands as
 * in their groups, over all their groups at once. Someone who is not a leader is told how to
 * become one rather than ignored.
 */
public final class LeaderDesk {
  private final PgGroupRegistry registry;
  private final GroupDirectory directory;
  private final PgOrders orders;
  private final CampaignInterpreters interpreters;
  private final Clock clock;
  private final tuangou.bot.lifecycle.CommissionReports reports;

  public LeaderDesk(PgGroupRegistry registry, GroupDirectory directory, PgOrders orders,
      CampaignInterpreters interpreters, Clock clock, tuangou.bot.lifecycle.CommissionReports reports) {
    this.reports = reports;
    this.registry = registry;
    this.directory = directory;
    this.orders = orders;
    this.interpreters = interpreters;
    this.clock = clock;
  }

  /** The reply to {@code text} from {@code leader}, or the not-a-leader answer when empty. */
  public Future<String> answer(Optional<Leader> leader, String text) {
    if (leader.isEmpty()) {
      return Future.succeededFuture(Messages.text("direct.not.leader"));
    }
    Interpretation in = interpreters.messages().interpret(text);
    if (!(in instanceof Interpretation.CommandText c)) {
      String shown = text.strip();
      return Future.succeededFuture(Messages.text("direct.unknown", shown.length() > 20 ? shown.substring(0, 20) + "…"
          : shown));
    }
    Command command = c.command();
    if (command instanceof Command.Summary) {
      return summaries(leader.get());
    }
    if (command instanceof Command.Help) {
      return Future.succeededFuture(Messages.text("direct.help"));
    }
    if (command instanceof Command.Commission k) {
      return k.lastMonth() ? reports.lastMonth(leader.get().id()) : reports.today(leader.get().id());
    }
    // the rest act on one group's campaign, and a private chat has none
    CommandContext context = CommandContext.noCampaign("", leader.get().name(), true, "");
    return Future.succeededFuture(String.join("\n", CommandHandlers.decide(command, context).replies()));
  }

  /** One tally per group of the leader with a campaign open now or just closed. */
  private Future<String> summaries(Leader leader) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return registry.groupsOf(leader.id()).compose(groups -> {
      List<Future<Optional<String>>> parts = new ArrayList<>();
      for (ChatGroup g : groups) {
        parts.add(directory.lookup(g.id(), now).compose(found -> found.flatMap(GroupDirectory.Found::current)
            .map(campaign -> orders.activeLines(campaign.id(), g.id()).map(lines -> Optional.of(
                CommandReplies.summary(g.name(), lines.stream().map(l -> StoredLines.line(l.groupId(), l.line())).toList(),
                    new Replies(CampaignInterpreters.items(campaign))))))
            .orElse(Future.succeededFuture(Optional.empty()))));
      }
      return Future.all(parts).map(all -> {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          Optional<String> part = all.resultAt(i);
          part.ifPresent(texts::add);
        }
        return texts.isEmpty() ? Messages.text("direct.summary.none") : String.join("\n\n", texts);
      });
    });
  }
}
