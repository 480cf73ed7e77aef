package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * Admin routes answer JSON (an object, an array, or JSON already encoded in a buffer) or a
 * {@link Download}; a failure (ApiException, store errors) goes to the router's failure handler.
 */
final class JsonHandlers {
  private JsonHandlers() {}

  /** @param afterWrite run when a non-GET call ends: what it changed may be cached elsewhere */
  static Handler<RoutingContext> of(Function<RoutingContext, Future<?>> handler, int status, Runnable afterWrite) {
    return ctx -> {
      if (ctx.request().method() != io.vertx.core.http.HttpMethod.GET) {
        ctx.addEndHandler(v -> afterWrite.run());
      }
      Future<?> result;
      try {
        result = handler.apply(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      result.onSuccess(body -> {
        if (body instanceof Download d) {
          ctx.response().setStatusCode(status).putHeader("content-type", d.format().contentType())
              .putHeader("content-disposition", tuangou.bot.export.ContentDisposition.attachment(d.fileName()))
              .end(io.vertx.core.buffer.Buffer.buffer(d.bytes()));
          return;
        }
        io.vertx.core.buffer.Buffer json = body instanceof io.vertx.core.buffer.Buffer encoded ? encoded
            : body instanceof JsonArray a ? a.toBuffer() : ((JsonObject) body).toBuffer();
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(json);
      }).onFailure(ctx::fail);
    };
  }
}
