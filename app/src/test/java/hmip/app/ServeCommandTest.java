package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hmip serve} refuses clearly when it has nothing to serve or a bad port. (The server itself is tested in web/.) */
class ServeCommandTest {
    @TempDir
    Path tmp;

    private int run(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.commandLine().execute(args);
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void missingWarehouseIsExplained() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(err, "serve", "--port", "0", "--db", tmp.resolve("none.duckdb").toString(),
                "--index", tmp.resolve("index").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no warehouse").contains("hmip ingest");
    }

    @Test
    void badPortIsRejected() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port");
    }
}
