package hmip.parse;

import hmip.model.Box;
import hmip.model.Segment;
import hmip.model.TextLine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * OCR through the {@code tesseract} command, when it is installed. Detected once per JVM by running
 * {@code tesseract --version}; {@code -Dhmip.ocr=off} (or {@code HMIP_OCR=off}) disables it. Pages are
 * rendered by the caller (300 dpi, capped in pixels) and read back as lines with boxes from
 * tesseract's TSV output, converted from pixels to PDF points.
 */
public final class Ocr {
    private static volatile Boolean available;

    private Ocr() {}

    /** Whether tesseract can be run here. */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            a = !"off".equalsIgnoreCase(System.getProperty("hmip.ocr", System.getenv().getOrDefault("HMIP_OCR", "")))
                    && probe();
            available = a;
        }
        return a;
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Recognises the text of one rendered page. {@code dpi} converts pixel boxes back to points.
     * Runs within the current {@link Deadline}; the tesseract process is killed when it is spent.
     */
    public static List<TextLine> recognise(BufferedImage image, float dpi) throws IOException {
        Path dir = Files.createTempDirectory("hmip-ocr");
        Path png = dir.resolve("page.png");
        Path out = dir.resolve("out.tsv");
        try {
            ImageIO.write(image, "png", png.toFile());
            ProcessBuilder pb = new ProcessBuilder("tesseract", png.toString(), dir.resolve("out").toString(), "tsv")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
            // one thread per tesseract: the ingest already runs one worker per core
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            Process p = pb.start();
            try {
                long wait = Deadline.remainingMillis(120_000);
                if (!p.waitFor(Math.max(1, wait), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    Deadline.check();
                    throw new IOException("tesseract did not finish in " + wait + " ms");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for tesseract", e);
            }
            if (p.exitValue() != 0 || !Files.exists(out)) {
                String log = Files.exists(dir.resolve("log.txt")) ? Files.readString(dir.resolve("log.txt")).strip() : "";
                throw new IOException("tesseract failed (exit " + p.exitValue() + "): " + log);
            }
            return parseTsv(Files.readAllLines(out, StandardCharsets.UTF_8), 72f / dpi);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Words of tesseract's TSV (level 5) as visual lines, boxes scaled by {@code scale}. Tesseract reads a table's
     * cells as separate blocks; words whose boxes share a row (their vertical extents overlap by half) are one line
     * here, top to bottom, and a gap wider than an em between words starts a new column run, as the PDF text
     * parser does, so tables of scanned pages are found the same way.
     */
    static List<TextLine> parseTsv(List<String> rows, float scale) {
        List<float[]> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String row : rows) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !"5".equals(c[0]) || c[11].isBlank()) continue;
            float left = Float.parseFloat(c[6]) * scale, top = Float.parseFloat(c[7]) * scale;
            boxes.add(new float[] {left, top, left + Float.parseFloat(c[8]) * scale, top + Float.parseFloat(c[9]) * scale});
            texts.add(c[11].strip());
        }
        // rows of words: each word joins the first row it shares half its height with
        List<List<Integer>> lines = new ArrayList<>();
        List<float[]> extents = new ArrayList<>(); // top, bottom of each row
        for (int w = 0; w < boxes.size(); w++) {
            float[] b = boxes.get(w);
            int found = -1;
            for (int r = 0; r < lines.size() && found < 0; r++) {
                float[] e = extents.get(r);
                float overlap = Math.min(e[1], b[3]) - Math.max(e[0], b[1]);
                if (overlap >= 0.5f * Math.min(e[1] - e[0], b[3] - b[1])) found = r;
            }
            if (found < 0) {
                lines.add(new ArrayList<>());
                extents.add(new float[] {b[1], b[3]});
                found = lines.size() - 1;
            }
            lines.get(found).add(w);
            float[] e = extents.get(found);
            e[0] = Math.min(e[0], b[1]);
            e[1] = Math.max(e[1], b[3]);
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < lines.size(); r++) order.add(r);
        order.sort((a, b) -> Float.compare(extents.get(a)[0], extents.get(b)[0]));
        List<TextLine> out = new ArrayList<>();
        for (int r : order) {
            List<Integer> words = new ArrayList<>(lines.get(r));
            words.sort((a, b) -> Float.compare(boxes.get(a)[0], boxes.get(b)[0]));
            float height = extents.get(r)[1] - extents.get(r)[0];
            float em = Math.max(height, 4f);
            StringBuilder text = new StringBuilder();
            List<Segment> segments = new ArrayList<>();
            int segStart = 0;
            float[] seg = null, line = null;
            float lastRight = Float.NaN;
            for (int w : words) {
                float[] b = boxes.get(w);
                if (!text.isEmpty()) {
                    if (b[0] - lastRight > em) {
                        segments.add(segment(text.substring(segStart), segStart, seg));
                        text.append('\t');
                        segStart = text.length();
                        seg = null;
                    } else {
                        text.append(' ');
                    }
                }
                text.append(texts.get(w));
                seg = union(seg, b);
                line = union(line, b);
                lastRight = b[2];
            }
            segments.add(segment(text.substring(segStart), segStart, seg));
            out.add(new TextLine(text.toString(), new Box(line[0], line[1], line[2] - line[0], line[3] - line[1]),
                    Math.round(height * 0.8f * 10) / 10f, false, false, segments));
        }
        return out;
    }

    private static float[] union(float[] a, float[] b) {
        if (a == null) return b.clone();
        return new float[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
    }

    private static Segment segment(String text, int offset, float[] b) {
        return new Segment(text, offset, new Box(b[0], b[1], b[2] - b[0], b[3] - b[1]));
    }
}
