package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tuangou.bot.config.Config;

/** The HTTP server's deadlines on a bare router: each way of sending half a request is cut off. */
class RequestDeadlinesTest {
  private Vertx vertx;
  private int port;

  @BeforeEach
  void serve() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.route().handler(ctx -> ctx.response().end("ok"));
    router.route().failureHandler(tuangou.bot.admin.HttpErrors::handle);
    HttpVerticle http = new HttpVerticle(router, 0, new Config.HttpTimeouts(60, 1));
    vertx.deployVerticle(http).await();
    port = http.actualPort();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private Socket open(String sent) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(20);
    OutputStream out = s.getOutputStream();
    out.write(sent.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  @Test
  void halfSentHeadersBodiesAndSilentConnectionsAreClosed() throws Exception {
    List<Socket> partialHeaders = new ArrayList<>();
    List<Socket> partialBodies = new ArrayList<>();
    List<Socket> silent = new ArrayList<>();
    List<Socket> trickling = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      partialHeaders.add(open("POST /x HTTP/1.1\r\nHost: x\r\n"));
      partialBodies.add(open("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":"));
      silent.add(open(""));
      trickling.add(open("GET /x HTTP/1.1\r\n"));
    }
    Socket whole = open("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> partialHeaders.stream().allMatch(RequestDeadlinesTest::closed));
      await().atMost(Duration.ofSeconds(10)).until(() -> partialBodies.stream().allMatch(RequestDeadlinesTest::closed));
      await().atMost(Duration.ofSeconds(10)).until(() -> silent.stream().allMatch(RequestDeadlinesTest::closed));
      // a header now and then keeps a connection from being idle, not from its deadline
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
        for (Socket s : trickling) {
          try {
            s.getOutputStream().write("X-A: b\r\n".getBytes(StandardCharsets.US_ASCII));
          } catch (IOException closed) {
            // cut off already
          }
        }
        return trickling.stream().allMatch(RequestDeadlinesTest::closed);
      });
      whole.setSoTimeout(2000);
      assertThat(new String(whole.getInputStream().readNBytes(17), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK\r\n");
    } finally {
      for (Socket s : partialHeaders) {
        s.close();
      }
      for (Socket s : partialBodies) {
        s.close();
      }
      for (Socket s : silent) {
        s.close();
      }
      for (Socket s : trickling) {
        s.close();
      }
      whole.close();
    }
  }

  static boolean closed(Socket s) {
    try {
      while (true) {
        if (s.getInputStream().read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
