package inkwell.pipeline;

import inkwell.post.TocEntry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Anchor ids for every heading (GitHub style: {@code ## Why Java?} gets {@code why-java}, repeats
 * get {@code -1}, {@code -2}) and the table of contents built from levels 2 to 4.
 */
record Headings(Map<Node, String> ids, List<TocEntry> toc) {

  static final int TOC_MIN_LEVEL = 2;
  static final int TOC_MAX_LEVEL = 4;

  /**
   * The page's title is its only {@code h1}: if the body still holds a level-1 heading (the title
   * came from the front matter, a first line or the file name, or the body has several), every body
   * heading moves down one level, h1 to h2 through h5 to h6; h6 stays.
   */
  static void makeRoomForTheTitle(Node document) {
    List<Heading> headings = new ArrayList<>();
    for (Node node : Trees.preOrder(document)) {
      if (node instanceof Heading heading) {
        headings.add(heading);
      }
    }
    if (headings.stream().anyMatch(h -> h.getLevel() == 1)) {
      headings.forEach(h -> h.setLevel(Math.min(6, h.getLevel() + 1)));
    }
  }

  static Headings of(Node document, Markdown markdown) {
    IdGenerator generator = IdGenerator.builder().build();
    Map<Node, String> ids = new IdentityHashMap<>();
    List<TocEntry> toc = new ArrayList<>();
    for (Node node : Trees.preOrder(document)) {
      if (node instanceof Heading heading) {
        String text = markdown.plainText(heading);
        String id = generator.generateId(text);
        ids.put(heading, id);
        if (heading.getLevel() >= TOC_MIN_LEVEL && heading.getLevel() <= TOC_MAX_LEVEL) {
          toc.add(new TocEntry(heading.getLevel(), id, text));
        }
      }
    }
    return new Headings(ids, toc);
  }
}
