package hmip.model;

import java.util.List;

/**
 * How completely a document was read, in plain words: {@code complete} (everything a document of its type
 * should hold was read and adds up), {@code partial} (something is missing or does not add up: the reasons
 * say what) or {@code not_a_report} (not an inspection report or letter, such as a press release).
 */
public record DocumentStatus(String level, List<String> reasons) {
    public static final String COMPLETE = "complete";
    public static final String PARTIAL = "partial";
    public static final String NOT_A_REPORT = "not_a_report";

    public DocumentStatus {
        reasons = List.copyOf(reasons);
    }

    public boolean complete() { return COMPLETE.equals(level); }
}
