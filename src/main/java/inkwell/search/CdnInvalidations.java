package inkwell.search;

import inkwell.aws.SqsSearchChanges;
import inkwell.storage.EdgeCache;
import inkwell.support.Json;
import inkwell.support.StructuredLog;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The index function's invalidations of the CDN, which never fail or hold up an index update: an
 * invalidation that CloudFront refuses is logged and asked for again through the search queue (a
 * message {@code {"invalidate": REFERENCE, "attempt": "2"}} behind the changes already waiting), at
 * most {@value #MAX_ATTEMPTS} times in all; the last refusal is logged as {@value #ABANDONED},
 * which the template's metric filter turns into an alarm. Pages then stay cached until the next
 * batch's invalidation or their {@code s-maxage}. Thread-safe if the edge cache is.
 */
public final class CdnInvalidations {

  /** Attempts per invalidation, the first included. */
  static final int MAX_ATTEMPTS = 3;

  /** The log event of an invalidation given up on (the template's alarm counts it). */
  public static final String ABANDONED = "cdn-invalidation-abandoned";

  private static final StructuredLog LOG = new StructuredLog("inkwell.cdn");

  /** A request to invalidate again, read from a queue message. */
  record Retry(String reference, int attempt) {

    String toJson() {
      return Json.object("invalidate", reference, "attempt", Integer.toString(attempt));
    }

    /** The retry a message body asks for, or empty if it is something else. */
    static Optional<Retry> fromJson(String body) {
      Map<String, String> fields;
      try {
        fields = Json.flatObject(body);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      String reference = fields.get("invalidate");
      if (reference == null || reference.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Retry(reference, Integer.parseInt(fields.get("attempt"))));
      } catch (NumberFormatException e) {
        return Optional.of(new Retry(reference, MAX_ATTEMPTS));
      }
    }
  }

  private final Supplier<EdgeCache> edgeCache;
  private final Supplier<SqsClient> sqs;
  private final String queueUrl;

  /**
   * Invalidates through {@code edgeCache} and queues retries on {@code queueUrl} (none if null or
   * blank); both suppliers are called only when needed.
   */
  CdnInvalidations(Supplier<EdgeCache> edgeCache, Supplier<SqsClient> sqs, String queueUrl) {
    this.edgeCache = Objects.requireNonNull(edgeCache, "edgeCache");
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queueUrl = queueUrl == null ? "" : queueUrl.strip();
  }

  /** Invalidates everything for the batch {@code reference}; this is attempt {@code attempt}. */
  void invalidate(String reference, int attempt) {
    try {
      edgeCache.get().invalidateAll(reference);
      return;
    } catch (RuntimeException e) {
      boolean last = attempt >= MAX_ATTEMPTS || queueUrl.isEmpty();
      LOG.warn(
          "event",
          last ? ABANDONED : "cdn-invalidation-retried-later",
          "reference",
          reference,
          "attempt",
          attempt,
          "error",
          String.valueOf(e.getMessage()));
      if (last) {
        return;
      }
    }
    Retry retry = new Retry(reference, attempt + 1);
    try {
      sqs.get()
          .sendMessage(
              r ->
                  r.queueUrl(queueUrl)
                      .messageBody(retry.toJson())
                      .messageGroupId(SqsSearchChanges.MESSAGE_GROUP)
                      .messageDeduplicationId(reference + "-" + retry.attempt()));
    } catch (RuntimeException e) {
      LOG.warn(
          "event", ABANDONED,
          "reference", reference,
          "attempt", attempt,
          "error", "the retry could not be queued: " + e.getMessage());
    }
  }
}
