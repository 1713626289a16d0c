package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.post.Tag;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** TOML ({@code +++}) and JSON front matter, read with the same field rules as YAML. */
class FrontMatterFormatsTest {

  @Nested
  class Toml {

    @Test
    void everyFieldIsReadAsFromYaml() {
      Post post =
          post(
              """
              +++
              title = "Hello, TOML"
              date = 2024-08-05T09:30:00+02:00
              tags = ["Java", "AWS"]
              draft = false
              slug = "greetings"
              [params]
              mood = "fine"
              +++
              Body text.
              """);
      assertThat(post.title()).isEqualTo("Hello, TOML");
      assertThat(post.date()).isEqualTo(Instant.parse("2024-08-05T07:30:00Z"));
      assertThat(post.tags()).containsExactly(new Tag("Java", "java"), new Tag("AWS", "aws"));
      assertThat(post.draft()).isFalse();
      assertThat(post.slug()).isEqualTo("greetings");
      assertThat(post.params()).containsEntry("params", java.util.Map.of("mood", "fine"));
      assertThat(post.bodyHtml()).isEqualTo("<p>Body text.</p>\n");
    }

    @Test
    void aLocalDateIsADay() {
      Post post = post("+++\ntitle = \"x\"\ndate = 2024-11-29\n+++\nBody");
      assertThat(post.date()).isEqualTo(Instant.parse("2024-11-29T00:00:00Z"));
    }

    @Test
    void aFieldOfTheWrongTypeIsReportedAtItsKey() {
      PostError error = error("+++\ntitle = \"x\"\ndraft = \"maybe\"\n+++\nBody");
      assertThat(error.kind()).isEqualTo(Kind.INVALID_FIELD);
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo(1);
      assertThat(error.message()).isEqualTo("draft must be true or false, not \"maybe\"");
    }
  }

  @Nested
  class Json {

    @Test
    void anObjectOverSeveralLinesIsFrontMatter() {
      Post post =
          post(
              """
              {
                "title": "Hello, JSON",
                "date": "2024-08-05",
                "tags": ["a", "b"]
              }
              Body text.
              """);
      assertThat(post.title()).isEqualTo("Hello, JSON");
      assertThat(post.date()).isEqualTo(Instant.parse("2024-08-05T00:00:00Z"));
      assertThat(post.tags()).extracting(Tag::slug).containsExactly("a", "b");
      assertThat(post.bodyHtml()).isEqualTo("<p>Body text.</p>\n");
    }

    @Test
    void invalidJsonIsAJsonError() {
      PostError error = error("{\n  \"title\": \"x\",\n  \"tags\": [\"a\"\n}\nBody");
      assertThat(error.kind()).isEqualTo(Kind.JSON_SYNTAX);
      assertThat(error.message()).startsWith("front matter is not valid JSON");
      // Where the parser meets the "}" that the unclosed list cannot take.
      assertThat(error.line()).isEqualTo(4);
      assertThat(error.column()).isEqualTo(1);
    }
  }

  @Nested
  class HugoAndJekyllFields {

    @Test
    void outputsWithoutHtmlKeepThePostOffTheWebAndSaySo() {
      ParseResult result =
          Pipelines.run("posts/feed-only.md", "---\ntitle: x\noutputs: [json]\n---\nBody");
      Post post = ((ParseResult.Parsed) result).post();
      assertThat(post.draft()).isTrue();
      assertThat(((ParseResult.Parsed) result).warnings())
          .extracting(PostError::kind)
          .containsExactly(Kind.NOT_ON_THE_WEB);
    }

    @Test
    void outputsWithHtmlChangeNothing() {
      assertThat(post("---\ntitle: x\noutputs: [HTML, json]\n---\nBody").draft()).isFalse();
    }

    @Test
    void aProtocolRelativeImageIsTakenAsHttps() {
      assertThat(post("---\ntitle: x\nimage: //cdn.example/x.png\n---\nBody").image())
          .isEqualTo("https://cdn.example/x.png");
    }

    @Test
    void theFirstOfImagesIsTheCover() {
      assertThat(post("---\ntitle: x\nimages: [/a.png, /b.png]\n---\nBody").image())
          .isEqualTo("/a.png");
    }

    @Test
    void urlSetsTheWholeAddressAndTheOldFormAnswers() {
      Post post = post("posts/x.md", "---\ntitle: x\nurl: /Old_Place/\n---\nBody");
      assertThat(post.slug()).isEqualTo("old-place");
      assertThat(post.aliases()).containsExactly("Old_Place");
    }

    @Test
    void jekyllsPublishedFalseIsADraft() {
      assertThat(post("---\ntitle: x\npublished: false\n---\nBody").draft()).isTrue();
    }
  }
}
