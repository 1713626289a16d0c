package inkwell.site.feed;

import java.time.Instant;

/** One URL of a sitemap: a site path and when its content last changed (or {@code null}). */
public record SitemapUrl(String path, Instant lastModified) {}
