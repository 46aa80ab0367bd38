package hmip.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The reference extractors the pipeline is compared with, each run over the whole corpus on a pool of
 * the same number of threads: poppler's {@code pdftotext} (one process per file), PDFBox's plain
 * {@link PDFTextStripper}, and Tika's default text extraction ({@link AutoDetectParser} with a
 * {@link BodyContentHandler}). Text is produced and counted, then dropped.
 */
public final class Peers {
    /** One peer's run: wall seconds over the corpus, characters of text produced, files that failed. */
    public record Result(String name, double seconds, double cpuSeconds, long chars, int failures, String note) {
        public boolean available() { return note == null; }
    }

    private Peers() {}

    interface FileTask {
        long run(Path file) throws Exception;
    }

    public static Result pdftotext(List<Path> files, int threads) {
        if (!pdftotextAvailable()) {
            return new Result("pdftotext", Double.NaN, Double.NaN, 0, 0, "pdftotext not found (apt-get install poppler-utils)");
        }
        return run("pdftotext", true, files, threads, file -> {
            Process p = new ProcessBuilder("pdftotext", "-q", "-enc", "UTF-8", file.toString(), "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long chars = 0;
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) chars += n;
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("pdftotext timed out on " + file);
            }
            if (p.exitValue() != 0) throw new IOException("pdftotext exit " + p.exitValue());
            return chars;
        });
    }

    public static Result pdfbox(List<Path> files, int threads) {
        return run("PDFBox PDFTextStripper", false, files, threads, file -> {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(pdf).length();
            }
        });
    }

    public static Result tika(List<Path> files, int threads) {
        AutoDetectParser parser = new AutoDetectParser();
        return run("Tika AutoDetectParser", false, files, threads, file -> {
            BodyContentHandler handler = new BodyContentHandler(-1);
            try (InputStream in = TikaInputStream.get(file)) {
                parser.parse(in, handler, new Metadata(), new ParseContext());
            }
            return handler.toString().length();
        });
    }

    static boolean pdftotextAvailable() {
        try {
            Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code task} over the files; CPU is this JVM's, or its child processes' when {@code children}. */
    private static Result run(String name, boolean children, List<Path> files, int threads, FileTask task) {
        AtomicLong chars = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        long t0 = System.nanoTime();
        long c0 = children ? CpuClock.childrenNanos() : CpuClock.processNanos();
        try {
            List<Future<?>> futures = new ArrayList<>(files.size());
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    try {
                        chars.addAndGet(task.run(f));
                    } catch (Exception | StackOverflowError e) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(name, Double.NaN, Double.NaN, chars.get(), failures.get(), "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Result(name, Double.NaN, Double.NaN, chars.get(), failures.get(), "failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long c1 = children ? CpuClock.childrenNanos() : CpuClock.processNanos();
        double cpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) / 1e9;
        return new Result(name, seconds, cpu, chars.get(), failures.get(), null);
    }
}
