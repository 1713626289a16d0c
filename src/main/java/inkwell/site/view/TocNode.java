package inkwell.site.view;

import inkwell.post.TocEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** A table-of-contents entry with the entries nested under it, for the nested toc list. */
record TocNode(TocEntry entry, List<TocNode> children) {

  /**
   * Nests a flat toc by level: each entry goes under the nearest entry before it with a lower
   * level, so skipped levels ({@code h2} then {@code h4}) and a first entry deeper than the rest
   * still give a well-formed tree.
   */
  static List<TocNode> tree(List<TocEntry> entries) {
    List<TocNode> roots = new ArrayList<>();
    Deque<TocNode> open = new ArrayDeque<>();
    for (TocEntry entry : entries) {
      while (!open.isEmpty() && open.peek().entry().level() >= entry.level()) {
        open.pop();
      }
      TocNode node = new TocNode(entry, new ArrayList<>());
      (open.isEmpty() ? roots : open.peek().children).add(node);
      open.push(node);
    }
    return Collections.unmodifiableList(roots);
  }
}
