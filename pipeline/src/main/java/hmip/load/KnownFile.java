package hmip.load;

/** What the warehouse already knows about a document id: enough to decide whether to skip it. */
public record KnownFile(String docId, String path, String sha256, String status, String errorCode, String error,
                        boolean indexed) {
    public boolean isLoaded() { return "ok".equals(status) && indexed; }
}
