package tuangou.bot.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import tuangou.bot.input.InvalidInput;
import tuangou.bot.log.ThrottledWarning;
import tuangou.store.ConflictException;
import tuangou.store.Unavailability;

/** Turns every failure into {@code {"error", "message"}} with the right status; never a stack trace. */
public final class HttpErrors {
  private static final Logger LOG = Logger.getLogger(HttpErrors.class.getName());

  private static final ThrottledWarning UNAVAILABLE = new ThrottledWarning(LOG, 10_000);

  private HttpErrors() {}

  public static void handle(RoutingContext ctx) {
    Throwable t = ctx.failure();
    int status = ctx.statusCode();
    if (t instanceof io.vertx.core.http.HttpClosedException) {
      return; // the client went away (or was cut off at its deadline): nobody to answer
    }
    if (t instanceof ApiException api) {
      respond(ctx, api.status(), api.code(), api.getMessage());
    } else if (t instanceof InvalidInput bad) {
      respond(ctx, 400, "invalid_request", bad.getMessage());
    } else if (refusedValue(t)) {
      // a value the edge should have refused reached PostgreSQL: still the caller's 400, but a gap to close
      LOG.warning("a value got past validation on " + ctx.request().method() + " " + ctx.request().path()
          + ": SQLSTATE " + ((io.vertx.pgclient.PgException) t).getSqlState());
      respond(ctx, 400, "invalid_request", "a value is out of range, too long or holds characters not allowed");
    } else if (t instanceof ConflictException c) {
      respond(ctx, 409, "conflict", c.getMessage());
    } else if (Unavailability.of(t)) {
      // expected while a server is away: one WARN line now and then, never a stack trace
      UNAVAILABLE.warn("answered 503 on " + ctx.request().method() + " " + ctx.request().path() + ": "
          + ThrottledWarning.firstLine(t));
      respond(ctx, 503, "unavailable", "the database or Redis is not answering; try again shortly");
    } else if (t instanceof DecodeException || t instanceof ClassCastException) {
      respond(ctx, 400, "invalid_json", "the body is not the JSON expected: " + firstLine(t.getMessage()));
    } else if (t instanceof io.netty.handler.codec.DecoderException
        || (t != null && t.getClass().getName().startsWith("io.netty.handler.codec.http.multipart"))) {
      respond(ctx, 400, "invalid_request", "the body could not be read; send JSON with Content-Type: application/json");
    } else if (t == null && status == 413) {
      respond(ctx, 413, "too_large", "the body is larger than allowed");
    } else if (t == null && status >= 400 && status < 500) {
      respond(ctx, status, status == 404 ? "not_found" : "invalid_request", "request refused (" + status + ")");
    } else {
      LOG.log(Level.SEVERE, "unexpected failure on " + ctx.request().method() + " " + ctx.request().path(), t);
      respond(ctx, 500, "internal", "unexpected error; it has been logged");
    }
  }

  /** PostgreSQL's data exceptions (class 22: NUL, out of range) and an index row too large (54000). */
  private static boolean refusedValue(Throwable t) {
    if (!(t instanceof io.vertx.pgclient.PgException pg) || pg.getSqlState() == null) {
      return false;
    }
    return pg.getSqlState().startsWith("22") || pg.getSqlState().equals("54000");
  }

  public static void respond(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", code).put("message", message).encode());
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
