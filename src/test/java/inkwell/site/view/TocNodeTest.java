package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.TocEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The flat table of contents becomes a tree by heading level. */
class TocNodeTest {

  /** Levels as {@code 2 3 3 2}; the tree as {@code a(b c) d}, entries named a, b, c... */
  private static String nest(String levels) {
    List<TocEntry> entries = new ArrayList<>();
    String[] split = levels.split(" ");
    for (int i = 0; i < split.length; i++) {
      String id = String.valueOf((char) ('a' + i));
      entries.add(new TocEntry(Integer.parseInt(split[i]), id, id));
    }
    return show(TocNode.tree(entries));
  }

  private static String show(List<TocNode> nodes) {
    return nodes.stream()
        .map(n -> n.entry().id() + (n.children().isEmpty() ? "" : "(" + show(n.children()) + ")"))
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "levels {0} nest as {1}")
  @CsvSource({
    "2, a",
    "2 2 2, a b c",
    "2 3 3 2, a(b c) d",
    "2 3 4 2, a(b(c)) d",
    "2 4 3, a(b c)",
    "3 2 3, a b(c)",
    "4 3 2, a b c",
    "2 3 4 3 2 4, a(b(c) d) e(f)"
  })
  void entriesNestUnderTheNearestShallowerEntryBeforeThem(String levels, String tree) {
    assertThat(nest(levels)).isEqualTo(tree);
  }

  @org.junit.jupiter.api.Test
  void noEntriesGiveNoTree() {
    assertThat(TocNode.tree(List.of())).isEmpty();
  }
}
