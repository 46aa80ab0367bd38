package hmip.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * OpenNLP sentence detection, tokenization, part-of-speech tagging and lemmatization with the English
 * UD models shipped on Maven Central ({@code opennlp-models-*-en}). Models load once per JVM; the
 * {@code *ME} tools are not thread-safe, so each thread gets its own.
 */
public final class Nlp {
    private static final String MODEL_DIR = "/";
    private static volatile Models models;

    private record Models(SentenceModel sentences, TokenizerModel tokens, POSModel pos, LemmatizerModel lemmas) {}

    private record Tools(SentenceDetectorME sentences, TokenizerME tokens, POSTaggerME pos, LemmatizerME lemmas) {}

    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(() -> {
        Models m = models();
        return new Tools(new SentenceDetectorME(m.sentences()), new TokenizerME(m.tokens()), new POSTaggerME(m.pos()),
                new LemmatizerME(m.lemmas()));
    });

    /** A token with its character span in the analysed text, universal POS tag and lower-case lemma. */
    public record Token(String text, int start, int end, String pos, String lemma) {
        public String lower() { return text.toLowerCase(Locale.ROOT); }
    }

    /** A sentence: its span in the analysed text and its tokens. */
    public record Sentence(int start, int end, String text, List<Token> tokens) {}

    private Nlp() {}

    private static Models models() {
        Models m = models;
        if (m == null) {
            synchronized (Nlp.class) {
                m = models;
                if (m == null) {
                    try {
                        m = new Models(new SentenceModel(open("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin")),
                                new TokenizerModel(open("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")),
                                new POSModel(open("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")),
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

    /** Sentences of a text, each tokenized, tagged and lemmatized. */
    public static List<Sentence> analyse(String text) {
        Tools t = TOOLS.get();
        List<Sentence> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (Span s : t.sentences().sentPosDetect(text)) {
            String st = text.substring(s.getStart(), s.getEnd());
            out.add(new Sentence(s.getStart(), s.getEnd(), st, tokens(t, st, s.getStart())));
        }
        return out;
    }

    /** The whole text as one sentence (for short phrases such as taxonomy terms). */
    public static List<Token> tokens(String text) {
        return tokens(TOOLS.get(), text, 0);
    }

    private static List<Token> tokens(Tools t, String text, int offset) {
        Span[] spans = t.tokens().tokenizePos(text);
        String[] words = Span.spansToStrings(spans, text);
        if (words.length == 0) return List.of();
        String[] tags = t.pos().tag(words);
        String[] lemmas = t.lemmas().lemmatize(words, tags);
        List<Token> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            String lemma = lemmas[i] == null || lemmas[i].equals("O") || lemmas[i].isBlank() ? words[i] : lemmas[i];
            out.add(new Token(words[i], offset + spans[i].getStart(), offset + spans[i].getEnd(), tags[i],
                    lemma.toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}
