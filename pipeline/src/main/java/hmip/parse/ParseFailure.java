package hmip.parse;

/** Why a file could not be turned into pages. Stored in the warehouse as the ingest error code. */
public enum ParseFailure {
    EMPTY("zero-byte file"),
    UNSUPPORTED_TYPE("not a PDF, DOCX, HTML or text file"),
    CORRUPT("truncated or corrupt file"),
    ENCRYPTED("encrypted: a password is required (use --password)"),
    IMAGE_ONLY("image-only pages and OCR unavailable"),
    UNREADABLE_TEXT("the text layer does not decode to characters and OCR is unavailable"),
    OCR_FAILED("OCR of image-only pages failed"),
    TOO_LARGE("file larger than the configured limit"),
    TOO_MANY_PAGES("more pages than the configured limit"),
    TIMEOUT("parsing took longer than the configured limit"),
    OUT_OF_MEMORY("parsing exhausted its memory budget"),
    IO_ERROR("file could not be read");

    private final String description;

    ParseFailure(String description) { this.description = description; }

    public String description() { return description; }

    /**
     * Whether a rerun with other options or another machine could give a different answer (a password,
     * higher limits, tesseract installed). An unchanged file that failed for a reason that is not
     * retryable is skipped by the next ingest; a retryable one is tried again.
     */
    public boolean retryable() {
        return switch (this) {
            case EMPTY, UNSUPPORTED_TYPE, CORRUPT -> false;
            default -> true;
        };
    }
}
