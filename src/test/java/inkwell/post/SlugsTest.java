package inkwell.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

  /** The invariant every slug keeps, whatever the key. */
  private static void assertSafe(String slug) {
    assertThat(slug).isNotEmpty().hasSizeLessThanOrEqualTo(Slugs.MAX_SLUG);
    assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");
    for (String segment : slug.split("/")) {
      assertThat(segment).isNotIn("", ".", "..").hasSizeLessThanOrEqualTo(Slugs.MAX_SEGMENT);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "posts/hello.md                      | hello",
        "posts/Hello World.md                | hello-world",
        "posts/2024/hello.md                 | 2024/hello",
        "posts/2024/08/Deep Dive.MD          | 2024/08/deep-dive",
        "posts/a+b = c.md                    | a-b-c",
        "posts/Crème brûlée.md               | creme-brulee",
        "posts/Straße.md                     | strasse",
        "posts/Ærø Øst.md                    | aero-ost",
        "posts/Привет мир.md                 | privet-mir",
        "posts/Καλημέρα.md                   | kalimera",
        "posts/don't panic.md                | dont-panic",
        "posts/--odd--name--.md              | odd-name",
        "posts/notes.markdown                | notes",
        "posts/Notes.MARKDOWN                | notes",
        "posts//double//slash.md             | double/slash",
        "posts/../escape.md                  | escape",
        "posts/a/../../b.md                  | a/b",
        "posts/100%.md                       | 100",
        "posts/%2e%2e/x.md                   | 2e-2e/x",
        "drafts/elsewhere.md                 | drafts/elsewhere",
      })
  void keysBecomeSlugs(String key, String slug) {
    assertThat(Slugs.fromKey(key, "posts/")).isEqualTo(slug);
    assertSafe(slug);
  }

  @ParameterizedTest
  @CsvSource({
    "hello.md, true",
    "Hello.MD, true",
    "a.Markdown, true",
    "posts/2024/b.markdown, true",
    ".md, false",
    "posts/.md, false",
    "image.png, false",
    "notes.txt, false",
    "md, false",
    "readme.mdx, false"
  })
  void markdownNamesAreKnownByTheirExtensionInAnyCase(String name, boolean markdown) {
    assertThat(Slugs.isMarkdown(name)).isEqualTo(markdown);
  }

  @Test
  void aKeyWithNoLettersStillGetsAStableNonEmptySlug() {
    String slug = Slugs.fromKey("posts/%%%/.../---.md", "posts/");
    assertSafe(slug);
    assertThat(slug).startsWith("post-").isEqualTo(Slugs.fromKey("posts/%%%/.../---.md", "posts/"));
  }

  @Test
  void textWithoutAnAsciiFormGetsAHashedSegment() {
    String a = Slugs.fromKey("posts/日本語.md", "posts/");
    String b = Slugs.fromKey("posts/中文.md", "posts/");
    assertSafe(a);
    assertSafe(b);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aThousandCharacterKeyIsCutButStaysUnique() {
    String a = Slugs.fromKey("posts/" + "a".repeat(999) + "x.md", "posts/");
    String b = Slugs.fromKey("posts/" + "a".repeat(999) + "y.md", "posts/");
    assertSafe(a);
    assertSafe(b);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aThousandSegmentKeyIsCutButStaysUnique() {
    String a = Slugs.fromKey("posts/" + "ab/".repeat(500) + "x.md", "posts/");
    String b = Slugs.fromKey("posts/" + "ab/".repeat(500) + "y.md", "posts/");
    assertSafe(a);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void randomHostileKeysAlwaysGiveSafeSlugs() {
    String alphabet = "aZ09 +%./\\-_~'\"?#&=:;@!$()[]{}<>|^`\t\n\u0000ü€日😀..//";
    Random random = new Random(20261127L);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder key = new StringBuilder("posts/");
      int length = random.nextInt(i % 10 == 0 ? 1_000 : 40);
      for (int j = 0; j < length; j++) {
        key.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      String slug = Slugs.fromKey(key.toString(), "posts/");
      try {
        assertSafe(slug);
      } catch (AssertionError e) {
        failures.add(key + " -> " + slug);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void tagSegmentsFollowTheSameRules() {
    assertThat(Slugs.segment("Machine Learning")).isEqualTo("machine-learning");
    assertThat(Slugs.segment("  ")).startsWith("x");
    assertThat(Tag.of("Java 21").slug()).isEqualTo("java-21");
  }

  @Test
  void replacingTheLastSegmentKeepsTheFolders() {
    assertThat(Slugs.replaceLastSegment("2024/hello", "Bonjour!")).isEqualTo("2024/bonjour");
    assertThat(Slugs.replaceLastSegment("hello", "Hi")).isEqualTo("hi");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/2019/05/Old-Post.html/  | 2019/05/Old-Post.html",
        "old//path                | old/path",
        "/x/                      | x",
      })
  void aliasPathsAreNormalizedButKeepCaseAndDots(String alias, String normalized) {
    assertThat(Slugs.aliasPath(alias)).contains(normalized);
  }

  @ParameterizedTest
  @CsvSource({
    "https://evil.example/x",
    "//evil.example/x",
    "/a/../b",
    "/a/./b",
    "javascript:alert(1)",
    "/a b",
    "/a?b=c",
    "/a#b",
    "/",
    "''",
  })
  void aliasPathsThatLeaveTheSiteAreRefused(String alias) {
    assertThat(Slugs.aliasPath(alias)).isEmpty();
  }
}
