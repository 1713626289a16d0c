package inkwell.aws;

import inkwell.storage.EdgeCache;
import inkwell.support.StructuredLog;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;
import software.amazon.awssdk.services.cloudfront.model.Invalidation;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;

/**
 * A CloudFront distribution as the site's {@link EdgeCache}: one CreateInvalidation of the single
 * path {@code /*} per call, with the batch reference as its {@code CallerReference}, so a retried
 * batch gets the invalidation it already asked for instead of a second one (CloudFront answers a
 * repeated reference with the same paths with the existing invalidation, and bills it once).
 *
 * <p>CloudFront allows 15 wildcard paths in progress per distribution; a burst of batches beyond
 * that is answered with {@code TooManyInvalidationsInProgress}, which the client built by {@link
 * AwsClients#cloudFront} retries with backoff for about a minute, slowing the batches to
 * CloudFront's pace. Any failure left after that is logged (distribution, reference, cause) and
 * thrown, so that the batch is delivered again. Thread-safe.
 */
public final class CloudFrontEdgeCache implements EdgeCache {

  /** The one path invalidated: every page, feed and file of the distribution. */
  public static final String ALL_PATHS = "/*";

  private static final StructuredLog LOG = new StructuredLog("inkwell.cdn");

  private final CloudFrontClient cloudFront;
  private final String distributionId;

  public CloudFrontEdgeCache(CloudFrontClient cloudFront, String distributionId) {
    this.cloudFront = Objects.requireNonNull(cloudFront, "cloudFront");
    if (distributionId == null || distributionId.isBlank()) {
      throw new IllegalArgumentException("a CloudFront distribution id is needed");
    }
    this.distributionId = distributionId.strip();
  }

  /** Opens distributions with the clients of {@code settings} (the index function's opener). */
  public static EdgeCache.Opener opener(AwsClients.Settings settings) {
    return id -> new CloudFrontEdgeCache(AwsClients.cloudFront(settings), id);
  }

  @Override
  public void invalidateAll(String batchReference) {
    Objects.requireNonNull(batchReference, "batchReference");
    CreateInvalidationResponse response;
    try {
      response =
          cloudFront.createInvalidation(
              r ->
                  r.distributionId(distributionId)
                      .invalidationBatch(
                          b ->
                              b.callerReference(batchReference)
                                  .paths(p -> p.quantity(1).items(ALL_PATHS))));
    } catch (SdkException e) {
      String code =
          e instanceof AwsServiceException service && service.awsErrorDetails() != null
              ? service.awsErrorDetails().errorCode()
              : e.getClass().getSimpleName();
      LOG.warn(
          "event", "cdn-invalidation-failed",
          "distribution", distributionId,
          "reference", batchReference,
          "error", code,
          "message", e.getMessage());
      throw new IllegalStateException(describe(e, code), e);
    }
    Invalidation invalidation = response.invalidation();
    LOG.info(
        "event",
        "cdn-invalidated",
        "distribution",
        distributionId,
        "reference",
        batchReference,
        "invalidation",
        invalidation == null ? null : invalidation.id(),
        "status",
        invalidation == null ? null : invalidation.status(),
        "paths",
        ALL_PATHS);
  }

  private String describe(SdkException e, String code) {
    String what = "CloudFront distribution " + distributionId;
    if (e instanceof NoSuchDistributionException) {
      return "cannot invalidate "
          + what
          + ": no such distribution (INKWELL_CDN_DISTRIBUTION_ID names one that does not exist"
          + " in this account)";
    }
    return "cannot invalidate " + what + " (" + code + "): " + e.getMessage();
  }

  @Override
  public String toString() {
    return "CloudFront distribution " + distributionId;
  }
}
