package inkwell.site.feed;

import inkwell.site.SiteInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The site's feeds: RSS 2.0 at {@code /feed.xml}, Atom 1.0 at {@code /atom.xml} and JSON Feed 1.1
 * at {@code /feed.json}, each as the text to send (UTF-8).
 *
 * <pre>{@code
 * String rss = Feeds.rss(site, entries, Instant.EPOCH);
 * String atom = Feeds.atom(site, entries, Instant.EPOCH);
 * String json = Feeds.jsonFeed(site, entries);
 * }</pre>
 *
 * <p>Entries appear in the order given (newest first, by convention). Each entry's link and id is
 * {@code site.url(entry.path())}. An entry with {@code contentHtml} carries the full post; one
 * without carries only its summary. An entry's {@code published} time is required; a {@code null}
 * {@code updated} means it never changed. The feed's own date is the newest entry's {@code
 * updated}, or {@code fallbackUpdated} when there are no entries, so the output depends only on the
 * arguments and can be cached. Every text value is escaped; characters XML cannot carry become
 * U+FFFD.
 *
 * <p>Thread-safe: static methods without shared mutable state.
 */
public final class Feeds {

  /** The name written as the feeds' generator. */
  public static final String GENERATOR = "Inkwell";

  private Feeds() {}

  /**
   * The RSS 2.0 feed, with the content, Dublin Core and Atom ({@code atom:link}) namespaces.
   * Readers treat RSS descriptions as HTML, so the site description and the summaries are written
   * as HTML that shows their text ({@code a < b} as {@code a &lt; b}); titles, tags and authors are
   * plain text.
   */
  public static String rss(SiteInfo site, List<FeedEntry> entries, Instant fallbackUpdated) {
    return RssFeed.write(site, entries, newest(entries, fallbackUpdated));
  }

  /** The Atom 1.0 feed (RFC 4287). */
  public static String atom(SiteInfo site, List<FeedEntry> entries, Instant fallbackUpdated) {
    return AtomFeed.write(site, entries, newest(entries, fallbackUpdated));
  }

  /** The JSON Feed 1.1 document; JSON Feed has no feed-level date. */
  public static String jsonFeed(SiteInfo site, List<FeedEntry> entries) {
    return JsonFeed.write(site, entries);
  }

  /** When the entry last changed: {@code updated}, or {@code published} when that is null. */
  static Instant updated(FeedEntry entry) {
    return entry.updated() != null ? entry.updated() : published(entry);
  }

  static Instant published(FeedEntry entry) {
    return Objects.requireNonNull(entry.published(), () -> "published time of " + entry.path());
  }

  /** The entry's absolute URL, which is also its id. */
  static String link(SiteInfo site, FeedEntry entry) {
    return site.url(entry.path());
  }

  private static Instant newest(List<FeedEntry> entries, Instant fallback) {
    Objects.requireNonNull(fallback, "fallbackUpdated");
    return entries.stream().map(Feeds::updated).max(Instant::compareTo).orElse(fallback);
  }
}
