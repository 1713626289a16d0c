package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static inkwell.pipeline.Pipelines.run;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every limit the pipeline enforces, at the limit, just under and just over it; and each of two
 * guards that could hide one another shown to work on its own.
 */
class LimitsTest {

  private static final String DEEP_MARKDOWN =
      "the Markdown nests quotes, lists or emphasis more than 32 levels deep";

  private static void assertRejected(
      String markdown, Kind kind, int line, int column, String message) {
    PostError error = error(markdown);
    assertThat(error).isEqualTo(PostError.at(kind, line, column, message));
  }

  private static void assertTooDeep(String markdown, int line, int column) {
    assertRejected(markdown, Kind.NESTED_TOO_DEEPLY, line, column, DEEP_MARKDOWN);
  }

  private static void assertParsed(String markdown) {
    assertThat(run("posts/ok.md", markdown)).isInstanceOf(ParseResult.Parsed.class);
  }

  @Nested
  class BlockNesting {

    @Test
    void thirtyTwoNestedQuotesRenderAndThirtyThreeAreRejectedAtTheLastMarker() {
      String html = post("# T\n\n" + "> ".repeat(32) + "deep\n").bodyHtml();
      assertThat(html).startsWith("<blockquote>\n".repeat(32) + "<p>deep</p>");
      assertTooDeep("# T\n\n" + "> ".repeat(33) + "deep\n", 3, 65);
    }

    @Test
    void thirtyTwoNestedListsRenderAndThirtyThreeAreRejected() {
      assertParsed("# T\n\n" + "- ".repeat(32) + "x\n");
      assertTooDeep("# T\n\n" + "- ".repeat(33) + "x\n", 3, 65);
      assertTooDeep("# T\n\n" + "1. ".repeat(33) + "x\n", 3, 98);
    }

    @Test
    void sixtyFourColumnsOfIndentationAreThirtyTwoLevelsAndSixtySixAreTooMany() {
      assertParsed("# T\n\n" + " ".repeat(64) + "x\n");
      assertParsed("# T\n\n" + " ".repeat(65) + "x\n");
      assertTooDeep("# T\n\n" + " ".repeat(66) + "x\n", 3, 67);
    }

    @Test
    void aTabIndentsToTheNextMultipleOfFourColumns() {
      assertParsed("# T\n\n" + "\t".repeat(16) + "x\n");
      assertTooDeep("# T\n\n" + "\t".repeat(16) + "  x\n", 3, 19);
      // a space then a tab is four columns, not five or two
      assertParsed("# T\n\n" + " \t".repeat(16) + "x\n");
      assertTooDeep("# T\n\n" + " \t".repeat(16) + "  x\n", 3, 35);
      assertTooDeep("# T\n\n" + "  \t".repeat(16) + "  x\n", 3, 51);
    }

    @Test
    void indentationAndMarkersAddUp() {
      assertParsed("# T\n\n" + " ".repeat(62) + "> x\n");
      assertTooDeep("# T\n\n" + " ".repeat(62) + "> > x\n", 3, 65);
    }

    @Test
    void linesInsideAFencedCodeBlockAreNotNesting() {
      String html = post("# T\n\n```\n" + "> ".repeat(40) + "x\n```\n").bodyHtml();
      assertThat(html).contains("&gt; &gt; &gt;");
      assertParsed("# T\n\n~~~~\n" + " ".repeat(80) + "x\n~~~~\n");
    }

    @Test
    void linesAfterTheFenceClosesAreCountedAgain() {
      assertTooDeep("# T\n\n```\ncode\n```\n" + "> ".repeat(33) + "x\n", 6, 65);
    }

    @Test
    void theLineIsCountedFromTheTopOfTheFileAfterFrontMatter() {
      assertTooDeep("---\ntitle: T\n---\n\n" + "> ".repeat(33) + "x\n", 5, 65);
    }
  }

  /**
   * {@code Nesting.checkTree} bounds the parsed tree (emphasis inside emphasis); the pipeline also
   * catches a {@link StackOverflowError} from the renderer with the same kind of error. These tests
   * are at depths where nothing overflows, so only the tree check can refuse them, and it names the
   * line and column of the deepest node, which a stack overflow cannot.
   */
  @Nested
  class TreeDepth {

    @Test
    void emphasisNinetySixNodesDeepRenders() {
      // 188 asterisks each side: 94 nested <strong>, the text 96 levels below the document
      String html = post("# T\n\nab " + "*".repeat(188) + "a" + "*".repeat(188) + "\n").bodyHtml();
      assertThat(html).contains("<strong>".repeat(94) + "a" + "</strong>".repeat(94));
    }

    @Test
    void emphasisNinetySevenNodesDeepIsRejectedAtTheDeepestNode() {
      assertTooDeep("# T\n\nab " + "*".repeat(189) + "a" + "*".repeat(189) + "\n", 3, 193);
    }

    @Test
    void theDeepestNodeIsFoundOnItsOwnLineBelowFrontMatter() {
      assertTooDeep(
          "---\ntitle: T\n---\n\nfirst\nab " + "*".repeat(189) + "a" + "*".repeat(189) + "\n",
          6,
          193);
    }

    @Test
    void thousandsOfNestedEmphasisAreRejectedByTheTreeCheckWithAPosition() {
      PostError error = error("# T\n\n" + "*".repeat(5_000) + "a" + "*".repeat(5_000));
      assertThat(error.kind()).isEqualTo(Kind.NESTED_TOO_DEEPLY);
      assertThat(error.hasPosition()).isTrue();
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.message()).isEqualTo(DEEP_MARKDOWN);
    }
  }

  @Nested
  class FrontMatterBrackets {

    private static final String DEEP_YAML =
        "front matter nests lists or maps more than 20 levels deep";

    @Test
    void twentyNestedListsAreReadAndTheTwentyFirstBracketIsRejected() {
      assertThat(post("---\na: " + "[".repeat(20) + "]".repeat(20) + "\n---\n# T\n").params())
          .containsKey("a");
      assertRejected(
          "---\na: " + "[".repeat(21) + "]".repeat(21) + "\n---\n# T\n",
          Kind.NESTED_TOO_DEEPLY,
          2,
          24,
          DEEP_YAML);
    }

    @Test
    void twentyUnclosedBracketsAreASyntaxErrorNotNesting() {
      assertThat(error("---\na: " + "[".repeat(20) + "\n---\n# T\n").kind())
          .isEqualTo(Kind.YAML_SYNTAX);
      assertThat(error("---\na: " + "[".repeat(21) + "\n---\n# T\n").kind())
          .isEqualTo(Kind.NESTED_TOO_DEEPLY);
    }

    @Test
    void bracesCountLikeBrackets() {
      assertRejected(
          "---\na: " + "{".repeat(21) + "\n---\n# T\n", Kind.NESTED_TOO_DEEPLY, 2, 24, DEEP_YAML);
      assertRejected(
          "---\na: " + "[{".repeat(11) + "\n---\n# T\n", Kind.NESTED_TOO_DEEPLY, 2, 24, DEEP_YAML);
    }

    @Test
    void closingBracketsReduceTheDepthSoManyShallowListsAreFine() {
      var params =
          post("---\na: ["
                  + "[], ".repeat(30)
                  + "[]]\nb: ["
                  + "{}, ".repeat(30)
                  + "{}]\n---\n# T\n")
              .params();
      assertThat((java.util.List<?>) params.get("a")).hasSize(31);
      assertThat((java.util.List<?>) params.get("b")).hasSize(31);
    }

    @Test
    void theLineAndColumnAreThoseOfTheBracketTooManyOnALaterLine() {
      assertRejected(
          "---\ntitle: T\ntags: " + "[".repeat(21) + "\n---\nText\n",
          Kind.NESTED_TOO_DEEPLY,
          3,
          27,
          DEEP_YAML);
    }

    @Test
    void aQuoteClosesAndBracketsAfterItCountAgain() {
      // the 21st bracket: "a: [" is 4 columns, "x", is 5 more, then 20 brackets
      assertRejected(
          "---\na: [\"x\", " + "[".repeat(20) + "\n---\n# T\n",
          Kind.NESTED_TOO_DEEPLY,
          2,
          29,
          DEEP_YAML);
      assertRejected(
          "---\na: [\"it's\", " + "[".repeat(20) + "\n---\n# T\n",
          Kind.NESTED_TOO_DEEPLY,
          2,
          32,
          DEEP_YAML);
    }

    @Test
    void bracketsInQuotesDoNotCount() {
      String brackets = "[".repeat(30);
      assertThat(post("---\na: \"" + brackets + "\"\nb: '" + brackets + "'\n---\n# T\n").params())
          .containsEntry("a", brackets)
          .containsEntry("b", brackets);
    }

    @Test
    void aCommentAtTheStartOrAfterABlankHidesBracketsToTheEndOfItsLineOnly() {
      String brackets = "[".repeat(30);
      assertThat(post("---\n# " + brackets + "\ntitle: T\n---\nText\n").title()).isEqualTo("T");
      assertThat(post("---\ntitle: T # " + brackets + "\n---\nText\n").title()).isEqualTo("T");
      assertRejected(
          "---\na: 1 # " + brackets + "\nb: " + "[".repeat(21) + "\n---\n# T\n",
          Kind.NESTED_TOO_DEEPLY,
          3,
          24,
          DEEP_YAML);
    }

    @Test
    void aHashInsideAWordStartsNoComment() {
      assertRejected(
          "---\na: x# " + "[".repeat(21) + "\n---\n# T\n",
          Kind.NESTED_TOO_DEEPLY,
          2,
          27,
          DEEP_YAML);
    }

    @Test
    void frontMatterThatIsNullOrOnlyACommentIsNone() {
      assertThat(post("---\nnull\n---\n# Title\n").title()).isEqualTo("Title");
      assertThat(post("---\n~\n---\n# Title\n").title()).isEqualTo("Title");
      assertThat(post("---\n# nothing here\n---\n# Title\n").title()).isEqualTo("Title");
    }
  }

  /**
   * Block-style nesting (indentation) has no brackets for the reader to count: the conversion of
   * values checks the depth itself.
   */
  @Nested
  class FrontMatterBlockNesting {

    private static String nestedMaps(int levels) {
      StringBuilder yaml = new StringBuilder("deep:\n");
      for (int i = 1; i <= levels; i++) {
        yaml.append("  ".repeat(i)).append("a:").append(i == levels ? " x" : "").append('\n');
      }
      return "---\n" + yaml + "---\n# T\n";
    }

    @Test
    void twentyNestedMapsAreReadAndTwentyOneAreRejected() {
      Object value = post(nestedMaps(20)).params().get("deep");
      for (int i = 0; i < 19; i++) {
        value = ((java.util.Map<?, ?>) value).get("a");
      }
      assertThat(value).isEqualTo(java.util.Map.of("a", "x"));
      assertRejected(
          nestedMaps(21), Kind.NESTED_TOO_DEEPLY, 23, 43, "front matter is nested too deeply");
    }

    @Test
    void twentyNestedBlockListsAreReadAndTwentyOneAreRejected() {
      assertThat(post("---\ndeep:\n" + "- ".repeat(20) + "x\n---\n# T\n").params())
          .containsKey("deep");
      assertThat(error("---\ndeep:\n" + "- ".repeat(21) + "x\n---\n# T\n").kind())
          .isEqualTo(Kind.NESTED_TOO_DEEPLY);
    }

    @Test
    void tenThousandValuesAreReadAndOneMoreIsRefused() {
      // the list itself is one value
      assertThat(
              (java.util.List<?>)
                  post("---\nbig: [" + "0, ".repeat(9_998) + "0]\n---\n# T\n").params().get("big"))
          .hasSize(9_999);
      assertRejected(
          "---\nbig: [" + "0, ".repeat(9_999) + "0]\n---\n# T\n",
          Kind.YAML_SYNTAX,
          2,
          30_004,
          "front matter expands to more than 10000 values (too many aliases?)");
    }
  }

  /**
   * CommonMark runs a {@code <style>} or {@code <pre>} block to its closing tag: a closing tag
   * earlier in the post closes nothing.
   */
  @Nested
  class UnclosedRawText {

    private static String unclosed(String tag, int line, int column) {
      return "<"
          + tag
          + "> at "
          + line
          + ":"
          + column
          + " is never closed; everything after it would be dropped. Add </"
          + tag
          + "> where it should end";
    }

    @Test
    void aClosingStyleBeforeTheOpeningOneClosesNothing() {
      assertRejected(
          "# T\n\nText </style> here.\n\n<style>\np {}\n",
          Kind.UNCLOSED_HTML,
          5,
          1,
          unclosed("style", 5, 1));
    }

    @Test
    void aClosingPreBeforeTheOpeningOneClosesNothing() {
      assertRejected(
          "# T\n\nText </pre> here.\n\n<pre>\ncode\n",
          Kind.UNCLOSED_HTML,
          5,
          1,
          unclosed("pre", 5, 1));
    }

    @Test
    void aClosingStyleEarlierInTheSameBlockClosesNothing() {
      assertRejected(
          "# T\n\n<div></style><style>\n", Kind.UNCLOSED_HTML, 3, 14, unclosed("style", 3, 14));
    }

    @Test
    void aClosingPreJustBeforeAnIndentedPreClosesNothing() {
      assertRejected(
          "# T\n\nText </pre>\n\n   <pre>\ncode\n",
          Kind.UNCLOSED_HTML,
          5,
          4,
          unclosed("pre", 5, 4));
    }

    @Test
    void aClosingTagAfterTheOpeningOneClosesIt() {
      assertThat(post("# T\n\n<style>\np {}\n</style>\n\nText\n").bodyHtml())
          .isEqualTo("\n<p>Text</p>\n");
    }

    @Test
    void theErrorNamesTheOpeningTagNotALaterOne() {
      assertRejected(
          "# T\n\n<style>\na <style> b\n", Kind.UNCLOSED_HTML, 3, 1, unclosed("style", 3, 1));
    }

    @Test
    void theErrorNamesTheBlockThatIsUnclosedNotAnEarlierClosedOne() {
      assertRejected(
          "# T\n\n<style>a{}</style>\n\ntext\n\n<style>\nb{}\n",
          Kind.UNCLOSED_HTML,
          7,
          1,
          unclosed("style", 7, 1));
    }

    @Test
    void anInlineTagIsNamedAtItsColumn() {
      assertRejected(
          "# T\n\nSome <textarea> text\n", Kind.UNCLOSED_HTML, 3, 6, unclosed("textarea", 3, 6));
    }
  }
}
