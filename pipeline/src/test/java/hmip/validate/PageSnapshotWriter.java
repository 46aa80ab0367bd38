package hmip.validate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hmip.model.LaidOutDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rewrites the page-text snapshots the validation tests read. Runs only when asked:
 * {@code mvn -o -pl pipeline test -Dtest=PageSnapshotWriter -Dhmip.snapshot=true}.
 */
class PageSnapshotWriter {
    @Test
    void write() throws Exception {
        assumeTrue(Boolean.getBoolean("hmip.snapshot"), "set -Dhmip.snapshot=true to rewrite the snapshots");
        Path dir = Gold.root().resolve("pipeline/src/test/resources/gold-validate/pages");
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (String id : Gold.IDS) {
            LaidOutDocument doc = Gold.layOutPdf(id);
            List<Map<String, Object>> pages = doc.pages().stream()
                    .map(p -> Map.<String, Object>of("page", p.number(), "text", p.text())).toList();
            json.writeValue(dir.resolve(id + ".json").toFile(), pages);
        }
    }
}
