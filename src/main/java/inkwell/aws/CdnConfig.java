package inkwell.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The CDN in front of the site, as the index function sees it: {@code INKWELL_CDN_DISTRIBUTION_ID},
 * the CloudFront distribution it invalidates after each batch of published changes. The template
 * sets it to the stack's distribution when {@code Cdn} is true, and to an empty string otherwise.
 */
@ConfigurationProperties("inkwell.cdn")
public interface CdnConfig {

  /** The CloudFront distribution id; empty or unset: no CDN, nothing is invalidated. */
  @Nullable
  String getDistributionId();
}
