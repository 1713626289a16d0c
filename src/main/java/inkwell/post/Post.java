package inkwell.post;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered post: everything a page, a feed or an index needs, produced by {@code PostPipeline}.
 *
 * <p>Text fields ({@code title}, {@code summary}, tag names, {@code author}, ...) are plain text
 * and must be escaped wherever they are written into HTML or XML. {@code bodyHtml} is the only
 * HTML, and it has already been sanitized. {@code publishDate}, {@code expiryDate}, {@code
 * canonicalUrl}, {@code image} and {@code author} are {@code null} when the source does not set
 * them.
 *
 * @param sourceKey the object key (or relative path) the post was read from
 * @param slug the URL path of the post below the site root, without leading or trailing slash
 * @param date the publication date shown to readers
 * @param updated the last-modified date shown to readers; equal to {@code date} unless set
 * @param publishDate when the post becomes visible, if later than {@code date}
 * @param expiryDate when the post stops being visible
 * @param aliases old paths (normalized like slugs) that should redirect here
 * @param readingMinutes estimated reading time, at least 1
 * @param contentHash SHA-256 (hex) of the normalized source text
 * @param params front-matter fields this engine does not interpret, kept as plain Java values
 * @param page true for a standalone page (from the pages prefix): no date, reading time or older
 *     and newer links shown, and in no listing or feed
 * @param menu its entry in the header's menu, or {@code null} if it has none
 */
public record Post(
    String sourceKey,
    String slug,
    String title,
    Instant date,
    Instant updated,
    List<Tag> tags,
    List<String> categories,
    String summary,
    boolean draft,
    Instant publishDate,
    Instant expiryDate,
    List<String> aliases,
    String canonicalUrl,
    String image,
    String author,
    String bodyHtml,
    List<TocEntry> toc,
    int wordCount,
    int readingMinutes,
    String contentHash,
    Map<String, Object> params,
    boolean page,
    MenuPlace menu) {

  /**
   * The key in {@code params} that marks a section's page (Hugo's {@code _index.md}): a standalone
   * page whose title and text head a listing of the posts.
   */
  public static final String SECTION = "inkwell:section";

  /**
   * The key in {@code params} that holds a multilingual Hugo site's page's language ({@code fr}).
   */
  public static final String LANGUAGE = "inkwell:language";

  /** A post (not a standalone page). */
  public Post(
      String sourceKey,
      String slug,
      String title,
      Instant date,
      Instant updated,
      List<Tag> tags,
      List<String> categories,
      String summary,
      boolean draft,
      Instant publishDate,
      Instant expiryDate,
      List<String> aliases,
      String canonicalUrl,
      String image,
      String author,
      String bodyHtml,
      List<TocEntry> toc,
      int wordCount,
      int readingMinutes,
      String contentHash,
      Map<String, Object> params) {
    this(
        sourceKey,
        slug,
        title,
        date,
        updated,
        tags,
        categories,
        summary,
        draft,
        publishDate,
        expiryDate,
        aliases,
        canonicalUrl,
        image,
        author,
        bodyHtml,
        toc,
        wordCount,
        readingMinutes,
        contentHash,
        params,
        false,
        null);
  }

  public Post {
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(bodyHtml, "bodyHtml");
    Objects.requireNonNull(contentHash, "contentHash");
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
    aliases = List.copyOf(aliases);
    toc = List.copyOf(toc);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * The moment the post first becomes visible to readers: {@code publishDate} if set, else {@code
   * date}.
   */
  public Instant visibleFrom() {
    return publishDate != null ? publishDate : date;
  }

  /** The language of a multilingual site's page ({@link #LANGUAGE}), or {@code null}. */
  public String language() {
    return params.get(LANGUAGE) instanceof String language ? language : null;
  }

  /** True for a section's page ({@link #SECTION}). */
  public boolean isSection() {
    return page && Boolean.TRUE.equals(params.get(SECTION));
  }

  /** True when readers may see the post at {@code now}: not a draft, published, not expired. */
  public boolean isVisibleAt(Instant now) {
    return !draft && isWithin(visibleFrom(), expiryDate, now);
  }

  /**
   * The one rule of "visible now", for stored copies that keep only the times: from {@code
   * visibleFrom} on, until {@code expiresAt} (exclusive; null for never).
   */
  public static boolean isWithin(Instant visibleFrom, Instant expiresAt, Instant now) {
    return !visibleFrom.isAfter(now) && (expiresAt == null || now.isBefore(expiresAt));
  }
}
