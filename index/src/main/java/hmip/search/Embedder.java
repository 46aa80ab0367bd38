package hmip.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Dense sentence embeddings in-process: bge-small-en-v1.5 or all-MiniLM-L6-v2 (quantized ONNX, 384
 * dimensions) shipped in langchain4j's {@code langchain4j-embeddings-*} jars and run by onnxruntime;
 * nothing is downloaded at run time.
 * Vectors are L2-normalised, so the dot product is the cosine similarity.
 */
public interface Embedder {
    String MINILM = "all-minilm-l6-v2-q";
    String BGE_SMALL = "bge-small-en-v1.5-q";

    /** Model name, stored beside each cached vector. */
    String model();

    int dimension();

    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) { return embedAll(List.of(text)).get(0); }

    /** A search query's vector (models trained with a query instruction add it here). */
    default float[] embedQuery(String text) { return embed(text); }

    /** The bundled all-MiniLM-L6-v2 model (loads once per JVM, about a second). */
    static Embedder miniLm() { return Onnx.MINILM_Q; }

    /** The bundled bge-small-en-v1.5 model. */
    static Embedder bgeSmall() { return Onnx.BGE_SMALL_Q; }

    /**
     * The model the project uses: bge-small-en-v1.5 (quantized), which scored higher than all-MiniLM-L6-v2
     * on the judged query set in every mode; -Dhmip.embedder=all-minilm-l6-v2-q selects the faster MiniLM.
     * Vectors are cached per model, and an index must be embedded with the model that searches it.
     */
    static Embedder standard() {
        return MINILM.equals(System.getProperty("hmip.embedder")) ? miniLm() : bgeSmall();
    }

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

    /** An in-process ONNX model from a langchain4j embeddings jar, loaded on first use. */
    final class Onnx implements Embedder {
        static final Onnx MINILM_Q = new Onnx(MINILM,
                dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel::new, "");
        static final Onnx BGE_SMALL_Q = new Onnx(BGE_SMALL,
                dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel::new,
                "Represent this sentence for searching relevant passages: ");

        private final String name;
        private final java.util.function.Supplier<dev.langchain4j.model.embedding.EmbeddingModel> factory;
        private final String queryPrefix;
        private volatile dev.langchain4j.model.embedding.EmbeddingModel model;

        private Onnx(String name, java.util.function.Supplier<dev.langchain4j.model.embedding.EmbeddingModel> factory,
                     String queryPrefix) {
            this.name = name;
            this.factory = factory;
            this.queryPrefix = queryPrefix;
        }

        private dev.langchain4j.model.embedding.EmbeddingModel onnx() {
            var m = model;
            if (m == null) {
                synchronized (this) {
                    m = model;
                    if (m == null) {
                        m = factory.get();
                        model = m;
                    }
                }
            }
            return m;
        }

        @Override public String model() { return name; }

        @Override public int dimension() { return 384; }

        @Override
        public float[] embedQuery(String text) { return embed(queryPrefix + text); }

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
