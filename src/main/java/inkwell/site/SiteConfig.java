package inkwell.site;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The reader's site settings, from {@code inkwell.site.*} properties: on Lambda the environment
 * variables {@code INKWELL_SITE_TITLE}, {@code INKWELL_SITE_BASE_URL}, ... that the SAM template
 * sets from its parameters.
 */
@ConfigurationProperties("inkwell.site")
public interface SiteConfig {

  @Bindable(defaultValue = "Inkwell")
  String getTitle();

  @Bindable(defaultValue = "A blog")
  String getDescription();

  /**
   * The public URL of the site, used in canonical links, feeds and sitemaps. Empty (the default):
   * the origin each request was sent to ({@link SiteRequest#origin}).
   */
  @Bindable(defaultValue = "")
  String getBaseUrl();

  /**
   * The key the CDN in front sends as {@value SiteRequest#CDN_KEY_HEADER} with every request it
   * forwards (the template's distribution does, with the id of its cache policy, which readers
   * never see); empty (the default): no CDN. A request's {@code X-Forwarded-Host}, which the CDN
   * sets to the host the reader asked for, names its origin only when the request carries this key:
   * anyone can send {@code X-Forwarded-Host} to the API directly, and would otherwise choose the
   * host the site's links point at (and make the site keep a page cache for it).
   */
  @Bindable(defaultValue = "")
  String getCdnKey();

  /** The author of posts that name none; empty or absent: none is shown. */
  @Nullable
  String getAuthor();

  /** BCP 47 language tag of the site ({@code en}, {@code de-CH}). */
  @Bindable(defaultValue = "en")
  String getLanguage();

  @Bindable(defaultValue = "10")
  int getPostsPerPage();

  /** How many posts the feeds carry. */
  @Bindable(defaultValue = "20")
  int getFeedSize();

  /** Full post bodies in RSS, Atom and JSON Feed; false for summaries only. */
  @Bindable(defaultValue = "true")
  boolean isFeedFullContent();

  /** {@code Cache-Control: max-age} for pages and feeds, in seconds (browsers). */
  @Bindable(defaultValue = "60")
  int getMaxAge();

  /** {@code Cache-Control: s-maxage}, in seconds (a CDN in front). */
  @Bindable(defaultValue = "300")
  int getSharedMaxAge();

  /** {@code Cache-Control: stale-while-revalidate}, in seconds. */
  @Bindable(defaultValue = "86400")
  int getStaleWhileRevalidate();

  /**
   * How long a warm function keeps a rendered response, in seconds; 0 turns the cache off. A
   * changed post is visible after at most this long (plus any CDN caching).
   */
  @Bindable(defaultValue = "0")
  int getRenderCacheSeconds();

  /**
   * How long a warm function keeps what every page shares (the newest and oldest post, which decide
   * the older and newer links), in seconds; 0 reads it for every page.
   */
  @Bindable(defaultValue = "60")
  int getSharedCacheSeconds();
}
