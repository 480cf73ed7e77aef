package tuangou.bot.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import tuangou.parser.CatalogItem;

/**
 * The residents of a rehearsal: sets up a leader, groups and a campaign through the admin API, then
 * has one resident a group post made-up chat to the simulator, each the moment their last message
 * was answered, as a busy evening does.
 */
final class RehearsalLoad {
  private final HttpClientAgent http;
  private final String token;
  private final String run;
  /** Answers may come on any of the client's event loops. */
  private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

  /** @param run tells this rehearsal's chats apart from any other's */
  RehearsalLoad(Vertx vertx, int port, int connections, String token, String run) {
    this.http = vertx.httpClientBuilder()
        .with(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port))
        .with(new PoolOptions().setHttp1MaxSize(connections))
        .build();
    this.token = token;
    this.run = run;
  }

  /** Messages answered so far. */
  int sent() {
    return sent.get();
  }

  /** One leader, {@code groups} simulator groups and a campaign over all of them; the groups' chat ids. */
  Future<List<String>> setUp(int groups) {
    List<String> chats = new ArrayList<>();
    return post("/api/v1/leaders", new JsonObject().put("name", "预热团长"))
        .compose(leader -> {
          List<Future<JsonObject>> made = new ArrayList<>();
          for (int g = 0; g < groups; g++) {
            String chat = "rehearsal-" + run + "-" + g;
            chats.add(chat);
            made.add(post("/api/v1/groups", new JsonObject().put("channel", "sim").put("chatId", chat)
                .put("name", "预热群" + g).put("leaderId", leader.getLong("id"))));
          }
          return Future.all(made);
        })
        .compose(made -> {
          JsonArray ids = new JsonArray();
          for (int g = 0; g < groups; g++) {
            ids.add(made.<JsonObject>resultAt(g).getLong("id"));
          }
          JsonArray items = new JsonArray();
          for (CatalogItem i : MadeUpChat.CATALOG) {
            items.add(new JsonObject().put("no", i.no()).put("id", i.id() + "-" + run).put("name", i.name())
                .put("aliases", new JsonArray(i.aliases())).put("unit", i.unit()).put("spec", i.spec())
                .put("priceFen", i.priceFen()));
          }
          return post("/api/v1/campaigns", new JsonObject().put("campaign", "预热 " + run).put("items", items)
              .put("groups", ids));
        })
        .map(campaign -> chats);
  }

  /** Each chat's resident writes until {@code stop} says so; done when every last message is answered. */
  Future<Void> drive(List<String> chats, BooleanSupplier stop) {
    List<Future<Void>> residents = new ArrayList<>();
    for (int c = 0; c < chats.size(); c++) {
      Promise<Void> done = Promise.promise();
      next(chats.get(c), "r" + c, new MadeUpChat(), 0, stop, done);
      residents.add(done.future());
    }
    return Future.all(residents).mapEmpty();
  }

  private void next(String chat, String sender, MadeUpChat said, int i, BooleanSupplier stop, Promise<Void> done) {
    if (stop.getAsBoolean()) {
      done.complete();
      return;
    }
    // residents take turns in a group, as they do; the one resident of a connection speaks for all
    String who = sender + "-" + i % 13;
    post("/sim/groups/" + chat + "/messages", new JsonObject().put("sender", who).put("name", "住户" + who)
        .put("text", said.text(i)))
        .onSuccess(answer -> {
          sent.incrementAndGet();
          next(chat, sender, said, i + 1, stop, done);
        })
        .onFailure(done::fail);
  }

  private Future<JsonObject> post(String path, JsonObject body) {
    return http.request(HttpMethod.POST, path)
        .compose(req -> req.putHeader("authorization", "Bearer " + token)
            .putHeader("content-type", "application/json")
            .send(body.toBuffer())
            .compose(resp -> resp.body().compose(b -> answer(path, resp.statusCode(), b))));
  }

  private static Future<JsonObject> answer(String path, int status, Buffer body) {
    if (status / 100 != 2) {
      String text = body.toString();
      return Future.failedFuture(new IllegalStateException("rehearsal: POST " + path + " answered " + status + ": "
          + text.substring(0, Math.min(200, text.length()))));
    }
    return Future.succeededFuture(body.length() == 0 ? new JsonObject() : new JsonObject(body));
  }

}
