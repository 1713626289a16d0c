package inkwell.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.preview.PreviewOptions;
import inkwell.preview.PreviewServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's live reload in Chromium: a post open in the browser shows a saved change without
 * anyone reloading it, keeps its scroll position, shows the error when the file is broken, and the
 * post again once it is fixed ({@code src/test/browser/live-reload.mjs} drives the page and saves
 * the files).
 */
class LiveReloadBrowserTest {

  private static final String ORIGINAL =
      "---\ntitle: Watching the kettle\ndate: 2025-03-01\n---\n"
          + "A paragraph long enough to scroll.\n\n".repeat(120);
  private static final String EDITED = ORIGINAL.replace("Watching the kettle", "The kettle boils");

  /** An unclosed quote in the front matter: a YAML error with a line and a column. */
  private static final String BROKEN = ORIGINAL.replace("title: Watching", "title: \"Watching");

  @TempDir static Path folder;
  private static JsonNode result;

  @BeforeAll
  static void editBreakAndFixAnOpenPost() throws Exception {
    assumeFalse(SiteChecksScript.skipped(), "browser checks skipped (INKWELL_BROWSER_TESTS=skip)");
    SiteChecksScript script = SiteChecksScript.locate();
    Path posts = Files.createDirectories(folder.resolve("posts"));
    Path post = posts.resolve("kettle.md");
    Files.writeString(post, ORIGINAL);
    Path edited = Files.writeString(folder.resolve("edited.md"), EDITED);
    Path broken = Files.writeString(folder.resolve("broken.md"), BROKEN);
    Path target = Path.of(System.getProperty("inkwell.projectDir", "."), "target");
    try (PreviewServer server =
        PreviewServer.start(new PreviewOptions(posts, null, 0, "127.0.0.1", false, false))) {
      Path report =
          script.runScript(
              "live-reload.mjs",
              List.of(
                  "--base-url", server.url(),
                  "--path", "/kettle/",
                  "--file", post.toString(),
                  "--edited", edited.toString(),
                  "--broken", broken.toString()),
              target.resolve("live-reload/live-reload.json"));
      result = new ObjectMapper().readTree(report.toFile());
    }
  }

  @Test
  void theOpenPageShowsTheSavedTitleWithoutBeingReloadedByHand() {
    assertThat(result.at("/before/title").asText()).isEqualTo("Watching the kettle");
    assertThat(result.at("/edited/title").asText()).isEqualTo("The kettle boils");
    assertThat(result.at("/edited/loads").asInt())
        .as("the page reloaded itself once")
        .isEqualTo(result.at("/before/loads").asInt() + 1);
  }

  @Test
  void theReloadKeepsTheScrollPosition() {
    assertThat(result.at("/before/scrollY").asDouble()).isEqualTo(400);
    assertThat(result.at("/edited/scrollY").asDouble()).isEqualTo(400);
  }

  @Test
  void aBrokenFileShowsItsErrorWithFileLineAndColumn() {
    assertThat(result.at("/broken/text").asText()).containsPattern("kettle\\.md:\\d+:\\d+");
  }

  @Test
  void theFixedFileShowsThePostAgain() {
    assertThat(result.at("/fixed/text").asText()).doesNotContainPattern("kettle\\.md:\\d+:\\d+");
    assertThat(result.at("/fixed/title").asText()).isEqualTo("Watching the kettle");
  }

  @Test
  void theScriptRunsWithinThePolicyAndLogsNoError() {
    assertThat(result.get("cspViolations")).isEmpty();
    // No request of the page fails, the icon's included: the console stays empty.
    assertThat(result.get("failedResponses")).isEmpty();
    assertThat(result.get("console")).isEmpty();
  }
}
