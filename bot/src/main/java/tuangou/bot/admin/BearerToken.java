package tuangou.bot.admin;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The admin token, compared in constant time, so that a guesser learns nothing from response times. */
public final class BearerToken {
  private final byte[] token;

  public BearerToken(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** True when {@code given} is the token. */
  public boolean matches(String given) {
    return given != null && MessageDigest.isEqual(given.trim().getBytes(StandardCharsets.UTF_8), token);
  }

  /** The token of {@code Authorization: Bearer <token>}, or null. */
  public static String of(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header == null || !header.startsWith("Bearer ") ? null : header.substring(7);
  }

  /** A handler that lets a request with the token through, and answers 401 or 403 otherwise. */
  public io.vertx.core.Handler<RoutingContext> required() {
    return ctx -> {
      String given = of(ctx);
      if (given == null) {
        HttpErrors.respond(ctx, 401, "unauthorized", "send Authorization: Bearer <admin token>");
      } else if (!matches(given)) {
        HttpErrors.respond(ctx, 403, "forbidden", "the admin token is wrong");
      } else {
        ctx.next();
      }
    };
  }
}
