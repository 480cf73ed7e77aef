package tuangou.store;

/** A write that clashes with what is stored: a duplicate chat, product or deal number. */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
