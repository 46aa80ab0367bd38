package hmip.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sentence-embedding model run in-process by onnxruntime, batched. The model and its tokenizer are the
 * files inside langchain4j's {@code langchain4j-embeddings-*} jars (nothing is downloaded); this class runs
 * them itself rather than through langchain4j, which embeds one text per call and tokenizes each text three
 * times. Here texts are tokenized once, truncated at the model's useful length, identical texts embedded
 * once, sorted by token count and run in batches of 16 padded only to the longest text of the batch, on one
 * session whose intra-op threads are the machine's cores (2 concurrent single-text sessions of 2 threads
 * each oversubscribed a 2-core machine) and do not spin while waiting. Measured in docs/BENCHMARK.md.
 */
final class OnnxEmbedder implements Embedder {
    enum Pooling { CLS, MEAN }

    /** Which model: resource names in the langchain4j jar, pooling, query instruction, truncation length. */
    record Spec(String name, String resource, Pooling pooling, String queryPrefix, int maxTokens) {}

    /**
     * Texts per batch: 16 embedded the most passages a second on 2 cores (8 about the same, 32 and 64 fewer: the
     * quantized model's work grows faster than linearly with the padded tensor; docs/BENCHMARK.md).
     */
    static final int BATCH = Integer.getInteger("hmip.embed.batch", 16);

    private final Spec spec;
    private volatile Loaded loaded;

    private record Loaded(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, boolean typeIds) {}

    OnnxEmbedder(Spec spec) {
        this.spec = spec;
    }

    /**
     * The cache key of this model's vectors: the name plus the truncation length, so vectors computed under
     * another truncation are never mixed in.
     */
    @Override public String model() { return spec.name() + "@" + spec.maxTokens(); }

    @Override public int dimension() { return 384; }

    @Override
    public float[] embedQuery(String text) { return embed(spec.queryPrefix() + text); }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Loaded m = load();
        // identical texts once: a recommendation printed in a report and in its regional letter
        Map<String, Integer> distinct = new LinkedHashMap<>();
        for (String t : texts) distinct.putIfAbsent(t.isBlank() ? "-" : t, distinct.size());
        List<String> unique = new ArrayList<>(distinct.keySet());
        Encoding[] enc = m.tokenizer().batchEncode(unique);
        List<Integer> order = new ArrayList<>(unique.size());
        for (int i = 0; i < unique.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(i -> enc[i].getIds().length));
        float[][] vectors = new float[unique.size()][];
        for (int from = 0; from < order.size(); from += BATCH) {
            List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
            float[][] out = run(m, batch, enc);
            for (int k = 0; k < batch.size(); k++) vectors[batch.get(k)] = out[k];
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String t : texts) result.add(vectors[distinct.get(t.isBlank() ? "-" : t)]);
        return result;
    }

    private float[][] run(Loaded m, List<Integer> batch, Encoding[] enc) {
        int rows = batch.size(), len = 0;
        for (int i : batch) len = Math.max(len, enc[i].getIds().length);
        long[] ids = new long[rows * len], mask = new long[rows * len], types = new long[rows * len];
        for (int k = 0; k < rows; k++) {
            long[] x = enc[batch.get(k)].getIds();
            System.arraycopy(x, 0, ids, k * len, x.length);
            for (int j = 0; j < x.length; j++) mask[k * len + j] = 1;
        }
        long[] shape = {rows, len};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(mask), shape));
            if (m.typeIds()) inputs.put("token_type_ids", OnnxTensor.createTensor(m.env(), LongBuffer.wrap(types), shape));
            try (OrtSession.Result res = m.session().run(inputs)) {
                float[][][] hidden = (float[][][]) res.get(0).getValue();
                float[][] out = new float[rows][];
                for (int k = 0; k < rows; k++) out[k] = Embedder.normalise(pool(hidden[k], mask, k * len, len));
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding model " + spec.name() + " failed: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : inputs.values()) t.close();
        }
    }

    /** CLS: the first token's state (bge); MEAN: the average over real (unpadded) tokens (MiniLM). */
    private float[] pool(float[][] tokens, long[] mask, int offset, int len) {
        if (spec.pooling() == Pooling.CLS) return tokens[0].clone();
        float[] v = new float[tokens[0].length];
        int n = 0;
        for (int j = 0; j < len; j++) {
            if (mask[offset + j] == 0) continue;
            n++;
            for (int d = 0; d < v.length; d++) v[d] += tokens[j][d];
        }
        for (int d = 0; d < v.length; d++) v[d] /= Math.max(1, n);
        return v;
    }

    private Loaded load() {
        Loaded m = loaded;
        if (m != null) return m;
        synchronized (this) {
            if (loaded == null) loaded = open();
            return loaded;
        }
    }

    private Loaded open() {
        try (InputStream model = resource(spec.resource() + ".onnx");
             InputStream tokenizer = resource(spec.resource() + "-tokenizer.json")) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Integer.getInteger("hmip.embed.threads", Runtime.getRuntime().availableProcessors()));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // threads that wait by spinning burn a core another process on a shared machine needs; not spinning
            // was steadier and no slower in every measurement (docs/BENCHMARK.md); -Dhmip.embed.spin=true restores it
            if (!Boolean.getBoolean("hmip.embed.spin")) options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(model.readAllBytes(), options);
            HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false",
                    "truncation", "true", "maxLength", String.valueOf(spec.maxTokens())));
            return new Loaded(env, session, tok, session.getInputNames().contains("token_type_ids"));
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException("missing resource " + name + " (the langchain4j embeddings jar)");
        return in;
    }
}
