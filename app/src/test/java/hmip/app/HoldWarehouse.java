package hmip.app;

import hmip.load.Warehouse;
import java.nio.file.Path;

/** A second process for tests: holds a warehouse open for writing until stdin closes or time runs out. */
public final class HoldWarehouse {
    private HoldWarehouse() {}

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[1]);
        try (Warehouse wh = Warehouse.open(Path.of(args[0]))) {
            System.out.println("holding");
            System.out.flush();
            Thread reader = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) { /* wait for stdin to close */ }
                } catch (java.io.IOException ignored) {
                    // closed
                }
            });
            reader.setDaemon(true);
            reader.start();
            reader.join(millis);
        }
        System.out.println("released");
    }
}
