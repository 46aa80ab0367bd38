package hmip.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Query expansion from {@code data/search/everyday.txt}: everyday wording to the inspectorate's
 * ("off sick" → sickness absence). The expansions form a disjunction added to the
 * user's query with its own weight (below the user's words for everyday wording), so a passage that says
 * "sickness absence" is found for "time off ill" and one that says both still ranks first.
 */
final class QueryExpansion {
    static final String EVERYDAY = "/hmip/search/everyday.txt";

    private static final class Holder {
        static final Vocabulary EVERYDAY_WORDS = Vocabulary.resource(EVERYDAY);
    }

    private QueryExpansion() {}

    static Vocabulary everyday() { return Holder.EVERYDAY_WORDS; }

    /** The target phrases of every match of the vocabulary in the query, each once. */
    static List<String> phrases(Vocabulary vocabulary, String query) {
        Set<String> out = new LinkedHashSet<>();
        for (Vocabulary.Match m : vocabulary.find(Vocabulary.words(query))) out.addAll(m.targets());
        return new ArrayList<>(out);
    }

    /** The phrases as one weighted disjunction over the text field (null when there are none). */
    static Query query(List<String> phrases, double weight, Analyzer indexAnalyzer) {
        if (phrases.isEmpty() || weight <= 0) return null;
        QueryBuilder builder = new QueryBuilder(indexAnalyzer);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (String p : phrases) {
            Query q = builder.createPhraseQuery(Fields.TEXT, p, 1);
            if (q == null) continue;
            b.add(q, BooleanClause.Occur.SHOULD);
            n++;
        }
        return n == 0 ? null : new BoostQuery(b.build(), (float) weight);
    }
}
