package tuangou.ordering;

import tuangou.ordering.command.Decision;

/**
 * Everything one message does, decided before anything is written: its order changes and the
 * questions they open or close, the question it answers, and what the bot says and which campaign
 * steps it takes.
 *
 * @param orders null when the message changes no order
 * @param answered null when it answers no question
 */
public record Effects(Outcome orders, Question answered, Decision decision) {
  /** The same effects, also closing {@code question}. */
  public Effects settling(Question question) {
    return new Effects(orders, question, decision);
  }

  public static Effects of(Decision decision) {
    return new Effects(null, null, decision);
  }
}
