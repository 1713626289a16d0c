package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.site.SitePaths;
import inkwell.testenv.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDN block of {@code template.yaml}: a CloudFront distribution in front of the HTTP API, and
 * each known trap of that arrangement handled (docs/AWS.md, "The CDN"). cfn-lint 1.51 and the SAM
 * translator 1.110 pass the template; they are not part of the build (docs/AWS.md).
 */
class CdnTemplateTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  /** Managed origin request policies, by the IDs CloudFront documents for CloudFormation. */
  static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

  static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String key) {
    return (Map<String, Object>) ((Map<?, ?>) value).get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static Map<String, Object> distribution() {
    return map(TEMPLATE.properties("SiteDistribution"), "DistributionConfig");
  }

  private static Map<String, Object> behavior() {
    return map(distribution(), "DefaultCacheBehavior");
  }

  private static Map<String, Object> cacheKey() {
    return map(
        map(TEMPLATE.properties("SiteCachePolicy"), "CachePolicyConfig"),
        "ParametersInCacheKeyAndForwardedToOrigin");
  }

  private static Map<String, Object> parameter(String name) {
    return map(TEMPLATE.root().get("Parameters"), name);
  }

  private static Object condition(String name) {
    return map(TEMPLATE.root(), "Conditions").get(name);
  }

  private static Object conditionOf(String resource) {
    return ((Map<?, ?>) TEMPLATE.resources().get(resource)).get("Condition");
  }

  @Nested
  class TheSwitch {

    @Test
    void theCdnIsOnByDefaultAndEveryCdnResourceHangsOnTheParameter() {
      assertThat(parameter("Cdn").get("Default")).isEqualTo("true");
      assertThat(parameter("Cdn").get("AllowedValues")).isEqualTo(List.of("true", "false"));
      assertThat(condition("HasCdn"))
          .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Cdn"), "true")));
      assertThat(conditionOf("SiteDistribution")).isEqualTo("HasCdn");
      assertThat(conditionOf("SiteCachePolicy")).isEqualTo("HasCdn");
      assertThat(conditionOf("SiteViewerHostFunction")).isEqualTo("CdnForwardsViewerHost");
      assertThat(References.in(condition("CdnForwardsViewerHost"))).isEmpty();
      assertThat(condition("CdnForwardsViewerHost").toString()).contains("HasCdn", "HasBaseUrl");
    }

    @Test
    void theSiteUrlIsTheDistributionsUnlessABaseUrlIsGiven() {
      Object siteUrl = map(map(TEMPLATE.root(), "Outputs"), "SiteUrl").get("Value");
      assertThat(siteUrl.toString())
          .contains("HasBaseUrl", "HasCdn", "https://${SiteDistribution.DomainName}");
      assertThat(map(map(TEMPLATE.root(), "Outputs"), "CdnDomainName").get("Condition"))
          .isEqualTo("HasCdn");
    }
  }

  /** A publish reaches readers by invalidation, so the cache may keep pages for a day. */
  @Nested
  class Freshness {

    @Test
    void pagesAreKeptADayBecauseTheIndexFunctionInvalidatesAfterEachBatch() {
      assertThat(String.valueOf(parameter("CdnCacheSeconds").get("Default"))).isEqualTo("86400");
      for (String function : List.of("SiteFunction", "SearchFunction")) {
        assertThat(Functions.environment(TEMPLATE, function).get("INKWELL_SITE_SHARED_MAX_AGE"))
            .as(function)
            .isEqualTo(Map.of("Ref", "CdnCacheSeconds"));
        assertThat(
                Functions.environment(TEMPLATE, function)
                    .get("INKWELL_SITE_STALE_WHILE_REVALIDATE"))
            .as(function)
            .isEqualTo("86400");
      }
      // The invalidation: the index function (fed every published change by the search queue) is
      // told the distribution, and may invalidate it (PoliciesTest.TheCdnInvalidation).
      assertThat(
              Functions.environment(TEMPLATE, "IndexFunction").get("INKWELL_CDN_DISTRIBUTION_ID"))
          .isEqualTo(
              Map.of(
                  "Fn::If",
                  List.of("HasCdn", Map.of("Fn::GetAtt", List.of("SiteDistribution", "Id")), "")));
      assertThat(References.in(TEMPLATE.properties("IndexFunction").get("Events")))
          .containsExactly("SearchQueue");
    }
  }

  @Nested
  class TheOrigin {

    @Test
    void isTheHttpApiOverHttpsOnly() {
      Map<?, ?> origin = (Map<?, ?>) ((List<?>) distribution().get("Origins")).get(0);
      assertThat(origin.get("DomainName"))
          .isEqualTo(Map.of("Fn::Sub", "${SiteApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"));
      assertThat(map(origin, "CustomOriginConfig").get("OriginProtocolPolicy"))
          .isEqualTo("https-only");
      assertThat(behavior().get("TargetOriginId")).isEqualTo(origin.get("Id"));
    }

    @Test
    void neverReceivesTheReadersHostHeaderWhichTheApiWouldRefuseWith403() {
      assertThat(behavior().get("OriginRequestPolicyId"))
          .isEqualTo(ALL_VIEWER_EXCEPT_HOST_HEADER)
          .isNotEqualTo(ALL_VIEWER);
      assertThat(behavior()).doesNotContainKey("ForwardedValues");
    }

    @Test
    void everyMethodReachesTheSiteForIts405ButOnlyGetAndHeadAreCached() {
      assertThat(list(behavior().get("AllowedMethods")))
          .containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");
      assertThat(list(behavior().get("CachedMethods"))).containsExactly("GET", "HEAD");
    }
  }

  @Nested
  class TheCacheKey {

    @Test
    void holdsTheQueryParametersThatChangeAPageAndNoOthers() {
      Map<String, Object> query = map(cacheKey(), "QueryStringsConfig");
      assertThat(query.get("QueryStringBehavior")).isEqualTo("whitelist");
      assertThat(list(query.get("QueryStrings")))
          .containsExactlyInAnyOrderElementsOf(SitePaths.QUERY_PARAMETERS)
          .doesNotContain("utm_source", "fbclid");
    }

    @Test
    void normalisesAcceptEncodingSoGzipBrotliAndPlainCopiesAreNeverMixedUp() {
      assertThat(cacheKey().get("EnableAcceptEncodingGzip")).isEqualTo("true");
      assertThat(cacheKey().get("EnableAcceptEncodingBrotli")).isEqualTo("true");
      assertThat(map(cacheKey(), "HeadersConfig").get("HeaderBehavior")).isEqualTo("none");
      assertThat(map(cacheKey(), "CookiesConfig").get("CookieBehavior")).isEqualTo("none");
      assertThat(behavior().get("Compress")).isEqualTo("true");
    }

    @Test
    void keepsWhatTheSitesCacheControlSaysAndNothingThatCameWithoutOne() {
      Map<?, ?> policy = map(TEMPLATE.properties("SiteCachePolicy"), "CachePolicyConfig");
      // MinTTL 0: no-store and private are honoured. DefaultTTL 0: a response without
      // Cache-Control (API Gateway's own 429 or 413) is not kept. MaxTTL: the stylesheet's year.
      assertThat(policy.get("MinTTL")).isEqualTo("0");
      assertThat(policy.get("DefaultTTL")).isEqualTo("0");
      assertThat(Long.parseLong(policy.get("MaxTTL").toString())).isGreaterThanOrEqualTo(31536000);
      assertThat(behavior().get("CachePolicyId")).isEqualTo(Map.of("Ref", "SiteCachePolicy"));
    }
  }

  @Nested
  class Errors {

    private Map<String, String> minimumTtls() {
      Map<String, String> ttls = new java.util.TreeMap<>();
      for (Object entry : (List<?>) distribution().get("CustomErrorResponses")) {
        Map<?, ?> error = (Map<?, ?>) entry;
        assertThat(error.containsKey("ResponsePagePath")).isFalse();
        ttls.put(error.get("ErrorCode").toString(), error.get("ErrorCachingMinTTL").toString());
      }
      return ttls;
    }

    @Test
    void aServerErrorOrAClientErrorAboutOneRequestIsNeverKept() {
      // CloudFront ignores no-store and private on these codes (but 414 and 501) and keeps them
      // for the error caching minimum TTL, 10 seconds unless set.
      for (String code : List.of("500", "501", "502", "503", "504", "400", "405", "414")) {
        assertThat(minimumTtls()).as(code).containsEntry(code, "0");
      }
    }

    @Test
    void aMissingPageForTheSitesMinute() {
      // The site's 404 says "public, max-age=60, s-maxage=60" (CacheHeadersTest).
      assertThat(minimumTtls()).containsEntry("404", "60");
    }
  }

  @Test
  void readersGetHttp2And3CompressionIpv6AndHttpsOnly() {
    assertThat(distribution().get("HttpVersion")).isEqualTo("http2and3");
    assertThat(distribution().get("IPV6Enabled")).isEqualTo("true");
    assertThat(behavior().get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
  }

  @Nested
  class ACustomDomain {

    private final Pattern certificate =
        Pattern.compile(parameter("CertificateArn").get("AllowedPattern").toString());

    @Test
    void needsItsCertificateInUsEast1() {
      String id = "12345678-90ab-cdef-1234-567890abcdef";
      assertThat(certificate.matcher("").matches()).isTrue();
      assertThat(
              certificate.matcher("arn:aws:acm:us-east-1:123456789012:certificate/" + id).matches())
          .isTrue();
      for (String region : List.of("eu-west-1", "us-east-2", "us-west-2")) {
        assertThat(
                certificate
                    .matcher("arn:aws:acm:" + region + ":123456789012:certificate/" + id)
                    .matches())
            .as(region)
            .isFalse();
      }
      assertThat(certificate.matcher("arn:aws:iam::123456789012:server-certificate/x").matches())
          .isFalse();
    }

    @Test
    void needsABaseUrlWhoseHostItServesAndTheCdn() {
      Map<?, ?> rule = map(map(TEMPLATE.root(), "Rules"), "CertificateNeedsBaseUrlAndCdn");
      assertThat(References.in(rule.get("RuleCondition"))).containsExactly("CertificateArn");
      assertThat(References.in(rule.get("Assertions"))).containsExactlyInAnyOrder("BaseUrl", "Cdn");
      Object aliases = distribution().get("Aliases");
      assertThat(aliases.toString()).contains("HasCustomDomain");
      // Fn::Select 2 of Fn::Split "/" is the host: https: / "" / blog.example.com / ...
      assertThat("https://blog.example.com".split("/")[2]).isEqualTo("blog.example.com");
      assertThat(aliases.toString()).contains("Fn::Select=[2, {Fn::Split=[/, {Ref=BaseUrl}]}]");
      Map<?, ?> certificateConfig =
          (Map<?, ?>) ((List<?>) map(distribution(), "ViewerCertificate").get("Fn::If")).get(1);
      assertThat(certificateConfig.get("AcmCertificateArn"))
          .isEqualTo(Map.of("Ref", "CertificateArn"));
      assertThat(certificateConfig.get("SslSupportMethod")).isEqualTo("sni-only");
    }
  }

  @Nested
  class TheReadersHost {

    @Test
    void theSiteTrustsTheForwardedHostExactlyWhenTheCdnIsInFront() {
      assertThat(
              Functions.environment(TEMPLATE, "SiteFunction")
                  .get("INKWELL_SITE_TRUST_FORWARDED_HOST"))
          .isEqualTo(Map.of("Ref", "Cdn"));
      // Without a base URL the function must be attached, or a reader's own X-Forwarded-Host
      // would reach the site (the origin request policy forwards every viewer header).
      Object associations = behavior().get("FunctionAssociations");
      List<?> branches = (List<?>) ((Map<?, ?>) associations).get("Fn::If");
      assertThat(branches.get(0)).isEqualTo("CdnForwardsViewerHost");
      Map<?, ?> association = (Map<?, ?>) ((List<?>) branches.get(1)).get(0);
      assertThat(association.get("EventType")).isEqualTo("viewer-request");
      assertThat(References.in(association.get("FunctionARN")))
          .containsExactly("SiteViewerHostFunction");
    }

    @Test
    void theFunctionSetsTheReadersHostOverwritingOneTheReaderSent(@TempDir Path dir)
        throws Exception {
      String code = TEMPLATE.properties("SiteViewerHostFunction").get("FunctionCode").toString();
      Map<?, ?> spoofed =
          run(
              dir,
              code,
              "{\"request\":{\"method\":\"GET\",\"uri\":\"/\",\"querystring\":{},"
                  + "\"headers\":{\"host\":{\"value\":\"d111111abcdef8.cloudfront.net\"},"
                  + "\"x-forwarded-host\":{\"value\":\"evil.example\"}},\"cookies\":{}}}");
      assertThat(map(map(spoofed, "headers"), "x-forwarded-host").get("value"))
          .isEqualTo("d111111abcdef8.cloudfront.net");
      assertThat(map(map(spoofed, "headers"), "host").get("value"))
          .isEqualTo("d111111abcdef8.cloudfront.net");
      assertThat(
              map(TEMPLATE.properties("SiteViewerHostFunction"), "FunctionConfig").get("Runtime"))
          .isEqualTo("cloudfront-js-2.0");
    }

    /**
     * Runs the function's {@code handler} on {@code event} with Node.js; the request it returns.
     */
    private Map<?, ?> run(Path dir, String code, String event) throws Exception {
      Path script = dir.resolve("function.js");
      Files.writeString(
          script,
          code + "\nprocess.stdout.write(JSON.stringify(handler(" + event + ")));\n",
          StandardCharsets.UTF_8);
      Process node =
          new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).as(out).isZero();
      return new ObjectMapper().readValue(out, Map.class);
    }

    @Test
    void theDistributionWaitsForTheApiAndNothingTheSiteNeedsWaitsForIt() {
      DependencyGraph graph = DependencyGraph.of(TEMPLATE);
      assertThat(graph.needs("SiteDistribution"))
          .contains("SiteApi", "SiteCachePolicy", "SiteViewerHostFunction");
      assertThat(graph.dependsOn("SiteFunction", "SiteDistribution")).isFalse();
      assertThat(graph.dependsOn("SiteFunction.Alias", "SiteDistribution")).isFalse();
      assertThat(graph.findCycle()).isEmpty();
    }
  }
}
