package inkwell.post;

/** One heading of a post's table of contents: its level (2 to 4), anchor id and plain text. */
public record TocEntry(int level, String id, String text) {}
