package hmip.validate;

import java.util.List;

/**
 * A rating stated in prose: the units named as subjects (as printed), the rating word, and what it rates —
 * {@code standard} is a framework code, or null with {@code overall} true for an overall rating; both unset
 * when the sentence does not say. {@code inThisArea} marks "is rated as 'Inadequate' in this area" whose standard
 * could not be taken from a section heading above it. {@code thePdu} marks subjects such as "the PDU" that refer to
 * the document's own unit.
 */
public record RatingStatement(int page, int start, int end, String sentence, List<String> subjects,
                              boolean thePdu, String rating, boolean overall, String standard, boolean inThisArea) {
    public RatingStatement {
        subjects = List.copyOf(subjects);
    }
}
