package hmip.fetch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * One website's structure, as data ({@code data/sources/NAME.json}, bundled under {@code hmip/sources/}): where
 * its listing pages are and how they paginate, which links on them are inspections, and on a landing page the
 * title, the publication date, the report PDF and the press release. A change on the site is a fix to that file.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteConfig(String name, String description, String verified, List<String> hosts, Listing listing,
                         Landing landing) {
    /** The bundled sources, by name. */
    public static final List<String> BUNDLED = List.of("justiceinspectorates", "hmiprobation");
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public SiteConfig {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /**
     * Listing pages: {@code url} with {type}, {page} and {year} filled in (an empty string where no filter is
     * given), pages {@code firstPage} on until one lists no new inspection or {@code maxPages} were read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing(String url, int firstPage, int maxPages, List<String> types, String resultLinks) {
        public Listing {
            types = types == null || types.isEmpty() ? List.of("") : List.copyOf(types);
            if (maxPages <= 0) maxPages = 50;
        }
    }

    /** A landing page: title selectors (first non-empty wins), publication date rules, report and press-release links. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Landing(List<String> title, List<DateRule> publicationDate, List<String> dateFormats, LinkRule report,
                          LinkRule pressRelease, boolean keepLandingPage) {
        public Landing {
            title = title == null ? List.of("h1", "title") : List.copyOf(title);
            publicationDate = publicationDate == null ? List.of() : List.copyOf(publicationDate);
            dateFormats = dateFormats == null ? List.of("d MMMM yyyy", "yyyy-MM-dd") : List.copyOf(dateFormats);
        }
    }

    /**
     * How to read a date: either the element after the element matching {@code labelSelector} whose text contains
     * {@code label} (a {@code dt} "Date of publication" and its {@code dd}), or {@code selector}'s {@code attribute}
     * (its text when no attribute is given).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DateRule(String labelSelector, String label, String selector, String attribute) {}

    /**
     * The first link matching {@code selector} whose href matches {@code hrefPattern} and whose text contains one of
     * {@code textContains} (case-insensitive; empty list: any text), in document order.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkRule(String selector, String hrefPattern, List<String> textContains) {
        public LinkRule {
            textContains = textContains == null ? List.of() : List.copyOf(textContains);
        }
    }

    /** A bundled source by name, or a JSON file by path. */
    public static SiteConfig load(String nameOrPath) throws IOException {
        Path file = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return JSON.readValue(in, SiteConfig.class);
            }
        }
        String resource = "/hmip/sources/" + nameOrPath.toLowerCase(Locale.ROOT) + ".json";
        try (InputStream in = SiteConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NoSuchElementException("no source '" + nameOrPath + "' (bundled: " + String.join(", ", BUNDLED)
                        + "; or give a path to a .json file)");
            }
            return JSON.readValue(in, SiteConfig.class);
        }
    }

    /** The bundled source whose hosts include this host, if any (used for --urls landing pages). */
    public static SiteConfig forHost(String host) throws IOException {
        for (String name : BUNDLED) {
            SiteConfig c = load(name);
            if (host != null && c.hosts().stream().anyMatch(h -> h.equalsIgnoreCase(host))) return c;
        }
        return load(BUNDLED.get(0)).withHosts(host == null ? List.of() : List.of(host));
    }

    /** The same structure on other hosts (a fixture server in tests, a mirror). */
    public SiteConfig withHosts(List<String> newHosts) {
        return new SiteConfig(name, description, verified, newHosts, listing, landing);
    }

    /** The same structure with listing URLs on another origin (scheme://host:port) than the configured one. */
    public SiteConfig withOrigin(String origin) {
        String url = listing.url().replaceFirst("^https?://[^/]+", origin);
        String host = java.net.URI.create(origin).getHost();
        return new SiteConfig(name, description, verified, List.of(host),
                new Listing(url, listing.firstPage(), listing.maxPages(), listing.types(), listing.resultLinks()), landing);
    }
}
