package inkwell.storage;

import inkwell.post.Post;
import inkwell.post.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A post as a listing shows it: no body.
 *
 * @param expiryDate when the post stops being listed, or {@code null}
 * @param draft true only where drafts are listed at all: in the local preview, on request
 */
public record PostSummary(
    String slug,
    String title,
    Instant date,
    Instant updated,
    Instant visibleFrom,
    Instant expiryDate,
    String summary,
    List<Tag> tags,
    int readingMinutes,
    boolean draft) {

  /** The order of every listing, oldest first: by the time a post becomes visible, then slug. */
  public static final Comparator<PostSummary> OLDEST_FIRST =
      Comparator.comparing(PostSummary::visibleFrom).thenComparing(PostSummary::slug);

  public PostSummary {
    tags = List.copyOf(tags);
  }

  /** The listing view of {@code post}. */
  public static PostSummary of(Post post) {
    return new PostSummary(
        post.slug(),
        post.title(),
        post.date(),
        post.updated(),
        post.visibleFrom(),
        post.expiryDate(),
        post.summary(),
        post.tags(),
        post.readingMinutes(),
        post.draft());
  }

  /** A summary of a published (not draft) post. */
  public PostSummary(
      String slug,
      String title,
      Instant date,
      Instant updated,
      Instant visibleFrom,
      Instant expiryDate,
      String summary,
      List<Tag> tags,
      int readingMinutes) {
    this(slug, title, date, updated, visibleFrom, expiryDate, summary, tags, readingMinutes, false);
  }
}
