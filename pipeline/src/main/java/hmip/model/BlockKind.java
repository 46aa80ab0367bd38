package hmip.model;

/** What a block of body text is, as far as layout can tell from geometry and markers alone. */
public enum BlockKind { HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW, FOOTNOTE }
