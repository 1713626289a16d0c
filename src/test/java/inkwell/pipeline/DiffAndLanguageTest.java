package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.LAST_MODIFIED;
import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A diff of several files, the language named by an info string, and highlighting turned off. */
class DiffAndLanguageTest {

  private static String span(String css, String line) {
    return "<span class=\"tok-" + css + "\">" + line + "</span>\n";
  }

  @Test
  void insideAHunkDashesAndPlusesAreChangesAndADiffLineStartsTheNextFilesHeaders() {
    String diff =
        "diff --git a/x b/x\nindex 1..2\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n--- gone\n+++ come\n"
            + " kept\ndiff --git a/y b/y\n--- a/y\n";
    assertThat(post("# T\n\n```diff\n" + diff + "```\n").bodyHtml())
        .isEqualTo(
            "<pre tabindex=\"0\"><code class=\"language-diff\">"
                + span("meta", "diff --git a/x b/x")
                + span("meta", "index 1..2")
                + span("meta", "--- a/x")
                + span("meta", "+++ b/x")
                + span("meta", "@@ -1 +1 @@")
                + span("deleted", "--- gone")
                + span("inserted", "+++ come")
                + " kept\n"
                + span("meta", "diff --git a/y b/y")
                + span("meta", "--- a/y")
                + "</code></pre>\n");
  }

  @Test
  void aDiffWhoseLastLineHasNoNewlineMarksItToo() {
    assertThat(post("# T\n\n```diff\n-old\n+new```\n").bodyHtml()).contains("tok-deleted");
  }

  @ParameterizedTest(name = "[{0}] names no language")
  @ValueSource(strings = {"", "   ", "{linenos=true}", "nosuchlanguage"})
  void anInfoStringWithoutAKnownFirstWordNamesNoLanguage(String info) {
    assertThat(CodeLanguage.of(info)).isEmpty();
  }

  @Test
  void noInfoStringNamesNoLanguage() {
    assertThat(CodeLanguage.of(null)).isEmpty();
  }

  @Test
  void theFirstWordNamesTheLanguageInAnyCase() {
    assertThat(CodeLanguage.of("  JAVA {linenos=true}")).isEqualTo(CodeLanguage.of("java"));
    assertThat(CodeLanguage.of("java")).isPresent();
  }

  @Test
  void aNewDefaultPipelineHighlightsCode() {
    ParseResult result =
        PostPipeline.create()
            .parse(
                new Source(
                    "posts/a.md",
                    "# T\n\n```java\nreturn 1;\n```\n".getBytes(StandardCharsets.UTF_8),
                    LAST_MODIFIED));
    assertThat(((ParseResult.Parsed) result).post().bodyHtml()).contains("class=\"tok-");
  }

  @Test
  void withoutHighlightingCodeIsPlainEscapedText() {
    PostPipeline plain = PostPipeline.builder().highlightCode(false).build();
    ParseResult result =
        plain.parse(
            new Source(
                "posts/a.md",
                "# T\n\n```java\nint x = a < b;\n```\n".getBytes(StandardCharsets.UTF_8),
                LAST_MODIFIED));
    assertThat(((ParseResult.Parsed) result).post().bodyHtml())
        .isEqualTo(
            "<pre tabindex=\"0\"><code class=\"language-java\">int x = a &lt; b;\n</code></pre>\n");
  }
}
