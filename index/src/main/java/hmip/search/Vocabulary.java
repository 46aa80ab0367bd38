package hmip.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Phrase mappings read from a file of lines {@code left, left => right, right} (the files of
 * {@code data/search}), matched on Krovetz stems of lower-case words, so "jails" finds the entry for "jail"
 * and "coming out of prisons" the entry for "coming out of prison". At each query position the longest
 * left-hand phrase wins; matches do not overlap.
 *
 * <p>Why Krovetz and not the index's Porter stems: Porter makes "officers" and "offices" one stem ("offic"),
 * so "probation officers" matched the entry for "offices" and searched buildings and premises. Krovetz
 * stems only to dictionary words ("officers" → "officer", "offices" → "office").
 */
final class Vocabulary {
    /** A left-hand phrase (as stems) and what it maps to. */
    record Entry(List<String> stems, List<String> targets) {}

    /** A match in a query: word positions [start, end), character span, the phrase's targets. */
    record Match(int start, int end, int charStart, int charEnd, List<String> targets) {}

    /** A word of analysed text: its stem and where it is. */
    record Word(String stem, int start, int end) {}

    private final Map<String, List<Entry>> byFirst = new HashMap<>();
    private final int size;

    private Vocabulary(List<Entry> entries) {
        for (Entry e : entries) byFirst.computeIfAbsent(e.stems().get(0), k -> new ArrayList<>()).add(e);
        for (List<Entry> l : byFirst.values()) l.sort((a, b) -> b.stems().size() - a.stems().size());
        this.size = entries.size();
    }

    int size() { return size; }

    static Vocabulary resource(String name) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static Vocabulary parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int arrow = l.indexOf("=>");
            if (arrow < 0) throw new IllegalStateException(source + ":" + lineNo + ": no '=>' in \"" + l + "\"");
            List<String> targets = new ArrayList<>();
            for (String t : l.substring(arrow + 2).split(",")) if (!t.isBlank()) targets.add(t.strip());
            for (String left : l.substring(0, arrow).split(",")) {
                List<String> stems = words(left).stream().map(Word::stem).toList();
                if (!stems.isEmpty()) entries.add(new Entry(stems, targets));
            }
        }
        return new Vocabulary(entries);
    }

    /** One analyzer for all lookups: an Analyzer reuses its token streams per thread, so sharing it is safe. */
    private static final Analyzer ANALYZER = Analyzers.lookup();

    /** The words of a text, lower case, folded and Krovetz-stemmed, stop words kept. */
    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Non-overlapping matches in the words, longest first at each position. A match is passed over when a
     * longer one starts inside it and runs past its end: in "the ministry of justice", "ministry of
     * justice" wins over "the ministry".
     */
    List<Match> find(List<Word> words) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Entry hit = longestAt(words, i);
            if (hit == null || overtaken(words, i, hit.stems().size())) {
                i++;
                continue;
            }
            int end = i + hit.stems().size();
            out.add(new Match(i, end, words.get(i).start(), words.get(end - 1).end(), hit.targets()));
            i = end;
        }
        return out;
    }

    private Entry longestAt(List<Word> words, int at) {
        for (Entry e : byFirst.getOrDefault(words.get(at).stem(), List.of())) {
            if (matchesAt(e.stems(), words, at)) return e; // entries are sorted longest first
        }
        return null;
    }

    /** Whether a longer match starts within [at + 1, at + length) and ends after at + length. */
    private boolean overtaken(List<Word> words, int at, int length) {
        for (int j = at + 1; j < at + length; j++) {
            Entry e = longestAt(words, j);
            if (e != null && e.stems().size() > length && j + e.stems().size() > at + length) return true;
        }
        return false;
    }

    private static boolean matchesAt(List<String> stems, List<Word> words, int at) {
        if (at + stems.size() > words.size()) return false;
        for (int k = 0; k < stems.size(); k++) if (!stems.get(k).equals(words.get(at + k).stem())) return false;
        return true;
    }
}
