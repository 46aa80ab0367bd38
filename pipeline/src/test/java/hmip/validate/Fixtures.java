package hmip.validate;

import hmip.model.Extraction;
import hmip.model.KeyQuestion;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.ParsedDocument;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Score;
import hmip.model.StandardRating;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small synthetic extractions for the unit tests. */
final class Fixtures {
    private Fixtures() {}

    static final String RI = "Requires improvement", I = "Inadequate", G = "Good", O = "Outstanding", NR = "Not rated";

    /** A provider from "code=rating" pairs. */
    static Provider provider(String name, String score, String overall, String... ratings) {
        List<StandardRating> rs = new ArrayList<>();
        for (String r : ratings) {
            String[] kv = r.split("=", 2);
            rs.add(new StandardRating(kv[0], kv[1], null));
        }
        Score s = null;
        if (score != null) {
            String[] pm = score.split("/");
            s = new Score(Integer.parseInt(pm[0]), Integer.parseInt(pm[1]), null);
        }
        return new Provider(name, "PDU", "2023-03", s, overall, rs, null);
    }

    /** A complete PDU table: Cheshire West's 7/24 (2.1 Not rated). */
    static String[] pduTable() {
        return new String[] {"1.1=" + RI, "1.2=" + G, "1.3=" + RI, "1.4=" + G, "2.1=" + NR, "2.2=" + I, "2.3=" + I,
                "2.4=" + I, "2.5=" + RI};
    }

    static Extraction pduDoc(String docType, String region, List<Provider> providers, List<KeyQuestion> kqs,
                             List<Recommendation> recs) {
        return new Extraction("doc-" + docType, docType, null, null, "2023-06", region, "pdu_2021", providers, kqs, recs,
                List.of(), List.of());
    }

    static Extraction pduReport(Provider p, KeyQuestion... kqs) {
        return pduDoc("pdu_report", "North West", List.of(p), List.of(kqs), List.of());
    }

    static KeyQuestion kq(String provider, String standard, int percent) {
        return new KeyQuestion(provider, standard, null, "Does it focus on " + standard + " " + percent + "?", percent, null);
    }

    static Recommendation rec(String provider, int n, String text) {
        return new Recommendation(provider, provider.endsWith("PDU") ? provider : provider + " PDU", "PDU", n, text, null);
    }

    static DocumentInput input(Extraction ex, String... pages) {
        List<PageText> ps = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) ps.add(new PageText(i + 1, pages[i]));
        return new DocumentInput(ex, ps);
    }

    static LaidOutDocument laidOut(String docId, String... pages) {
        List<LaidOutPage> ps = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) ps.add(new LaidOutPage(i + 1, pages[i], List.of(), List.of(), List.of(), List.of(), false));
        return new LaidOutDocument(new ParsedDocument(docId, docId + ".pdf", "sha-" + docId, "application/pdf", List.of(),
                Map.of()), ps);
    }
}
