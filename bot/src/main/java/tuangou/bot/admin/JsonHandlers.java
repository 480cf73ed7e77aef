package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Admin routes answer JSON; a failure (ApiException, store errors) goes to the router's failure handler. */
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
      result.onSuccess(body -> ctx.response().setStatusCode(status)
              .putHeader("content-type", "application/json; charset=utf-8")
              .end(body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode()))
          .onFailure(ctx::fail);
    };
  }
}
