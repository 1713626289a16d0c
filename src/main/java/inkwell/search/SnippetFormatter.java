package inkwell.search;

import inkwell.storage.SearchResults.Part;
import inkwell.storage.SearchResults.Snippet;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's best passage into a {@link Snippet}: plain text parts, the matched words
 * marked, at most {@link #MAX_CHARS} characters around the first match. No HTML is made here: pages
 * escape the parts like any other text. Thread-safe.
 */
final class SnippetFormatter extends PassageFormatter {

  static final int MAX_CHARS = 240;
  private static final int BEFORE_FIRST_MATCH = 80;

  @Override
  public Object format(Passage[] passages, String content) {
    if (passages.length == 0 || passages[0].getNumMatches() == 0) {
      return null;
    }
    Passage passage = passages[0];
    int from = passage.getStartOffset();
    int to = passage.getEndOffset();
    if (to - from > MAX_CHARS) {
      from = Math.max(from, passage.getMatchStarts()[0] - BEFORE_FIRST_MATCH);
      to = Math.min(to, from + MAX_CHARS);
    }
    from = safe(content, from, true);
    to = safe(content, to, false);
    List<Part> parts = new ArrayList<>();
    if (from > 0) {
      parts.add(new Part("\u2026 ", false));
    }
    int at = from;
    for (int i = 0; i < passage.getNumMatches(); i++) {
      int start = Math.max(passage.getMatchStarts()[i], at);
      int end = Math.min(passage.getMatchEnds()[i], to);
      if (start >= to) {
        break;
      }
      if (end <= start) {
        continue;
      }
      if (start > at) {
        parts.add(new Part(content.substring(at, start), false));
      }
      parts.add(new Part(content.substring(start, end), true));
      at = end;
    }
    if (at < to) {
      parts.add(new Part(content.substring(at, to), false));
    }
    if (to < content.length()) {
      parts.add(new Part(" \u2026", false));
    }
    return new Snippet(parts);
  }

  /** {@code offset} moved off the middle of a surrogate pair. */
  private static int safe(String content, int offset, boolean forward) {
    if (offset > 0
        && offset < content.length()
        && Character.isLowSurrogate(content.charAt(offset))
        && Character.isHighSurrogate(content.charAt(offset - 1))) {
      return forward ? offset + 1 : offset - 1;
    }
    return offset;
  }
}
