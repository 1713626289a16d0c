package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.docs.Docs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/READING.md's route table says what {@link SiteRouter} does: every example path of a row
 * routes to one of the row's {@link Route}s, every route named is reached by one of them, and every
 * route a page can have is in the table.
 */
class ReadingDocTest {

  /** Example values for the placeholders the table writes. */
  private static final Map<String, String> EXAMPLES =
      Map.of(
          "{slug}", "2024/hello",
          "{tag}", "java",
          "{yyyy}", "2024",
          "{mm}", "08",
          "{n}", "2",
          "{hash}", "0123456789",
          "{path}", "photo.png",
          "{old-path}", "2019/old-post",
          "WORDS", "lambda");

  /** The error and redirect routes, which the status codes section describes instead. */
  private static final Set<String> NOT_PAGES =
      Set.of("BadRequest", "TooLong", "NotFound", "Canonical");

  private static String example(String path) {
    String example = path.replaceAll("\\?after=[A-Z]+$", "");
    for (Map.Entry<String, String> placeholder : EXAMPLES.entrySet()) {
      example = example.replace(placeholder.getKey(), placeholder.getValue());
    }
    return example;
  }

  private static String routeOf(String path) {
    return SiteRouter.route(SiteRequest.get(path)).getClass().getSimpleName();
  }

  @Test
  void everyRowsPathsRouteToTheRowsRoutes() {
    Set<String> documented = new TreeSet<>();
    List<List<String>> rows = Docs.tableRows(Docs.read("docs/READING.md"));
    assertThat(rows).hasSizeGreaterThan(10);
    for (List<String> row : rows) {
      List<String> routes = Docs.codeSpans(row.get(1));
      Set<String> reached = new TreeSet<>();
      for (String path : Docs.codeSpans(row.get(0))) {
        if (!path.startsWith("/")) {
          continue;
        }
        String route = routeOf(example(path));
        assertThat(routes).as("%s (as %s)", path, example(path)).contains(route);
        reached.add(route);
      }
      assertThat(reached).as("routes of the row %s", row.get(0)).containsAll(routes);
      documented.addAll(routes);
    }
    for (Class<?> route : Route.class.getPermittedSubclasses()) {
      if (!NOT_PAGES.contains(route.getSimpleName())) {
        assertThat(documented).as("docs/READING.md's routes").contains(route.getSimpleName());
      }
    }
  }

  @Test
  void theExamplesAreRealPaths() {
    List<String> examples = new ArrayList<>();
    for (List<String> row : Docs.tableRows(Docs.read("docs/READING.md"))) {
      Docs.codeSpans(row.get(0)).stream()
          .filter(p -> p.startsWith("/"))
          .map(ReadingDocTest::example)
          .forEach(examples::add);
    }
    assertThat(examples)
        .contains("/2024/hello/", "/tags/java/", "/archive/2024/08/", "/search?q=lambda&page=2")
        .allSatisfy(p -> assertThat(p).doesNotContain("{"));
  }
}
