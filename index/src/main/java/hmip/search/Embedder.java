package hmip.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Dense sentence embeddings in-process: bge-small-en-v1.5 or all-MiniLM-L6-v2 (quantized ONNX, 384
 * dimensions) shipped in langchain4j's {@code langchain4j-embeddings-*} jars and run by onnxruntime
 * ({@link OnnxEmbedder}); nothing is downloaded at run time.
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

    /** The bundled all-MiniLM-L6-v2 model (loads once per JVM, about a second); mean pooling, truncated at 128 word pieces, its training length. */
    static Embedder miniLm() { return Models.MINILM_Q; }

    /** The bundled bge-small-en-v1.5 model; CLS pooling, 512 tokens, a query instruction. */
    static Embedder bgeSmall() { return Models.BGE_SMALL_Q; }

    /**
     * The model the project uses: all-MiniLM-L6-v2 (quantized), which embeds about 2.5 times as many passages
     * a second as bge-small-en-v1.5 on 2 cores and scored within 0.01 nDCG@10 of it on the judged query set
     * with everything else of the ranking in place (index/README.md); -Dhmip.embedder=bge-small-en-v1.5-q
     * selects bge. Vectors are cached per model, and an index must be embedded with the model that searches it.
     */
    static Embedder standard() {
        return BGE_SMALL.equals(System.getProperty("hmip.embedder")) ? bgeSmall() : miniLm();
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
}

/** The bundled models, each loaded on first use. */
final class Models {
    static final OnnxEmbedder MINILM_Q = new OnnxEmbedder(new OnnxEmbedder.Spec(Embedder.MINILM, "all-minilm-l6-v2-q",
            OnnxEmbedder.Pooling.MEAN, "", 128));
    static final OnnxEmbedder BGE_SMALL_Q = new OnnxEmbedder(new OnnxEmbedder.Spec(Embedder.BGE_SMALL,
            "bge-small-en-v1.5-q", OnnxEmbedder.Pooling.CLS, "Represent this sentence for searching relevant passages: ", 512));

    private Models() {}
}
