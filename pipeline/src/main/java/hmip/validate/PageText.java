package hmip.validate;

/** One page's body text (as in the warehouse's {@code pages} table), for checks that read prose. */
public record PageText(int page, String text) {}
