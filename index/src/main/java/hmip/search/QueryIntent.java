package hmip.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plain query asks for beyond its topic: recommendations ("recommendations on unpaid work", "what
 * should HMPPS do about staff shortages") and, if so, to whom (the addressee levels of
 * {@code data/search/addressees.txt}). The topic is the query without those words, so "recommendations to
 * HMPPS on ViSOR" searches for "ViSOR" and ranks recommendations to HMPPS first.
 *
 * @param topic        the words left to search for (blank when the query names only an addressee)
 * @param recommendations whether the query asks for recommendations
 * @param addressees   addressee levels named in a query that asks for recommendations (empty otherwise)
 */
record QueryIntent(String topic, boolean recommendations, Set<String> addressees) {
    static final String ADDRESSEES = "/hmip/search/addressees.txt";

    private static final Pattern ASKS_FOR_RECOMMENDATIONS = Pattern.compile(
            "\\brecommend\\w*\\b|\\bwhat\\s+(should|must|ought|needs?)\\b|\\bshould\\b.*\\bdo\\b|\\baction points?\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that only say "recommendations" or tie the addressee to the topic. */
    private static final String FRAME = "recommend recommends recommended recommendation recommendations what should "
            + "must ought need needs do does done be to on about for the of any there are is make made given by "
            + "regarding improve improvement action actions point points and";

    private static final class Holder {
        static final Vocabulary ADDRESSEE_NAMES = Vocabulary.resource(ADDRESSEES);
        static final Set<String> FRAME_STEMS = new java.util.HashSet<>(
                Vocabulary.words(FRAME).stream().map(Vocabulary.Word::stem).toList());
    }

    /** A query without a recommendations frame: all topic. */
    static QueryIntent plain(String query) {
        return new QueryIntent(query, false, Set.of());
    }

    static QueryIntent of(String query) {
        if (query == null || !ASKS_FOR_RECOMMENDATIONS.matcher(query).find()) return plain(query);
        List<Vocabulary.Word> words = Vocabulary.words(query);
        boolean[] drop = new boolean[words.size()];
        Set<String> levels = new LinkedHashSet<>();
        for (Vocabulary.Match m : Holder.ADDRESSEE_NAMES.find(words)) {
            levels.addAll(m.targets());
            for (int i = m.start(); i < m.end(); i++) drop[i] = true;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Vocabulary.Word w = words.get(i);
            if (drop[i] || Holder.FRAME_STEMS.contains(w.stem())) continue;
            kept.add(query.substring(w.start(), w.end()));
        }
        return new QueryIntent(String.join(" ", kept), true, levels);
    }
}
