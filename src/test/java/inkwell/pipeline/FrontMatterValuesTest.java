package inkwell.pipeline;

import static inkwell.pipeline.Pipelines.LAST_MODIFIED;
import static inkwell.pipeline.Pipelines.error;
import static inkwell.pipeline.Pipelines.post;
import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Front-matter values the engine does not interpret, and empty or null values of those it does. */
class FrontMatterValuesTest {

  private static Post withFrontMatter(String yaml) {
    return post("---\n" + yaml + "\n---\n# Heading\n\nText.\n");
  }

  private static Object param(String yaml) {
    return withFrontMatter("value: " + yaml).params().get("value");
  }

  @Nested
  class CustomParams {

    @ParameterizedTest(name = "{0} -> Long {1}")
    @CsvSource({
      "0, 0",
      "+5, 5",
      "-17, -17",
      "9223372036854775807, 9223372036854775807",
      "-9223372036854775808, -9223372036854775808",
    })
    void integersThatFitInALongAreLongs(String yaml, long value) {
      assertThat(param(yaml)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} -> BigInteger")
    @CsvSource({
      "9223372036854775808",
      "12345678901234567890",
      "18446744073709551615",
      "18446744073709551616",
      "-9223372036854775809",
    })
    void integersFrom2To63On_AndBetween2To63And2To64_AreBigIntegers(String yaml) {
      assertThat(param(yaml)).isEqualTo(new BigInteger(yaml));
    }

    @Test
    void numbersInOtherNotationsAreKeptAsWritten() {
      assertThat(param("0x1F")).isEqualTo("0x1F");
      assertThat(param("0o17")).isEqualTo("0o17");
      assertThat(param(".inf")).isEqualTo(".inf");
      assertThat(param("1.5")).isEqualTo(1.5);
      assertThat(param("1e3")).isEqualTo(1000.0);
    }

    @Test
    void scalarsBecomeTextBooleansOrNull() {
      assertThat(param("hello")).isEqualTo("hello");
      assertThat(param("\"42\"")).isEqualTo("42");
      assertThat(param("TRUE")).isEqualTo(true);
      assertThat(param("false")).isEqualTo(false);
      assertThat(param("yes")).isEqualTo("yes");
      assertThat(withFrontMatter("value: ~").params()).containsEntry("value", null);
    }

    @Test
    void listValuesKeepTheirOrderAndTypes() {
      assertThat(param("[red, 2, true, ~, 9223372036854775808]"))
          .isEqualTo(Arrays.asList("red", 2L, true, null, new BigInteger("9223372036854775808")));
      assertThat(param("[]")).isEqualTo(List.of());
    }

    @Test
    void blockListsAndNestedListsAreLists() {
      Post post = withFrontMatter("colors:\n  - red\n  - green\nmatrix: [[1, 2], [3]]");
      assertThat(post.params())
          .containsEntry("colors", List.of("red", "green"))
          .containsEntry("matrix", List.of(List.of(1L, 2L), List.of(3L)));
    }

    @Test
    void mapsAreMapsInTheirOrderWithTextKeys() {
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("b", 1L);
      expected.put("a", List.of("x"));
      expected.put("1", "one");
      assertThat(param("{b: 1, a: [x], 1: one}")).isEqualTo(expected);
    }

    @Test
    void paramsKeepTheCaseAndOrderOfTheirNames() {
      Post post = withFrontMatter("Zeta: 1\nalpha: 2");
      assertThat(post.params().keySet()).containsExactly("Zeta", "alpha");
    }
  }

  @Nested
  class EmptyAndNullFields {

    @Test
    void aNullOrEmptyTitleFallsBackToTheHeading() {
      assertThat(withFrontMatter("title: ~").title()).isEqualTo("Heading");
      assertThat(withFrontMatter("title: \"\"").title()).isEqualTo("Heading");
      assertThat(withFrontMatter("title: \"  \"").title()).isEqualTo("Heading");
    }

    @Test
    void aNullDateFallsBackToTheSourcesTime() {
      assertThat(withFrontMatter("date: ~").date()).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void aNullDraftIsNoDraft() {
      assertThat(withFrontMatter("draft: ~").draft()).isFalse();
    }

    @Test
    void publishedFalseIsADraftAndPublishedTrueIsNot() {
      assertThat(withFrontMatter("published: false").draft()).isTrue();
      assertThat(withFrontMatter("draft: true\npublished: true").draft()).isFalse();
      assertThat(withFrontMatter("published: ~").draft()).isFalse();
      assertThat(withFrontMatter("published: ~").publishDate()).isNull();
    }

    @Test
    void aNullTagListIsNoTags() {
      assertThat(withFrontMatter("tags: ~").tags()).isEmpty();
      assertThat(withFrontMatter("categories: ~").categories()).isEmpty();
    }

    @Test
    void anEmptyAuthorListIsNoAuthor() {
      assertThat(withFrontMatter("author: []").author()).isNull();
      assertThat(withFrontMatter("author: ~").author()).isNull();
      assertThat(withFrontMatter("author: [Ann, Bo]").author()).isEqualTo("Ann, Bo");
    }

    @Test
    void nullImagesCanonicalsAndAliasesAreLeftOut() {
      Post post = withFrontMatter("image: ~\ncanonical: ~\naliases: [~, /old/]");
      assertThat(post.image()).isNull();
      assertThat(post.canonicalUrl()).isNull();
      assertThat(post.aliases()).containsExactly("old");
    }

    @Test
    void webAddressesInAnyCaseOfSchemeAreKept() {
      Post post =
          withFrontMatter("image: HTTPS://cdn.example.com/a.png\ncanonical: http://a.example/");
      assertThat(post.image()).isEqualTo("HTTPS://cdn.example.com/a.png");
      assertThat(post.canonicalUrl()).isEqualTo("http://a.example/");
    }

    @Test
    void anHttpAddressWithoutAHostIsRefused() {
      PostError error = error("---\ncanonical: \"http:/no-host\"\n---\n# T\n");
      assertThat(error.kind()).isEqualTo(Kind.INVALID_FIELD);
      assertThat(error.message())
          .isEqualTo("canonical: \"http:/no-host\" is not an absolute http(s) URL");
    }
  }

  @Nested
  class WrongShapes {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "title: {a: 1}  | title must be text, not a map",
          "title: [a]     | title must be text, not a list",
          "draft: yes     | draft must be true or false, not \"yes\"",
          "draft: [true]  | draft must be true or false, not a list",
          "draft: {a: b}  | draft must be true or false, not a map",
          "tags: {a: b}   | tags must be a list or comma-separated text, not a map",
          "tags: [[a]]    | tags must list plain text, not a list",
        })
    void aFieldOfTheWrongShapeIsRefusedWithWhatItIs(String yaml, String message) {
      PostError error = error("---\n" + yaml + "\n---\n# T\n");
      assertThat(error.kind()).isEqualTo(Kind.INVALID_FIELD);
      assertThat(error.message()).isEqualTo(message);
      assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void frontMatterThatIsAScalarNamesIt() {
      PostError error = error("---\nhello\n---\n# T\n");
      assertThat(error.kind()).isEqualTo(Kind.FRONT_MATTER_NOT_A_MAP);
      assertThat(error.message())
          .isEqualTo("front matter must be a set of \"field: value\" lines, not \"hello\"");
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo(1);
    }
  }

  @Nested
  class HugoMenus {

    @Test
    void aMainMenuWithoutSettingsIsLast() {
      assertThat(withFrontMatter("title: About\nmenu:\n  main: ~").menu())
          .isEqualTo(new inkwell.post.MenuPlace(inkwell.post.MenuPlace.LAST, "About"));
    }

    @Test
    void aMainMenuThatIsNotAMapIsRefused() {
      assertThat(error("---\nmenu:\n  main: [a]\n---\n# T\n").message())
          .isEqualTo("menu.main must be a map (weight, name), not a list");
      assertThat(error("---\nmenu:\n  main: 5\n---\n# T\n").message())
          .isEqualTo("menu.main must be a map (weight, name), not \"5\"");
    }
  }

  @Nested
  class DateOffsets {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "2024-08-05T09:30:00Z, 2024-08-05T09:30:00Z",
      "2024-08-05T09:30:00z, 2024-08-05T09:30:00Z",
      "2024-08-05T09:30:00 UTC, 2024-08-05T09:30:00Z",
      "2024-08-05T09:30:00 GMT, 2024-08-05T09:30:00Z",
      "2024-08-05T09:30:00+0200, 2024-08-05T07:30:00Z",
      "2024-08-05T09:30:00+02:00, 2024-08-05T07:30:00Z",
      "2024-08-05T09:30:00+02, 2024-08-05T07:30:00Z",
      "2024-08-05T09:30:00-0130, 2024-08-05T11:00:00Z",
      "2024-08-05T09:30:00, 2024-08-05T07:30:00Z",
      "2024-08-05, 2024-08-04T22:00:00Z",
    })
    void anOffsetOrZoneNameIsHonouredAndNoneMeansTheSitesZone(String text, Instant instant) {
      assertThat(Dates.parse(text, PARIS)).contains(instant);
    }

    @Test
    void theSameLocalTimeInUtcIsTheInstantItself() {
      assertThat(Dates.parse("2024-08-05T09:30:00", ZoneOffset.UTC))
          .contains(Instant.parse("2024-08-05T09:30:00Z"));
    }
  }
}
