package hmip.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a JVM with the test classpath, to run ingest as a separate process that can be killed. */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(Path log, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:TieredStopAtLevel=1"); // short-lived: start fast
        cmd.add("-Dhmip.ocr=" + System.getProperty("hmip.ocr", "auto"));
        cmd.add("-Dhmip.indexCommitEvery=3"); // more commit points for a kill to fall between
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        File out = log.toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out))
                .start();
    }
}
