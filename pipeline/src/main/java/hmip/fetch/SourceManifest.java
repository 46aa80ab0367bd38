package hmip.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an ingested file came from: the {@code manifest.csv} that {@code hmip fetch} wrote in the file's folder,
 * looked up by file name. Ingest asks it once per file; each folder's manifest is read once.
 */
public final class SourceManifest {
    /** Provenance of one fetched file. */
    public record Source(String url, String landingUrl, Instant retrievedAt, String published, String title, String kind) {}

    private final Map<Path, Map<String, Source>> byFolder = new ConcurrentHashMap<>();

    /** The source of a file, when a fetch manifest in its folder lists it. */
    public Optional<Source> find(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null) return Optional.empty();
        Map<String, Source> sources = byFolder.computeIfAbsent(folder, SourceManifest::load);
        return Optional.ofNullable(sources.get(file.getFileName().toString()));
    }

    private static Map<String, Source> load(Path folder) {
        Map<String, Source> out = new HashMap<>();
        if (!Files.isRegularFile(folder.resolve(Manifest.FILE_NAME))) return out;
        try {
            for (Manifest.Row r : Manifest.read(folder).rows()) {
                if (r.file() == null || r.file().contains("/") || Manifest.FAILED.equals(r.status()) && r.sha256() == null) continue;
                out.put(r.file(), new Source(r.url(), r.landingUrl(), instant(r.retrievedAt()), r.published(), r.title(), r.kind()));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable manifest gives no provenance; the files still ingest
        }
        return out;
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Files ingest must not read as documents: the manifest itself, and anything under a hidden folder such as
     * fetch's {@code .fetch/} (listing pages, robots.txt, partial downloads).
     */
    public static boolean isFetchBookkeeping(Path root, Path file) {
        if (file.getFileName().toString().equals(Manifest.FILE_NAME)) return true;
        Path rel;
        try {
            rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }

}
