package hmip.app;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Builds the bad inputs the robustness tests feed to ingest, from the sample reports. */
final class BadInputs {
    static final String OWNER_PASSWORD = "owner-secret";
    static final String USER_PASSWORD = "user-secret";

    private BadInputs() {}

    static Path root() {
        String root = System.getProperty("hmip.root");
        Path p = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        return Files.isDirectory(p.resolve("data/reports")) ? p : p.getParent();
    }

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("data/reports"))) {
            return s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    /** The first {@code n} pages of a PDF, saved again by PDFBox (a small, valid report). */
    static byte[] firstPages(Path pdf, int n) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            while (doc.getNumberOfPages() > n) doc.removePage(doc.getNumberOfPages() - 1);
            return save(doc);
        }
    }

    static byte[] truncated(byte[] pdf) {
        return java.util.Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** Encrypted with an owner password and the given user password ("" opens without one). */
    static byte[] encrypted(byte[] pdf, String userPassword) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(OWNER_PASSWORD, userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    /** A page rendered to an image, as a PNG file's bytes (to be named .pdf). */
    static byte[] png(byte[] pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(render(pdf, 0, 50), "png", out);
        return out.toByteArray();
    }

    /** A PDF whose pages are only images of the source pages (a scan, without a text layer). */
    static byte[] imageOnly(byte[] pdf, int pages, float dpi) throws IOException {
        try (PDDocument scan = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                BufferedImage image = render(pdf, i, dpi);
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            return save(scan);
        }
    }

    /** A one-page scan of a few words set in a large font: quick to OCR, easy to check. */
    static byte[] scannedWords(String words) throws IOException {
        BufferedImage image = new BufferedImage(1600, 300, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.PLAIN, 72));
        g.drawString(words, 40, 180);
        g.dispose();
        try (PDDocument scan = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            scan.addPage(page);
            PDImageXObject x = LosslessFactory.createFromImage(scan, image);
            try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
                cs.drawImage(x, 20, 400, 380, 71);
            }
            return save(scan);
        }
    }

    /** A one-paragraph DOCX written with POI. */
    static byte[] docx(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            d.createParagraph().createRun().setText(text);
            d.write(out);
        }
        return out.toByteArray();
    }

    /** A DOCX encrypted with a password (agile encryption, as Word's "Encrypt with password"). */
    static byte[] encryptedDocx(String text, String password) throws Exception {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
            var enc = info.getEncryptor();
            enc.confirmPassword(password);
            try (java.io.OutputStream os = enc.getDataStream(fs)) {
                os.write(docx(text));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static BufferedImage render(byte[] pdf, int page, float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(page, dpi, ImageType.GRAY);
        }
    }

    static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** Whether this machine has tesseract, i.e. which OCR path the tests are on. */
    static boolean ocrAvailable() {
        return hmip.parse.Ocr.available();
    }
}
