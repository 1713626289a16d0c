package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.LAST_MODIFIED;
import static inkwell.pipeline.Pipelines.PIPELINE;
import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Odd bytes, oversized files and pathological Markdown give precise errors, never a crash. */
class BadInputTest {

  private static ParseResult parseBytes(byte[] bytes) {
    return PIPELINE.parse(new Source("posts/odd.md", bytes, LAST_MODIFIED));
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Nested
  class Bytes {

    @Test
    void aUtf8ByteOrderMarkIsDropped() {
      byte[] bytes =
          concat(
              "", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "---\ntitle: Bom\n---\nText");
      ParseResult result = parseBytes(bytes);
      assertThat(((ParseResult.Parsed) result).post().title()).isEqualTo("Bom");
    }

    @Test
    void windowsLineEndingsAreNormalised() {
      var post = post("---\r\ntitle: Crlf\r\ntags: [a]\r\n---\r\nLine one\r\nline two\r\n");
      assertThat(post.title()).isEqualTo("Crlf");
      assertThat(post.bodyHtml()).isEqualTo("<p>Line one\nline two</p>\n").doesNotContain("\r");
    }

    @Test
    void oldMacLineEndingsAreNormalised() {
      assertThat(post("# Title\r\rBody\r").bodyHtml()).isEqualTo("<p>Body</p>\n");
    }

    @Test
    void invalidUtf8IsRejectedWithItsLineAndColumn() {
      // "é" in Latin-1 is the single byte 0xE9: not valid UTF-8.
      byte[] bytes = concat("# Title\n\nCaf", new byte[] {(byte) 0xE9}, " au lait\n");
      PostError error = error(parseBytes(bytes));
      assertThat(error.kind()).isEqualTo(Kind.NOT_UTF8);
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo(4);
      assertThat(error.message()).contains("0xE9").contains("UTF-8");
    }

    @Test
    void aTruncatedMultiByteSequenceAtTheEndIsRejected() {
      byte[] bytes = concat("# T\n\nend ", new byte[] {(byte) 0xE2, (byte) 0x82}, "");
      assertThat(error(parseBytes(bytes)).kind()).isEqualTo(Kind.NOT_UTF8);
    }

    @Test
    void aNulByteIsRejectedWithItsPosition() {
      PostError error = error("# Title\nab\0cd\n");
      assertThat(error.kind()).isEqualTo(Kind.NUL_BYTE);
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo(3);
    }

    @Test
    void aSourceOverTheLimitIsRejectedWithBothSizes() {
      PostPipeline small = PostPipeline.builder().maxSourceBytes(100).build();
      ParseResult result =
          small.parse(new Source("posts/big.md", "x".repeat(101).getBytes(), LAST_MODIFIED));
      PostError error = error(result);
      assertThat(error.kind()).isEqualTo(Kind.TOO_LARGE);
      assertThat(error.message()).contains("101 bytes").contains("100 bytes");
    }

    @Test
    void theDefaultLimitIsOneMebibyte() {
      byte[] exactly = "a".repeat(1024 * 1024).getBytes();
      assertThat(parseBytes(exactly)).isInstanceOf(ParseResult.Parsed.class);
      byte[] over = "a".repeat(1024 * 1024 + 1).getBytes();
      assertThat(error(parseBytes(over)).kind()).isEqualTo(Kind.TOO_LARGE);
    }
  }

  @Nested
  class UnclosedHtmlBlocks {

    @ParameterizedTest
    @ValueSource(strings = {"style", "script", "textarea", "pre", "STYLE"})
    void anUnclosedBlockThatWouldSwallowTheRestIsRejectedAtItsOpeningTag(String tag) {
      PostError error =
          error("---\ntitle: T\n---\nIntro.\n\n<" + tag + ">\nx\n\nThe rest of the post.\n");
      assertThat(error.kind()).isEqualTo(Kind.UNCLOSED_HTML);
      assertThat(error.line()).isEqualTo(6);
      assertThat(error.column()).isEqualTo(1);
      String lower = tag.toLowerCase(java.util.Locale.ROOT);
      assertThat(error.describe("posts/bad.md"))
          .isEqualTo(
              "posts/bad.md:6:1: <"
                  + lower
                  + "> at 6:1 is never closed; everything after it would be dropped. Add </"
                  + lower
                  + "> where it should end");
    }

    @Test
    void anIndentedOpeningTagIsReportedAtItsOwnColumn() {
      PostError error = error("# T\n\n  <style media=\"print\">\nbody {}\n");
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo(3);
    }

    @Test
    void aClosedBlockIsKeptOrCleanedAsBefore() {
      var post = post("# T\n\n<pre>\nkept\n</pre>\n\nAfter.\n");
      assertThat(post.bodyHtml()).contains("kept").contains("<p>After.</p>");
    }

    @Test
    void anUnclosedTagInsideAParagraphWouldSwallowTheRestTooAndIsRejected() {
      PostError error = error("# T\n\nText with <textarea> in it.\n\nMore.\n");
      assertThat(error.kind()).isEqualTo(Kind.UNCLOSED_HTML);
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo(11);
    }

    @Test
    void aTagClosedInALaterParagraphSwallowsNothing() {
      assertThat(post("# T\n\nA <style>\n\np {}</style> B\n\nMore.\n").bodyHtml())
          .contains("More.");
    }

    @Test
    void tagsInCodeAreText() {
      assertThat(post("# T\n\nUse `<style>` here.\n\n```\n<script>\n```\n\nMore.\n").bodyHtml())
          .contains("&lt;style&gt;", "&lt;script&gt;", "More.");
    }
  }

  @Nested
  class Pathological {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private ParseResult bounded(Supplier<String> markdown) {
      String text = markdown.get();
      return assertTimeoutPreemptively(BOUND, () -> Pipelines.run("posts/evil.md", text));
    }

    @Test
    void tenThousandNestedQuotesAreRejectedAtTheirLine() {
      ParseResult result = bounded(() -> "# T\n\n" + ">".repeat(10_000) + " deep\n");
      PostError error = error(result);
      assertThat(error.kind()).isEqualTo(Kind.NESTED_TOO_DEEPLY);
      assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void nestingTooDeepIsReportedAtTheLineAndColumnOfTheMarkerThatGoesPastTheLimit() {
      PostError error = error(bounded(() -> "# T\n\n" + "> ".repeat(40) + "deep\n"));
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo(2 * Nesting.MAX_DEPTH + 1);
    }

    @Test
    void tenThousandNestedListsAreRejected() {
      ParseResult result = bounded(() -> "- ".repeat(10_000) + "x\n");
      assertThat(error(result).kind()).isEqualTo(Kind.NESTED_TOO_DEEPLY);
    }

    @Test
    void deeplyIndentedListsAreRejected() {
      StringBuilder md = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        md.append(" ".repeat(i * 2)).append("- item\n");
      }
      assertThat(error(bounded(md::toString)).kind()).isEqualTo(Kind.NESTED_TOO_DEEPLY);
    }

    @Test
    void thousandsOfNestedEmphasisAreRejected() {
      ParseResult result = bounded(() -> "# T\n\n" + "*".repeat(5_000) + "a" + "*".repeat(5_000));
      assertThat(error(result).kind()).isEqualTo(Kind.NESTED_TOO_DEEPLY);
    }

    @Test
    void tenThousandOpenBracketsRenderAsText() {
      ParseResult result = bounded(() -> "# T\n\n" + "[".repeat(10_000));
      assertThat(((ParseResult.Parsed) result).post().bodyHtml()).contains("[[[[");
    }

    @Test
    void fiftyThousandAsterisksRenderInBoundedTime() {
      ParseResult result = bounded(() -> "# T\n\na " + "*".repeat(50_000));
      assertThat(((ParseResult.Parsed) result).post().bodyHtml()).contains("*****");
    }

    @Test
    void fiftyThousandAsterisksAloneAreAThematicBreak() {
      ParseResult result = bounded(() -> "# T\n\n" + "*".repeat(50_000));
      assertThat(((ParseResult.Parsed) result).post().bodyHtml()).isEqualTo("<hr>\n");
    }

    @Test
    void tenThousandNestedHtmlElementsAreCleanedWithoutOverflow() {
      ParseResult result = bounded(() -> "# T\n\n" + "<div>".repeat(10_000) + "x");
      assertThat(((ParseResult.Parsed) result).post().bodyHtml()).contains("x");
    }

    @Test
    void deeplyNestedYamlIsRejectedAtTheLineAndColumnOfTheFirstBracketTooMany() {
      ParseResult result = bounded(() -> "---\na: " + "[".repeat(10_000) + "\n---\n");
      PostError error = error(result);
      assertThat(error.kind()).isEqualTo(Kind.NESTED_TOO_DEEPLY);
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo(4 + 20);
    }

    @Test
    void bracketsInQuotesAndCommentsAreNotNesting() {
      String brackets = "[".repeat(50);
      ParseResult result =
          bounded(
              () ->
                  "---\ntitle: \""
                      + brackets
                      + "\"\nnote: '"
                      + brackets
                      + "' # "
                      + brackets
                      + "\n---\nText.\n");
      assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void moderateNestingStillRenders() {
      ParseResult result =
          bounded(() -> "# T\n\n" + "> ".repeat(10) + "quote\n\n" + "- ".repeat(10) + "x\n");
      assertThat(((ParseResult.Parsed) result).post().bodyHtml()).contains("quote", "x");
    }
  }
}
