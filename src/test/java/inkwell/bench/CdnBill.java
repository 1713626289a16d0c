package inkwell.bench;

/**
 * What one way of serving a trace uses, in the units AWS bills, and its price: list prices (what
 * the cost rows compare), or a monthly bill with the perpetual free tiers taken off first.
 *
 * <p>Per million views, list prices: {@code (V * cfRequest + GB * cfOut + V * cfFunction + O * (api
 * + lambdaRequest) + GBs * lambda + RRU * read + S3 * get + GBdirect * internetOut + paths *
 * invalidation) / V * 1e6}, where V is views, O requests that reached the site, GBs the site's
 * billed GB-seconds, RRU its read units, S3 its S3 GETs (or the floor's), GBdirect the bytes sent
 * without a CDN.
 */
record CdnBill(
    long views,
    long cdnRequests,
    double cdnGigabytes,
    long cdnFunctions,
    long apiRequests,
    long lambdaRequests,
    double lambdaGbSeconds,
    double readUnits,
    long s3Gets,
    double internetGigabytes,
    long invalidationPaths,
    int months) {

  // Perpetual free tiers, per month (CloudFront since 2021; Lambda; data out of AWS regions).
  static final long FREE_CDN_REQUESTS = 10_000_000;
  static final double FREE_CDN_GIGABYTES = 1000;
  static final long FREE_CDN_FUNCTIONS = 2_000_000;
  static final long FREE_INVALIDATION_PATHS = 1000;
  static final long FREE_LAMBDA_REQUESTS = 1_000_000;
  static final double FREE_LAMBDA_GB_SECONDS = 400_000;
  static final double FREE_INTERNET_GIGABYTES = 100;

  /** US dollars per million views, at list prices (the free invalidation paths excepted). */
  double perMillionViews() {
    return usd(false) / views * 1e6;
  }

  /** US dollars per million views once each month's free tiers are taken off. */
  double perMillionViewsAfterFreeTiers() {
    return usd(true) / views * 1e6;
  }

  private double usd(boolean freeTiers) {
    return months
        * (over(cdnRequests, FREE_CDN_REQUESTS, freeTiers) * CostModel.CLOUDFRONT_PER_HTTPS_REQUEST
            + over(cdnGigabytes, FREE_CDN_GIGABYTES, freeTiers) * CostModel.CLOUDFRONT_PER_GB_OUT
            + over(cdnFunctions, FREE_CDN_FUNCTIONS, freeTiers)
                * CostModel.CLOUDFRONT_FUNCTION_PER_INVOCATION
            + over(invalidationPaths, FREE_INVALIDATION_PATHS, true)
                * CostModel.CLOUDFRONT_PER_INVALIDATION_PATH
            + apiRequests / (double) months * CostModel.HTTP_API_PER_REQUEST
            + over(lambdaRequests, FREE_LAMBDA_REQUESTS, freeTiers) * CostModel.LAMBDA_PER_REQUEST
            + over(lambdaGbSeconds, FREE_LAMBDA_GB_SECONDS, freeTiers)
                * CostModel.LAMBDA_ARM_PER_GB_SECOND
            + readUnits / months * CostModel.DYNAMO_PER_READ_UNIT
            + s3Gets / (double) months * CostModel.S3_PER_GET
            + over(internetGigabytes, FREE_INTERNET_GIGABYTES, freeTiers)
                * CostModel.INTERNET_PER_GB_OUT);
  }

  /** A month's share of {@code total} beyond {@code free} (when free tiers count). */
  private double over(double total, double free, boolean freeTiers) {
    double monthly = total / months;
    return freeTiers ? Math.max(0, monthly - free) : monthly;
  }
}
