package tuangou.bot.input;

/**
 * A value from outside that the service refuses, with a message naming the field. Answered 400 by
 * every HTTP edge; never logged as a failure.
 */
public final class InvalidInput extends IllegalArgumentException {
  private final String field;

  public InvalidInput(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault, as the caller named it ({@code "items[2].id"}). */
  public String field() {
    return field;
  }
}
