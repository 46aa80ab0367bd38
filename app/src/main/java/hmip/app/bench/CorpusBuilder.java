package hmip.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Builds the scaled corpus: copy {@code i} is sample {@code i mod n}, re-saved by PDFBox with its
 * document information changed (Subject and Keywords carry the copy number) so every file's SHA-256
 * differs and ingest treats it as a new document. Copies are written one at a time per worker, so
 * memory stays at one document per thread whatever the corpus size.
 */
public final class CorpusBuilder {
    /** The corpus on disk: its files (sorted), total pages and bytes. */
    public record Corpus(Path dir, List<Path> files, long pages, long bytes) {}

    private CorpusBuilder() {}

    public static Corpus build(List<Path> samples, int docs, Path dir, int threads) throws IOException {
        if (samples.isEmpty()) throw new IOException("no sample PDFs to build the corpus from");
        Files.createDirectories(dir);
        List<byte[]> sampleBytes = new ArrayList<>();
        for (Path s : samples) sampleBytes.add(Files.readAllBytes(s));
        AtomicLong pages = new AtomicLong(), bytes = new AtomicLong();
        List<Path> files = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < docs; i++) {
                int copy = i;
                Path sample = samples.get(copy % samples.size());
                String stem = sample.getFileName().toString().replaceFirst("\\.pdf$", "");
                Path target = dir.resolve(String.format("c%05d_%s.pdf", copy, stem));
                files.add(target);
                futures.add(pool.submit(() -> {
                    try (PDDocument pdf = Loader.loadPDF(sampleBytes.get(copy % sampleBytes.size()))) {
                        PDDocumentInformation info = pdf.getDocumentInformation();
                        info.setSubject("hmip bench copy " + copy);
                        info.setKeywords("hmip-bench, copy " + copy + " of " + stem);
                        pdf.save(target.toFile());
                        pages.addAndGet(pdf.getNumberOfPages());
                    }
                    bytes.addAndGet(Files.size(target));
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("corpus build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("cannot build corpus: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Corpus(dir, List.copyOf(files), pages.get(), bytes.get());
    }
}
