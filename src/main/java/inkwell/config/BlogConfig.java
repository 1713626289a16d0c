package inkwell.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where the blog's content lives and how sources are read. Every value is an environment variable
 * on Lambda: {@code INKWELL_BUCKET}, {@code INKWELL_TABLE}, {@code INKWELL_POSTS_PREFIX}, {@code
 * INKWELL_STATUS_PREFIX}, {@code INKWELL_BODIES_PREFIX}, {@code INKWELL_MEDIA_PREFIX}, {@code
 * INKWELL_MAX_SOURCE_BYTES}, {@code INKWELL_TIME_ZONE}, {@code INKWELL_SEARCH_QUEUE_URL}, {@code
 * INKWELL_SEARCH_PREFIX}.
 */
@ConfigurationProperties("inkwell")
public interface BlogConfig {

  /** The content bucket (Markdown sources, status files, spilled bodies). */
  @Nullable
  String getBucket();

  /** The posts table. */
  @Nullable
  String getTable();

  /** Key prefix of the Markdown sources; part of no slug. */
  @Bindable(defaultValue = "posts/")
  String getPostsPrefix();

  /** Key prefix of standalone pages (About, Now); part of no slug. Empty: no pages. */
  @Bindable(defaultValue = "pages/")
  String getPagesPrefix();

  /** Key prefix of the status files that say why an upload did not go live. */
  @Bindable(defaultValue = "_status/")
  String getStatusPrefix();

  /** Key prefix of post bodies too large for a DynamoDB item. */
  @Bindable(defaultValue = "_bodies/")
  String getBodiesPrefix();

  /** Key prefix of the images served at {@code /media/}. */
  @Bindable(defaultValue = "media/")
  String getMediaPrefix();

  /** Largest source file accepted, in bytes. */
  @Bindable(defaultValue = "1048576")
  long getMaxSourceBytes();

  /**
   * The permalink rules of the Hugo or Jekyll site the blog moved from ({@code
   * inkwell.pipeline.Permalinks#spec}, e.g. {@code jekyll /:year/:month/:day/:title/}); unset:
   * slugs come from the object keys. {@code ./preview SITE} sets it from the site's config.
   */
  @Nullable
  String getPermalinks();

  /** The site's time zone: dates written without a zone are read in it. */
  @Bindable(defaultValue = "UTC")
  String getTimeZone();

  /**
   * The search index's SQS FIFO queue, to which the publish function sends each change; unset: no
   * search index is kept.
   */
  @Nullable
  String getSearchQueueUrl();

  /**
   * The search queue's dead-letter queue (SQS FIFO), where the index function puts a change it has
   * failed on {@code IndexHandler.GIVE_UP_RECEIVES} times, so that the changes behind it go on;
   * unset: such a change stays on the search queue until the queue's own redrive moves it.
   */
  @Nullable
  String getSearchDeadLetterQueueUrl();

  /** Key prefix of the search index's snapshots and pointer (docs/SEARCH.md). */
  @Bindable(defaultValue = "_search/")
  String getSearchPrefix();
}
