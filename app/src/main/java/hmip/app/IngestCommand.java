package hmip.app;

import hmip.load.Corrections;
import hmip.model.DocumentStatus;
import hmip.parse.ParseLimits;
import hmip.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hmip ingest}: files in, warehouse rows and index passages out. */
@Command(name = "ingest", description = "Parse, extract and load files into the warehouse and the index.")
final class IngestCommand implements Callable<Integer> {
    static final int SOME_FILES_FAILED = 3;
    /** Another process holds the warehouse or the index. */
    static final int BUSY = 4;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "files or folders (default: data/reports)")
    List<Path> inputs;

    @Mixin Locations.WarehouseFile db;

    @Mixin Locations.IndexFolder index;

    @Mixin Locations.ReferenceFolder reference;

    @Option(names = "--threads", description = "worker threads (default: number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--password", description = "password for encrypted PDFs")
    String password;

    @Option(names = "--max-pages", description = "fail files with more pages (default: ${DEFAULT-VALUE})")
    int maxPages = ParseLimits.DEFAULT.maxPages();

    @Option(names = "--max-mb", description = "fail files larger than this many MB (default: ${DEFAULT-VALUE})")
    long maxMb = ParseLimits.DEFAULT.maxBytes() / (1024 * 1024);

    @Option(names = "--timeout", description = "seconds one file may take to parse (default: ${DEFAULT-VALUE})")
    long timeoutSeconds = ParseLimits.DEFAULT.timeoutMillis() / 1000;

    @Option(names = "--wait", description = "seconds to wait while another process holds the warehouse "
            + "(default: ${DEFAULT-VALUE}: fail at once with exit status 4)")
    long waitSeconds = 0;

    @Option(names = "--corrections", paramLabel = "DIR",
            description = "folder of analyst corrections (*.csv; default: data/corrections), applied at the end of the run")
    Path corrections;

    @Option(names = "--force", description = "re-ingest files even when unchanged")
    boolean force;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--no-embed", description = "skip the embedding step (vectors for hybrid search); `hmip embed` adds them later")
    boolean noEmbed;

    /** Embedding is the default now; kept so older scripts that pass it still run. */
    @Option(names = "--embed", hidden = true)
    boolean embed;

    /** Used by {@code hmip bench}: writes per-stage times and memory peaks of this run as JSON. */
    @Option(names = "--bench-stats", hidden = true)
    Path benchStats;

    @Override
    public Integer call() throws Exception {
        List<Path> paths = inputs == null || inputs.isEmpty() ? List.of(Locations.defaultReports()) : inputs;
        ParseLimits limits = new ParseLimits(maxMb * 1024 * 1024, maxPages, timeoutSeconds * 1000, password);
        if (maxPages < 1 || maxMb < 1 || timeoutSeconds < 1 || threads < 1 || waitSeconds < 0) {
            System.err.println("ingest: --max-pages, --max-mb, --timeout and --threads must be at least 1");
            return 2;
        }
        IngestJob.Options options = new IngestJob.Options(paths, db.path(),
                index.path(), threads, limits, force,
                java.time.Duration.ofSeconds(waitSeconds),
                corrections == null ? Locations.home().resolve("data/corrections") : corrections);
        Pipeline pipeline = new Pipeline(reference.reference(), Pipeline.Options.defaults().withLimits(limits));
        ProgressListener progress = new ProgressListener(quiet);
        IngestJob job = new IngestJob(options, pipeline).embedAfterwards(!noEmbed, progress::embedded);
        IngestSummary summary;
        try (hmip.app.bench.IngestProbe probe = benchStats == null ? null : new hmip.app.bench.IngestProbe(benchStats)) {
            if (probe != null) job.timer(probe.timer());
            summary = job.run(probe == null ? progress : probe.wrap(progress, threads));
            if (probe != null) probe.write(summary, threads);
        } finally {
            progress.close();
        }
        print(summary, options);
        if (job.embedding() != null) EmbedCommand.print(job.embedding());
        boolean someFailed = summary.outcomes().stream().anyMatch(f -> f.status() == FileOutcome.Status.FAILED
                || f.errorCode() != null);
        return someFailed ? SOME_FILES_FAILED : 0;
    }

    private static void print(IngestSummary s, IngestJob.Options o) {
        java.util.Map<String, Integer> byCode = new java.util.TreeMap<>();
        for (FileOutcome f : s.outcomes()) {
            if (f.status() == FileOutcome.Status.FAILED) {
                System.out.printf("FAILED  %s  [%s] %s%n", f.path(), f.errorCode(), f.message());
                byCode.merge(f.errorCode(), 1, Integer::sum);
            } else if (f.errorCode() != null) {
                System.out.printf("FAILED  %s  [%s] %s (unchanged since it failed; --force to retry)%n",
                        f.path(), f.errorCode(), f.message());
                byCode.merge(f.errorCode(), 1, Integer::sum);
            }
        }
        List<FileOutcome> partial = s.outcomes().stream().filter(FileOutcome::partial).toList();
        for (FileOutcome f : partial) {
            System.out.printf("PARTIAL %s  %s%n", f.path(), String.join("; ", f.documentStatus().reasons()));
        }
        long notReports = s.outcomes().stream().filter(f -> f.documentStatus() != null
                && DocumentStatus.NOT_A_REPORT.equals(f.documentStatus().level())).count();
        long abandoned = s.outcomes().stream().filter(f -> f.status() == FileOutcome.Status.FAILED
                && "TIMEOUT".equals(f.errorCode()) && String.valueOf(f.message()).contains("worker abandoned")).count();
        if (abandoned > 0) {
            System.out.printf("note: %d worker thread(s) did not stop at their time limit and were abandoned; "
                    + "they end with this process (see docs/robustness.md)%n", abandoned);
        }
        if (!byCode.isEmpty()) {
            System.out.println("failures by code: " + byCode.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        }
        long loaded = s.count(FileOutcome.Status.LOADED);
        System.out.printf("ingest run %d: %d ok (%d complete, %d partial, %d not a report), %d failed, %d unchanged "
                        + "(skipped); %d pages in %.1f s%n",
                s.runId(), loaded, loaded - partial.size() - notReports, partial.size(), notReports,
                s.count(FileOutcome.Status.FAILED), s.count(FileOutcome.Status.UNCHANGED), s.pages(), s.seconds());
        if (!s.corrections().isEmpty()) {
            long applied = s.corrections().stream().filter(Corrections.Outcome::applied).count();
            System.out.printf("corrections: %d applied, %d unmatched%n", applied, s.corrections().size() - applied);
            for (Corrections.Outcome c : s.corrections()) {
                if (!c.applied()) {
                    System.out.printf("UNMATCHED correction %s line %d (%s %s%s): %s%n", c.correction().file(),
                            c.correction().line(), c.correction().field(), c.correction().provider() == null ? "" : c.correction().provider(),
                            c.correction().standard() == null ? "" : " " + c.correction().standard(), c.detail());
                }
            }
        }
        System.out.printf("warehouse: %s%nindex:     %s%n", o.db(), o.index());
    }

    /** A console progress bar over files, showing pages loaded so far, then one over texts embedded. */
    private static final class ProgressListener implements IngestJob.Listener, AutoCloseable {
        private final boolean quiet;
        private ProgressBar bar;
        private ProgressBar embedBar;
        private long pages;

        ProgressListener(boolean quiet) { this.quiet = quiet; }

        @Override
        public void started(int files) {
            if (quiet) return;
            bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(files).setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .continuousUpdate().build();
        }

        @Override
        public void finished(FileOutcome outcome) {
            pages += outcome.pages();
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(pages + " pages");
            }
        }

        /** Called by the embedding step after each chunk of texts. */
        void embedded(int done, int total) {
            if (quiet) return;
            if (bar != null) {
                bar.close(); // the file bar is complete once embedding starts
                bar = null;
            }
            if (embedBar == null) {
                embedBar = new ProgressBarBuilder().setTaskName("embed").setInitialMax(total).setUnit(" texts", 1)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .continuousUpdate().build();
            }
            embedBar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
            if (embedBar != null) embedBar.close();
        }
    }

}
