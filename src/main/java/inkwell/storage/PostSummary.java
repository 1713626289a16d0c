package inkwell.storage;

import inkwell.post.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A post as a listing shows it: no body.
 *
 * @param expiryDate when the post stops being listed, or {@code null}
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
    int readingMinutes) {

  public PostSummary {
    tags = List.copyOf(tags);
  }
}
