package hmip.app;

import hmip.fetch.FetchOptions;
import hmip.fetch.Fetcher;
import hmip.fetch.Manifest;
import hmip.fetch.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hmip fetch}: reports, landing pages and press releases from the Inspectorate's website, with a manifest. */
@Command(name = "fetch", description = "Download reports (PDF), their landing pages and press releases, politely, "
        + "into a folder with manifest.csv (then `hmip ingest` that folder).")
final class FetchCommand implements Callable<Integer> {
    static final int SOME_URLS_FAILED = 3;

    /** Exactly one of: a list of URLs, or a site to crawl. */
    static final class What {
        @Option(names = "--urls", paramLabel = "FILE", description = "file with one URL a line: a report's landing page or a PDF")
        Path urls;

        @Option(names = "--site", paramLabel = "NAME", description = "discover reports from a site's listing pages: "
                + "justiceinspectorates (www.justiceinspectorates.gov.uk/hmiprobation), hmiprobation "
                + "(hmiprobation.justiceinspectorates.gov.uk), or a path to a source .json")
        String site;
    }

    @ArgGroup(multiplicity = "1")
    What what;

    @Option(names = "--out", description = "output folder (default: data/downloads)")
    Path out;

    @Option(names = "--from", paramLabel = "YEAR", description = "with --site: first publication year")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "with --site: last publication year")
    Integer to;

    @Option(names = "--type", paramLabel = "TYPE", description = "with --site: the site's inspection-type value (repeatable; default: all)")
    List<String> types;

    @Option(names = "--delay", paramLabel = "SECONDS", description = "least seconds between requests to one host (default: ${DEFAULT-VALUE}; robots.txt Crawl-delay wins when longer)")
    double delaySeconds = 1.0;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "connect and read timeout (default: ${DEFAULT-VALUE})")
    double timeoutSeconds = 30;

    @Option(names = "--retries", description = "attempts after the first, on network errors, timeouts, 5xx, 429 (default: ${DEFAULT-VALUE})")
    int retries = 3;

    @Option(names = "--backoff", paramLabel = "SECONDS", description = "first wait before a retry, doubled each time (default: ${DEFAULT-VALUE})")
    double backoffSeconds = 2;

    @Option(names = "--max-retry-after", paramLabel = "SECONDS", description = "longest Retry-After honoured (default: ${DEFAULT-VALUE})")
    double maxRetryAfterSeconds = 300;

    @Option(names = "--max-mb", description = "refuse files larger than this (default: ${DEFAULT-VALUE})")
    long maxMb = 100;

    @Option(names = "--contact", description = "an e-mail or URL added to the User-Agent, so the site can reach you")
    String contact;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    /** Tests shorten the waits below the command's 1 s floor for the delay. */
    @Option(names = "--delay-ms", hidden = true)
    Long delayMillis;

    @Override
    public Integer call() throws IOException {
        if (delaySeconds < 1 && delayMillis == null) {
            System.err.println("fetch: --delay must be at least 1 second (the site is shared with everyone)");
            return 2;
        }
        if (retries < 0 || maxMb < 1 || timeoutSeconds <= 0) {
            System.err.println("fetch: --retries must be >= 0, --max-mb >= 1, --timeout > 0");
            return 2;
        }
        Path dir = out == null ? Locations.home().resolve("data/downloads") : out;
        Files.createDirectories(dir);
        Duration delay = delayMillis != null ? Duration.ofMillis(delayMillis) : millis(delaySeconds);
        FetchOptions options = new FetchOptions(dir, delay, millis(timeoutSeconds), millis(timeoutSeconds), retries,
                millis(backoffSeconds), millis(maxRetryAfterSeconds), maxMb * 1024 * 1024,
                FetchOptions.userAgent(Main.VERSION, contact));
        Fetcher.Summary summary;
        try (Progress progress = new Progress(quiet)) {
            if (what.urls != null) {
                List<String> urls = Files.readAllLines(what.urls).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                Set<String> hosts = Fetcher.hostsOf(urls);
                summary = new Fetcher(options, hosts, progress).fetchUrls(urls);
            } else {
                SiteConfig site;
                try {
                    site = SiteConfig.load(what.site);
                } catch (java.util.NoSuchElementException e) {
                    System.err.println("fetch: " + e.getMessage());
                    return 2;
                }
                summary = new Fetcher(options, Set.copyOf(site.hosts()), progress).fetchSite(site, from, to, types);
            }
        }
        for (Fetcher.Outcome o : summary.failures()) {
            System.out.printf("FAILED  %s  [%s] %s%n", o.url(), o.failure(), o.reason());
        }
        System.out.printf("fetch: %d downloaded, %d unchanged, %d failed; manifest %s%n",
                summary.count(Manifest.DOWNLOADED), summary.count(Manifest.UNCHANGED), summary.failures().size(),
                dir.resolve(Manifest.FILE_NAME));
        return summary.failures().isEmpty() ? 0 : SOME_URLS_FAILED;
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A console progress bar over landing pages (or URLs). */
    private static final class Progress implements Fetcher.Listener, AutoCloseable {
        private final boolean quiet;
        private ProgressBar bar;
        private int failed;

        Progress(boolean quiet) { this.quiet = quiet; }

        @Override
        public void started(int items) {
            if (quiet) return;
            bar = new ProgressBarBuilder().setTaskName("fetch").setInitialMax(items).setUnit(" items", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .continuousUpdate().build();
        }

        @Override
        public void finished(Fetcher.Outcome outcome) {
            if (outcome.failed()) failed++;
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(failed + " failed");
            }
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }
    }
}
