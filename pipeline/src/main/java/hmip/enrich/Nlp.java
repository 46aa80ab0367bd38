package hmip.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * OpenNLP sentence detection, tokenization, part-of-speech tagging and lemmatization with the English
 * UD models shipped on Maven Central ({@code opennlp-models-*-en}). Models load once per JVM; the
 * {@code *ME} tools are not thread-safe, so each thread gets its own.
 *
 * <p>The three steps cost very different amounts, so callers ask for only what they need (profile on the
 * five sample reports, 44,000 tokens, one thread: sentences 60 ms, words by rules 25 ms, model tokens
 * 830 ms, tags 850 ms, lemmas of every token 15,900 ms): {@link #sentences} splits a text into sentences
 * of rule-based words (enough for theme terms); {@link #tokens(Sentence)} and {@link #tag} add the
 * model's tokens and part-of-speech tags to a sentence that needs them (one with a number);
 * {@link #lemma} lemmatizes one word, memoized by word and tag, because the
 * maximum-entropy lemmatizer scores every one of its edit classes per token and a report's vocabulary
 * repeats (the five sample reports: 46,000 words, 3,100 distinct; the largest alone 15,300 and 1,900). The tokenizer and
 * tagger run with cheaper settings of the same models (see {@link #models()}).
 */
public final class Nlp {
    private static final String MODEL_DIR = "/";
    /** Distinct (word, tag) lemmas kept; the memo is emptied when it reaches this (a vocabulary, not text). */
    static final int MAX_MEMOIZED_LEMMAS = 200_000;
    private static volatile Models models;
    private static final Map<String, String> LEMMAS = new ConcurrentHashMap<>();

    private record Models(SentenceModel sentences, TokenizerModel tokens, POSModel pos, LemmatizerModel lemmas) {}

    private record Tools(SentenceDetectorME sentences, TokenizerME tokens, POSTaggerME pos, LemmatizerME lemmas) {}

    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(() -> {
        Models m = models();
        return new Tools(new SentenceDetectorME(m.sentences()), new TokenizerME(m.tokens()), new POSTaggerME(m.pos()),
                new LemmatizerME(m.lemmas()));
    });

    /**
     * A token with its character span in the analysed text and its universal POS tag ({@code null} until
     * {@link #tag tagged}; "X" where a sentence was tagged only in part).
     */
    public record Token(String text, int start, int end, String pos) {
        public String lower() { return text.toLowerCase(Locale.ROOT); }

        /** The lower-case lemma for this token's tag (the lower-case word when untagged). */
        public String lemma() { return pos == null ? lower() : Nlp.lemma(text, pos); }
    }

    /** A sentence: its span in the analysed text and its {@linkplain #words words}. */
    public record Sentence(int start, int end, String text, List<Token> words) {}

    private Nlp() {}

    private static Models models() {
        Models m = models;
        if (m == null) {
            synchronized (Nlp.class) {
                m = models;
                if (m == null) {
                    try {
                        TokenizerModel tokens = new TokenizerModel(open("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin"));
                        // The shipped model scores every character of every word. With OpenNLP's alphanumeric
                        // optimisation a word of only letters and digits is kept whole without asking the model:
                        // 8x faster, and on the sample reports it changed the tokens of 1 sentence in 2,361.
                        tokens = new TokenizerModel(tokens.getMaxentModel(), new HashMap<>(),
                                new TokenizerFactory(tokens.getLanguage(), tokens.getAbbreviations(), true, null));
                        POSModel pos = new POSModel(open("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin"));
                        // Greedy decoding instead of the shipped beam of 3: 2.3x faster, and on the sample
                        // reports it chose the same tag for all 44,340 tokens.
                        pos = new POSModel(pos.getLanguage(), pos.<MaxentModel>getArtifact("pos.model"), 1,
                                new HashMap<>(), pos.getFactory());
                        m = new Models(new SentenceModel(open("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin")), tokens, pos,
                                new LemmatizerModel(open("opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin")));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load OpenNLP models", e);
                    }
                    models = m;
                }
            }
        }
        return m;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Nlp.class.getResourceAsStream(MODEL_DIR + name);
        if (in == null) throw new IOException("OpenNLP model " + name + " is not on the classpath");
        return in;
    }

    /**
     * Sentences of a text (OpenNLP's sentence detector), each with its {@linkplain #words words}: what theme
     * matching needs. {@link #tokens(Sentence)} and {@link #tag} add the model's tokens and tags when a
     * sentence needs them.
     */
    public static List<Sentence> sentences(String text) {
        Tools t = TOOLS.get();
        List<Sentence> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (Span s : t.sentences().sentPosDetect(text)) {
            String st = text.substring(s.getStart(), s.getEnd());
            out.add(new Sentence(s.getStart(), s.getEnd(), st, words(st, s.getStart())));
        }
        return out;
    }

    /**
     * Words by OpenNLP's rule-based {@link SimpleTokenizer}: runs of letters, runs of digits, and each
     * other character alone. Ten times cheaper than the model tokenizer and enough to match taxonomy terms
     * tokenized the same way ("co-production" is "co", "-", "production" on both sides); numbers such as
     * "1,350" need the model's {@link #tokens(Sentence)}.
     */
    public static List<Token> words(String text) {
        return words(text, 0);
    }

    private static List<Token> words(String text, int offset) {
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
        List<Token> out = new ArrayList<>(spans.length);
        for (Span s : spans) {
            out.add(new Token(text.substring(s.getStart(), s.getEnd()), offset + s.getStart(), offset + s.getEnd(), null));
        }
        return out;
    }

    /** The sentence's tokens by OpenNLP's tokenizer model (offsets into the analysed text), untagged. */
    public static List<Token> tokens(Sentence s) {
        Span[] spans = TOOLS.get().tokens().tokenizePos(s.text());
        List<Token> out = new ArrayList<>(spans.length);
        for (Span sp : spans) {
            out.add(new Token(s.text().substring(sp.getStart(), sp.getEnd()), s.start() + sp.getStart(),
                    s.start() + sp.getEnd(), null));
        }
        return out;
    }

    /**
     * The tokens with part-of-speech tags where {@code which} is true, each contiguous run tagged as a
     * unit; the others get "X" (universal tag "other").
     */
    public static List<Token> tag(List<Token> tokens, boolean[] which) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && which[j] == which[i]) j++;
            if (which[i]) {
                out.addAll(tag(tokens.subList(i, j)));
            } else {
                for (Token k : tokens.subList(i, j)) out.add(new Token(k.text(), k.start(), k.end(), "X"));
            }
            i = j;
        }
        return out;
    }

    /** The tokens with part-of-speech tags (OpenNLP's tagger, greedy). */
    public static List<Token> tag(List<Token> tokens) {
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) words[i] = tokens.get(i).text();
        String[] tags = words.length == 0 ? new String[0] : TOOLS.get().pos().tag(words);
        List<Token> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            Token k = tokens.get(i);
            out.add(new Token(k.text(), k.start(), k.end(), tags[i]));
        }
        return out;
    }

    /**
     * The lower-case lemma of a word with a universal POS tag, by OpenNLP's lemmatizer, memoized by
     * (word, tag). The word is lemmatized on its own: its lemma class depends on the word and its tag.
     */
    public static String lemma(String word, String pos) {
        String key = word + '\t' + pos;
        String lemma = LEMMAS.get(key);
        if (lemma != null) return lemma;
        String[] out = TOOLS.get().lemmas().lemmatize(new String[] {word}, new String[] {pos});
        String l = out.length == 0 || out[0] == null || out[0].equals("O") || out[0].isBlank() ? word : out[0];
        lemma = l.toLowerCase(Locale.ROOT);
        if (LEMMAS.size() >= MAX_MEMOIZED_LEMMAS) LEMMAS.clear();
        LEMMAS.put(key, lemma);
        return lemma;
    }
}
