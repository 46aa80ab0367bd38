package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.KeyQuestion;
import hmip.model.Provider;
import hmip.model.Severity;
import hmip.model.StandardRating;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-supervision rating against the band of its lowest key-question percentage (Outstanding >= 80, Good
 * 65-79, Requires improvement 50-64, Inadequate < 50). Id {@code kq-band}: explained (info) when the text says
 * professional discretion was applied near that standard, a warning otherwise.
 */
public final class BandCheck implements Check {
    private static final Pattern DISCRETION = Pattern.compile("(?i)professional\\s+discretion");
    /** How far before / after "professional discretion" the standard must be named for the statement to apply. */
    static final int BEFORE = 350, AFTER = 250;
    private final Reference ref;

    public BandCheck(Reference ref) { this.ref = ref; }

    @Override public String name() { return "kq-band"; }

    @Override
    public List<CheckFinding> run(DocumentInput input) {
        Extraction ex = input.extraction();
        List<CheckFinding> out = new ArrayList<>();
        Map<String, List<KeyQuestion>> groups = new LinkedHashMap<>();
        for (KeyQuestion k : ex.keyQuestions()) groups.computeIfAbsent(k.provider() + "\u0000" + k.standard(), x -> new ArrayList<>()).add(k);
        for (List<KeyQuestion> kqs : groups.values()) {
            KeyQuestion any = kqs.get(0);
            Optional<Reference.Standard> std = ref.standard(ex.framework(), any.standard());
            if (std.isEmpty() || !std.get().rated() || !caseSupervision(std.get())) continue;
            Optional<Provider> provider = ex.providers().size() == 1 && any.provider() == null
                    ? Optional.of(ex.providers().get(0))
                    : ProviderTables.match(ex.providers(), String.valueOf(any.provider()), ref.gazetteer());
            if (provider.isEmpty()) continue;
            Optional<StandardRating> rating = ProviderTables.rating(provider.get(), any.standard());
            if (rating.isEmpty()) continue;
            Optional<String> word = ref.normaliseRating(rating.get().rating());
            if (word.isEmpty() || ref.points(word.get()).isEmpty()) continue;
            KeyQuestion lowest = kqs.stream().min(Comparator.comparingInt(KeyQuestion::percentYes)).orElseThrow();
            String band = ref.band(lowest.percentYes());
            if (band.equals(word.get())) continue;
            Optional<int[]> discretion = discretion(input.pages(), std.get(), lowest);
            CheckFinding.Builder b = CheckFinding.of("kq-band", discretion.isPresent() ? Severity.INFO : Severity.WARNING,
                            ex.docId()).explained(discretion.isPresent()).provider(provider.get().name())
                    .standard(any.standard()).value("rating", word.get()).value("lowest_percent", lowest.percentYes())
                    .value("lowest_question", lowest.question()).value("band", band)
                    .value("percentages", kqs.stream().map(KeyQuestion::percentYes).toList());
            if (discretion.isPresent()) {
                int[] d = discretion.get();
                b.at(d[0], d[1], d[2]).value("professional_discretion", true);
            } else {
                b.at(rating.get().provenance() != null ? rating.get().provenance() : lowest.provenance());
            }
            out.add(b.message(any.standard() + " " + std.get().name() + " is rated '" + word.get()
                    + "' but its lowest key question (" + lowest.percentYes() + "%) is in the '" + band + "' band"
                    + (discretion.isPresent() ? "; the report says professional discretion was applied" : "")));
        }
        return out;
    }

    private boolean caseSupervision(Reference.Standard s) {
        return ref.canonicalStandards().stream().anyMatch(c -> c.code().equals(s.canonical()) && c.caseSupervision());
    }

    /** Page, start and end of a "professional discretion" statement naming this standard, preferring the KQ's page. */
    private Optional<int[]> discretion(List<PageText> pages, Reference.Standard std, KeyQuestion kq) {
        Integer kqPage = kq.provenance() == null ? null : kq.provenance().page();
        List<PageText> ordered = new ArrayList<>(pages);
        if (kqPage != null) ordered.sort(Comparator.comparingInt(p -> Math.abs(p.page() - kqPage)));
        Pattern name = Pattern.compile("(?i)\\b" + std.name().toLowerCase(Locale.ROOT).replace(" ", "\\s+") + "\\b|\\b"
                + Pattern.quote(std.code()) + "\\b");
        for (PageText p : ordered) {
            Matcher m = DISCRETION.matcher(p.text());
            while (m.find()) {
                String window = p.text().substring(Math.max(0, m.start() - BEFORE), Math.min(p.text().length(), m.end() + AFTER));
                if (name.matcher(window).find()) return Optional.of(new int[] {p.page(), m.start(), m.end()});
            }
        }
        return Optional.empty();
    }
}
