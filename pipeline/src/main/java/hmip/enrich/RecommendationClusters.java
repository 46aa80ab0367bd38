package hmip.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups near-duplicate recommendations across documents: the same recommendation printed in a PDU
 * report and again in its regional letter. Similarity is the Jaccard overlap of the recommendations'
 * word sets (case, punctuation and list markers ignored); pairs at or above {@link #THRESHOLD} are joined,
 * closest first, and a cluster never takes two recommendations of the same document — a letter that
 * repeats one wording for several PDUs keeps them apart. Ties are broken by provider name and number.
 */
public final class RecommendationClusters {
    public static final double THRESHOLD = 0.8;

    public record Rec(String recId, String docId, String provider, Integer number, String text) {}

    /** Members in document order; similarity.get(i) is member i's best similarity to another member. */
    public record Cluster(List<Rec> members, List<Double> similarity) {}

    private RecommendationClusters() {}

    public static List<Cluster> cluster(List<Rec> recs) {
        int n = recs.size();
        List<Set<String>> words = recs.stream().map(r -> words(r.text())).toList();
        // candidate pairs through an inverted index of words, so large corpora stay tractable
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < n; i++) for (String w : words.get(i)) postings.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
        record Pair(int a, int b, double sim, double rank) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> overlap = new HashMap<>();
            for (String w : words.get(i)) {
                List<Integer> p = postings.get(w);
                if (p.size() > 2000) continue; // too common to be evidence
                for (int j : p) if (j > i) overlap.merge(j, 1, Integer::sum);
            }
            for (var e : overlap.entrySet()) {
                int j = e.getKey();
                if (recs.get(i).docId().equals(recs.get(j).docId())) continue;
                int inter = e.getValue();
                double sim = inter / (double) (words.get(i).size() + words.get(j).size() - inter);
                if (sim < THRESHOLD) continue;
                double tie = 0.02 * providerOverlap(recs.get(i).provider(), recs.get(j).provider())
                        + (recs.get(i).number() != null && recs.get(i).number().equals(recs.get(j).number()) ? 0.01 : 0);
                pairs.add(new Pair(i, j, sim, sim + tie));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::rank).reversed());
        int[] parent = new int[n];
        List<Set<String>> docs = new ArrayList<>();
        double[] best = new double[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            docs.add(new HashSet<>(Set.of(recs.get(i).docId())));
        }
        for (Pair p : pairs) {
            int ra = find(parent, p.a()), rb = find(parent, p.b());
            if (ra == rb) continue;
            Set<String> da = docs.get(ra), db = docs.get(rb);
            boolean disjoint = da.stream().noneMatch(db::contains);
            if (!disjoint) continue;
            parent[rb] = ra;
            da.addAll(db);
            best[p.a()] = Math.max(best[p.a()], p.sim());
            best[p.b()] = Math.max(best[p.b()], p.sim());
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        List<Cluster> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            out.add(new Cluster(g.stream().map(recs::get).toList(), g.stream().map(i -> best[i]).toList()));
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !w.chars().allMatch(Character::isDigit)) out.add(w);
        }
        return out;
    }

    private static double providerOverlap(String a, String b) {
        if (a == null || b == null) return 0;
        Set<String> wa = words(a), wb = words(b);
        wa.remove("pdu");
        wb.remove("pdu");
        if (wa.isEmpty() || wb.isEmpty()) return 0;
        long inter = wa.stream().filter(wb::contains).count();
        return inter / (double) Math.max(wa.size(), wb.size());
    }

    static String[] sortedWords(String text) {
        String[] w = words(text).toArray(new String[0]);
        Arrays.sort(w);
        return w;
    }
}
