package inkwell.preview;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.MenuPlace;
import inkwell.post.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample posts in {@code examples/} parse, and between them show every feature. */
class SamplePostsTest {

  private static final Path POSTS = Path.of("examples/posts");
  private static final List<Post> SAMPLES = new ArrayList<>();

  @BeforeAll
  static void parseAll() throws IOException {
    FolderSource source = new FolderSource(POSTS, "posts/");
    try (Stream<Path> files = Files.walk(POSTS)) {
      for (Path file : files.filter(FolderWatcher::isMarkdown).toList()) {
        ParseResult result =
            PostPipeline.create()
                .parse(new Source(source.keyOf(file), Files.readAllBytes(file), Instant.EPOCH));
        assertThat(result).as(file.toString()).isInstanceOf(ParseResult.Parsed.class);
        SAMPLES.add(((ParseResult.Parsed) result).post());
      }
    }
  }

  private static boolean any(java.util.function.Predicate<Post> test) {
    return SAMPLES.stream().anyMatch(test);
  }

  @Test
  void theSamplesHaveAnAboutPageInTheMenu() throws IOException {
    Path about = Path.of("examples/pages/about.md");
    ParseResult result =
        PostPipeline.create()
            .parse(new Source("pages/about.md", Files.readAllBytes(about), Instant.EPOCH));
    Post page = ((ParseResult.Parsed) result).post();
    assertThat(page.page()).isTrue();
    assertThat(page.slug()).isEqualTo("about");
    assertThat(page.menu()).isEqualTo(new MenuPlace(1, "About"));
  }

  @Test
  void thereAreAboutSixSamples() {
    assertThat(SAMPLES).hasSizeBetween(5, 8);
  }

  @Test
  void theSamplesShowEveryFeature() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(any(p -> p.draft())).as("a draft").isTrue();
    assertThat(any(p -> !p.draft() && p.visibleFrom().isAfter(now)))
        .as("a scheduled post")
        .isTrue();
    assertThat(any(p -> p.bodyHtml().contains("<table"))).as("a table").isTrue();
    assertThat(any(p -> p.bodyHtml().contains("class=\"language-"))).as("code").isTrue();
    assertThat(any(p -> p.bodyHtml().contains("<span class=\"tok-keyword\">")))
        .as("highlighted code")
        .isTrue();
    assertThat(any(p -> p.bodyHtml().contains("footnote-ref"))).as("footnotes").isTrue();
    assertThat(any(p -> p.bodyHtml().contains("type=\"checkbox\""))).as("task lists").isTrue();
    assertThat(any(p -> p.bodyHtml().contains("<img src=\"/media/"))).as("an image").isTrue();
    assertThat(any(p -> !p.tags().isEmpty())).as("tags").isTrue();
    assertThat(any(p -> !p.aliases().isEmpty())).as("an alias").isTrue();
    assertThat(any(p -> p.slug().contains("/"))).as("a nested post").isTrue();
  }

  @Test
  void onePostHasNoFrontMatterAndGetsItsTitleAndDateInferred() throws IOException {
    Path plain = POSTS.resolve("plain-markdown-notes.md");
    assertThat(Files.readString(plain)).doesNotStartWith("---");
    Post post =
        SAMPLES.stream()
            .filter(p -> p.sourceKey().equals("posts/plain-markdown-notes.md"))
            .findFirst()
            .orElseThrow();
    assertThat(post.title()).isEqualTo("Notes from a plain Markdown file");
    assertThat(post.date()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
  }

  @Test
  void theImagesTheSamplesUseExist() {
    for (Post post : SAMPLES) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("src=\"/media/([^\"]+)\"").matcher(post.bodyHtml());
      while (m.find()) {
        assertThat(Path.of("examples/media", m.group(1))).as(post.sourceKey()).exists();
      }
    }
  }
}
