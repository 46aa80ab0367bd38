package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import hmip.model.ParsedDocument;
import hmip.parse.ParseException;
import hmip.parse.ParseFailure;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input, built from the samples, ends in its specific error; and a batch of all the
 * samples mixed with every bad input loads the good files, records the bad ones and exits with 3.
 */
class BadInputsTest {
    private static byte[] small;   // the first 3 pages of a sample
    private static final Parsers PARSERS = Parsers.standard();

    @BeforeAll
    static void sample() throws Exception {
        small = BadInputs.firstPages(BadInputs.samples().get(0), 3);
    }

    private static ParsedDocument parse(String name, byte[] bytes, ParseLimits limits) throws ParseException {
        return PARSERS.parse(SourceFile.of(Path.of(name), bytes), limits);
    }

    private static ParseException failure(String name, byte[] bytes, ParseLimits limits) {
        return catchThrowableOfType(ParseException.class, () -> parse(name, bytes, limits));
    }

    @Test
    void theSmallSampleParses() throws Exception {
        assertThat(parse("ok.pdf", small, ParseLimits.DEFAULT).pageCount()).isEqualTo(3);
    }

    @Test
    void zeroBytes() {
        assertThat(failure("empty.pdf", new byte[0], ParseLimits.DEFAULT).failure()).isEqualTo(ParseFailure.EMPTY);
    }

    @Test
    void truncatedPdf() {
        ParseException e = failure("cut.pdf", BadInputs.truncated(small), ParseLimits.DEFAULT);
        assertThat(e.failure()).isEqualTo(ParseFailure.CORRUPT);
        assertThat(e.getMessage()).contains("%%EOF").contains("cut off");
    }

    @Test
    void pngNamedPdf() throws Exception {
        ParseException e = failure("photo.pdf", BadInputs.png(small), ParseLimits.DEFAULT);
        assertThat(e.failure()).isEqualTo(ParseFailure.UNSUPPORTED_TYPE);
        assertThat(e.getMessage()).contains("image/png").contains("the name says .pdf");
    }

    @Test
    void binaryNamedText() {
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        ParseException e = failure("notes.txt", bytes, ParseLimits.DEFAULT);
        assertThat(e.failure()).isEqualTo(ParseFailure.UNSUPPORTED_TYPE);
    }

    @Test
    void encryptedWithUserPassword() throws Exception {
        byte[] locked = BadInputs.encrypted(small, BadInputs.USER_PASSWORD);
        ParseException none = failure("locked.pdf", locked, ParseLimits.DEFAULT);
        assertThat(none.failure()).isEqualTo(ParseFailure.ENCRYPTED);
        assertThat(none.getMessage()).contains("--password").contains("none was given");
        ParseException wrong = failure("locked.pdf", locked, ParseLimits.DEFAULT.withPassword("guess"));
        assertThat(wrong.failure()).isEqualTo(ParseFailure.ENCRYPTED);
        assertThat(wrong.getMessage()).contains("does not open");
        assertThat(parse("locked.pdf", locked, ParseLimits.DEFAULT.withPassword(BadInputs.USER_PASSWORD)).pageCount())
                .isEqualTo(3);
        assertThat(parse("locked.pdf", locked, ParseLimits.DEFAULT.withPassword(BadInputs.OWNER_PASSWORD)).pageCount())
                .isEqualTo(3);
    }

    @Test
    void encryptedWithEmptyUserPasswordJustWorks() throws Exception {
        byte[] restricted = BadInputs.encrypted(small, "");
        ParsedDocument doc = parse("restricted.pdf", restricted, ParseLimits.DEFAULT);
        assertThat(doc.pageCount()).isEqualTo(3);
        assertThat(doc.pages().get(0).lines()).isNotEmpty();
        // also when --password was given for other files in the batch
        assertThat(parse("restricted.pdf", restricted, ParseLimits.DEFAULT.withPassword("for-another-file"))
                .pageCount()).isEqualTo(3);
    }

    @Test
    void passwordProtectedDocx() throws Exception {
        byte[] locked = BadInputs.encryptedDocx("Inspection of probation services", "docx-secret");
        ParseException none = failure("letter.docx", locked, ParseLimits.DEFAULT);
        assertThat(none.failure()).isEqualTo(ParseFailure.ENCRYPTED);
        assertThat(none.getMessage()).contains("no password was given");
        assertThat(failure("letter.docx", locked, ParseLimits.DEFAULT.withPassword("guess")).failure())
                .isEqualTo(ParseFailure.ENCRYPTED);
        ParsedDocument doc = parse("letter.docx", locked, ParseLimits.DEFAULT.withPassword("docx-secret"));
        assertThat(doc.pages().get(0).lines().get(0).text()).isEqualTo("Inspection of probation services");
    }

    @Test
    void imageOnlyPages() throws Exception {
        byte[] scan = BadInputs.scannedWords("Probation inspection report");
        if (BadInputs.ocrAvailable()) {
            ParsedDocument doc = parse("scan.pdf", scan, ParseLimits.DEFAULT);
            assertThat(doc.pages().get(0).ocr()).isTrue();
            String text = String.join(" ", doc.pages().get(0).lines().stream().map(l -> l.text()).toList());
            assertThat(text).containsIgnoringCase("inspection");
            assertThat(doc.pages().get(0).lines().get(0).box()).isNotNull();
        } else {
            ParseException e = failure("scan.pdf", scan, ParseLimits.DEFAULT);
            assertThat(e.failure()).isEqualTo(ParseFailure.IMAGE_ONLY);
            assertThat(e.getMessage()).contains("1 of 1 pages").contains("tesseract is not installed");
        }
    }

    @Test
    void aTextLayerThatDoesNotDecodeIsReadAsAScanOrRefused() throws Exception {
        byte[] pdf;
        try (var in = BadInputsTest.class.getResourceAsStream("/bad/undecodable.pdf")) {
            pdf = in.readAllBytes();
        }
        if (BadInputs.ocrAvailable()) {
            ParsedDocument doc = parse("undecodable.pdf", pdf, ParseLimits.DEFAULT);
            assertThat(doc.pages().get(0).ocr()).isTrue();
            assertThat(doc.metadata()).containsEntry("unreadable_text_pages", "1");
            String text = String.join(" ", doc.pages().get(0).lines().stream().map(l -> l.text()).toList());
            assertThat(text).containsIgnoringCase("Inspectorate");
        } else {
            ParseException e = failure("undecodable.pdf", pdf, ParseLimits.DEFAULT);
            assertThat(e.failure()).isEqualTo(ParseFailure.UNREADABLE_TEXT);
            assertThat(e.getMessage()).contains("does not decode").contains("tesseract is not installed");
        }
    }

    @Test
    void tooManyPagesAndTooLarge() throws Exception {
        assertThat(failure("long.pdf", small, new ParseLimits(100L << 20, 2, 60_000, null)).failure())
                .isEqualTo(ParseFailure.TOO_MANY_PAGES);
        assertThat(failure("big.pdf", small, new ParseLimits(1_000, 100, 60_000, null)).failure())
                .isEqualTo(ParseFailure.TOO_LARGE);
    }

    @Test
    void timeLimit() throws Exception {
        try (hmip.parse.Deadline d = hmip.parse.Deadline.start(1)) {
            Thread.sleep(5);
            assertThat(failure("slow.pdf", small, ParseLimits.DEFAULT).failure()).isEqualTo(ParseFailure.TIMEOUT);
        }
    }

    /** The "done when": samples mixed with every bad input. */
    @Test
    void mixedBatch(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("downloads"));
        for (Path s : BadInputs.samples()) Files.copy(s, in.resolve(s.getFileName()));
        Files.write(in.resolve("empty.pdf"), new byte[0]);
        Files.write(in.resolve("cut.pdf"), BadInputs.truncated(small));
        Files.write(in.resolve("photo.pdf"), BadInputs.png(small));
        Files.write(in.resolve("locked.pdf"), BadInputs.encrypted(small, BadInputs.USER_PASSWORD));
        Files.write(in.resolve("restricted.pdf"), BadInputs.encrypted(small, ""));
        Files.write(in.resolve("scan.pdf"), BadInputs.imageOnly(small, 1, 150));
        Files.writeString(in.resolve("unrelated.txt"), "Shopping list\n\neggs\nmilk\n");
        Files.write(in.resolve("data.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        Path db = tmp.resolve("w.duckdb"), index = tmp.resolve("index");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = run(out, "ingest", "--quiet", "--no-embed", "--threads", "2", "--db", db.toString(), "--index", index.toString(),
                in.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(printed).isEqualTo(IngestCommand.SOME_FILES_FAILED);

        Map<String, String> expected = new HashMap<>();
        for (Path s : BadInputs.samples()) expected.put(stem(s), "ok");
        expected.put("restricted", "ok");
        expected.put("unrelated", "ok");
        expected.put("empty", "EMPTY");
        expected.put("cut", "CORRUPT");
        expected.put("photo", "UNSUPPORTED_TYPE");
        expected.put("data", "UNSUPPORTED_TYPE");
        expected.put("locked", "ENCRYPTED");
        expected.put("scan", BadInputs.ocrAvailable() ? "ok" : "IMAGE_ONLY");
        assertThat(statuses(db)).isEqualTo(expected);
        for (var e : expected.entrySet()) {
            if (!e.getValue().equals("ok")) assertThat(printed).contains("[" + e.getValue() + "]").contains(e.getKey());
        }
        assertThat(printed).contains("failures by code:");

        // the password opens the locked file on a rerun, which redoes only that (retryable) failure
        out.reset();
        rc = run(out, "ingest", "--quiet", "--no-embed", "--password", BadInputs.USER_PASSWORD, "--db", db.toString(),
                "--index", index.toString(), in.toString());
        assertThat(statuses(db)).containsEntry("locked", "ok");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[CORRUPT]").contains("unchanged since it failed");
        assertThat(rc).isEqualTo(IngestCommand.SOME_FILES_FAILED);

        out.reset();
        assertThat(run(out, "stats", "--db", db.toString(), "--index", index.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("agreement: \\d+ documents .*: agree");
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    /** doc_id -> 'ok' or the error code. */
    static Map<String, String> statuses(Path db) throws Exception {
        Map<String, String> m = new HashMap<>();
        try (var wh = hmip.load.Warehouse.openReadOnly(db); Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT doc_id, status, error_code FROM documents")) {
            while (rs.next()) m.put(rs.getString(1), "ok".equals(rs.getString(2)) ? "ok" : rs.getString(3));
        }
        return m;
    }

    /** Runs the CLI in-process, capturing what it prints. */
    static synchronized int run(ByteArrayOutputStream out, String... args) {
        PrintStream old = System.out, oldErr = System.err;
        PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            var cl = Main.commandLine();
            cl.setOut(new java.io.PrintWriter(capture, true));
            cl.setErr(new java.io.PrintWriter(capture, true));
            return cl.execute(args);
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }
}
