package inkwell.cli;

import inkwell.pipeline.PostPipeline;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The deployed blog a command works on.
 *
 * @param siteUrl the site's URL ending in {@code /}, or {@code null} if unknown (then no URLs are
 *     printed)
 * @param searchQueueUrl the search index's queue, or {@code null} if unknown (then {@code reindex}
 *     cannot ask for the search index to be rebuilt)
 */
record Target(
    String bucket,
    String table,
    String siteUrl,
    String postsPrefix,
    String pagesPrefix,
    String statusPrefix,
    String mediaPrefix,
    String timeZone,
    long maxSourceBytes,
    String publishQueueUrl,
    String deadLetterQueueUrl,
    String searchQueueUrl) {

  Target {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(postsPrefix, "postsPrefix");
    Objects.requireNonNull(pagesPrefix, "pagesPrefix");
    Objects.requireNonNull(statusPrefix, "statusPrefix");
    Objects.requireNonNull(mediaPrefix, "mediaPrefix");
    Objects.requireNonNull(timeZone, "timeZone");
    if (siteUrl != null && !siteUrl.endsWith("/")) {
      siteUrl = siteUrl + "/";
    }
  }

  /** From {@code INKWELL_BUCKET}, {@code INKWELL_TABLE}, {@code INKWELL_SITE_BASE_URL}. */
  static Target fromEnvironment(Map<String, String> env) {
    String bucket = set(env, "INKWELL_BUCKET");
    String table = set(env, "INKWELL_TABLE");
    if (bucket == null || table == null) {
      throw new CliException(
          ExitCode.NO_ACCESS,
          "which blog? Give --stack NAME, or set INKWELL_BUCKET and INKWELL_TABLE"
              + (bucket == null ? "" : " (INKWELL_TABLE is not set)"));
    }
    return new Target(
        bucket,
        table,
        set(env, "INKWELL_SITE_BASE_URL"),
        prefix(env, "INKWELL_POSTS_PREFIX", "posts/"),
        prefix(env, "INKWELL_PAGES_PREFIX", "pages/"),
        prefix(env, "INKWELL_STATUS_PREFIX", "_status/"),
        prefix(env, "INKWELL_MEDIA_PREFIX", "media/"),
        prefix(env, "INKWELL_TIME_ZONE", "UTC"),
        bytes(set(env, "INKWELL_MAX_SOURCE_BYTES")),
        set(env, "INKWELL_PUBLISH_QUEUE_URL"),
        set(env, "INKWELL_PUBLISH_DEAD_LETTER_QUEUE_URL"),
        set(env, "INKWELL_SEARCH_QUEUE_URL"));
  }

  /**
   * From a stack's outputs and parameters; prefixes the template does not expose from {@code env}.
   */
  static Target fromStack(
      String name,
      Map<String, String> outputs,
      Map<String, String> parameters,
      Map<String, String> env) {
    String bucket = outputs.get("ContentBucketName");
    String table = outputs.get("PostsTableName");
    if (bucket == null || table == null) {
      throw new CliException(
          ExitCode.NO_ACCESS,
          "stack "
              + name
              + " has no ContentBucketName and PostsTableName outputs: is it an Inkwell stack,"
              + " and is its deployment complete?");
    }
    String postsPrefix = parameters.get("PostsPrefix");
    String pagesPrefix = parameters.get("PagesPrefix");
    return new Target(
        bucket,
        table,
        outputs.get("SiteUrl"),
        postsPrefix != null && !postsPrefix.isBlank()
            ? postsPrefix
            : prefix(env, "INKWELL_POSTS_PREFIX", "posts/"),
        pagesPrefix != null && !pagesPrefix.isBlank()
            ? pagesPrefix
            : prefix(env, "INKWELL_PAGES_PREFIX", "pages/"),
        prefix(env, "INKWELL_STATUS_PREFIX", "_status/"),
        prefix(env, "INKWELL_MEDIA_PREFIX", "media/"),
        parameters.getOrDefault("TimeZone", prefix(env, "INKWELL_TIME_ZONE", "UTC")),
        bytes(parameters.getOrDefault("MaxSourceBytes", set(env, "INKWELL_MAX_SOURCE_BYTES"))),
        outputs.get("PublishQueueUrl"),
        outputs.get("PublishDeadLetterQueueUrl"),
        outputs.getOrDefault("SearchQueueUrl", set(env, "INKWELL_SEARCH_QUEUE_URL")));
  }

  private static long bytes(String value) {
    if (value == null || value.isBlank()) {
      return PostPipeline.DEFAULT_MAX_SOURCE_BYTES;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new CliException(
          ExitCode.USAGE,
          "the maximum source size must be a number of bytes, got \"" + value + "\"");
    }
  }

  /** The pipeline as the publish function runs it: same prefix, time zone and size limit. */
  PostPipeline pipeline() {
    try {
      return PostPipeline.builder()
          .postsPrefix(postsPrefix)
          .pagesPrefix(pagesPrefix)
          .zone(ZoneId.of(timeZone))
          .maxSourceBytes(maxSourceBytes)
          .build();
    } catch (DateTimeException e) {
      throw new CliException(ExitCode.USAGE, "the time zone \"" + timeZone + "\" is not one", e);
    }
  }

  /** The public URL of the post at {@code slug}, or {@code null} without a site URL. */
  String postUrl(String slug) {
    return siteUrl == null ? null : siteUrl + slug + "/";
  }

  private static String set(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String prefix(Map<String, String> env, String name, String fallback) {
    String value = set(env, name);
    return value == null ? fallback : value;
  }
}
