package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import inkwell.post.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML front matter: the fields Hugo and Jekyll authors write, and precise errors. */
class FrontMatterTest {

  @Test
  void everyKnownFieldIsRead() {
    Post post =
        post(
            """
            ---
            title: "Hello, world"
            date: 2024-08-05T09:30:00+02:00
            lastmod: 2024-09-01
            slug: greetings
            tags: [Java, AWS]
            categories: [notes]
            summary: A short hello.
            draft: true
            publishDate: 2024-08-06
            expiryDate: 2030-01-01T00:00:00Z
            aliases: [/old/hello/, /2024/08/hello.html]
            image: /img/cover.png
            author: Ada Lovelace
            canonical: https://example.com/hello/
            ---
            Body text.
            """);
    assertThat(post.title()).isEqualTo("Hello, world");
    assertThat(post.date()).isEqualTo(Instant.parse("2024-08-05T07:30:00Z"));
    assertThat(post.updated()).isEqualTo(Instant.parse("2024-09-01T00:00:00Z"));
    assertThat(post.slug()).isEqualTo("greetings");
    assertThat(post.tags())
        .containsExactly(new Tag("Java", "java"), new Tag("AWS", "aws"), new Tag("notes", "notes"));
    assertThat(post.categories()).containsExactly("notes");
    assertThat(post.summary()).isEqualTo("A short hello.");
    assertThat(post.draft()).isTrue();
    assertThat(post.publishDate()).isEqualTo(Instant.parse("2024-08-06T00:00:00Z"));
    assertThat(post.expiryDate()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(post.aliases()).containsExactly("old/hello", "2024/08/hello.html");
    assertThat(post.image()).isEqualTo("/img/cover.png");
    assertThat(post.author()).isEqualTo("Ada Lovelace");
    assertThat(post.canonicalUrl()).isEqualTo("https://example.com/hello/");
    assertThat(post.bodyHtml()).isEqualTo("<p>Body text.</p>\n");
  }

  @Test
  void tagsMayBeACommaSeparatedString() {
    assertThat(post("---\ntitle: T\ntags: java, aws , , Java\n---\n").tags())
        .extracting(Tag::name)
        .containsExactly("java", "aws");
  }

  @Test
  void tagsThatShareASlugAreKeptOnce() {
    assertThat(post("---\ntitle: T\ntags: [Ünicode, unicode]\n---\n").tags())
        .containsExactly(new Tag("Ünicode", "unicode"));
  }

  @Test
  void descriptionStandsInForSummary() {
    assertThat(post("---\ntitle: T\ndescription: Meta text\n---\nFirst para.").summary())
        .isEqualTo("Meta text");
  }

  @Test
  void updatedAndJekyllLastModifiedAtAreAliasesOfLastmod() {
    assertThat(post("---\ntitle: T\nupdated: 2024-01-02\n---\n").updated())
        .isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(post("---\ntitle: T\nlast_modified_at: 2024-01-03\n---\n").updated())
        .isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
  }

  @Test
  void updatedDefaultsToTheDate() {
    Post post = post("---\ntitle: T\ndate: 2024-01-02\n---\n");
    assertThat(post.updated()).isEqualTo(post.date());
  }

  @Test
  void jekyllPublishedFalseMeansDraft() {
    assertThat(post("---\ntitle: T\npublished: false\n---\n").draft()).isTrue();
    assertThat(post("---\ntitle: T\npublished: true\n---\n").draft()).isFalse();
  }

  @Test
  void unknownFieldsAreKeptAsPlainValues() {
    Post post =
        post(
            "---\ntitle: T\nlayout: post\nweight: 3\nratio: 1.5\ntoc: false\nseries:\n"
                + "  name: Lambda\n  part: 2\nempty:\n---\n");
    assertThat(post.params())
        .containsEntry("layout", "post")
        .containsEntry("weight", 3L)
        .containsEntry("ratio", 1.5)
        .containsEntry("toc", false)
        .containsEntry("series", Map.of("name", "Lambda", "part", 2L))
        .containsEntry("empty", null);
  }

  @Test
  void fieldNamesAreCaseInsensitiveLikeHugo() {
    Post post = post("---\nTitle: Big\nPublishDate: 2024-05-06\n---\n");
    assertThat(post.title()).isEqualTo("Big");
    assertThat(post.publishDate()).isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
  }

  @Test
  void authorMayBeAList() {
    assertThat(post("---\ntitle: T\nauthor: [Ada, Grace]\n---\n").author()).isEqualTo("Ada, Grace");
  }

  @Test
  void emptyFrontMatterIsAllowed() {
    Post post = post("---\n---\n# Title here\n\nText.");
    assertThat(post.title()).isEqualTo("Title here");
  }

  @Test
  void frontMatterMayCloseWithThreeDots() {
    assertThat(post("---\ntitle: Dots\n...\nBody").title()).isEqualTo("Dots");
  }

  @Test
  void aFrontMatterSlugReplacesOnlyTheFileNamePart() {
    assertThat(post("posts/2024/hello.md", "---\ntitle: T\nslug: Bonjour Monde\n---\n").slug())
        .isEqualTo("2024/bonjour-monde");
  }

  @Test
  void aFrontMatterSlugWithSlashesIsTheWholePath() {
    assertThat(post("posts/2024/hello.md", "---\ntitle: T\nslug: /notes/../Hi/\n---\n").slug())
        .isEqualTo("notes/hi");
  }

  @Nested
  class Dates {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "2024-08-05                  | 2024-08-05T00:00:00Z",
          "2024-08-05T09:30            | 2024-08-05T09:30:00Z",
          "2024-08-05T09:30:15         | 2024-08-05T09:30:15Z",
          "2024-08-05 09:30:15         | 2024-08-05T09:30:15Z",
          "2024-08-05T09:30:00Z        | 2024-08-05T09:30:00Z",
          "2024-08-05T09:30:00.250Z    | 2024-08-05T09:30:00.250Z",
          "2024-08-05T09:30:00+02:00   | 2024-08-05T07:30:00Z",
          "2024-08-05 09:30:00 +0200   | 2024-08-05T07:30:00Z",
          "2024-08-05 09:30:00 -05:00  | 2024-08-05T14:30:00Z",
          "'August 5, 2024'            | 2024-08-05T00:00:00Z",
        })
    void datesAreReadWithAndWithoutTimeAndZone(String written, String expected) {
      assertThat(post("---\ntitle: T\ndate: " + written + "\n---\n").date())
          .isEqualTo(Instant.parse(expected));
    }

    @Test
    void datesWithoutAZoneUseTheSiteTimeZone() {
      PostPipeline berlin =
          PostPipeline.builder().zone(java.time.ZoneId.of("Europe/Berlin")).build();
      ParseResult result =
          berlin.parse(
              new Source(
                  "posts/a.md",
                  "---\ntitle: T\ndate: 2024-08-05 10:00\n---\n".getBytes(),
                  Pipelines.LAST_MODIFIED));
      assertThat(((ParseResult.Parsed) result).post().date())
          .isEqualTo(Instant.parse("2024-08-05T08:00:00Z"));
    }
  }

  @Nested
  class Errors {

    @Test
    void invalidTomlFrontMatterIsReportedWhereItIsWrong() {
      PostError error = error("+++\ntitle = \"Hi\"\ndate = \n+++\nBody");
      assertThat(error.kind()).isEqualTo(Kind.TOML_SYNTAX);
      assertThat(error.message()).startsWith("front matter is not valid TOML: ");
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo(8);
    }

    @Test
    void unclosedTomlFrontMatterIsReportedOnLineOne() {
      PostError error = error("+++\ntitle = \"Hi\"\nBody");
      assertThat(error.kind()).isEqualTo(Kind.UNCLOSED_FRONT_MATTER);
      assertThat(error.message()).contains("opened by +++ on line 1");
    }

    @Test
    void unclosedFrontMatterIsReportedOnLineOne() {
      PostError error = error("---\ntitle: Hi\n\nBody without closing line");
      assertThat(error.kind()).isEqualTo(Kind.UNCLOSED_FRONT_MATTER);
      assertThat(error.line()).isEqualTo(1);
    }

    @Test
    void yamlSyntaxErrorsCarryLineAndColumnInTheFile() {
      PostError error = error("---\ntitle: ok\ntags: [a, b\ndate: 2024-01-01\n---\n");
      assertThat(error.kind()).isEqualTo(Kind.YAML_SYNTAX);
      assertThat(error.line()).isEqualTo(4);
      assertThat(error.column()).isGreaterThan(0);
    }

    @Test
    void anUnclosedQuoteIsReportedWhereTheQuoteOpens() {
      PostError error = error("---\ntitle: \"Hello\ndate: 2024-01-01\ntags: [a]\n---\nBody.\n");
      assertThat(error.kind()).isEqualTo(Kind.YAML_SYNTAX);
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo(8);
      assertThat(error.message())
          .isEqualTo(
              "front matter is not valid YAML: while scanning a quoted scalar at 2:8 and found"
                  + " unexpected end of stream at 5:1; close it");
    }

    @Test
    void badIndentationIsAYamlSyntaxErrorAtItsLine() {
      PostError error = error("---\ntitle: ok\n  summary: x\n---\n");
      assertThat(error.kind()).isEqualTo(Kind.YAML_SYNTAX);
      assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void anUnreadableDateNamesTheFieldValueLineAndColumn() {
      PostError error = error("---\ntitle: ok\ndate: Augst 5 2024\n---\n");
      assertThat(error.kind()).isEqualTo(Kind.INVALID_FIELD);
      assertThat(error.message()).contains("date").contains("Augst 5 2024");
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo(7);
      assertThat(error.describe("posts/bad.md")).startsWith("posts/bad.md:3:7: date:");
    }

    @Test
    void anImpossibleCalendarDateIsRejected() {
      assertThat(error("---\ndate: 2024-02-30\n---\n").kind()).isEqualTo(Kind.INVALID_FIELD);
    }

    @Test
    void aTitleThatIsAListIsRejected() {
      PostError error = error("---\ntitle:\n  - a\n  - b\n---\n");
      assertThat(error.message()).isEqualTo("title must be text, not a list");
      assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void draftMustBeABoolean() {
      PostError error = error("---\ndraft: maybe\n---\n");
      assertThat(error.kind()).isEqualTo(Kind.INVALID_FIELD);
      assertThat(error.message()).isEqualTo("draft must be true or false, not \"maybe\"");
    }

    @Test
    void aFieldGivenTwiceIsRejected() {
      PostError error = error("---\ntitle: a\nTitle: b\n---\n");
      assertThat(error.message()).contains("given twice");
      assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void frontMatterMustBeAMap() {
      assertThat(error("---\n- a\n- b\n---\n").kind()).isEqualTo(Kind.FRONT_MATTER_NOT_A_MAP);
    }

    @Test
    void aliasesMustBePathsOnThisSite() {
      for (String alias :
          List.of("https://evil.example/x", "//evil.example/x", "/a/../b", "javascript:x")) {
        PostError error = error("---\naliases: [\"" + alias + "\"]\n---\n");
        assertThat(error.kind()).as(alias).isEqualTo(Kind.INVALID_FIELD);
        assertThat(error.message()).as(alias).contains("not a path on this site");
      }
    }

    @Test
    void canonicalMustBeAnAbsoluteWebUrl() {
      assertThat(error("---\ncanonical: /relative/\n---\n").message())
          .contains("not an absolute http(s) URL");
      assertThat(error("---\ncanonical: javascript:alert(1)\n---\n").kind())
          .isEqualTo(Kind.INVALID_FIELD);
    }

    @Test
    void imageMustBeAWebUrlOrAPath() {
      assertThat(error("---\nimage: javascript:alert(1)\n---\n").kind())
          .isEqualTo(Kind.INVALID_FIELD);
      assertThat(error("---\nimage: \"data:image/png;base64,AAAA\"\n---\n").kind())
          .isEqualTo(Kind.INVALID_FIELD);
    }

    @Test
    void aSlugUnderAPathTheSiteUsesIsRejected() {
      assertThat(error("---\nslug: tags/java\n---\n# T\n").message())
          .contains("tags/java")
          .contains("the site uses");
      PostError fromKey = Pipelines.error(Pipelines.run("posts/archive/2024.md", "# T\n"));
      assertThat(fromKey.kind()).isEqualTo(Kind.INVALID_FIELD);
    }

    @Test
    void aBillionLaughsAliasBombIsRejected() {
      StringBuilder yaml = new StringBuilder("---\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
      for (char c = 'b'; c <= 'j'; c++) {
        char p = (char) (c - 1);
        yaml.append(c).append(": &").append(c).append(" [*").append(p);
        yaml.append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
      }
      yaml.append("---\n");
      assertThat(error(yaml.toString()).kind()).isEqualTo(Kind.YAML_SYNTAX);
    }
  }
}
