package tuangou.store;

/** The database did not answer; the caller should answer 503 and the sender retry. */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
