package inkwell.site.feed;

import java.time.Instant;
import java.util.List;

/**
 * One post as a feed shows it.
 *
 * @param path the post's site path ({@code /2024/hello/})
 * @param contentHtml the sanitized body HTML, or {@code null} for summary-only feeds
 * @param author the post's author, or {@code null} for the site's
 * @param image an absolute or site-relative image URL, or {@code null}
 */
public record FeedEntry(
    String title,
    String path,
    Instant published,
    Instant updated,
    String summary,
    String contentHtml,
    List<String> tags,
    String author,
    String image) {

  public FeedEntry {
    tags = List.copyOf(tags);
  }
}
