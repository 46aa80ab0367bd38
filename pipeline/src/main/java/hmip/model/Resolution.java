package hmip.model;

/**
 * How one printed unit name resolved. {@code status}: resolved | unresolved | ambiguous. When resolved,
 * {@code kind} is region | pdu | nps_division, {@code canonicalName} the gazetteer's name, {@code region} the
 * 2021+ region (null for an NPS division) and {@code npsDivision} the 2018 division it descends from.
 */
public record Resolution(String printed, String key, String status, String kind, String canonicalName,
                         String region, String npsDivision) {
    public static final String RESOLVED = "resolved";
    public static final String UNRESOLVED = "unresolved";
    public static final String AMBIGUOUS = "ambiguous";

    public boolean resolved() { return RESOLVED.equals(status); }

    /** Same unit (kind and canonical name) as another resolved name. */
    public boolean sameUnit(Resolution o) {
        return resolved() && o != null && o.resolved() && kind.equals(o.kind) && canonicalName.equals(o.canonicalName);
    }
}
