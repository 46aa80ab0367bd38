package hmip.validate;

import hmip.model.CheckFinding;
import java.util.List;

/** A check of one document: a plain function of its extraction and page text. Must not alarm when values agree. */
public interface Check {
    /** Short name, for listings. The findings carry their own check ids (a check may emit several kinds). */
    String name();

    List<CheckFinding> run(DocumentInput input);
}
