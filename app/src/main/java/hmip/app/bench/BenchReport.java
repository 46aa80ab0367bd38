package hmip.app.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the benchmark results (the same map that is saved as JSON) as a plain-text table. */
final class BenchReport {
    private BenchReport() {}

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> out) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> corpus = (Map<String, Object>) out.get("corpus");
        Map<String, Object> machine = (Map<String, Object>) out.get("machine");
        Map<String, Object> ingest = (Map<String, Object>) out.get("ingest");
        sb.append(String.format(Locale.ROOT, "hmip bench  %s  (%s cores, %s threads, %s)%n", out.get("timestamp"),
                machine.get("cores"), ingest.get("threads"), machine.get("java")));
        sb.append(String.format(Locale.ROOT, "corpus: %d PDFs, %,d pages, %.1f MB (built from %s samples in %.1f s)%n%n",
                num(corpus.get("documents")).intValue(), num(corpus.get("pages")).longValue(),
                num(corpus.get("bytes")).doubleValue() / 1e6, corpus.get("samples"), num(corpus.get("build_seconds")).doubleValue()));
        if (ingest.get("jvm_args") instanceof List<?> args) {
            sb.append("ingest JVM options: ").append(String.join(" ", args.stream().map(String::valueOf).toList()))
                    .append(" (peers: this JVM's defaults)\n\n");
        }

        String row = "%-40s %9s %10s %8s %9s %9s%n";
        sb.append(String.format(Locale.ROOT, row, "stage / run", "seconds", "pages/s", "ratio", "cpu s", "cpu ratio"));
        sb.append("-".repeat(90)).append('\n');
        Map<String, Object> stages = (Map<String, Object>) out.get("stages");
        for (Map.Entry<String, Object> e : stages.entrySet()) {
            Map<String, Object> st = (Map<String, Object>) e.getValue();
            Object pps = st.get("pages_per_second");
            String label = "  " + e.getKey() + " (" + st.get("threads") + (num(st.get("threads")).intValue() == 1 ? " thread)" : " threads)");
            if (e.getKey().equals("read")) label = "  read+hash+detect (" + st.get("threads") + " threads)";
            if (e.getKey().equals("extract")) label = "  extract+validate (" + st.get("threads") + " threads)";
            sb.append(String.format(Locale.ROOT, row, label,
                    pps == null ? "" : fmt(num(st.get("thread_seconds")).doubleValue() / num(st.get("threads")).doubleValue(), 2),
                    pps == null ? "n/a" : fmt(num(pps).doubleValue(), 0), "",
                    pps == null ? "" : fmt(num(st.get("cpu_seconds")).doubleValue(), 2), ""));
            if (pps == null && st.get("note") != null) sb.append("      ").append(st.get("note")).append('\n');
        }
        sb.append(String.format(Locale.ROOT, row, "whole ingest (child JVM, start incl.)", fmt(num(ingest.get("seconds")).doubleValue(), 2),
                fmt(num(ingest.get("pages_per_second")).doubleValue(), 0), "1.00",
                fmt(num(ingest.get("cpu_seconds")).doubleValue(), 2), "1.00"));
        for (Map<String, Object> p : (List<Map<String, Object>>) out.get("peers")) {
            if (!Boolean.TRUE.equals(p.get("available"))) {
                sb.append(String.format(Locale.ROOT, row, "peer " + p.get("key"), "n/a", "n/a", "n/a", "", ""));
                sb.append("      ").append(p.get("note")).append('\n');
                continue;
            }
            sb.append(String.format(Locale.ROOT, row, "peer " + p.get("name"), fmt(num(p.get("seconds")).doubleValue(), 2),
                    fmt(num(p.get("pages_per_second")).doubleValue(), 0), fmt(num(p.get("pipeline_ratio")).doubleValue(), 2),
                    fmt(num(p.get("cpu_seconds")).doubleValue(), 2), fmt(num(p.get("pipeline_cpu_ratio")).doubleValue(), 2)));
        }
        sb.append("  (ratio = whole ingest time / peer time, same corpus, same thread count; cpu = CPU seconds of the\n"
                + "   ingest JVM / of pdftotext processes / of this JVM during the in-process PDFBox and Tika runs)\n");
        Map<String, Object> reingest = (Map<String, Object>) out.get("reingest");
        sb.append(String.format(Locale.ROOT, row, "warm re-ingest (unchanged corpus)", fmt(num(reingest.get("seconds")).doubleValue(), 2), "", "",
                fmt(num(reingest.get("cpu_seconds")).doubleValue(), 2), ""));
        sb.append(String.format(Locale.ROOT, "      %d files unchanged, %d re-loaded%n",
                num(reingest.get("unchanged")).longValue(), num(reingest.get("loaded")).longValue()));

        Map<String, Object> emb = (Map<String, Object>) out.get("embedding");
        sb.append('\n');
        if (Boolean.TRUE.equals(emb.get("available"))) {
            sb.append(String.format(Locale.ROOT, "dense embedding (%s): %,d passages (%,d distinct texts, with context) in %.2f s "
                            + "= %.1f passages/s (part of ingest, not in the ratios)%n",
                    emb.get("name"), num(emb.get("passages")).intValue(), num(emb.get("distinct_texts")).intValue(),
                    num(emb.get("seconds")).doubleValue(), num(emb.get("passages_per_second")).doubleValue()));
            if (emb.get("rounds") != null) {
                sb.append(String.format(Locale.ROOT, "  median of %d passes; slowest %.1f, fastest %.1f passages/s%n",
                        num(emb.get("rounds")).intValue(), num(emb.get("passages_per_second_min")).doubleValue(),
                        num(emb.get("passages_per_second_max")).doubleValue()));
            }
        } else {
            sb.append("dense embedding: ").append(emb.get("note")).append('\n');
        }

        Map<String, Object> mem = (Map<String, Object>) out.get("memory");
        sb.append(String.format(Locale.ROOT, "memory (ingest JVM, max heap %s): at %d docs peak heap used %s, live heap %s; "
                        + "at %d docs peak heap used %s, live heap %s; peak RSS %s; GC %d collections, %d ms%n",
                mb(mem.get("heap_max_bytes")), num(mem.get("half_docs")).intValue(), mb(mem.get("half_peak_heap_used_bytes")),
                mb(mem.get("half_live_heap_bytes")), num(mem.get("documents")).intValue(), mb(mem.get("peak_heap_used_bytes")),
                mb(mem.get("live_heap_bytes")), mb(mem.get("peak_rss_bytes")), num(mem.get("gc_count")).longValue(),
                num(mem.get("gc_millis")).longValue()));
        sb.append(String.format(Locale.ROOT, "  live heap = heap in use after a full GC forced at document %d and at document %d "
                + "(pipeline full at both)%n", num(mem.get("half_docs")).intValue(), num(mem.get("live_heap_docs")).intValue()));

        Map<String, Object> s = (Map<String, Object>) out.get("search");
        if (s != null) {
            sb.append(String.format(Locale.ROOT,
                    "search: %,d passages (indexed in %.1f s), %d timed queries (%d distinct, top 10 + highlights): "
                            + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    num(s.get("passages")).intValue(), num(s.get("index_build_seconds")).doubleValue(),
                    num(s.get("queries_timed")).intValue(), num(s.get("distinct_queries")).intValue(),
                    num(s.get("p50_ms")).doubleValue(), num(s.get("p95_ms")).doubleValue(), num(s.get("p99_ms")).doubleValue(),
                    num(s.get("max_ms")).doubleValue()));
            if (s.get("hybrid_p95_ms") != null) {
                sb.append(String.format(Locale.ROOT, "  hybrid (query embedding, BM25 + KNN, fusion): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                                + "max %.2f ms; passage vectors from %,d embedded sentences (%.1f s)%n",
                        num(s.get("hybrid_p50_ms")).doubleValue(), num(s.get("hybrid_p95_ms")).doubleValue(),
                        num(s.get("hybrid_p99_ms")).doubleValue(), num(s.get("hybrid_max_ms")).doubleValue(),
                        num(s.get("sentences_embedded")).intValue(), num(s.get("sentence_embedding_seconds")).doubleValue()));
            }
        }
        Map<String, Object> judged = (Map<String, Object>) out.get("judged");
        if (judged != null) {
            if (Boolean.TRUE.equals(judged.get("available"))) {
                sb.append(String.format(Locale.ROOT, "judged query set (%s queries, sample corpus), nDCG@10 / recall@10:%n",
                        judged.get("queries")));
                for (String line : String.valueOf(judged.get("table")).split("\n")) sb.append("  ").append(line).append('\n');
            } else {
                sb.append("judged query set: ").append(judged.get("note")).append('\n');
            }
        }
        sb.append(String.format(Locale.ROOT, "total bench time: %.1f s%n%n", num(out.get("total_seconds")).doubleValue()));
        sb.append("checks (issue 8 done-when):\n");
        for (Map.Entry<String, Object> c : ((Map<String, Object>) out.get("checks")).entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-4s %s%n", Boolean.TRUE.equals(c.getValue()) ? "ok" : "FAIL", c.getKey()));
        }
        return sb.toString();
    }

    private static Number num(Object o) { return o instanceof Number n ? n : Double.NaN; }

    private static String fmt(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "n/a";
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String mb(Object bytes) {
        long b = num(bytes).longValue();
        return b < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", b / (1024 * 1024));
    }
}
