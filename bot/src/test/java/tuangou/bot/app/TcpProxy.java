package tuangou.bot.app;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of a real server, that a test can cut (every connection dropped,
 * new ones refused) and restore: the server "goes away for a moment" without being stopped.
 */
final class TcpProxy implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  TcpProxy(String targetHost, int targetPort) {
    NetClient client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(in -> {
      if (cut) {
        in.close();
        return;
      }
      in.pause();
      client.connect(targetPort, targetHost).onSuccess(out -> {
        sockets.add(in);
        sockets.add(out);
        in.handler(out::write);
        out.handler(in::write);
        in.closeHandler(v -> out.close());
        out.closeHandler(v -> in.close());
        in.resume();
      }).onFailure(t -> in.close());
    }).listen(0, "127.0.0.1").await();
  }

  int port() {
    return server.actualPort();
  }

  void cut() {
    cut = true;
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  void restore() {
    cut = false;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
