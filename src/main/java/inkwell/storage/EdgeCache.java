package inkwell.storage;

/**
 * The CDN's caches in front of the site, which keep pages for as long as the site's {@code
 * Cache-Control} allows (on AWS: a CloudFront distribution; in the preview and under {@code sam
 * local}: none). After a batch of published changes is applied, everything they hold is dropped at
 * once, so that a long {@code s-maxage} does not keep old pages after a publish.
 *
 * <pre>{@code
 * edgeCache.invalidateAll("inkwell-batch-" + hashOfTheBatchsMessageIds);
 * }</pre>
 */
public interface EdgeCache {

  /** No CDN to tell (the distribution is not configured). */
  EdgeCache NONE = batchReference -> {};

  /**
   * Drops every cached page. {@code batchReference} names the batch of changes: sent again for the
   * same batch (a retried delivery), it asks for the same invalidation, which the CDN does not do
   * or bill twice. Throws if the invalidation could not be requested, so that the batch is retried.
   */
  void invalidateAll(String batchReference);

  /**
   * Opens the edge cache of one CDN distribution: the CloudFront adapter on AWS. Kept apart from
   * {@link EdgeCache} so that the function builds no client at all when no distribution is
   * configured.
   */
  @FunctionalInterface
  interface Opener {
    EdgeCache open(String distributionId);
  }
}
