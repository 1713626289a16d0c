package inkwell.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.preview.PreviewOptions;
import inkwell.preview.PreviewServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lighthouse 12 (mobile, its default emulation and simulated throttling) on the home page, a post
 * with code, a table and images, and a tag page, served over HTTP by the preview as the site
 * function serves them (no live reload), in the same Chromium as the browser checks ({@code
 * src/test/browser/lighthouse.mjs}: one Chromium, one Lighthouse run per page).
 *
 * <p>Accessibility, best practices and SEO must score 100 on every page. Performance must reach
 * {@link #PERFORMANCE_AT_LEAST}: it is timed on a shared CPU (in six runs at load averages of 11 to
 * 15 on 2 cores it was 100 on every page but twice, 98 and 97; in a CI run beside the other test
 * JVM, 89 once), so the test leaves room for a loaded machine, and a page under the bar is measured
 * twice more and judged by its median, as Lighthouse's authors advise for variable scores. A
 * failure lists every audit that missed, with Lighthouse's own words; each page's full result is in
 * {@code target/lighthouse/NAME.json}.
 */
class LighthouseTest {

  /** Lighthouse's own "good" band starts at 90. */
  static final double PERFORMANCE_AT_LEAST = 0.9;

  static final Map<String, String> PAGES =
      Map.of("home", "/", "post", BrowserChecksTest.POST, "tag", "/tags/serverless/");

  private static JsonNode report;

  /** Each page's performance scores: the first run, and two more for a page under the bar. */
  private static final Map<String, List<Double>> performance = new java.util.TreeMap<>();

  @BeforeAll
  static void runLighthouseOnThreePages() throws Exception {
    assumeFalse(SiteChecksScript.skipped(), "browser checks skipped (INKWELL_BROWSER_TESTS=skip)");
    SiteChecksScript script = SiteChecksScript.locate();
    Path out =
        Path.of(System.getProperty("inkwell.projectDir", "."), "target", "lighthouse")
            .resolve("lighthouse.json");
    try (PreviewServer server =
        PreviewServer.start(
            new PreviewOptions(
                fixture().resolve("posts"), null, 0, "127.0.0.1", false, false, false))) {
      List<String> args = new ArrayList<>(List.of("--base-url", server.url()));
      PAGES.forEach((name, path) -> args.addAll(List.of("--page", name + "=" + path)));
      report = new ObjectMapper().readTree(script.runScript("lighthouse.mjs", args, out).toFile());
      for (JsonNode page : report.path("pages")) {
        performance
            .computeIfAbsent(page.path("name").asText(), n -> new ArrayList<>())
            .add(page.path("scores").path("performance").asDouble(-1));
      }
      // Lighthouse's performance varies from run to run on a busy CPU; its authors' advice is the
      // median of several runs. A page under the bar is measured twice more and judged by the
      // median of its three runs; the other categories are judged on the first run alone.
      for (int rerun = 1; rerun <= 2; rerun++) {
        List<String> again = new ArrayList<>();
        performance.forEach(
            (name, scores) -> {
              if (scores.get(0) < PERFORMANCE_AT_LEAST) {
                again.addAll(List.of("--page", name + "=" + PAGES.get(name)));
              }
            });
        if (again.isEmpty()) {
          break;
        }
        again.addAll(0, List.of("--base-url", server.url()));
        JsonNode rerunReport =
            new ObjectMapper()
                .readTree(
                    script
                        .runScript(
                            "lighthouse.mjs",
                            again,
                            out.resolveSibling("lighthouse-rerun-" + rerun + ".json"))
                        .toFile());
        for (JsonNode page : rerunReport.path("pages")) {
          performance
              .get(page.path("name").asText())
              .add(page.path("scores").path("performance").asDouble(-1));
        }
      }
    }
    System.out.println("  performance runs: " + performance);
    System.out.printf(
        "Lighthouse %s: %d pages in %.1f s%n",
        report.path("lighthouse").asText(),
        report.path("pages").size(),
        report.path("ms").asDouble() / 1e3);
    for (JsonNode page : report.path("pages")) {
      System.out.printf(
          "  %-5s %s %s%n", page.path("name").asText(), page.path("scores"), page.path("metrics"));
    }
  }

  private static Path fixture() {
    try {
      return Path.of(
          Objects.requireNonNull(LighthouseTest.class.getResource("/browser-site")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void lighthouseRanOnEveryPageAsAPhone() {
    assertThat(report.path("lighthouse").asText()).isEqualTo("12.2.3");
    assertThat(report.path("pages").findValuesAsText("name"))
        .containsExactlyInAnyOrderElementsOf(PAGES.keySet());
    for (JsonNode page : report.path("pages")) {
      assertThat(page.path("runtimeError").isNull()).as(page.toString()).isTrue();
      assertThat(page.path("formFactor").asText())
          .as(page.path("name").asText())
          .isEqualTo("mobile");
    }
  }

  @Test
  void accessibilityScores100OnEveryPage() {
    assertFull("accessibility");
  }

  @Test
  void bestPracticesScore100OnEveryPage() {
    assertFull("best-practices");
  }

  @Test
  void seoScores100OnEveryPage() {
    assertFull("seo");
  }

  @Test
  void performanceScoresAtLeast90OnEveryPage() {
    List<String> failures = new ArrayList<>();
    assertThat(performance.keySet()).containsExactlyInAnyOrderElementsOf(PAGES.keySet());
    performance.forEach(
        (name, scores) -> {
          if (median(scores) < PERFORMANCE_AT_LEAST) {
            failures.add(name + ": performance runs " + scores);
          }
        });
    if (!failures.isEmpty()) {
      // The first run's missed audits, in Lighthouse's words.
      assertAtLeast("performance", PERFORMANCE_AT_LEAST);
    }
    assertThat(failures).as("pages whose median performance is under 90").isEmpty();
  }

  /** The median of one or three scores. */
  static double median(List<Double> scores) {
    List<Double> sorted = scores.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void assertFull(String category) {
    assertAtLeast(category, 1.0);
  }

  /** Every page scores at least {@code least} in {@code category}; else the misses, by page. */
  private static void assertAtLeast(String category, double least) {
    List<String> failures = new ArrayList<>();
    for (JsonNode page : report.path("pages")) {
      double score = page.path("scores").path(category).asDouble(-1);
      if (score < least) {
        StringBuilder failure =
            new StringBuilder(
                String.format(
                    "%s (%s): %s %.0f",
                    page.path("name").asText(), page.path("path").asText(), category, score * 100));
        for (JsonNode miss : page.path("misses").path(category)) {
          failure.append(
              String.format(
                  "%n    %s (%s): score %s%s%s",
                  miss.path("id").asText(),
                  miss.path("title").asText(),
                  miss.path("score").asText(),
                  miss.path("displayValue").isNull()
                      ? ""
                      : ", " + miss.path("displayValue").asText(),
                  miss.path("explanation").isNull()
                      ? ""
                      : ", " + miss.path("explanation").asText()));
          for (JsonNode item : miss.path("items")) {
            failure.append(String.format("%n      %s", item.asText()));
          }
        }
        failures.add(failure.toString());
      }
    }
    assertThat(failures)
        .as("pages under %.0f in %s, with the audits that missed", least * 100, category)
        .isEmpty();
  }
}
