package hmip.reference;

import hmip.model.Resolution;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves printed unit names ("Knowsley & St Helens PDU", "Blackburn PDU", "North West NPS division") to
 * canonical PDUs, regions and NPS divisions. Matching is exact on a normalised key (see
 * {@code data/reference/README.md}); nothing is matched by similarity, so a typo such as "Cheshire North" stays
 * unresolved and is reported rather than guessed.
 */
public final class Gazetteer {
    public static final String PDU = "pdu";
    public static final String REGION = "region";
    public static final String DIVISION = "nps_division";
    /** A 2014-2021 Community Rehabilitation Company (named in 2018-20 inspections and their press releases). */
    public static final String CRC = "crc";

    private record Entry(String kind, String canonical, String region) {}

    private final Map<String, Set<Entry>> byKey = new LinkedHashMap<>();
    private final Map<String, String> divisionOfRegion;

    Gazetteer(List<Map<String, String>> rows, Map<String, String> divisionOfRegion) {
        this.divisionOfRegion = Map.copyOf(divisionOfRegion);
        for (Map<String, String> r : rows) {
            String region = r.get("region") == null || r.get("region").isBlank() ? null : r.get("region");
            Entry e = new Entry(r.get("kind"), r.get("canonical_name"), region);
            byKey.computeIfAbsent(key(r.get("variant")).key(), k -> new LinkedHashSet<>()).add(e);
            byKey.computeIfAbsent(key(r.get("canonical_name")).key(), k -> new LinkedHashSet<>()).add(e);
        }
    }

    /** A normalised name and the kind its wording implies ("... PDU", "... region", "... NPS division"), if any. */
    public record Key(String key, String hint) {}

    public static Key key(String printed) {
        String s = Normalizer.normalize(printed == null ? "" : printed, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = s.replace('’', '\'').replace('‘', '\'').replace("'", "");
        s = s.replace("&", " and ");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String hint = null;
        if (s.matches(".*\\b(crc|community rehabilitation company( crc)?)$")) {
            hint = CRC;
            s = s.replaceAll("\\b(crc|community rehabilitation company( crc)?)$", " ");
        } else if (s.matches(".*\\b(nps|national probation service|division)\\b.*")) {
            hint = DIVISION;
            s = s.replaceAll("\\b(nps|national probation service|division)\\b", " ");
        } else if (s.matches(".*\\b(pdu|probation delivery unit( pdu)?)$")) {
            hint = PDU;
            s = s.replaceAll("\\b(pdu|probation delivery unit( pdu)?)$", " ");
        } else if (s.matches(".*\\bregion$")) {
            hint = REGION;
            s = s.replaceAll("\\b(probation )?region$", " ");
        }
        s = s.replaceAll("^(the )?(probation service )?", " ");
        s = s.replaceAll("\\s+", " ").strip();
        return new Key(s, hint);
    }

    /**
     * Resolves a printed name. {@code expectedKind} (pdu, region, nps_division or null) is what the context says
     * the name should be; the name's own wording ("... PDU") takes precedence. Several candidates left = ambiguous.
     */
    public Resolution resolve(String printed, String expectedKind) {
        Key k = key(printed);
        Set<Entry> all = byKey.getOrDefault(k.key(), Set.of());
        String kind = k.hint() != null ? k.hint() : expectedKind;
        List<Entry> candidates = new ArrayList<>();
        for (Entry e : all) if (kind == null || e.kind().equals(kind)) candidates.add(e);
        if (candidates.isEmpty()) return new Resolution(printed, k.key(), Resolution.UNRESOLVED, null, null, null, null);
        if (candidates.size() > 1) {
            return new Resolution(printed, k.key(), Resolution.AMBIGUOUS, null, null, null, null);
        }
        Entry e = candidates.get(0);
        String division = e.kind().equals(DIVISION) ? e.canonical()
                : e.region() == null ? null : divisionOfRegion.get(e.region());
        return new Resolution(printed, k.key(), Resolution.RESOLVED, e.kind(), e.canonical(), e.region(), division);
    }

    /** The gazetteer kind for an extraction's provider type (PDU, NPS division, region, CRC). */
    public static String kindOfProviderType(String type) {
        if (type == null) return null;
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("pdu")) return PDU;
        if (t.contains("crc") || t.contains("community rehabilitation")) return CRC;
        if (t.contains("division") || t.contains("nps")) return DIVISION;
        if (t.contains("region")) return REGION;
        return null;
    }
}
