package hmip.load;

/** Another process holds the warehouse open for writing. */
public class WarehouseBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WarehouseBusyException(String message, Throwable cause) { super(message, cause); }
}
