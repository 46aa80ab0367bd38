package hmip.model;

import java.util.Locale;

/** How much a finding matters: error (values contradict), warning (likely problem), info (noted, no alarm). */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Severity of(String label) { return valueOf(label.toUpperCase(Locale.ROOT)); }
}
