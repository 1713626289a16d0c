package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Markdown without front matter: title, date and summary are inferred. */
class PlainMarkdownTest {

  @Nested
  class Titles {

    @Test
    void theFirstLevelOneHeadingIsTheTitleAndLeavesTheBody() {
      Post post = post("# My *first* post\n\nHello there.");
      assertThat(post.title()).isEqualTo("My first post");
      assertThat(post.bodyHtml()).isEqualTo("<p>Hello there.</p>\n");
    }

    @Test
    void aSetextHeadingCountsAsLevelOne() {
      Post post = post("Setext title\n============\n\nBody.");
      assertThat(post.title()).isEqualTo("Setext title");
      assertThat(post.bodyHtml()).doesNotContain("Setext title");
    }

    @Test
    void theFirstLevelOneHeadingWinsOverEarlierText() {
      Post post = post("Intro line.\n\n# Real title\n\nMore.");
      assertThat(post.title()).isEqualTo("Real title");
      assertThat(post.bodyHtml()).contains("Intro line.").doesNotContain("Real title");
    }

    @Test
    void withoutALevelOneHeadingTheFirstNonEmptyLineIsTheTitle() {
      Post post = post("\n\nNotes from the **road**\nSecond line stays.\n\nNext paragraph.");
      assertThat(post.title()).isEqualTo("Notes from the road");
      assertThat(post.bodyHtml())
          .doesNotContain("Notes from the")
          .contains("Second line stays.")
          .contains("Next paragraph.");
    }

    @Test
    void aLevelTwoHeadingOnTheFirstLineIsUsedWithoutItsHashes() {
      Post post = post("## Small title\n\nText.");
      assertThat(post.title()).isEqualTo("Small title");
      assertThat(post.bodyHtml()).isEqualTo("<p>Text.</p>\n");
    }

    @Test
    void aFileThatStartsWithCodeIsTitledFromItsFileName() {
      Post post = post("posts/2024-08-05-my_first-post.md", "```\ncode\n```\n");
      assertThat(post.title()).isEqualTo("My first post");
      assertThat(post.bodyHtml()).contains("<pre tabindex=\"0\"><code>code");
    }

    @Test
    void anEmptyFileIsTitledFromItsFileName() {
      assertThat(post("posts/hello-world.md", "").title()).isEqualTo("Hello world");
    }

    @Test
    void frontMatterWithoutATitleFallsBackToTheHeading() {
      assertThat(post("---\ntags: [a]\n---\n# From heading\n").title()).isEqualTo("From heading");
    }

    @Test
    void aFrontMatterTitleLeavesTheHeadingInTheBody() {
      Post post = post("---\ntitle: Given\n---\n# Heading\n");
      assertThat(post.title()).isEqualTo("Given");
      assertThat(post.bodyHtml()).contains("<h1 id=\"heading\">Heading</h1>");
    }
  }

  @Nested
  class Dates {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "August 5, 2024",
          "Aug 5, 2024",
          "Aug. 5 2024",
          "5 August 2024",
          "5th August 2024",
          "2024-08-05",
          "*August 5, 2024*",
          "_Aug 5, 2024_",
          "**Monday, August 5, 2024**",
        })
    void aDateAloneOnALineNearTheTopIsThePublicationDate(String line) {
      Post post = post("# Title\n\n" + line + "\n\nBody text.");
      assertThat(post.date()).isEqualTo(Instant.parse("2024-08-05T00:00:00Z"));
      assertThat(post.bodyHtml()).isEqualTo("<p>Body text.</p>\n");
    }

    @Test
    void theDateLineMayComeBeforeTheTitle() {
      Post post = post("2024-08-05\n# Title\n\nBody.");
      assertThat(post.date()).isEqualTo(Instant.parse("2024-08-05T00:00:00Z"));
      assertThat(post.title()).isEqualTo("Title");
    }

    @Test
    void aDateInsideASentenceIsNotADateLine() {
      Post post = post("# Title\n\nOn August 5, 2024 we shipped.");
      assertThat(post.date()).isEqualTo(Pipelines.LAST_MODIFIED);
      assertThat(post.bodyHtml()).contains("August 5, 2024");
    }

    @Test
    void aDateLineFarDownThePostIsNotThePublicationDate() {
      Post post = post("# T\n\na\n\nb\n\nc\n\nd\n\ne\n\nAugust 5, 2024\n");
      assertThat(post.date()).isEqualTo(Pipelines.LAST_MODIFIED);
      assertThat(post.bodyHtml()).contains("August 5, 2024");
    }

    @Test
    void anImpossibleDateLineIsJustText() {
      Post post = post("# T\n\nFebruary 30, 2024\n");
      assertThat(post.date()).isEqualTo(Pipelines.LAST_MODIFIED);
      assertThat(post.bodyHtml()).contains("February 30, 2024");
    }

    @Test
    void aDateInsideACodeFenceIsIgnored() {
      Post post = post("# T\n\n```\n2024-08-05\n```\n");
      assertThat(post.date()).isEqualTo(Pipelines.LAST_MODIFIED);
    }

    @Test
    void withoutADateLineTheObjectLastModifiedTimeIsUsed() {
      assertThat(post("# T\n\nText.").date()).isEqualTo(Pipelines.LAST_MODIFIED);
    }

    @Test
    void aJekyllStyleFileNameDateComesBeforeLastModified() {
      assertThat(post("posts/2021-02-03-hello.md", "# T\n").date())
          .isEqualTo(Instant.parse("2021-02-03T00:00:00Z"));
    }

    @Test
    void frontMatterPostsDoNotTakeADateFromTheBody() {
      Post post = post("---\ntitle: T\n---\nAugust 5, 2024\n");
      assertThat(post.date()).isEqualTo(Pipelines.LAST_MODIFIED);
      assertThat(post.bodyHtml()).contains("August 5, 2024");
    }
  }

  @Nested
  class Summaries {

    @Test
    void theFirstRealParagraphIsTheSummary() {
      Post post =
          post("# T\n\n![just an image](/a.png)\n\nThe *real* first [paragraph](/x).\n\nSecond.");
      assertThat(post.summary()).isEqualTo("The real first paragraph.");
    }

    @Test
    void longParagraphsAreCutAtAWordWithAnEllipsis() {
      String words = "word ".repeat(200);
      Post post = post("# T\n\n" + words);
      assertThat(post.summary())
          .hasSizeLessThanOrEqualTo(Inference.SUMMARY_LENGTH)
          .endsWith("word\u2026");
    }

    @Test
    void rawHtmlIsLeftOutOfTheSummary() {
      assertThat(post("# T\n\nHello <b>bold</b> world.").summary()).isEqualTo("Hello bold world.");
    }

    @Test
    void aPostWithoutParagraphsHasAnEmptySummary() {
      assertThat(post("# T\n\n- a list\n").summary()).isEqualTo("a list");
      assertThat(post("# T\n\n```\ncode\n```\n").summary()).isEmpty();
    }
  }

  @Nested
  class Counts {

    @Test
    void wordsAreCountedInTheRenderedText() {
      Post post = post("# Title words\n\nOne two three, four-five *six* [seven](/x).\n\n- eight\n");
      assertThat(post.wordCount()).isEqualTo(7);
    }

    @Test
    void readingTimeRoundsUpAndIsAtLeastOneMinute() {
      assertThat(post("# T\n\nshort").readingMinutes()).isEqualTo(1);
      assertThat(post("# T\n\n" + "word ".repeat(221)).readingMinutes()).isEqualTo(2);
    }

    @Test
    void theContentHashChangesWithTheTextOnly() {
      Post a = post("posts/a.md", "# T\n\nText.");
      Post b = post("posts/b.md", "# T\r\n\r\nText.");
      Post c = post("posts/a.md", "# T\n\nText!");
      assertThat(a.contentHash())
          .hasSize(64)
          .isEqualTo(b.contentHash())
          .isNotEqualTo(c.contentHash());
    }
  }
}
