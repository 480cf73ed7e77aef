package tuangou.bot.admin;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the OpenAPI document of the admin API; OpenApiTest keeps it in step with the routes. */
public final class OpenApi {
  static final String RESOURCE = "/tuangou/bot/admin/openapi.yaml";
  private static final String DOCUMENT = load();

  private OpenApi() {}

  public static String document() {
    return DOCUMENT;
  }

  static void serve(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/yaml; charset=utf-8").end(DOCUMENT);
  }

  private static String load() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
