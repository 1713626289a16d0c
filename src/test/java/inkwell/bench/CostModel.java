package inkwell.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS cost from the measured figures: per million page views and per thousand publishes, with the
 * prices and every assumption written next to the result (in the table and the JSON).
 */
final class CostModel {

  // Prices, us-east-1, on-demand, as published by AWS in 2025 (checked for this benchmark).
  static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
  static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
  static final double HTTP_API_PER_REQUEST = 1.00 / 1e6;
  static final double DYNAMO_PER_READ_UNIT = 0.125 / 1e6;
  static final double DYNAMO_PER_WRITE_UNIT = 0.625 / 1e6;
  static final double S3_PER_GET = 0.0004 / 1000;
  static final double S3_PER_PUT = 0.005 / 1000;

  // CloudFront, pay as you go, United States and Europe, and data out of the region to the
  // internet; read 2026-12-01 (see docs/BENCHMARKS.md, "Method").
  static final String CDN_PRICES_AS_OF =
      "2026-12-01 (CloudFront pay-as-you-go, United States/Europe edge locations)";
  static final double CLOUDFRONT_PER_HTTPS_REQUEST = 0.0100 / 10_000;
  static final double CLOUDFRONT_PER_GB_OUT = 0.085;
  static final double CLOUDFRONT_FUNCTION_PER_INVOCATION = 0.10 / 1e6;
  static final double CLOUDFRONT_PER_INVALIDATION_PATH = 0.005; // after 1,000 paths a month
  static final double INTERNET_PER_GB_OUT = 0.09; // API Gateway's responses, first 10 TB

  // Assumptions.
  static final double MEMORY_GB = 1.0; // template.yaml: MemorySize 1024
  static final double COLD_SHARE_OF_VIEWS = 0.01; // AWS: INITs occur in under 1% of invocations
  static final Map<String, Double> PAGE_MIX =
      Map.of("post", 0.70, "home", 0.20, "tag", 0.05, "feed", 0.05);

  /** What the benchmarks measured; filled in as they run. */
  static final class Inputs {
    PublishBench.Figures publish;
    PageBench.Figures pages;
    ColdStartBench.Figures cold;

    boolean complete() {
      return publish != null && pages != null && cold != null;
    }
  }

  private CostModel() {}

  static void report(Inputs in, Report report) {
    // Page views.
    double durationMs = 0;
    double readUnits = 0;
    double s3Gets = 0;
    for (Map.Entry<String, Double> mix : PAGE_MIX.entrySet()) {
      PageBench.PageFigures page = in.pages.pages().get(mix.getKey());
      durationMs += mix.getValue() * Math.ceil(page.p50Ms());
      readUnits += mix.getValue() * page.readUnits();
      s3Gets += mix.getValue() * page.requests().stream().filter("GetObject"::equals).count();
    }
    double siteColdMs = bestSite(in.cold);
    double view =
        HTTP_API_PER_REQUEST
            + LAMBDA_PER_REQUEST
            + durationMs / 1000 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND
            + COLD_SHARE_OF_VIEWS * siteColdMs / 1000 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND
            + readUnits * DYNAMO_PER_READ_UNIT
            + s3Gets * S3_PER_GET;
    double perMillionViews = view * 1e6;
    double httpApiShare = HTTP_API_PER_REQUEST * 1e6;

    // Publishes: every publish assumed to be a cold start (authors publish rarely).
    PublishBench.Figures p = in.publish;
    double publishColdMs = in.cold.medians().get("publish").totalMs();
    double gsiWrites = 1 + 2 * Corpus.TAGS_PER_POST;
    double publish =
        LAMBDA_PER_REQUEST
            + Math.ceil(p.handlerMedianMs()) / 1000 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND
            + publishColdMs / 1000 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND
            + (p.writeUnitsPerPost() + gsiWrites) * DYNAMO_PER_WRITE_UNIT
            + p.readUnitsPerPost() * DYNAMO_PER_READ_UNIT
            + (1 + p.s3PutsPerPost()) * S3_PER_PUT
            + p.s3GetsPerPost() * S3_PER_GET;
    double perThousandPublishes = publish * 1000;

    report.add(
        "Cost",
        "per million page views (HTTP API + Lambda + DynamoDB)",
        perMillionViews,
        "USD",
        "the HTTP API alone",
        httpApiShare);
    report.add(
        "Cost",
        "per thousand publishes (Lambda + DynamoDB + S3)",
        perThousandPublishes,
        "USD",
        "-",
        0);

    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put(
        "prices",
        Map.of(
            "region", "us-east-1",
            "asOf", "2025 (AWS price pages; DynamoDB on-demand after the November 2024 cut)",
            "lambdaArm64PerGbSecond", LAMBDA_ARM_PER_GB_SECOND,
            "lambdaPerMillionRequests", 0.20,
            "httpApiPerMillionRequests", 1.00,
            "dynamoDbPerMillionReadUnits", 0.125,
            "dynamoDbPerMillionWriteUnits", 0.625,
            "s3PerThousandGets", 0.0004,
            "s3PerThousandPuts", 0.005));
    cost.put(
        "assumptions",
        Map.of(
            "memoryMb",
            1024,
            "pageMix",
            PAGE_MIX,
            "coldShareOfViews",
            COLD_SHARE_OF_VIEWS,
            "initBilled",
            "INIT billed like duration since 1 August 2025",
            "publishesAllCold",
            true,
            "gsiWriteUnitsPerPublish",
            gsiWrites,
            "durations",
            "measured on this machine, not on Lambda's 1024 MB share of a vCPU",
            "excluded",
            "data transfer out, CloudWatch Logs, storage, free tiers"));
    cost.put("viewDurationMsBilled", durationMs);
    cost.put("viewReadUnits", readUnits);
    cost.put("siteColdStartMs", siteColdMs);
    cost.put("publishColdStartMs", publishColdMs);
    cost.put("perMillionViewsUsd", perMillionViews);
    cost.put("perThousandPublishesUsd", perThousandPublishes);
    report.detail("cost", cost);
  }

  private static double bestSite(ColdStartBench.Figures cold) {
    return cold.medians().entrySet().stream()
        .filter(e -> e.getKey().startsWith("site"))
        .mapToDouble(e -> e.getValue().totalMs())
        .min()
        .orElseThrow();
  }
}
