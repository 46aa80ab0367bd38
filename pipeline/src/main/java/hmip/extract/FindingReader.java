package hmip.extract;

import hmip.model.Finding;
import hmip.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strengths and areas for improvement: bullets after a "Strengths:" / "Key strengths:" or
 * "Areas for improvement:" / "Key areas for improvement:" heading, tagged with the standard whose
 * section they sit in (null in a regional letter's observations, which are not per standard).
 */
final class FindingReader implements Reader<List<Finding>> {
    private static final Pattern STRENGTHS = Pattern.compile("(?i)^(key )?strengths:?$");
    private static final Pattern IMPROVEMENTS = Pattern.compile("(?i)^(key )?areas for improvement:?$");
    private static final Pattern BULLET = Pattern.compile("^[•▪●◦·\\-–*](\\s+|$)");

    @Override
    public String name() { return "findings"; }

    @Override
    public Read<List<Finding>> read(ExtractionContext context) {
        DocumentText rows = context.text();
        String provider = context.singleProvider();
        List<Finding> out = new ArrayList<>();
        String polarity = null;
        StringBuilder text = null;
        Provenance prov = null;
        String standard = null;
        for (Row r : rows.rows()) {
            String t = r.text().strip();
            boolean heading = STRENGTHS.matcher(t).matches() || IMPROVEMENTS.matcher(t).matches();
            boolean standardHeading = context.startsStandardSection(r.index());
            if (heading || standardHeading || (r.bold() && !BULLET.matcher(t).find())) {
                flush(out, provider, standard, polarity, text, prov);
                text = null;
                polarity = STRENGTHS.matcher(t).matches() ? Finding.STRENGTH
                        : IMPROVEMENTS.matcher(t).matches() ? Finding.IMPROVEMENT : null;
                standard = context.standardAt(r.index());
                continue;
            }
            if (polarity == null) continue;
            if (BULLET.matcher(t).find()) {
                flush(out, provider, standard, polarity, text, prov);
                text = new StringBuilder(BULLET.matcher(t).replaceFirst("").strip());
                prov = r.provenance(rows.docId());
            } else if (text != null) {
                text.replace(0, text.length(), TextJoin.join(text.toString(), t));
                prov = prov.merge(r.provenance(rows.docId()));
            }
        }
        flush(out, provider, standard, polarity, text, prov);
        return Read.of(out);
    }

    private static void flush(List<Finding> out, String provider, String standard, String polarity, StringBuilder text, Provenance prov) {
        if (text == null || polarity == null || text.isEmpty()) return;
        out.add(new Finding(provider, standard, polarity, TextJoin.normaliseSpace(text.toString()), prov));
    }
}
