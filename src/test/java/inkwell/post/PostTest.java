package inkwell.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A post's own rules: when readers may see it, and what its constructor checks and copies. */
class PostTest {

  private static final Instant DATE = Instant.parse("2026-01-10T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");
  private static final Instant EXPIRY = Instant.parse("2026-03-01T00:00:00Z");

  private static Post post(boolean draft, Instant publishDate, Instant expiryDate) {
    return new Post(
        "posts/a.md",
        "a",
        "A",
        DATE,
        DATE,
        List.of(),
        List.of(),
        "",
        draft,
        publishDate,
        expiryDate,
        List.of(),
        null,
        null,
        null,
        "<p>a</p>",
        List.of(),
        1,
        1,
        "hash",
        Map.of());
  }

  @Nested
  class Visibility {

    @Test
    void aPostIsVisibleFromItsDateOnButNotBefore() {
      Post post = post(false, null, null);
      assertThat(post.visibleFrom()).isEqualTo(DATE);
      assertThat(post.isVisibleAt(DATE)).isTrue();
      assertThat(post.isVisibleAt(DATE.minusNanos(1))).isFalse();
      assertThat(post.isVisibleAt(DATE.plusSeconds(3600 * 24 * 365L))).isTrue();
    }

    @Test
    void aPublishDateLaterThanTheDateDecides() {
      Post post = post(false, LATER, null);
      assertThat(post.visibleFrom()).isEqualTo(LATER);
      assertThat(post.isVisibleAt(DATE)).isFalse();
      assertThat(post.isVisibleAt(LATER.minusNanos(1))).isFalse();
      assertThat(post.isVisibleAt(LATER)).isTrue();
    }

    @Test
    void aPublishDateEarlierThanTheDateDecidesToo() {
      Instant earlier = DATE.minusSeconds(60);
      Post post = post(false, earlier, null);
      assertThat(post.visibleFrom()).isEqualTo(earlier);
      assertThat(post.isVisibleAt(earlier)).isTrue();
    }

    @Test
    void anExpiredPostIsHiddenFromItsExpiryOn() {
      Post post = post(false, null, EXPIRY);
      assertThat(post.isVisibleAt(EXPIRY.minusNanos(1))).isTrue();
      assertThat(post.isVisibleAt(EXPIRY)).isFalse();
      assertThat(post.isVisibleAt(EXPIRY.plusNanos(1))).isFalse();
    }

    @Test
    void aDraftIsNeverVisible() {
      Post post = post(true, null, null);
      assertThat(post.isVisibleAt(DATE)).isFalse();
      assertThat(post.isVisibleAt(EXPIRY)).isFalse();
    }

    @Test
    void aPostThatExpiresBeforeItIsPublishedIsNeverVisible() {
      Post post = post(false, EXPIRY, LATER);
      assertThat(post.isVisibleAt(LATER.minusNanos(1))).isFalse();
      assertThat(post.isVisibleAt(EXPIRY)).isFalse();
    }

    @Test
    void theStoredCopiesRuleIsTheSameRule() {
      assertThat(Post.isWithin(DATE, null, DATE)).isTrue();
      assertThat(Post.isWithin(DATE, null, DATE.minusNanos(1))).isFalse();
      assertThat(Post.isWithin(DATE, EXPIRY, EXPIRY.minusNanos(1))).isTrue();
      assertThat(Post.isWithin(DATE, EXPIRY, EXPIRY)).isFalse();
    }
  }

  @Nested
  class Construction {

    @Test
    void aPostIsNoPageAndHasNoMenuPlaceUnlessSaid() {
      Post post = post(false, null, null);
      assertThat(post.page()).isFalse();
      assertThat(post.menu()).isNull();
    }

    @Test
    void listsAndParamsAreCopiedAndCannotBeChanged() {
      List<Tag> tags = new ArrayList<>(List.of(Tag.of("Java")));
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("z", 1L);
      params.put("a", null);
      Post post =
          new Post(
              "k",
              "s",
              "t",
              DATE,
              DATE,
              tags,
              List.of("c"),
              "",
              false,
              null,
              null,
              List.of("old"),
              null,
              null,
              null,
              "",
              List.of(),
              0,
              1,
              "h",
              params);
      tags.clear();
      params.put("later", 2L);
      assertThat(post.tags()).containsExactly(new Tag("Java", "java"));
      assertThat(post.params().keySet()).containsExactly("z", "a");
      assertThat(post.params()).containsEntry("a", null);
      assertThatThrownBy(() -> post.params().put("x", 1))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> post.tags().add(Tag.of("x")))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0} is required")
    @ValueSource(
        strings = {
          "sourceKey",
          "slug",
          "title",
          "date",
          "updated",
          "summary",
          "bodyHtml",
          "contentHash"
        })
    void requiredFieldsAreChecked(String field) {
      Object[] args = {
        "k", "s", "t", DATE, DATE, List.of(), List.of(), "", false, null, null, List.of(), null,
        null, null, "", List.of(), 0, 1, "h", Map.of()
      };
      List<String> names =
          Arrays.asList(
              "sourceKey",
              "slug",
              "title",
              "date",
              "updated",
              "tags",
              "categories",
              "summary",
              "draft",
              "publishDate",
              "expiryDate",
              "aliases",
              "canonicalUrl",
              "image",
              "author",
              "bodyHtml",
              "toc",
              "wordCount",
              "readingMinutes",
              "contentHash",
              "params");
      args[names.indexOf(field)] = null;
      assertThatThrownBy(() -> newPost(args))
          .isInstanceOf(NullPointerException.class)
          .hasMessage(field);
    }

    @SuppressWarnings("unchecked")
    private Post newPost(Object[] a) {
      return new Post(
          (String) a[0],
          (String) a[1],
          (String) a[2],
          (Instant) a[3],
          (Instant) a[4],
          (List<Tag>) a[5],
          (List<String>) a[6],
          (String) a[7],
          (Boolean) a[8],
          (Instant) a[9],
          (Instant) a[10],
          (List<String>) a[11],
          (String) a[12],
          (String) a[13],
          (String) a[14],
          (String) a[15],
          (List<TocEntry>) a[16],
          (Integer) a[17],
          (Integer) a[18],
          (String) a[19],
          (Map<String, Object>) a[20]);
    }
  }

  @Nested
  class MenuPlaces {

    @Test
    void positionsFromFirstToLastAreAllowed() {
      assertThat(new MenuPlace(MenuPlace.FIRST, "a").position()).isZero();
      assertThat(new MenuPlace(MenuPlace.LAST, "a").position()).isEqualTo(9999);
    }

    @Test
    void positionsOutsideAreRefused() {
      assertThatThrownBy(() -> new MenuPlace(-1, "a"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("menu position out of range: -1");
      assertThatThrownBy(() -> new MenuPlace(10_000, "a"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("menu position out of range: 10000");
    }

    @Test
    void aLabelIsRequiredAndNotBlank() {
      assertThatThrownBy(() -> new MenuPlace(1, null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new MenuPlace(1, " \t"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("blank menu label");
    }
  }

  @Nested
  class Errors {

    @Test
    void anErrorIsDescribedAsACompilerWould() {
      assertThat(PostError.at(PostError.Kind.YAML_SYNTAX, 3, 7, "bad").describe("posts/a.md"))
          .isEqualTo("posts/a.md:3:7: bad");
      assertThat(PostError.at(PostError.Kind.YAML_SYNTAX, 3, 0, "bad").describe("posts/a.md"))
          .isEqualTo("posts/a.md:3: bad");
      assertThat(PostError.of(PostError.Kind.EMPTY, "empty").describe("posts/a.md"))
          .isEqualTo("posts/a.md: empty");
    }

    @Test
    void lineOneHasAPositionAndLineZeroHasNone() {
      assertThat(PostError.at(PostError.Kind.EMPTY, 1, 0, "m").hasPosition()).isTrue();
      assertThat(PostError.at(PostError.Kind.EMPTY, 0, 0, "m").hasPosition()).isFalse();
    }

    @Test
    void negativePositionsAreRefused() {
      assertThatThrownBy(() -> PostError.at(PostError.Kind.EMPTY, -1, 0, "m"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> PostError.at(PostError.Kind.EMPTY, 0, -1, "m"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(PostError.at(PostError.Kind.EMPTY, 0, 0, "m").line()).isZero();
    }
  }
}
