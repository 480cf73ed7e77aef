package tuangou.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The load runs' HTTP calls to a running service: a non-2xx answer stops the run with its body. */
final class AdminHttp {
  private AdminHttp() {}

  /** {@code token} null for the simulator's own routes, {@code body} null for none. */
  static String send(HttpClient http, String method, String url, String token, JsonObject body) {
    try {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
          .header("content-type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
      if (token != null) {
        r.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (res.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + url + " -> " + res.statusCode() + " " + res.body());
      }
      return res.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
