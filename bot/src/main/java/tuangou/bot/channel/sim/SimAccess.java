package tuangou.bot.channel.sim;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tuangou.bot.admin.BearerToken;
import tuangou.bot.admin.HttpErrors;

/**
 * Who may use the simulator. On the zero-configuration default anyone who reaches the port may (it is
 * a local trial). Once a real channel or database is configured the simulator could post as any
 * resident and read private messages, pickup codes included, so it then takes the admin token: as
 * {@code Authorization: Bearer}, or in a cookie that {@code /sim?token=<admin token>} sets for the
 * chat page (then redirects to the page without the token in its address).
 */
final class SimAccess implements Handler<RoutingContext> {
  static final String COOKIE = "tuangou_sim";
  private static final String LOGIN = "<!doctype html><meta charset=utf-8><title>tuangou 模拟器</title>"
      + "<form method=get action=/sim style='font:16px sans-serif;margin:4em auto;max-width:22em'>"
      + "<p>模拟器需要管理令牌（admin token）</p><input name=token type=password autofocus style='width:100%'>"
      + "<p><button>进入</button></p></form>";

  private final BearerToken token;

  /** @param token the admin token, or null when the simulator is open to anyone */
  SimAccess(BearerToken token) {
    this.token = token;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (token == null) {
      ctx.next();
      return;
    }
    String bearer = BearerToken.of(ctx);
    io.vertx.core.http.Cookie cookie = ctx.request().getCookie(COOKIE);
    boolean page = ctx.request().path().equals("/sim");
    String given = page ? ctx.request().getParam("token") : null;
    // a token in the page's address is always taken off it, also when the cookie is set already
    if (given == null && (token.matches(bearer)
        || (bearer == null && cookie != null && token.matches(cookie.getValue())))) {
      ctx.next();
      return;
    }
    if (given != null && token.matches(given)) {
      String group = ctx.request().getParam("group");
      ctx.response().addCookie(io.vertx.core.http.Cookie.cookie(COOKIE, given.trim()).setPath("/sim")
              .setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.STRICT))
          .setStatusCode(303)
          .putHeader("location", group == null ? "/sim" : "/sim?group=" + URLEncoder.encode(group, StandardCharsets.UTF_8))
          .end();
      return;
    }
    if (page) {
      ctx.response().setStatusCode(401).putHeader("content-type", "text/html; charset=utf-8").end(LOGIN);
    } else if (bearer != null) {
      HttpErrors.respond(ctx, 403, "forbidden", "the admin token is wrong");
    } else {
      HttpErrors.respond(ctx, 401, "unauthorized", "the simulator takes the admin token: Authorization: Bearer <token>");
    }
  }
}
