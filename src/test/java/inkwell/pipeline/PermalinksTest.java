package inkwell.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hugo's and Jekyll's permalink rules: the address the old site served each post at. */
class PermalinksTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 5);

  private static Permalinks.Facts facts(String path, String title, String slug) {
    return new Permalinks.Facts(path, DAY, title, slug, List.of(), null);
  }

  @Nested
  class Hugo {

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "/:year/:month/:day/:filename/ | /2024/03/05/my_post/",
          "/:year/:monthname/:title/     | /2024/march/hello-world-its-me/",
          "/:section/:slug/              | /posts/custom_slug/",
          "/:sections/:filename/         | /posts/my_post/",
          "/:slugorfilename/             | /custom_slug/",
          "/:contentbasename/            | /my_post/",
          "/:yearday/:weekday/:weekdayname/ | /65/2/tuesday/",
        })
    void eachTokenIsReplacedAsHugoDoes(String pattern, String address) {
      Permalinks hugo = Permalinks.hugo(Map.of("posts", pattern.strip()), false);
      assertThat(hugo.address(facts("posts/my_post.md", "Hello, World! It's me", "Custom_Slug")))
          .isEqualTo(address.strip());
    }

    /** Each address as Hugo 0.111.3 (Debian's) wrote it for {@code posts = "/:year/:title/"}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Hello, World! It's me        | /2024/hello-world-its-me/",
          "C++ & Rust: a \"comparison\"   | /2024/c-rust-a-comparison/",
          "Crème brûlée — 100% tasty    | /2024/crème-brûlée-100-tasty/",
          "under_score  double  space   | /2024/under_score-double-space/",
          "Why #1? (maybe) @home ~tilde | /2024/why-#1-maybe-@home-~tilde/",
          "日本語のタイトル                  | /2024/日本語のタイトル/",
        })
    void titlesBecomePathsAsHugoWritesThem(String title, String address) {
      Permalinks hugo = Permalinks.hugo(Map.of("posts", "/:year/:title/"), false);
      assertThat(hugo.address(facts("posts/p.md", title.strip(), null))).isEqualTo(address.strip());
    }

    @Test
    void aSectionWithoutAPatternKeepsItsContentPathAndUnderscores() {
      Permalinks hugo = Permalinks.hugo(Map.of(), false);
      assertThat(hugo.address(facts("posts/My_First Post.md", "x", null)))
          .isEqualTo("/posts/my_first-post/");
    }

    @Test
    void slugReplacesTheFileName() {
      Permalinks hugo = Permalinks.hugo(Map.of(), false);
      assertThat(hugo.address(facts("posts/a.md", "x", "Other"))).isEqualTo("/posts/other/");
    }

    @Test
    void aPageBundleIsItsFolder() {
      Permalinks hugo = Permalinks.hugo(Map.of(), false);
      assertThat(hugo.address(facts("posts/trip/index.md", "x", null))).isEqualTo("/posts/trip/");
      Permalinks dated = Permalinks.hugo(Map.of("posts", "/:year/:filename/"), false);
      assertThat(dated.address(facts("posts/trip/index.md", "x", null))).isEqualTo("/2024/trip/");
    }

    @Test
    void uglyUrlsEndInHtml() {
      Permalinks hugo = Permalinks.hugo(Map.of(), true);
      assertThat(hugo.address(facts("posts/hello.md", "x", null))).isEqualTo("/posts/hello.html");
    }

    @Test
    void urlInTheFrontMatterWins() {
      Permalinks hugo = Permalinks.hugo(Map.of("posts", "/:year/:title/"), false);
      Permalinks.Facts facts =
          new Permalinks.Facts("posts/a.md", DAY, "x", null, List.of(), "/elsewhere");
      assertThat(hugo.address(facts)).isEqualTo("/elsewhere/");
    }
  }

  @Nested
  class Jekyll {

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "date     | /notes/2024/03/05/My_Post.html",
          "pretty   | /notes/2024/03/05/My_Post/",
          "ordinal  | /notes/2024/065/My_Post.html",
          "none     | /notes/My_Post.html",
          "/:categories/:year/:month/:day/:title/ | /notes/2024/03/05/My_Post/",
          "/:i_month/:i_day/:short_year/:slug:output_ext | /3/5/24/my-post.html",
          "/:year/:short_month/:long_month/:short_day/:long_day/:y_day/:title | /2024/Mar/March/Tue/Tuesday/065/My_Post",
        })
    void eachStyleAndTokenIsReplacedAsJekyllDoes(String permalink, String address) {
      Permalinks jekyll = Permalinks.jekyll(permalink.strip());
      Permalinks.Facts facts =
          new Permalinks.Facts(
              "2024-03-05-My_Post.md", DAY, "A title", null, List.of("Notes"), null);
      assertThat(jekyll.address(facts)).isEqualTo(address.strip());
    }

    @Test
    void theDefaultIsTheDateStyleWithoutCategories() {
      assertThat(Permalinks.jekyll(null).address(facts("2024-03-05-hello.md", "x", null)))
          .isEqualTo("/2024/03/05/hello.html");
    }

    @Test
    void theFrontMattersSlugNamesTheTitle() {
      assertThat(Permalinks.jekyll("pretty").address(facts("2024-03-05-hello.md", "x", "Bonjour")))
          .isEqualTo("/2024/03/05/Bonjour/");
    }

    @Test
    void aPagesAddressIsItsPathWithHtmlOrPretty() {
      assertThat(Permalinks.jekyll(null).pageAddress("about.md", null)).isEqualTo("/about.html");
      assertThat(Permalinks.jekyll("blog/:title").pageAddress("about.md", null))
          .isEqualTo("/about");
      assertThat(Permalinks.jekyll("pretty").pageAddress("about.md", null)).isEqualTo("/about/");
      assertThat(Permalinks.jekyll("pretty").pageAddress("about.md", "/me/")).isEqualTo("/me/");
    }
  }

  @Nested
  class Spec {

    @Test
    void rulesSurviveTheirOneLineForm() {
      Permalinks hugo =
          Permalinks.hugo(Map.of("posts", "/:year/:title/", "notes", "/n/:slug/"), true);
      assertThat(hugo.spec()).isEqualTo("hugo ugly notes=/n/:slug/ posts=/:year/:title/");
      assertThat(Permalinks.parse(hugo.spec()).spec()).isEqualTo(hugo.spec());
      Permalinks withSections =
          Permalinks.hugo(Map.of("posts", "/:year/:title/"), false, List.of("posts", "notes"));
      assertThat(withSections.spec()).isEqualTo("hugo notes/ posts/ posts=/:year/:title/");
      assertThat(Permalinks.parse(withSections.spec()).sections())
          .containsExactly("notes", "posts");
      assertThat(Permalinks.parse("jekyll pretty").spec())
          .isEqualTo("jekyll /:categories/:year/:month/:day/:title/");
      assertThat(Permalinks.parse(" ")).isNull();
    }

    @Test
    void aLineForNeitherToolIsRefused() {
      assertThatThrownBy(() -> Permalinks.parse("hexo /:title/"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must start with hugo or jekyll");
    }
  }

  @Nested
  class InThePipeline {

    private inkwell.post.Post parse(PostPipeline pipeline, String key, String text) {
      ParseResult result =
          pipeline.parse(
              new Source(
                  key,
                  text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  Pipelines.LAST_MODIFIED));
      assertThat(result).isInstanceOf(ParseResult.Parsed.class);
      return ((ParseResult.Parsed) result).post();
    }

    @Test
    void aJekyllPostTakesItsOldAddressWithoutTheDatePrefixAnd301sFromTheHtmlForm() {
      PostPipeline pipeline = PostPipeline.builder().permalinks(Permalinks.jekyll("date")).build();
      inkwell.post.Post post =
          parse(pipeline, "posts/2024-03-05-My_Post.md", "---\ntitle: x\n---\nBody");
      assertThat(post.slug()).isEqualTo("2024/03/05/my-post");
      assertThat(post.aliases()).containsExactly("2024/03/05/My_Post.html");
      assertThat(post.date()).isEqualTo(java.time.Instant.parse("2024-03-05T00:00:00Z"));
    }

    @Test
    void theDayIsTheOneWrittenWhateverTheOffset() {
      PostPipeline pipeline =
          PostPipeline.builder().permalinks(Permalinks.jekyll("pretty")).build();
      inkwell.post.Post post =
          parse(
              pipeline,
              "posts/2024-03-05-late.md",
              "---\ntitle: x\ndate: 2024-03-05 23:30:00 -0500\n---\nBody");
      assertThat(post.slug()).isEqualTo("2024/03/05/late");
    }

    @Test
    void aHugoPageOutsideAnySectionIsAStandalonePage() {
      PostPipeline pipeline =
          PostPipeline.builder().permalinks(Permalinks.hugo(Map.of(), false)).build();
      inkwell.post.Post about = parse(pipeline, "posts/about.md", "---\ntitle: About\n---\nMe.");
      assertThat(about.page()).isTrue();
      assertThat(about.slug()).isEqualTo("about");
      inkwell.post.Post post =
          parse(pipeline, "posts/posts/hello.md", "---\ntitle: Hi\n---\nText.");
      assertThat(post.page()).isFalse();
      assertThat(post.slug()).isEqualTo("posts/hello");
    }
  }
}
