package hmip.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VariantAccuracyTest {
    @Test
    void variants() throws Exception {
        ObjectMapper json = new ObjectMapper();
        GoldScore score = new GoldScore();
        List<Path> golds;
        try (Stream<Path> s = Files.list(Corpus.resource("variants/gold"))) { golds = s.sorted().toList(); }
        for (Path g : golds) {
            JsonNode gold = json.readTree(g.toFile());
            String id = gold.path("doc_id").asText();
            JsonNode got;
            try {
                got = GoldJson.toJson(Corpus.extract(Corpus.resource("variants/pdf/" + id + ".pdf")), false);
            } catch (Exception e) {
                System.out.println("THREW " + id + " " + e);
                got = json.createObjectNode().put("doc_id", id);
            }
            score.add(gold, got, id);
        }
        StringBuilder sb = new StringBuilder();
        for (String f : GoldScore.FIELDS) sb.append(String.format("%-26s P %.3f R %.3f %s%n", f, score.precision(f), score.recall(f), java.util.Arrays.toString(score.counts(f))));
        score.misses().forEach(m -> sb.append("  differs: ").append(m).append('\n'));
        System.out.println(sb);
    }
}
