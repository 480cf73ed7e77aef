package tuangou.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A round's messages take turns with everything else on the event loop. */
class TurnTest {
  @Test
  void aTaskQueuedDuringARoundRunsBetweenItsMessagesNotAfterThem() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      List<String> happened = new ArrayList<>();
      CompletableFuture<Void> done = new CompletableFuture<>();
      Context context = vertx.getOrCreateContext();
      context.runOnContext(start -> {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < 20; i++) {
          int n = i;
          // each message's work completes at once, as a round's does when its writes go on meanwhile
          chain = chain.compose(v -> MessagePipeline.turn(context)).compose(v -> {
            happened.add("message " + n);
            return Future.succeededFuture();
          });
        }
        // a request that arrived while the round started
        context.runOnContext(v -> happened.add("request"));
        chain.onComplete(ar -> done.complete(null));
      });
      done.get(10, TimeUnit.SECONDS);

      assertThat(happened).hasSize(21);
      assertThat(happened.indexOf("request")).isLessThan(3);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void offAnyContextItGoesOnAtOnce() {
    assertThat(MessagePipeline.turn(null).succeeded()).isTrue();
  }
}
