package tuangou.bot.app;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a real server, that a test can put into one of three modes:
 * <ul>
 *   <li>pass: bytes flow both ways;</li>
 *   <li>{@link #cut()} (reset): every connection is closed and new ones are closed as they arrive;
 *       the server "goes away" and the client knows it at once;</li>
 *   <li>{@link #drop()} (blackhole): connections stay open but nothing is forwarded either way, and new
 *       ones are accepted and then left unanswered, as when a network drops packets; the client
 *       learns nothing unless it keeps its own time.</li>
 * </ul>
 * {@link #restore()} goes back to pass: held bytes then flow on (as TCP's retransmissions deliver
 * them once the network is back) and held new connections are connected through.
 */
final class TcpProxy implements AutoCloseable {
  private enum Mode { PASS, CUT, DROP }

  private final Vertx vertx = Vertx.vertx();
  private final NetClient client;
  private final NetServer server;
  private final String targetHost;
  private final int targetPort;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private final List<NetSocket> held = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.PASS;

  TcpProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2000));
    server = vertx.createNetServer().connectHandler(in -> {
      if (mode == Mode.CUT) {
        in.close();
        return;
      }
      in.pause();
      if (mode == Mode.DROP) {
        held.add(in);
        in.closeHandler(v -> held.remove(in));
        return;
      }
      connect(in);
    }).listen(0, "127.0.0.1").await();
  }

  private void connect(NetSocket in) {
    client.connect(targetPort, targetHost).onSuccess(out -> {
      sockets.add(in);
      sockets.add(out);
      in.handler(out::write);
      out.handler(in::write);
      in.closeHandler(v -> {
        sockets.remove(in);
        out.close();
      });
      out.closeHandler(v -> {
        sockets.remove(out);
        in.close();
      });
      if (mode == Mode.PASS) {
        in.resume();
      } else {
        out.pause();
      }
    }).onFailure(t -> in.close());
  }

  int port() {
    return server.actualPort();
  }

  /** Resets: every connection closed, new ones closed on arrival. */
  void cut() {
    mode = Mode.CUT;
    sockets.forEach(NetSocket::close);
    sockets.clear();
    held.forEach(NetSocket::close);
    held.clear();
  }

  /** Blackholes: nothing forwarded on open connections, new ones accepted and left unanswered. */
  void drop() {
    mode = Mode.DROP;
    sockets.forEach(NetSocket::pause);
  }

  /** Back to passing bytes; what was held flows on. */
  void restore() {
    mode = Mode.PASS;
    sockets.forEach(NetSocket::resume);
    List<NetSocket> waiting = List.copyOf(held);
    held.clear();
    waiting.forEach(this::connect);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
