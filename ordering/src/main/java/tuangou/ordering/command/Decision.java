package tuangou.ordering.command;

import java.util.List;

/**
 * What the engine decided to do about one chat command: what to answer in the group, what to send
 * elsewhere, and which campaign steps to take. Values only; nothing is written yet.
 */
public record Decision(List<String> replies, List<Push> pushes, List<Transition> transitions) {
  public Decision {
    replies = List.copyOf(replies);
    pushes = List.copyOf(pushes);
    transitions = List.copyOf(transitions);
  }

  public static Decision reply(String text) {
    return new Decision(List.of(text), List.of(), List.of());
  }

  public static Decision silent() {
    return new Decision(List.of(), List.of(), List.of());
  }

  public static Decision step(Transition transition, String reply) {
    return new Decision(reply == null ? List.of() : List.of(reply), List.of(), List.of(transition));
  }

  public static Decision step(Transition transition) {
    return step(transition, null);
  }
}
