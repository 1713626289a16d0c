package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static inkwell.pipeline.Pipelines.run;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.post.TocEntry;
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
    void aHeadingFromTheMiddleOfThePostIsNeverTheTitle() {
      Post post = post("Intro line.\n\n# Real title\n\nMore.");
      assertThat(post.title()).isEqualTo("Intro line.");
      assertThat(post.bodyHtml()).doesNotContain("Intro line.").contains("Real title");
    }

    @Test
    void aHeadingAfterAParagraphLeavesTheFileNameAsTheTitle() {
      Post post =
          post("posts/2024-08-05-road_notes.md", "A first paragraph\ngoes on.\n\n# Later\n");
      assertThat(post.title()).isEqualTo("Road notes");
      assertThat(post.bodyHtml()).contains("A first paragraph\ngoes on.").contains("Later");
    }

    @Test
    void aShortFirstLineStandingAloneIsTheTitle() {
      Post post = post("\n\nNotes from the **road**\n\nNext paragraph.");
      assertThat(post.title()).isEqualTo("Notes from the road");
      assertThat(post.bodyHtml()).isEqualTo("<p>Next paragraph.</p>\n");
    }

    @Test
    void aFirstLineThatAParagraphGoesOnAfterIsNeverCutOut() {
      Post post =
          post("posts/wrapped.md", "See [the long\nlink](https://x.example) here.\n\nMore.");
      assertThat(post.title()).isEqualTo("Wrapped");
      assertThat(post.bodyHtml()).contains("<a href=\"https://x.example\">the long\nlink</a>");
    }

    @Test
    void aLongFirstLineIsNoTitle() {
      Post post = post("posts/long.md", "word ".repeat(30) + "\n\nMore.");
      assertThat(post.title()).isEqualTo("Long");
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
    void anEmptyFileIsRejectedRatherThanPublishedBlank() {
      PostError error = error(run("posts/hello-world.md", ""));
      assertThat(error.kind()).isEqualTo(Kind.EMPTY);
      assertThat(error.message()).contains("no title and no text");
    }

    @Test
    void aFileOfBlankLinesIsRejectedAsEmpty() {
      assertThat(error(run("posts/blank.md", "\n  \n\t\n")).kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    void frontMatterWithNeitherTitleNorBodyIsRejectedAsEmpty() {
      assertThat(error(run("posts/tags-only.md", "---\ntags: [a]\n---\n\n")).kind())
          .isEqualTo(Kind.EMPTY);
    }

    @Test
    void frontMatterWithATitleAndNoBodyIsAPost() {
      assertThat(post("---\ntitle: Just a title\n---\n").title()).isEqualTo("Just a title");
    }

    @Test
    void frontMatterWithoutATitleFallsBackToTheHeading() {
      assertThat(post("---\ntags: [a]\n---\n# From heading\n").title()).isEqualTo("From heading");
    }

    @Test
    void aFrontMatterTitleLeavesTheHeadingInTheBodyOneLevelDown() {
      Post post = post("---\ntitle: Given\n---\n# Heading\n");
      assertThat(post.title()).isEqualTo("Given");
      assertThat(post.bodyHtml()).isEqualTo("<h2 id=\"heading\">Heading</h2>\n");
    }
  }

  @Nested
  class Pages {

    @Test
    void aFileUnderThePagesPrefixIsAPageWhoseSlugLeavesThePrefixOut() {
      Post page = post("pages/About Me.md", "# About me\n\nHello.");
      assertThat(page.page()).isTrue();
      assertThat(page.slug()).isEqualTo("about-me");
      assertThat(page.title()).isEqualTo("About me");
    }

    @Test
    void aFileUnderThePostsPrefixIsNoPage() {
      assertThat(post("posts/about.md", "# About\n").page()).isFalse();
    }

    @Test
    void withAnEmptyPagesPrefixThereAreNoPages() {
      PostPipeline pipeline = PostPipeline.builder().pagesPrefix("").build();
      assertThat(pipeline.isPage("pages/about.md")).isFalse();
    }
  }

  @Nested
  class OneLevelOneHeading {

    @Test
    void bodyHeadingsMoveDownALevelWhenTheTitleComesFromFrontMatter() {
      Post post = post("---\ntitle: Given\n---\n# A\n\n## B\n\n##### E\n\n###### F\n");
      assertThat(post.bodyHtml())
          .isEqualTo(
              "<h2 id=\"a\">A</h2>\n<h3 id=\"b\">B</h3>\n<h6 id=\"e\">E</h6>\n"
                  + "<h6 id=\"f\">F</h6>\n");
    }

    @Test
    void aSecondLevelOneHeadingMovesEveryBodyHeadingDown() {
      Post post = post("# Title\n\n## Intro\n\n# Part two\n");
      assertThat(post.title()).isEqualTo("Title");
      assertThat(post.bodyHtml())
          .isEqualTo("<h3 id=\"intro\">Intro</h3>\n<h2 id=\"part-two\">Part two</h2>\n");
    }

    @Test
    void headingsStayWhereTheyAreWhenTheTitleWasTheOnlyLevelOne() {
      assertThat(post("# Title\n\n## Intro\n").bodyHtml())
          .isEqualTo("<h2 id=\"intro\">Intro</h2>\n");
    }

    @Test
    void theTableOfContentsFollowsTheNewLevelsAndKeepsTheAnchors() {
      Post post = post("---\ntitle: Given\n---\n# One\n\n## Two\n\n### Three\n\n#### Four\n");
      assertThat(post.toc())
          .containsExactly(
              new TocEntry(2, "one", "One"),
              new TocEntry(3, "two", "Two"),
              new TocEntry(4, "three", "Three"));
      assertThat(post.bodyHtml()).contains("<h2 id=\"one\">", "<h5 id=\"four\">");
    }

    @Test
    void aLevelOneHeadingInsideAQuoteMovesDownWhenTheTitleIsTheFirstLine() {
      Post post = post("Intro text\n\n> # Quoted\n");
      assertThat(post.title()).isEqualTo("Intro text");
      assertThat(post.bodyHtml()).contains("<h2 id=\"quoted\">Quoted</h2>");
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
