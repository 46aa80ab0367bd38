package hmip.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The one place that decides how passage text is analysed, so indexing and querying always agree.
 * Both use the same chain — standard tokenizer, English possessives, lower case, ASCII folding, Porter
 * stemming — and keep stop words, so phrases such as "violent and sex offender register" match as
 * printed. Queries additionally expand the synonyms and abbreviations of {@code data/themes/synonyms.txt}
 * (DA = domestic abuse, UPW = unpaid work ...) before stemming.
 */
public final class Analyzers {
    public static final String SYNONYMS = "/hmip/themes/synonyms.txt";
    private static volatile SynonymMap synonyms;

    private Analyzers() {}

    /** Index-time analysis. */
    public static Analyzer index() {
        return new Chain(null);
    }

    /** Query-time analysis: index analysis plus synonym expansion. */
    public static Analyzer query() {
        return new Chain(synonyms());
    }

    /**
     * Vocabulary lookup (everyday wording, addressee names): the index's tokens, lower case and folded,
     * with Krovetz stems, which conflate fewer words than Porter's (see {@link Vocabulary}).
     */
    static Analyzer lookup() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new EnglishPossessiveFilter(source);
                ts = new ASCIIFoldingFilter(new LowerCaseFilter(ts));
                return new TokenStreamComponents(source, new KStemFilter(ts));
            }
        };
    }

    /** Kept for callers of the first version: the index analyzer. */
    public static Analyzer english() {
        return index();
    }

    private static volatile java.util.Map<String, String> abbreviations;

    /**
     * The query with abbreviations spelled out from the synonym file ("DA checks" → "domestic abuse
     * checks"): what the embedding model sees, since it has never met inspectorate shorthand.
     */
    public static String expandAbbreviations(String query) {
        java.util.Map<String, String> m = abbreviations();
        StringBuilder sb = new StringBuilder();
        for (String w : query.split("\\s+")) {
            String key = w.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
            if (sb.length() > 0) sb.append(' ');
            sb.append(m.getOrDefault(key, w));
        }
        return sb.toString();
    }

    private static java.util.Map<String, String> abbreviations() {
        java.util.Map<String, String> m = abbreviations;
        if (m == null) {
            m = new java.util.HashMap<>();
            try (InputStream in = Analyzers.class.getResourceAsStream(SYNONYMS)) {
                if (in == null) throw new IllegalStateException("missing resource " + SYNONYMS);
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    if (line.isBlank() || line.strip().startsWith("#") || line.contains("=>")) continue;
                    String[] entries = line.split(",");
                    String phrase = null;
                    for (String e : entries) if (e.strip().contains(" ")) { phrase = e.strip(); break; }
                    if (phrase == null) continue;
                    for (String e : entries) {
                        String w = e.strip().toLowerCase(java.util.Locale.ROOT);
                        if (!w.contains(" ") && w.length() <= 6) m.putIfAbsent(w, phrase);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SYNONYMS, e);
            }
            abbreviations = m;
        }
        return m;
    }

    static SynonymMap synonyms() {
        SynonymMap m = synonyms;
        if (m == null) {
            try (InputStream in = Analyzers.class.getResourceAsStream(SYNONYMS)) {
                if (in == null) throw new IllegalStateException("missing resource " + SYNONYMS);
                SolrSynonymParser parser = new SolrSynonymParser(true, true, new Chain(null, false));
                parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                m = parser.build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SYNONYMS, e);
            } catch (ParseException e) {
                throw new IllegalStateException("bad synonym file " + SYNONYMS + ": " + e.getMessage(), e);
            }
            synonyms = m;
        }
        return m;
    }

    private static final class Chain extends Analyzer {
        private final SynonymMap synonyms;
        private final boolean stem;

        Chain(SynonymMap synonyms) { this(synonyms, true); }

        Chain(SynonymMap synonyms, boolean stem) {
            this.synonyms = synonyms;
            this.stem = stem;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new ASCIIFoldingFilter(ts);
            // plural abbreviations ("NQOs", "PSRs") find their entry: entries and queries both lose a plural s
            // before the synonym lookup (Porter stems the same either way)
            if (synonyms != null || !stem) ts = new EnglishMinimalStemFilter(ts);
            if (synonyms != null) ts = new SynonymGraphFilter(ts, synonyms, true);
            if (stem) ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
