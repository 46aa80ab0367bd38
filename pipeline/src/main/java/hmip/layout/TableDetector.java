package hmip.layout;

import hmip.model.Line;
import hmip.model.Table;
import java.util.List;

/**
 * Finds the tables among one page's body lines (after running lines and footnotes are set apart). Like
 * tabula-java's {@code ExtractionAlgorithm}: one page in, typed tables out; the implementations differ in
 * what they can see ({@link PositionedTableDetector} uses glyph geometry, {@link TabbedTableDetector} the
 * tab marks of geometry-less text). A detector only says where text sits in rows and columns.
 */
public interface TableDetector {
    List<Table> detect(int page, List<Line> lines);
}
