package tuangou.bot.admin;

/** A request the API refuses, with its HTTP status and a machine-readable code. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "invalid_request", message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " not found");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
