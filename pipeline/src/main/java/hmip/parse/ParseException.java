package hmip.parse;

/** A file that cannot be parsed, with the reason as a stable code and a human message. */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ParseFailure failure;

    public ParseException(ParseFailure failure, String detail) {
        this(failure, detail, null);
    }

    public ParseException(ParseFailure failure, String detail, Throwable cause) {
        super(failure.description() + (detail == null || detail.isBlank() ? "" : ": " + detail), cause);
        this.failure = failure;
    }

    public ParseFailure failure() { return failure; }
}
