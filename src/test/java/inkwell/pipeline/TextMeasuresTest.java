package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.LAST_MODIFIED;
import static inkwell.pipeline.Pipelines.PIPELINE;
import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Word count, reading time and summary, the cut of long text, and positions in the source. */
class TextMeasuresTest {

  private static final String POST_WITH_CODE =
      "# Title\n\n"
          + "Intro words here.\n\n"
          + "```java\nint x = 1;\n```\n\n"
          + "Run `git push` now.\n";

  @Nested
  class APostWithCode {

    @Test
    void itsWordsIncludeTheWordsOfItsCode() {
      // Intro, words, here; int, x, 1; Run, git, push, now: the title is not counted
      assertThat(post(POST_WITH_CODE).wordCount()).isEqualTo(10);
    }

    @Test
    void itsReadingTimeIsAtLeastOneMinute() {
      assertThat(post(POST_WITH_CODE).readingMinutes()).isEqualTo(1);
    }

    @Test
    void itsSummaryIsTheFirstParagraphNotTheCode() {
      assertThat(post("# T\n\n```\ncode first\n```\n\nThen `prose` here.\n").summary())
          .isEqualTo("Then prose here.");
      assertThat(post(POST_WITH_CODE).summary()).isEqualTo("Intro words here.");
    }

    @Test
    void aParagraphOfImagesIsNoSummary() {
      assertThat(post("# T\n\n![a](a.png) ![b](b.png)\n\nThe text.\n").summary())
          .isEqualTo("The text.");
    }

    @Test
    void aPostOfOnlyCodeHasAnEmptySummary() {
      Post post = post("# T\n\n```\nx\n```\n");
      assertThat(post.summary()).isEmpty();
      assertThat(post.wordCount()).isEqualTo(1);
    }
  }

  @Nested
  class WordsAndMinutes {

    @ParameterizedTest(name = "[{0}] is {1} words")
    @CsvSource(
        delimiter = '|',
        value = {
          "one two three          | 3",
          "don't stop             | 2",
          "it\u2019s well-known   | 2",
          "a - b                  | 2",
          "trailing- word         | 2",
          "café naïve 日本語       | 3",
          "x1 2y 3                | 3",
          "...!?                  | 0",
        })
    void aWordIsARunOfLettersAndDigitsJoinedByApostrophesAndHyphens(String text, int words) {
      assertThat(post("# T\n\n" + text + "\n").wordCount()).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} words -> {1} min")
    @CsvSource({"1, 1", "219, 1", "220, 1", "221, 2", "440, 2", "441, 3"})
    void readingTimeRoundsUpAt220WordsAMinute(int words, int minutes) {
      Post post = post("# T\n\n" + "word ".repeat(words) + "\n");
      assertThat(post.wordCount()).isEqualTo(words);
      assertThat(post.readingMinutes()).isEqualTo(minutes);
    }

    @Test
    void anotherPaceIsAPipelineSetting() {
      PostPipeline slow = PostPipeline.builder().wordsPerMinute(1).build();
      Post post =
          ((ParseResult.Parsed)
                  slow.parse(
                      new inkwell.pipeline.Source(
                          "posts/a.md",
                          "# T\n\none two three\n".getBytes(StandardCharsets.UTF_8),
                          LAST_MODIFIED)))
              .post();
      assertThat(post.readingMinutes()).isEqualTo(3);
    }

    @Test
    void thePaceAndTheSizeLimitMustBePositive() {
      assertThatThrownBy(() -> PostPipeline.builder().wordsPerMinute(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("wordsPerMinute must be positive: 0");
      assertThatThrownBy(() -> PostPipeline.builder().maxSourceBytes(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("maxSourceBytes must be positive: 0");
      PostPipeline.builder().wordsPerMinute(1).maxSourceBytes(1);
    }

    @Test
    void aOneByteLimitRefusesTwoBytes() {
      PostPipeline tiny = PostPipeline.builder().maxSourceBytes(1).build();
      ParseResult result =
          tiny.parse(
              new inkwell.pipeline.Source("posts/a.md", new byte[] {'a', 'b'}, LAST_MODIFIED));
      assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    }
  }

  @Nested
  class Shortening {

    @ParameterizedTest(name = "[{0}] at {1} -> [{2}]")
    @CsvSource(
        delimiter = '|',
        value = {
          "abcde     | 5 | abcde",
          "abcdef    | 5 | abcd\u2026",
          "abcd efgh | 6 | abcd\u2026",
          "abc defgh | 6 | abc d\u2026",
          "ab cdefgh | 6 | ab cd\u2026",
          "abcd efgh | 7 | abcd\u2026",
          "abc defgh | 7 | abc de\u2026",
          "abcdef gh | 6 | abcde\u2026",
          "abcde fgh | 6 | abcde\u2026",
        })
    void longTextIsCutAtAWordPastHalfwayElseInTheWord(String text, int max, String shortened) {
      assertThat(Inference.shorten(text, max)).isEqualTo(shortened);
    }

    @Test
    void aSummaryOf300CharactersIsWholeAndOneOf301IsCut() {
      String exact = "a".repeat(296) + " bcd";
      assertThat(post("# T\n\n" + exact + "\n").summary()).isEqualTo(exact);
      String over = "a".repeat(296) + " bcde";
      assertThat(post("# T\n\n" + over + "\n").summary()).isEqualTo("a".repeat(296) + "\u2026");
    }
  }

  @Nested
  class SourcePositions {

    private PostError errorOf(byte[] bytes) {
      return Pipelines.error(
          PIPELINE.parse(new inkwell.pipeline.Source("posts/odd.md", bytes, LAST_MODIFIED)));
    }

    private byte[] bytes(String before, int... raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
      for (int b : raw) {
        out.write(b);
      }
      return out.toByteArray();
    }

    @ParameterizedTest(name = "NUL in [{0}] at {1}:{2}")
    @MethodSource("inkwell.pipeline.TextMeasuresTest#nulBytes")
    void aNulByteIsPlacedByLineAndColumnWhateverTheLineEndings(String text, int line, int column) {
      PostError error = error(text);
      assertThat(error.kind()).isEqualTo(Kind.NUL_BYTE);
      assertThat(error.line()).isEqualTo(line);
      assertThat(error.column()).isEqualTo(column);
    }

    @Test
    void badUtf8AfterACarriageReturnAtTheEndIsOnTheNextLine() {
      PostError error = errorOf(bytes("# T\r", 0xFF));
      assertThat(error.kind()).isEqualTo(Kind.NOT_UTF8);
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkAloneIsAnEmptyFile() {
      assertThat(errorOf(bytes("", 0xEF, 0xBB, 0xBF)).kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    void twoBytesOfAByteOrderMarkAreBadUtf8() {
      assertThat(errorOf(bytes("", 0xEF, 0xBB)).kind()).isEqualTo(Kind.NOT_UTF8);
    }
  }

  static Stream<Arguments> nulBytes() {
    return Stream.of(
        arguments("\0abc", 1, 1),
        arguments("a\0\nb", 1, 2),
        arguments("a\rb\0", 2, 2),
        arguments("a\r\nb\0", 2, 2),
        arguments("a\n\rbc\0", 3, 3),
        arguments("a\0\rb", 1, 2));
  }

  @Nested
  class PlainText {

    @ParameterizedTest(name = "[{0}] is {1} words")
    @CsvSource(
        delimiter = '|',
        value = {
          "alpha\\nbeta               | 2",
          "alpha  \\nbeta             | 2",
          "alpha\\n\\nbeta             | 2",
          "alpha\\n\\n    int x = 1;   | 4",
          "alpha `beta`gamma          | 2",
          "alpha\\n\\n```\\nint x = 1;\\n``` | 4",
          "un*believ*able **bold**ly  | 2",
        })
    void lineBreaksBlocksAndCodeSeparateWords(String markdown, int words) {
      assertThat(post("# T\n\n" + markdown.replace("\\n", "\n") + "\n").wordCount())
          .isEqualTo(words);
    }
  }

  @Nested
  class Titles {

    @Test
    void aFileWhoseFirstLineOpensCodeIsTitledByItsName() {
      Post post = post("posts/2024-08-05-my_first-post.md", "```java\ncode\n```\n");
      assertThat(post.title()).isEqualTo("My first post");
    }

    @Test
    void aFirstLineWithoutTextIsNoTitle() {
      assertThat(post("posts/some-name.md", "![](a.png)\n\nText.\n").title())
          .isEqualTo("Some name");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "posts/2024-08-05-my_first-post.md | My first post",
          "posts/notes.md                    | Notes",
          "posts/.hidden                     | .hidden",
          "posts/---.md                      | Untitled",
          "posts/2024-08-05-.md              | Untitled",
        })
    void aFileNameBecomesATitle(String key, String title) {
      assertThat(Inference.fileNameTitle(key)).isEqualTo(title);
    }

    @Test
    void aDateLineIsLookedForInTheFirstFiveNonBlankLinesOnly() {
      String fifth = "a\n\nb\n\nc\n\nd\n\n2024-08-05\n";
      assertThat(post("# T\n\n" + fifth.replaceFirst("a\n\n", "")).date())
          .isEqualTo(java.time.Instant.parse("2024-08-05T00:00:00Z"));
      assertThat(post("# T\n\n" + "x\n\n" + fifth.replaceFirst("a\n\n", "")).date())
          .isEqualTo(LAST_MODIFIED);
    }
  }

  @Nested
  class EntryPoints {

    @Test
    void theDefaultPipelineReadsAPost() {
      ParseResult result =
          PostPipeline.create()
              .parse(
                  new inkwell.pipeline.Source(
                      "posts/a.md", "# A\n\nb\n".getBytes(StandardCharsets.UTF_8), LAST_MODIFIED));
      assertThat(((ParseResult.Parsed) result).post().title()).isEqualTo("A");
    }

    @Test
    void textErrorsAreFoundBeforeAnUpload() {
      assertThat(PostPipeline.textError("ok".getBytes(StandardCharsets.UTF_8))).isEmpty();
      assertThat(PostPipeline.textError(new byte[] {'a', 0}).map(PostError::kind))
          .contains(Kind.NUL_BYTE);
    }

    @Test
    void theContentHashIsOfTheDecodedText() {
      assertThat(PostPipeline.contentHash(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}))
          .isEqualTo(inkwell.post.Hashes.sha256Hex("a"));
      assertThatThrownBy(() -> PostPipeline.contentHash(new byte[] {0}))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherPostsPrefixIsLeftOutOfSlugs() {
      PostPipeline blog = PostPipeline.builder().postsPrefix("blog/").build();
      ParseResult result =
          blog.parse(
              new inkwell.pipeline.Source(
                  "blog/x/y.md", "# T\n".getBytes(StandardCharsets.UTF_8), LAST_MODIFIED));
      assertThat(((ParseResult.Parsed) result).post().slug()).isEqualTo("x/y");
    }
  }

  @Nested
  class FrontMatterSlugs {

    @Test
    void aSlugWithASlashThatNormalisesToNothingKeepsTheFilesSlug() {
      assertThat(post("posts/my-file.md", "---\nslug: /%%/\n---\n# T\n").slug())
          .isEqualTo("my-file");
    }

    @Test
    void aSlugWithASlashReplacesTheWholePath() {
      assertThat(post("posts/2024/my-file.md", "---\nslug: /a/B c/\n---\n# T\n").slug())
          .isEqualTo("a/b-c");
    }

    @Test
    void aSlugWithoutASlashReplacesTheLastSegment() {
      assertThat(post("posts/2024/my-file.md", "---\nslug: Other\n---\n# T\n").slug())
          .isEqualTo("2024/other");
    }
  }
}
