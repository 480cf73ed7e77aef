package tuangou.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tuangou.bot.channel.sim.SimChannel;

/** The OpenAPI document lists exactly the routes the service serves, with their methods. */
class OpenApiTest {

  @Test
  @SuppressWarnings("unchecked")
  void documentMatchesTheRoutes() {
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      new AdminApi(null, null, null, null, "t", c -> null, null).mount(router);
      new LifecycleApi(null, null, null, null, null, null, null).mount(router);
      new SettlementApi(null, null, null, null, null, null, null, null).mount(router);
      new FulfilmentApi(null, null, null, null).mount(router);
      new ReviewApi(null, null, null, null).mount(router);
      new SimChannel(null, null, null, null, null, 1000, java.time.ZoneOffset.UTC, null).mount(router);
      new tuangou.bot.channel.bridge.BridgeChannel("s", 0, null, null).mount(router);
      new tuangou.bot.channel.wecom.WeComChannel(null, 0, null, null, null).mount(router);
      Set<String> served = new TreeSet<>(Set.of("GET /health", "GET /metrics"));
      for (Route r : router.getRoutes()) {
        if (r.getPath() == null || r.getPath().endsWith("*") || r.getPath().equals("/sim") || r.methods() == null) {
          continue;
        }
        String path = r.getPath().replaceAll(":(\\w+)", "{$1}");
        r.methods().forEach(m -> served.add(m.name() + " " + path));
      }
      Map<String, Object> doc = new Yaml().load(OpenApi.document());
      Set<String> documented = new TreeSet<>();
      ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, ops) -> ops.keySet().stream()
          .filter(k -> !k.equals("parameters"))
          .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
      assertThat(documented).isEqualTo(served);
    } finally {
      vertx.close();
    }
  }
}
