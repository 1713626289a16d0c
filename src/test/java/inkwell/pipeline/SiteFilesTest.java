package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.PostError;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * References and images checked against the site's other files, through an in-memory {@link
 * SiteFiles}: a dangling {@code ref}/{@code post_url} is an error where the whole site is known and
 * a warning where it is not; a missing local image is a warning; remote images are never asked.
 */
class SiteFilesTest {

  private static final PostPipeline HUGO =
      PostPipeline.builder().permalinks(Permalinks.hugo(Map.of(), false)).build();
  private static final PostPipeline JEKYLL =
      PostPipeline.builder().permalinks(Permalinks.jekyll("pretty")).build();

  /** The files of a site, in memory; records every media path asked for. */
  record Files(Set<String> sources, Set<String> media, boolean complete, Set<String> asked)
      implements SiteFiles {
    Files(Set<String> sources, Set<String> media, boolean complete) {
      this(sources, media, complete, new java.util.TreeSet<>());
    }

    @Override
    public boolean hasSource(String key) {
      return sources.contains(key);
    }

    @Override
    public boolean hasMedia(String path) {
      asked.add(path);
      return media.contains(path);
    }
  }

  private static final String KEY = "posts/posts/2024-03-05-t.md";

  private static ParseResult run(PostPipeline pipeline, String key, String body, SiteFiles files) {
    String text = "---\ntitle: T\n---\n" + body;
    return pipeline.parse(
        new Source(key, text.getBytes(StandardCharsets.UTF_8), Pipelines.LAST_MODIFIED), files);
  }

  private static ParseResult.Parsed parsed(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return (ParseResult.Parsed) result;
  }

  private static String where(PostError e) {
    return e.kind() + " " + e.line() + ":" + e.column();
  }

  @Nested
  class References {

    @Test
    void aDanglingRefIsAnErrorWhenTheWholeSiteIsKnown() {
      ParseResult result =
          run(
              HUGO,
              KEY,
              "Intro.\n\nSee [it]({{< ref \"posts/gone.md\" >}}).\n",
              new Files(Set.of(KEY), Set.of(), true));
      PostError error = Pipelines.error(result);
      assertThat(where(error)).isEqualTo("BROKEN_REFERENCE 6:10");
      assertThat(error.message())
          .isEqualTo(
              "{{< ref \"posts/gone.md\" >}} names no file of the site (looked for"
                  + " posts/posts/gone.md, posts/posts/posts/gone.md)");
    }

    @Test
    void aDanglingRefIsAWarningWhereItsTargetMayComeLater() {
      ParseResult.Parsed parsed =
          parsed(
              run(
                  HUGO,
                  KEY,
                  "[it]({{< relref \"gone\" >}})\n",
                  new Files(Set.of(KEY), Set.of(), false)));
      assertThat(parsed.warnings())
          .extracting(SiteFilesTest::where)
          .containsExactly("BROKEN_REFERENCE 4:6");
      assertThat(parsed.post().bodyHtml()).contains("href=\"/gone/\"");
    }

    @Test
    void aRefToAFileThatExistsIsNoProblem() {
      Files files = new Files(Set.of(KEY, "posts/posts/other_one.md"), Set.of(), true);
      ParseResult.Parsed parsed =
          parsed(run(HUGO, KEY, "[o]({{< ref \"posts/other_one.md\" >}})\n", files));
      assertThat(parsed.warnings()).isEmpty();
      assertThat(parsed.post().bodyHtml()).contains("href=\"/posts/other-one/\"");
    }

    @Test
    void aRefIsFoundBesideThePostWithoutItsExtensionAndKeepsItsAnchor() {
      Files files = new Files(Set.of(KEY, "posts/posts/trip/index.md"), Set.of(), true);
      ParseResult.Parsed parsed =
          parsed(run(HUGO, KEY, "[t]({{< ref \"trip#day-2\" >}})\n", files));
      assertThat(parsed.warnings()).isEmpty();
      assertThat(parsed.post().bodyHtml()).contains("href=\"/posts/trip/#day-2\"");
    }

    @Test
    void aDanglingPostUrlIsAnError() {
      PostError error =
          Pipelines.error(
              run(
                  JEKYLL,
                  "posts/2024-03-05-t.md",
                  "Text [x]({% post_url 2023-01-02-gone %})\n",
                  new Files(Set.of("posts/2024-03-05-t.md"), Set.of(), true)));
      assertThat(where(error)).isEqualTo("BROKEN_REFERENCE 4:10");
      assertThat(error.message()).startsWith("{% post_url 2023-01-02-gone %} names no file");
    }

    @Test
    void aPostUrlToAPostThatExistsIsNoProblem() {
      Files files =
          new Files(Set.of("posts/2024-03-05-t.md", "posts/2023-01-02-new.md"), Set.of(), true);
      ParseResult.Parsed parsed =
          parsed(
              run(JEKYLL, "posts/2024-03-05-t.md", "[x]({% post_url 2023-01-02-new %})\n", files));
      assertThat(parsed.warnings()).isEmpty();
      assertThat(parsed.post().bodyHtml()).contains("href=\"/2023/01/02/new/\"");
    }
  }

  @Nested
  class Images {

    @Test
    void aMissingImageIsAWarningAtItsPlaceNeverARejection() {
      Files files = new Files(Set.of(KEY), Set.of("img/here.png"), true);
      ParseResult.Parsed parsed =
          parsed(
              run(
                  HUGO,
                  KEY,
                  "![a](/img/here.png)\n\nText ![b](/img/gone.png)\n\n<img src=\"/media/x.png\""
                      + " alt=\"x\">\n",
                  files));
      assertThat(parsed.warnings())
          .extracting(SiteFilesTest::where)
          .containsExactlyInAnyOrder("MISSING_IMAGE 6:6", "MISSING_IMAGE 8:1");
      assertThat(parsed.warnings().get(0).message())
          .isEqualTo(
              "image /img/gone.png is not among the site's files (looked for img/gone.png); the"
                  + " reader sees a broken image");
    }

    @Test
    void aBundlesImageIsLookedForBesideItsPost() {
      String bundle = "posts/posts/trip/index.md";
      Files files = new Files(Set.of(bundle), Set.of("posts/trip/view.png"), true);
      ParseResult.Parsed parsed =
          parsed(run(HUGO, bundle, "![v](view.png) ![w](./gone.png)\n", files));
      assertThat(parsed.warnings())
          .extracting(SiteFilesTest::where)
          .containsExactly("MISSING_IMAGE 4:16");
      assertThat(files.asked()).containsExactly("posts/trip/gone.png", "posts/trip/view.png");
    }

    @Test
    void aRelativeImageIsTakenFromThePostsAddress() {
      Files files = new Files(Set.of("posts/hello.md"), Set.of(), true);
      parsed(run(PostPipeline.create(), "posts/hello.md", "![a](pics/a%20b.png)\n", files));
      assertThat(files.asked()).containsExactly("hello/pics/a b.png");
    }

    @Test
    void remoteImagesAreNeverLookedFor() {
      Files files = new Files(Set.of(KEY), Set.of(), true);
      ParseResult.Parsed parsed =
          parsed(
              run(
                  HUGO,
                  KEY,
                  "![a](https://example.com/a.png) ![b](//cdn.example/b.png)"
                      + " ![c](data:image/png;base64,AAAA)\n\n<img src=\"http://e.example/c.png\""
                      + " alt=\"\">\n",
                  files));
      assertThat(parsed.warnings()).isEmpty();
      assertThat(files.asked()).isEmpty();
    }
  }
}
