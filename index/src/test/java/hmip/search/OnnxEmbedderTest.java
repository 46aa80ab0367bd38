package hmip.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batched embedder gives the vectors of the reference (langchain4j, one text at a time) whatever the batch.
 * Not bit for bit: the quantized models quantize activations dynamically, with a scale computed over the whole
 * batch tensor, so a text's vector moves slightly with its batch companions (cosine 0.99 in the worst mixed
 * batch here; batches of texts sorted by length, as the embedder forms them, move less).
 */
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
            // one text alone: the same computation as the reference
            float[] alone = Embedder.miniLm().embed(TEXTS.get(i));
            float[] reference1 = reference.embed(TextSegment.from(TEXTS.get(i))).content().vector();
            assertThat(cos(alone, reference1)).as(TEXTS.get(i)).isGreaterThan(0.9999);
            float[] ref = reference.embed(TextSegment.from(TEXTS.get(i))).content().vector();
            assertThat(cos(ours.get(i), ref)).as(TEXTS.get(i)).isGreaterThan(0.98);
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
            assertThat(cos(batch.get(i), alone)).as(shuffled.get(i)).isGreaterThan(0.98);
            assertThat(batch.get(i)).isEqualTo(batch.get(shuffled.indexOf(shuffled.get(i)))); // duplicates: one vector
            assertThat(batch.get(i)).hasSize(384);
        }
    }

    @Test
    void longTextsAreTruncatedNotRejected() {
        String longText = "The probation delivery unit had high caseloads. ".repeat(200);
        float[] v = Embedder.miniLm().embed(longText);
        assertThat(v).hasSize(384);
        assertThat(Embedder.miniLm().model()).isEqualTo("all-minilm-l6-v2-q@128");
    }
}
