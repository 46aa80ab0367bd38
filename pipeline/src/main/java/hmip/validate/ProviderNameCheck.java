package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Resolution;
import hmip.model.Severity;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves the names of a document's units (ratings tables and recommendation sections) through the gazetteer.
 * Ids: {@code provider-unresolved} (warning: matches no gazetteer entry, or several), {@code provider-out-of-region}
 * (warning: a unit of another region than the document's), {@code recommendation-section-not-in-tables} (warning:
 * recommendations filed under a unit that has no ratings table in the document), {@code recommendation-addressee-mismatch}
 * (warning: "X PDU should:" inside another unit's section, or "Y region should:" in a document about region Z).
 */
public final class ProviderNameCheck implements Check {
    private final Reference ref;

    public ProviderNameCheck(Reference ref) { this.ref = ref; }

    @Override public String name() { return "provider-names"; }

    /** Every printed unit name of the document with its context ("provider" or "recommendation") and resolution. */
    public Map<String, Map<String, Resolution>> resolutions(Extraction ex) {
        Map<String, Map<String, Resolution>> out = new LinkedHashMap<>();
        Map<String, Resolution> providers = new LinkedHashMap<>();
        for (Provider p : ex.providers()) {
            providers.putIfAbsent(p.name(), ref.gazetteer().resolve(p.name(), Gazetteer.kindOfProviderType(p.type())));
        }
        out.put("provider", providers);
        String expected = providers.values().stream().filter(Resolution::resolved).map(Resolution::kind)
                .findFirst().orElse(null);
        Map<String, Resolution> recs = new LinkedHashMap<>();
        for (Recommendation r : ex.recommendations()) {
            if (r.provider() != null) recs.putIfAbsent(r.provider(), ref.gazetteer().resolve(r.provider(), expected));
        }
        out.put("recommendation", recs);
        return out;
    }

    @Override
    public List<CheckFinding> run(DocumentInput input) {
        Extraction ex = input.extraction();
        List<CheckFinding> out = new ArrayList<>();
        Map<String, Map<String, Resolution>> all = resolutions(ex);
        Resolution docRegion = docRegion(ex);
        for (Provider p : ex.providers()) {
            Resolution r = all.get("provider").get(p.name());
            if (!r.resolved()) {
                out.add(unresolved(ex, p.name(), r, "ratings table").at(p.provenance()).provider(p.name())
                        .message("unit name '" + p.name() + "' " + describe(r) + " in the gazetteer"));
            } else if (docRegion != null && docRegion.resolved() && !inRegion(r, docRegion)) {
                out.add(CheckFinding.of("provider-out-of-region", Severity.WARNING, ex.docId()).at(p.provenance())
                        .provider(p.name()).value("printed", p.name()).value("canonical", r.canonicalName())
                        .value("unit_region", r.region()).value("document_region", ex.region())
                        .message("'" + p.name() + "' resolves to " + r.canonicalName() + " ("
                                + (r.region() == null ? r.kind() : r.region() + " region") + "), not in the document's "
                                + ex.region()));
            }
        }
        for (Map.Entry<String, Resolution> e : all.get("recommendation").entrySet()) {
            Resolution r = e.getValue();
            if (ex.providers().stream().anyMatch(p -> p.name().equals(e.getKey()))) continue;
            if (ProviderTables.match(ex.providers(), e.getKey(), ref.gazetteer()).isPresent()) continue;
            if (ex.providers().isEmpty()) {
                if (!r.resolved()) out.add(unresolved(ex, e.getKey(), r, "recommendations").provider(e.getKey())
                        .message("recommendation section '" + e.getKey() + "' " + describe(r) + " in the gazetteer"));
                continue;
            }
            out.add(CheckFinding.of("recommendation-section-not-in-tables", Severity.WARNING, ex.docId())
                    .provider(e.getKey()).value("printed", e.getKey()).value("resolution", r.status())
                    .value("canonical", r.canonicalName())
                    .value("table_providers", ex.providers().stream().map(Provider::name).toList())
                    .message("recommendations are filed under '" + e.getKey() + "', which "
                            + (r.resolved() ? "resolves to " + r.canonicalName() + " but " : describe(r) + " and ")
                            + "matches no ratings table in this document"));
        }
        out.addAll(addressees(ex, all.get("recommendation"), docRegion));
        return out;
    }

    /** Addressees naming a unit ("Wigan PDU should:") against the section they sit in and the document's region. */
    private List<CheckFinding> addressees(Extraction ex, Map<String, Resolution> sections, Resolution docRegion) {
        List<CheckFinding> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Recommendation r : ex.recommendations()) {
            if (r.addressee() == null || r.addresseeLevel() == null) continue;
            String level = r.addresseeLevel().toLowerCase(java.util.Locale.ROOT);
            String kind = level.equals("pdu") ? Gazetteer.PDU : level.equals("region") ? Gazetteer.REGION
                    : level.contains("division") ? Gazetteer.DIVISION : null;
            if (kind == null || Gazetteer.key(r.addressee()).key().isEmpty()) continue; // "The PDU", HMPPS, MoJ ...
            if (!seen.add(r.provider() + "\u0000" + r.addressee())) continue;
            Resolution a = ref.gazetteer().resolve(r.addressee(), kind);
            Resolution section = r.provider() == null ? null : sections.get(r.provider());
            String problem = null;
            if (kind.equals(Gazetteer.PDU) && section != null && section.resolved() && !a.sameUnit(section)) {
                problem = a.resolved() ? "names " + a.canonicalName() + " inside the section of " + section.canonicalName()
                        : ProviderNameCheck.describe(a) + " in the gazetteer, inside the section of " + section.canonicalName();
            } else if (!kind.equals(Gazetteer.PDU) && a.resolved() && docRegion != null && docRegion.resolved()
                    && !sameArea(a, docRegion)) {
                problem = "names " + a.canonicalName() + ", but the document is about " + docRegion.canonicalName();
            }
            if (problem == null) continue;
            out.add(CheckFinding.of("recommendation-addressee-mismatch", Severity.WARNING, ex.docId()).at(r.provenance())
                    .provider(r.provider()).value("addressee", r.addressee()).value("section", r.provider())
                    .value("resolution", a.status()).value("canonical", a.canonicalName())
                    .message("addressee '" + r.addressee() + "' " + problem));
        }
        return out;
    }

    private static boolean sameArea(Resolution a, Resolution doc) {
        if (a.kind().equals(doc.kind())) return a.canonicalName().equals(doc.canonicalName());
        if (a.kind().equals(Gazetteer.DIVISION)) return a.canonicalName().equals(doc.npsDivision());
        if (doc.kind().equals(Gazetteer.DIVISION)) return doc.canonicalName().equals(a.npsDivision());
        return false;
    }

    private Resolution docRegion(Extraction ex) {
        if (ex.region() == null) return null;
        boolean old = ex.framework() != null && ex.framework().endsWith("_2018");
        return ref.gazetteer().resolve(ex.region(), old ? Gazetteer.DIVISION : Gazetteer.REGION);
    }

    private static boolean inRegion(Resolution unit, Resolution doc) {
        if (doc.kind().equals(Gazetteer.DIVISION)) return Objects.equals(unit.npsDivision(), doc.canonicalName());
        if (unit.kind().equals(Gazetteer.REGION)) return unit.canonicalName().equals(doc.canonicalName());
        if (unit.kind().equals(Gazetteer.DIVISION)) return true; // a division spans regions; nothing to compare
        return Objects.equals(unit.region(), doc.canonicalName());
    }

    private static CheckFinding.Builder unresolved(Extraction ex, String name, Resolution r, String where) {
        return CheckFinding.of("provider-unresolved", Severity.WARNING, ex.docId()).value("printed", name)
                .value("normalised", r.key()).value("resolution", r.status()).value("context", where);
    }

    static String describe(Resolution r) {
        return Resolution.AMBIGUOUS.equals(r.status()) ? "matches several units" : "matches no unit";
    }
}
