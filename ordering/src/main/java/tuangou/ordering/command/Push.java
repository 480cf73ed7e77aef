package tuangou.ordering.command;

import java.util.List;
import java.util.Objects;

/**
 * A message the bot sends besides its reply: to the group's chat or to one person in private, on
 * the channel of the group the message came from.
 *
 * @param person the recipient of a private message, or null for the group's chat
 * @param dedupKey queued once however often the decision is applied (a retried message), or null
 */
public record Push(String person, String text, List<String> mentions, String dedupKey) {
  public Push {
    Objects.requireNonNull(text, "text");
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  public static Push toPerson(String person, String text, String dedupKey) {
    return new Push(Objects.requireNonNull(person, "person"), text, List.of(), dedupKey);
  }

  public boolean isPrivate() {
    return person != null;
  }
}
