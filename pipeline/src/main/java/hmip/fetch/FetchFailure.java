package hmip.fetch;

/** Why a URL was not fetched. Each failure is reported with its URL and a one-line reason. */
public enum FetchFailure {
    NOT_FOUND("not found (HTTP 404/410)"),
    HTTP_ERROR("HTTP error"),
    DISALLOWED_BY_ROBOTS("disallowed by robots.txt"),
    OFF_SITE("host not allowed (off the configured site)"),
    UNSUPPORTED_SCHEME("not an http(s) URL"),
    TOO_LARGE("too large"),
    NOT_A_PDF("not a PDF"),
    NO_REPORT_LINK("no report PDF link on the landing page"),
    GAVE_UP("gave up after retries"),
    TOO_MANY_REDIRECTS("too many redirects");

    private final String description;

    FetchFailure(String description) { this.description = description; }

    public String description() { return description; }
}
