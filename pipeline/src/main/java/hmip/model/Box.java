package hmip.model;

/** A rectangle in PDF user space (points, origin top-left as PDFBox reports text positions). */
public record Box(float x, float y, float width, float height) {
    public float right() { return x + width; }
    public float bottom() { return y + height; }

    public Box union(Box other) {
        if (other == null) return this;
        float nx = Math.min(x, other.x), ny = Math.min(y, other.y);
        return new Box(nx, ny, Math.max(right(), other.right()) - nx, Math.max(bottom(), other.bottom()) - ny);
    }
}
