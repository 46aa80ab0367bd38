package hmip.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batched embedder gives the vectors of the reference (langchain4j, one text at a time) whatever the batch. */
class OnnxEmbedderTest {
    static final List<String> TEXTS = List.of(
            "Adequate plans were not always in place to address domestic abuse.",
            "ensure unpaid work (UPW) requirements start promptly",
            "Staff should not have to work in vermin-infested premises for lengthy periods.",
            "The region has an experienced community integration team, which monitors and evaluates the delivery of "
                    + "commissioned rehabilitative services (CRSs).",
            "PQiP");

    static double cos(float[] a, float[] b) {
        double d = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return d / Math.sqrt(na * nb);
    }

    @Test
    void sameVectorsAsTheReferenceImplementation() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<float[]> ours = Embedder.miniLm().embedAll(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] ref = reference.embed(TextSegment.from(TEXTS.get(i))).content().vector();
            assertThat(cos(ours.get(i), ref)).as(TEXTS.get(i)).isGreaterThan(0.999);
        }
    }

    @Test
    void batchingAndOrderDoNotChangeVectors() {
        List<String> shuffled = new ArrayList<>(TEXTS);
        shuffled.addAll(TEXTS); // duplicates are embedded once and returned twice
        Collections.shuffle(shuffled, new Random(7));
        List<float[]> batch = Embedder.miniLm().embedAll(shuffled);
        for (int i = 0; i < shuffled.size(); i++) {
            float[] alone = Embedder.miniLm().embed(shuffled.get(i));
            assertThat(cos(batch.get(i), alone)).as(shuffled.get(i)).isGreaterThan(0.9999);
            assertThat(batch.get(i)).hasSize(384);
        }
    }

    @Test
    void longTextsAreTruncatedNotRejected() {
        String longText = "The probation delivery unit had high caseloads. ".repeat(200);
        float[] v = Embedder.miniLm().embed(longText);
        assertThat(v).hasSize(384);
        assertThat(Embedder.miniLm().model()).isEqualTo("all-minilm-l6-v2-q@256");
    }
}
