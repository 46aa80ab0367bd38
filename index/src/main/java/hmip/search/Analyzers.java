package hmip.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The one place that decides how passage text is analysed, so indexing and querying always agree. */
public final class Analyzers {
    private Analyzers() {}

    public static Analyzer english() {
        return new EnglishAnalyzer();
    }
}
