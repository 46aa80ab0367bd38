package hmip.fetch;

/** A URL that could not be fetched, with its {@link FetchFailure} code and a specific reason. */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final FetchFailure failure;
    private final String url;

    public FetchException(FetchFailure failure, String url, String detail) {
        super(failure.description() + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.failure = failure;
        this.url = url;
    }

    public FetchFailure failure() { return failure; }

    public String url() { return url; }
}
