import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Runs DynamoDB Local (same command-line flags as its jar) on 127.0.0.1 only, answering only
 * requests addressed to 127.0.0.1 or localhost.
 *
 * why: the jar builds Jetty with `new Server(port)`, which listens on every interface, and has no
 * flag for the address (packages/store/local.ts). Its proxy keeps that Jetty server in the private
 * field `server` until `start()`, so the connector's host can still be set here. The Host check
 * turns away a web page that points its own name at 127.0.0.1 (DNS rebinding): DynamoDB Local
 * accepts any signature, so the address is its only guard.
 *
 * Started by `startDynamoLocal` as a single-file program: java -cp DynamoDBLocal.jar <this file> <flags>.
 * Exits with 3 when the jar's internals are not what this expects; the caller then falls back to the
 * plain jar and says so.
 */
public class DynamoDBLocalLoopback {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Server server;
    try {
      Field field = DynamoDBProxyServer.class.getDeclaredField("server");
      field.setAccessible(true);
      server = (Server) field.get(proxy);
      for (Connector connector : server.getConnectors()) ((ServerConnector) connector).setHost("127.0.0.1");
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("LOOPBACK_UNAVAILABLE: " + e);
      System.exit(3);
      return;
    }
    server.setHandler(new Handler.Wrapper(server.getHandler()) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = Request.getServerName(request);
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
          Response.writeError(request, response, callback, 421, "Misdirected Request");
          return true;
        }
        return super.handle(request, response, callback);
      }
    });
    proxy.start();
  }
}
