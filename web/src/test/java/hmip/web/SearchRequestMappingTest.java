package hmip.web;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.search.SearchRequest;
import org.junit.jupiter.api.Test;

/** Every web filter, the mode and the page reach the search module's request. */
class SearchRequestMappingTest {
    @Test
    void everyFilterModeAndPageIsMapped() {
        SearchBackend.Filters f = new SearchBackend.Filters("North West", 2023, "domestic_abuse", "PDU", "pdu_report",
                "pdu_2021", "recommendation", "Wigan PDU");
        SearchRequest r = PassageSearchBackend.toSearchRequest(new SearchBackend.Request("risk", f, 10, 20, "semantic"));
        assertThat(r.query()).isEqualTo("risk");
        assertThat(r.mode()).isEqualTo(SearchRequest.Mode.SEMANTIC);
        assertThat(r.limit()).as("offset + limit, the first offset dropped afterwards").isEqualTo(30);
        assertThat(r.region()).isEqualTo("North West");
        assertThat(r.year()).isEqualTo("2023");
        assertThat(r.theme()).isEqualTo("domestic_abuse");
        assertThat(r.addresseeLevel()).isEqualTo("PDU");
        assertThat(r.docType()).isEqualTo("pdu_report");
        assertThat(r.framework()).isEqualTo("pdu_2021");
        assertThat(r.kind()).isEqualTo("recommendation");
        assertThat(r.provider()).isEqualTo("Wigan PDU");
        assertThat(r.facets()).isTrue();

        SearchRequest dflt = PassageSearchBackend.toSearchRequest(new SearchBackend.Request("risk", SearchBackend.Filters.NONE, 10, 0, null));
        assertThat(dflt.mode()).isEqualTo(SearchRequest.Mode.HYBRID);
        assertThat(dflt.region()).isNull();
        SearchRequest browse = PassageSearchBackend.toSearchRequest(new SearchBackend.Request(null, f, 10, 0, "hybrid"));
        assertThat(browse.mode()).as("no words: listed, not ranked by meaning").isEqualTo(SearchRequest.Mode.LEXICAL);
    }
}
