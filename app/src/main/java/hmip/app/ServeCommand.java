package hmip.app;

import hmip.load.WarehouseBusyException;
import hmip.web.WebServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hmip serve}: the local, read-only web interface and JSON API. */
@Command(name = "serve", description = "Serve the web interface and JSON API over the warehouse and index (read-only).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = WebServer.DEFAULT_PORT;

    @Option(names = "--host", description = "address to bind (default: ${DEFAULT-VALUE}, this machine only)")
    String host = WebServer.DEFAULT_HOST;

    @Mixin Locations.WarehouseFile db;

    @Mixin Locations.IndexFolder index;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            System.err.println("serve: --port must be between 0 and 65535");
            return 2;
        }
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            System.err.println("serve: warning: binding to " + host + " exposes the server beyond this machine");
        }
        WebServer server;
        try {
            server = WebServer.start(new WebServer.Options(db.path(),
                    index.path(), Locations.home(), host, port, null));
        } catch (WarehouseBusyException e) {
            System.err.println("serve: " + e.getMessage());
            return 1;
        } catch (java.sql.SQLException | java.io.IOException e) {
            System.err.println("serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "hmip-serve-shutdown"));
        System.out.println("hmip: serving on " + server.baseUrl() + "/  (Ctrl-C to stop)");
        stopped.await();
        return 0;
    }
}
