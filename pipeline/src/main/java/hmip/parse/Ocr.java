package hmip.parse;

import hmip.model.Box;
import hmip.model.TextLine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Words of tesseract's TSV (level 5) grouped into lines, boxes scaled by {@code scale}. */
    static List<TextLine> parseTsv(List<String> rows, float scale) {
        Map<String, List<String[]>> lines = new LinkedHashMap<>();
        for (String row : rows) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !"5".equals(c[0]) || c[11].isBlank()) continue;
            lines.computeIfAbsent(c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4], k -> new ArrayList<>()).add(c);
        }
        List<TextLine> out = new ArrayList<>();
        for (List<String[]> words : lines.values()) {
            StringBuilder text = new StringBuilder();
            float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = 0, y1 = 0;
            for (String[] w : words) {
                if (!text.isEmpty()) text.append(' ');
                text.append(w[11].strip());
                float left = Float.parseFloat(w[6]), top = Float.parseFloat(w[7]);
                x0 = Math.min(x0, left);
                y0 = Math.min(y0, top);
                x1 = Math.max(x1, left + Float.parseFloat(w[8]));
                y1 = Math.max(y1, top + Float.parseFloat(w[9]));
            }
            float height = (y1 - y0) * scale;
            out.add(new TextLine(text.toString(), new Box(x0 * scale, y0 * scale, (x1 - x0) * scale, height),
                    Math.round(height * 0.8f * 10) / 10f, false, false));
        }
        return out;
    }
}
