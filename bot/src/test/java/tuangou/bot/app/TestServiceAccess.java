package tuangou.bot.app;

/** For tests in other packages that need the shared test service's servers. */
public final class TestServiceAccess {
  private TestServiceAccess() {}

  public static String redisUrl() {
    return TestService.get().service().redisUrl();
  }
}
