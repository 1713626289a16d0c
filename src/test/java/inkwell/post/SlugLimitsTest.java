package inkwell.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Slugs#MAX_SEGMENT} and {@link Slugs#MAX_SLUG} at, just under and just over the limit. */
class SlugLimitsTest {

  private static String hash8(String text) {
    return Hashes.sha256Hex(text).substring(0, 8);
  }

  @Nested
  class Segments {

    @Test
    void segmentsOf79And80CharactersAreKept() {
      assertThat(Slugs.segment("a".repeat(79))).isEqualTo("a".repeat(79));
      assertThat(Slugs.segment("a".repeat(80))).isEqualTo("a".repeat(80));
    }

    @Test
    void aSegmentOf81IsCutTo71AndAHashOfTheWholeText() {
      String text = "a".repeat(81);
      String segment = Slugs.segment(text);
      assertThat(segment).isEqualTo("a".repeat(71) + "-" + hash8(text)).hasSize(80);
    }

    @Test
    void theHashIsOfTheTextAsWrittenSoCaseStillTellsTwoApart() {
      String upper = "A".repeat(81);
      assertThat(Slugs.segment(upper)).isEqualTo("a".repeat(71) + "-" + hash8(upper));
      assertThat(Slugs.segment(upper)).isNotEqualTo(Slugs.segment("a".repeat(81)));
    }

    @Test
    void aCutJustAfterAHyphenDropsTheHyphen() {
      String text = "a".repeat(70) + "-" + "b".repeat(20);
      assertThat(Slugs.segment(text)).isEqualTo("a".repeat(70) + "-" + hash8(text));
    }

    @Test
    void theLimitCountsTheFoldedTextNotTheWritten() {
      // 40 "ß" fold to 80 letters: at the limit, kept
      assertThat(Slugs.segment("ß".repeat(40))).isEqualTo("ss".repeat(40));
      String over = "ß".repeat(40) + "x";
      assertThat(Slugs.segment(over)).isEqualTo("s".repeat(71) + "-" + hash8(over));
    }

    @Test
    void combiningMarksOfEveryKindAreDroppedNotSeparators() {
      assertThat(Slugs.segment("cre\u0300me")).isEqualTo("creme");
      assertThat(Slugs.segment("a\u0903b")).isEqualTo("ab");
      assertThat(Slugs.segment("a\u20DDb")).isEqualTo("ab");
    }

    @Test
    void textWithNoAsciiFormGetsAHash() {
      assertThat(Slugs.segment("日本")).isEqualTo("x" + hash8("日本"));
      assertThat(Slugs.segment("---")).isEqualTo("x" + hash8("---"));
    }
  }

  @Nested
  class Paths {

    private static final String A = "a".repeat(80);
    private static final String B = "b".repeat(80);

    @Test
    void aSlugOf200CharactersIsKept() {
      String path = A + "/" + B + "/" + "c".repeat(38);
      assertThat(path).hasSize(200);
      assertThat(Slugs.path(path)).isEqualTo(path);
      assertThat(Slugs.path(A + "/" + B + "/" + "c".repeat(37))).hasSize(199);
    }

    @Test
    void aSlugOf201IsCutTo191AndAHashOfTheWholePath() {
      String path = A + "/" + B + "/" + "c".repeat(39);
      assertThat(Slugs.path(path))
          .isEqualTo(A + "/" + B + "/" + "c".repeat(29) + "-" + hash8(path))
          .hasSize(200);
    }

    @Test
    void aCutJustAfterASlashDropsTheSlash() {
      String path = A + "/" + B + "/" + "c".repeat(28) + "/" + "d".repeat(20);
      assertThat(Slugs.path(path))
          .isEqualTo(A + "/" + B + "/" + "c".repeat(28) + "-" + hash8(path));
    }

    @Test
    void segmentsWithoutLettersOrDigitsAreDropped() {
      assertThat(Slugs.path("/a/../%%/b//c/")).isEqualTo("a/b/c");
      assertThat(Slugs.path("../..")).isEmpty();
    }

    @Test
    void aKeyWhoseNameHasNoLettersGetsAHashedSlug() {
      assertThat(Slugs.fromKey("posts/%%.md", "posts/")).isEqualTo("post-" + hash8("posts/%%.md"));
    }
  }

  @Nested
  class Reserved {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "tags, true",
      "tags/java, true",
      "archive/2024, true",
      "older, true",
      "newer, true",
      "api/posts, true",
      "assets, true",
      "media/x, true",
      "tagsx, false",
      "my/tags, false",
      "search, false",
      "hello, false",
    })
    void onlyTheFirstSegmentIsCompared(String slug, boolean reserved) {
      assertThat(Slugs.isReserved(slug)).isEqualTo(reserved);
    }

    @Test
    void theLastSegmentIsReplacedAndTheFoldersKept() {
      assertThat(Slugs.replaceLastSegment("2024/old", "New Name")).isEqualTo("2024/new-name");
      assertThat(Slugs.replaceLastSegment("old", "New Name")).isEqualTo("new-name");
      assertThat(Slugs.replaceLastSegment("/old", "New Name")).isEqualTo("/new-name");
    }
  }

  @Nested
  class Aliases {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
        delimiter = '|',
        value = {
          "/2019/Old-Post.html      | 2019/Old-Post.html",
          "'  /a/b/  '              | a/b",
          "a//b                     | a/b",
          "/a:b                     | a:b",
          "/a/.../b                 | a/.../b",
        })
    void aPlainPathIsNormalised(String path, String alias) {
      assertThat(Slugs.aliasPath(path)).contains(alias);
    }

    @ParameterizedTest(name = "[{0}] is no alias")
    @CsvSource(
        delimiter = '|',
        value = {
          "//evil.example/x",
          "https://evil.example/x",
          "mailto:a@b",
          "a:b",
          "/a/./b",
          "/a/../b",
          "/a b",
          "/a?x=1",
          "/a#top",
          "/a\\b",
          "/",
          "''",
        })
    void anythingElseIsNone(String path) {
      assertThat(Slugs.aliasPath(path)).isEmpty();
    }
  }

  @Nested
  class MarkdownNames {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "x.md, true",
      "p/x.md, true",
      "p/x.MarkDown, true",
      ".md, false",
      "p/.md, false",
      "p/.markdown, false",
      "md, false",
      "x.mdx, false",
      "x.md/, false",
    })
    void aMarkdownNameHasAtLeastOneCharacterBeforeItsExtension(String name, boolean markdown) {
      assertThat(Slugs.isMarkdown(name)).isEqualTo(markdown);
    }
  }
}
