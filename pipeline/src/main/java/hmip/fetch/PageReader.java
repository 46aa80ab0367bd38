package hmip.fetch;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads listing and landing pages with jsoup, following a {@link SiteConfig}. Pure: HTML and its URL in. */
final class PageReader {
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    /** What a landing page says: title, publication date (YYYY-MM-DD), the report PDF and press release links. */
    record Landing(String title, String published, String reportUrl, String pressReleaseUrl) {}

    private PageReader() {}

    /** Absolute URLs of the links matching {@code selector}, in page order, fragments dropped, each once. */
    static List<String> links(String html, String pageUrl, String selector) {
        Document doc = Jsoup.parse(html, pageUrl);
        Set<String> out = new LinkedHashSet<>();
        for (Element a : doc.select(selector)) {
            String href = a.absUrl("href");
            if (!href.isEmpty()) out.add(href.replaceFirst("#.*$", ""));
        }
        return new ArrayList<>(out);
    }

    static Landing landing(String html, String pageUrl, SiteConfig.Landing rules) {
        Document doc = Jsoup.parse(html, pageUrl);
        String title = null;
        for (String sel : rules.title()) {
            Element e = doc.selectFirst(sel);
            if (e != null && !e.text().isBlank()) {
                title = e.text().strip();
                break;
            }
        }
        return new Landing(title, published(doc, rules), link(doc, rules.report()), link(doc, rules.pressRelease()));
    }

    private static String published(Document doc, SiteConfig.Landing rules) {
        for (SiteConfig.DateRule r : rules.publicationDate()) {
            List<String> candidates = new ArrayList<>();
            if (r.labelSelector() != null) {
                for (Element label : doc.select(r.labelSelector())) {
                    if (r.label() != null && !label.text().toLowerCase(Locale.ROOT).contains(r.label().toLowerCase(Locale.ROOT))) continue;
                    Element value = label.nextElementSibling();
                    if (value != null) candidates.add(value.text());
                }
            } else if (r.selector() != null) {
                for (Element e : doc.select(r.selector())) candidates.add(r.attribute() == null ? e.text() : e.attr(r.attribute()));
            }
            for (String c : candidates) {
                String d = date(c, rules.dateFormats());
                if (d != null) return d;
            }
        }
        return null;
    }

    /** "27 July 2023", "27th July 2023", "2023-07-27T09:30:00+01:00" ... as 2023-07-27; null when no format reads it. */
    static String date(String printed, List<String> formats) {
        if (printed == null) return null;
        String s = printed.strip().replaceAll("(?<=\\d)(st|nd|rd|th)\\b", "").replaceAll("\\s+", " ");
        Matcher iso = ISO_DATE.matcher(s);
        if (iso.find()) return iso.group(1);
        for (String f : formats) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ofPattern(f, Locale.UK)).toString();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static String link(Document doc, SiteConfig.LinkRule rule) {
        if (rule == null) return null;
        Pattern href = rule.hrefPattern() == null ? null : Pattern.compile(rule.hrefPattern());
        for (Element a : doc.select(rule.selector() == null ? "a[href]" : rule.selector())) {
            String url = a.absUrl("href");
            if (url.isEmpty() || (href != null && !href.matcher(url).find())) continue;
            String text = (a.text() + " " + a.attr("title")).toLowerCase(Locale.ROOT);
            if (!rule.textContains().isEmpty()
                    && rule.textContains().stream().noneMatch(t -> text.contains(t.toLowerCase(Locale.ROOT)))) continue;
            return url.replaceFirst("#.*$", "");
        }
        return null;
    }
}
