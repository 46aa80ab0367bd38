package hmip.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** The query side of ranking on its own: vocabulary lookup and score fusion, without an index. */
class QueryUnderstandingTest {

    @Test
    void probationOfficersAreNotOffices() {
        // Porter stems "officers" and "offices" alike; the lookup must not send staff queries to buildings
        assertThat(QueryExpansion.phrases(QueryExpansion.everyday(), "not enough probation officers")).doesNotContain("premises");
        assertThat(QueryExpansion.phrases(QueryExpansion.everyday(), "probation officers with too many cases"))
                .contains("caseload").doesNotContain("buildings");
        assertThat(QueryExpansion.phrases(QueryExpansion.everyday(), "cold offices")).contains("premises");
    }

    @Test
    void inflectedEverydayWordsStillFindTheirEntry() {
        assertThat(QueryExpansion.phrases(QueryExpansion.everyday(), "jails")).contains("prison");
        assertThat(QueryExpansion.phrases(QueryExpansion.everyday(), "homes for people coming out of jail")).contains("accommodation");
    }

    @Test
    void aLongerNameStartingInsideAShorterOneWins() {
        // "the ministry" is an entry of its own; "the Ministry of Justice" must still be read whole
        QueryIntent intent = QueryIntent.of("recommendations to HMPPS and the Ministry of Justice on probation premises");
        assertThat(intent.addressees()).containsExactlyInAnyOrder("HMPPS", "MoJ");
        assertThat(intent.topic()).doesNotContainIgnoringCase("justice").contains("probation premises");
    }

    @Test
    void aShortLexicalListKeepsItsLastHitAboveSemanticOnlyCandidates() {
        // a rare term matched by three passages: BM25 4.0, 3.5, 3.0
        ScoreDoc[] lex = {new ScoreDoc(1, 4.0f), new ScoreDoc(2, 3.5f), new ScoreDoc(3, 3.0f)};
        // semantic candidates: only passage 1 of the lexical hits, the rest others
        ScoreDoc[] sem = {new ScoreDoc(10, 0.82f), new ScoreDoc(11, 0.80f), new ScoreDoc(1, 0.79f), new ScoreDoc(12, 0.70f)};
        Map<Integer, Float> fused = PassageSearcher.convex(lex, sem, 0.65, 10).stream()
                .collect(Collectors.toMap(sd -> sd.doc, sd -> sd.score));
        // min-max would put passage 3 at 0 lexical, below passage 11; divided by the best it keeps 0.75 of it
        assertThat(fused.get(3)).isGreaterThan(fused.get(11));
        assertThat(fused.get(1)).isGreaterThan(fused.get(10));
        List<Integer> order = PassageSearcher.convex(lex, sem, 0.65, 10).stream().map(sd -> sd.doc).toList();
        assertThat(order.get(0)).isEqualTo(1);
    }
}
