package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.parse.ParseFailure;
import hmip.parse.ParseLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated sample PDFs (fixed seed: flipped bytes, overwritten and deleted ranges, truncation with and
 * without a fresh %%EOF, splices from another file, mangled numbers) go through the real ingest job —
 * parse, layout, extraction, warehouse, index — with a short per-file limit. Every file must end as a
 * loaded document or a recorded parse error: no hang, no crash of the batch, no internal error.
 */
class FuzzTest {
    static final long SEED = 20261122L;
    static final int MUTATIONS = 300;

    @Test
    void mutatedPdfsEndLoadedOrWithARecordedError(@TempDir Path tmp) throws Exception {
        List<byte[]> seeds = seeds();
        Random rnd = new Random(SEED);
        Path in = Files.createDirectories(tmp.resolve("fuzz"));
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] seed = seeds.get(rnd.nextInt(seeds.size()));
            byte[] other = seeds.get(rnd.nextInt(seeds.size()));
            Files.write(in.resolve(String.format("m%03d.pdf", i)), mutate(seed, other, rnd));
        }
        ParseLimits limits = new ParseLimits(100L << 20, 50, 5_000, null);
        var options = new IngestJob.Options(List.of(in), tmp.resolve("w.duckdb"), tmp.resolve("idx"), 2, limits, false,
                Duration.ZERO);
        long t0 = System.nanoTime();
        IngestSummary summary = new IngestJob(options, hmip.pipeline.Pipeline.standard()).run(new IngestJob.Listener() {
            @Override public void started(int files) {}
            @Override public void finished(FileOutcome outcome) {}
        });
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Long> byOutcome = summary.outcomes().stream().collect(Collectors.groupingBy(
                o -> o.status() == FileOutcome.Status.LOADED ? "ok" : o.errorCode(), TreeMap::new, Collectors.counting()));
        System.out.printf("fuzz: %d mutations in %.1f s: %s%n", MUTATIONS, seconds, byOutcome);
        assertThat(summary.outcomes()).hasSize(MUTATIONS);
        Set<String> parseCodes = Arrays.stream(ParseFailure.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> unexpected = new ArrayList<>();
        for (FileOutcome o : summary.outcomes()) {
            if (o.status() == FileOutcome.Status.FAILED && !parseCodes.contains(o.errorCode())) {
                unexpected.add(o.docId() + " " + o.errorCode() + " " + o.message());
            }
        }
        assertThat(unexpected).as("failures outside the parse error codes (internal errors)").isEmpty();
        assertThat(byOutcome.getOrDefault("ok", 0L)).as("some mutations still load").isPositive();
        assertThat(byOutcome.keySet()).as("some mutations fail").hasSizeGreaterThan(1);

        try (var wh = hmip.load.Warehouse.openReadOnly(tmp.resolve("w.duckdb"));
             Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE status = 'failed' "
                     + "AND (error_code IS NULL OR error IS NULL)) FROM documents")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(MUTATIONS);
            assertThat(rs.getInt(2)).as("failures without a code or message").isZero();
            assertThat(IndexAgreement.check(wh, tmp.resolve("idx")).agree()).isTrue();
            // every document that loaded says how completely it was read
            Map<String, Integer> levels = new TreeMap<>();
            try (ResultSet lv = st.executeQuery("SELECT coalesce(status_level, '(none)'), count(*) FROM documents "
                    + "WHERE status <> 'failed' GROUP BY 1")) {
                while (lv.next()) levels.put(lv.getString(1), lv.getInt(2));
            }
            System.out.printf("fuzz: loaded documents by read status: %s%n", levels);
            assertThat(levels).doesNotContainKey("(none)");
        }
    }

    /** Two samples cut to one page, each saved compressed (object streams) and uncompressed. */
    static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (Path s : BadInputs.samples().subList(0, 2)) {
            byte[] small = BadInputs.firstPages(s, 1);
            seeds.add(small);
            try (PDDocument doc = Loader.loadPDF(small)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out, CompressParameters.NO_COMPRESSION);
                seeds.add(out.toByteArray());
            }
        }
        return seeds;
    }

    static byte[] mutate(byte[] seed, byte[] other, Random rnd) {
        byte[] b = seed.clone();
        int n = b.length;
        switch (rnd.nextInt(7)) {
            case 0 -> { // flip a few bytes anywhere
                for (int k = 1 + rnd.nextInt(20); k > 0; k--) b[rnd.nextInt(n)] ^= (byte) (1 + rnd.nextInt(255));
            }
            case 1 -> { // overwrite a range with noise
                int at = rnd.nextInt(n), len = Math.min(n - at, 1 + rnd.nextInt(2048));
                for (int i = at; i < at + len; i++) b[i] = (byte) rnd.nextInt(256);
            }
            case 2 -> { // truncate, half the time with a fresh %%EOF so the parser goes further
                b = Arrays.copyOf(b, 1 + rnd.nextInt(n - 1));
                if (rnd.nextBoolean()) b = concat(b, "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            case 3 -> { // splice a range of another file in
                int at = rnd.nextInt(n), from = rnd.nextInt(other.length), len = Math.min(other.length - from,
                        1 + rnd.nextInt(8192));
                b = concat(concat(Arrays.copyOf(b, at), Arrays.copyOfRange(other, from, from + len)),
                        Arrays.copyOfRange(b, Math.min(n, at + rnd.nextInt(4096)), n));
            }
            case 4 -> { // delete a range
                int at = rnd.nextInt(n), len = Math.min(n - at, 1 + rnd.nextInt(4096));
                b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + len, n));
            }
            case 5 -> { // mangle numbers (object numbers, offsets, lengths, counts)
                for (int k = 1 + rnd.nextInt(30); k > 0; k--) {
                    int at = rnd.nextInt(n);
                    while (at < n && !Character.isDigit(b[at])) at++;
                    if (at < n) b[at] = (byte) (rnd.nextBoolean() ? '9' : '0' + rnd.nextInt(10));
                }
            }
            default -> { // repeat a range (nesting, duplicate objects)
                int at = rnd.nextInt(n), len = Math.min(n - at, 1 + rnd.nextInt(4096));
                byte[] piece = Arrays.copyOfRange(b, at, at + len);
                b = concat(concat(Arrays.copyOf(b, at + len), piece), Arrays.copyOfRange(b, at + len, n));
            }
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] c) {
        byte[] r = Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, r, a.length, c.length);
        return r;
    }
}
