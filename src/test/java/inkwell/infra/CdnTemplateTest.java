package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import inkwell.site.SitePaths;
import inkwell.testenv.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDN block of {@code template.yaml}: a CloudFront distribution in front of the site function's
 * URL (and of the HTTP API for search), and each known trap of that arrangement handled
 * (docs/ARCHITECTURE.md, "The CDN"). cfn-lint 1.51 and the SAM translator 1.110 pass the template;
 * they are not part of the build (docs/ARCHITECTURE.md).
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

  /** The cache behaviours for other paths, by path pattern. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> pathBehaviors() {
    Map<String, Map<String, Object>> behaviors = new LinkedHashMap<>();
    for (Object entry : list(distribution().getOrDefault("CacheBehaviors", List.of()))) {
      Map<String, Object> behavior = (Map<String, Object>) entry;
      behaviors.put(behavior.get("PathPattern").toString(), behavior);
    }
    return behaviors;
  }

  /** The default behaviour and every path's. */
  private static List<Map<String, Object>> allBehaviors() {
    List<Map<String, Object>> all = new ArrayList<>(List.of(behavior()));
    all.addAll(pathBehaviors().values());
    return all;
  }

  /** The origin a behaviour sends its misses to, with the default CdnOrigin (the API). */
  private static Map<String, Object> originOf(Map<String, Object> behavior) {
    return originOf(behavior, false);
  }

  /** The origin a behaviour sends its misses to, with CdnOrigin=FunctionUrl or not. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> originOf(Map<String, Object> behavior, boolean functionUrl) {
    Object id = withOrigin(behavior.get("TargetOriginId"), functionUrl);
    return list(withOrigin(distribution().get("Origins"), functionUrl)).stream()
        .map(o -> (Map<String, Object>) o)
        .filter(o -> id.equals(o.get("Id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no origin " + id));
  }

  /**
   * {@code value} with each {@code !If [HasFunctionUrlOrigin, a, b]} taken as a or b, and b's
   * {@code AWS::NoValue} left out of lists.
   */
  private static Object withOrigin(Object value, boolean functionUrl) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1
          && map.get("Fn::If") instanceof List<?> branches
          && "HasFunctionUrlOrigin".equals(branches.get(0))) {
        return withOrigin(branches.get(functionUrl ? 1 : 2), functionUrl);
      }
      return map;
    }
    if (value instanceof List<?> items) {
      return items.stream()
          .map(item -> withOrigin(item, functionUrl))
          .filter(item -> !Map.of("Ref", "AWS::NoValue").equals(item))
          .toList();
    }
    return value;
  }

  /** The template's Lambda permissions for CloudFront, by action. */
  private static Map<String, Map<String, Object>> cloudFrontPermissions() {
    Map<String, Map<String, Object>> permissions = new TreeMap<>();
    TEMPLATE
        .resources()
        .forEach(
            (name, resource) -> {
              Map<String, Object> properties = TEMPLATE.properties(name);
              if ("AWS::Lambda::Permission".equals(((Map<?, ?>) resource).get("Type"))
                  && "cloudfront.amazonaws.com".equals(properties.get("Principal"))) {
                permissions.put(properties.get("Action").toString(), properties);
              }
            });
    return permissions;
  }

  /** The paths the HTTP API sends to the search function (its HttpApi events). */
  private static List<String> searchPaths() {
    return ((Map<?, ?>) TEMPLATE.properties("SearchFunction").get("Events"))
        .values().stream()
            .map(e -> ((Map<?, ?>) ((Map<?, ?>) e).get("Properties")).get("Path").toString())
            .toList();
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
      // The function URL only as the opt-in origin: pages go through the API by default.
      assertThat(parameter("CdnOrigin").get("Default")).isEqualTo("Api");
      assertThat(parameter("CdnOrigin").get("AllowedValues"))
          .isEqualTo(List.of("Api", "FunctionUrl"));
      assertThat(condition("HasFunctionUrlOrigin"))
          .isEqualTo(
              Map.of(
                  "Fn::And",
                  List.of(
                      Map.of("Condition", "HasCdn"),
                      Map.of("Fn::Equals", List.of(Map.of("Ref", "CdnOrigin"), "FunctionUrl")))));
      for (String resource :
          List.of(
              "SiteFunctionUrl",
              "SiteOriginAccessControl",
              "SiteUrlInvokeUrlPermission",
              "SiteUrlInvokePermission",
              "SiteUrlErrorsAlarm")) {
        assertThat(conditionOf(resource)).as(resource).isEqualTo("HasFunctionUrlOrigin");
      }
    }

    @Test
    void withoutTheCdnThereIsNoFunctionUrlNoCloudFrontResourceAndNoPermissionForCloudFront() {
      // Cdn=false: readers use the API; nothing may open a function URL or name CloudFront.
      Set<String> cdnResources =
          Set.of("SiteFunctionUrl", "SiteOriginAccessControl", "SiteDistribution");
      List<String> found = new ArrayList<>();
      TEMPLATE
          .resources()
          .forEach(
              (name, value) -> {
                Map<?, ?> resource = (Map<?, ?>) value;
                String type = resource.get("Type").toString();
                Map<String, Object> properties = TEMPLATE.properties(name);
                boolean forTheCdn =
                    type.equals("AWS::Lambda::Url")
                        || type.startsWith("AWS::CloudFront::")
                        || "cloudfront.amazonaws.com".equals(properties.get("Principal"))
                        || References.in(withCdnOff(properties)).stream()
                            .anyMatch(cdnResources::contains);
                if (forTheCdn) {
                  found.add(name);
                  assertThat(resource.get("Condition"))
                      .as(name)
                      .isIn("HasCdn", "CdnForwardsViewerHost", "HasFunctionUrlOrigin");
                }
              });
      assertThat(found)
          .contains(
              "SiteFunctionUrl",
              "SiteOriginAccessControl",
              "SiteUrlInvokeUrlPermission",
              "SiteUrlInvokePermission",
              "SiteDistribution",
              "SiteCachePolicy");
    }

    /**
     * {@code value} as it is with Cdn=false: each {@code !If [HasCdn, a, b]} replaced by b (the
     * index function names the distribution only in such a branch, to invalidate it).
     */
    private static Object withCdnOff(Object value) {
      if (value instanceof Map<?, ?> map) {
        if (map.size() == 1
            && map.get("Fn::If") instanceof List<?> branches
            && "HasCdn".equals(branches.get(0))) {
          return withCdnOff(branches.get(2));
        }
        Map<Object, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, withCdnOff(v)));
        return copy;
      }
      if (value instanceof List<?> list) {
        return list.stream().map(item -> withCdnOff(item)).toList();
      }
      return value;
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
      // The invalidation: the index function is fed every published change by the search queue;
      // PoliciesTest.TheCdnInvalidation checks it is told the distribution and may invalidate it.
      assertThat(References.in(TEMPLATE.properties("IndexFunction").get("Events")))
          .containsExactly("SearchQueue");
    }
  }

  @Nested
  class TheOrigin {

    @Test
    void forPagesIsTheHttpApiByDefaultAsWithoutTheCdn() {
      Map<String, Object> origin = originOf(behavior());
      assertThat(origin.get("Id")).isEqualTo("site-api");
      assertThat(origin.get("DomainName"))
          .isEqualTo(Map.of("Fn::Sub", "${SiteApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"));
      assertThat(list(withOrigin(distribution().get("Origins"), false))).hasSize(1);
      assertThat(list(withOrigin(distribution().get("Origins"), true))).hasSize(2);
    }

    @Test
    void everyOriginSendsTheKeyByWhichTheSiteKnowsTheCdnAndTheSiteIsToldIt() {
      Map<String, Object> key =
          Map.of(
              "HeaderName",
              inkwell.site.SiteRequest.CDN_KEY_HEADER,
              "HeaderValue",
              Map.of("Fn::GetAtt", List.of("SiteCachePolicy", "Id")));
      for (boolean functionUrl : new boolean[] {false, true}) {
        for (Object origin : list(withOrigin(distribution().get("Origins"), functionUrl))) {
          assertThat(((Map<?, ?>) origin).get("OriginCustomHeaders"))
              .as("%s", origin)
              .isEqualTo(List.of(key));
        }
      }
      for (String function : List.of("SiteFunction", "SearchFunction")) {
        assertThat(Functions.environment(TEMPLATE, function).get("INKWELL_SITE_CDN_KEY"))
            .as(function)
            .isEqualTo(
                Map.of(
                    "Fn::If",
                    List.of("HasCdn", Map.of("Fn::GetAtt", List.of("SiteCachePolicy", "Id")), "")));
        assertThat(Functions.environment(TEMPLATE, function))
            .doesNotContainKey("INKWELL_SITE_TRUST_FORWARDED_HOST");
      }
    }

    @Test
    void withCdnOriginFunctionUrlIsTheSiteFunctionsUrlOnItsLiveAliasOverHttpsOnly() {
      Map<String, Object> origin = originOf(behavior(), true);
      Object url = Map.of("Fn::GetAtt", List.of("SiteFunctionUrl", "FunctionUrl"));
      assertThat(origin.get("DomainName"))
          .isEqualTo(Map.of("Fn::Select", List.of("2", Map.of("Fn::Split", List.of("/", url)))));
      // Item 2 of the URL Lambda returns split at "/": the host.
      assertThat(
              "https://a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6.lambda-url.us-east-1.on.aws/".split("/")[2])
          .isEqualTo("a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6.lambda-url.us-east-1.on.aws");
      assertThat(map(origin, "CustomOriginConfig").get("OriginProtocolPolicy"))
          .isEqualTo("https-only");
      // The live alias, so the published versions SnapStart snapshots serve it, never $LATEST;
      // its ARN is the target, as SAM writes it for FunctionUrlConfig with AutoPublishAlias.
      Map<String, Object> functionUrl = TEMPLATE.properties("SiteFunctionUrl");
      assertThat(((Map<?, ?>) TEMPLATE.resources().get("SiteFunctionUrl")).get("Type"))
          .isEqualTo("AWS::Lambda::Url");
      assertThat(functionUrl.get("TargetFunctionArn"))
          .isEqualTo(Map.of("Ref", "SiteFunction.Alias"));
      assertThat(functionUrl).doesNotContainKey("Qualifier");
      assertThat(Functions.property(TEMPLATE, "SiteFunction", "AutoPublishAlias"))
          .isEqualTo("live");
      assertThat(functionUrl.get("InvokeMode")).isEqualTo("BUFFERED");
    }

    @Test
    void takesOnlyRequestsCloudFrontSignedForThisDistribution() {
      assertThat(TEMPLATE.properties("SiteFunctionUrl").get("AuthType")).isEqualTo("AWS_IAM");
      assertThat(originOf(behavior(), true).get("OriginAccessControlId"))
          .isEqualTo(Map.of("Fn::GetAtt", List.of("SiteOriginAccessControl", "Id")));
      Map<String, Object> oac =
          map(TEMPLATE.properties("SiteOriginAccessControl"), "OriginAccessControlConfig");
      assertThat(oac.get("OriginAccessControlOriginType")).isEqualTo("lambda");
      // always: every request signed, a reader's own Authorization header overwritten.
      assertThat(oac.get("SigningBehavior")).isEqualTo("always");
      assertThat(oac.get("SigningProtocol")).isEqualTo("sigv4");
    }

    @Test
    void onlyThisDistributionMayInvokeTheAliasWithBothActionsAFunctionUrlNeeds() {
      // Since October 2025 a new function URL needs lambda:InvokeFunctionUrl and
      // lambda:InvokeFunction (Lambda Developer Guide, "Control access to Lambda function URLs").
      Map<String, Map<String, Object>> permissions = cloudFrontPermissions();
      assertThat(permissions.keySet())
          .containsExactly("lambda:InvokeFunction", "lambda:InvokeFunctionUrl");
      Object distributionArn =
          Map.of(
              "Fn::Sub",
              "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}");
      for (Map<String, Object> permission : permissions.values()) {
        assertThat(permission.get("SourceArn")).isEqualTo(distributionArn);
        // The alias the URL is on: a permission on the unqualified function would not apply.
        assertThat(permission.get("FunctionName"))
            .isEqualTo(TEMPLATE.properties("SiteFunctionUrl").get("TargetFunctionArn"));
      }
      assertThat(permissions.get("lambda:InvokeFunctionUrl").get("FunctionUrlAuthType"))
          .isEqualTo("AWS_IAM");
      assertThat(permissions.get("lambda:InvokeFunction").get("InvokedViaFunctionUrl"))
          .isEqualTo("true");
    }

    @Test
    void searchStaysOnTheHttpApiWhichRoutesItToTheSearchFunction() {
      assertThat(searchPaths()).containsExactlyInAnyOrder("/search", "/api/search");
      assertThat(pathBehaviors().keySet()).containsExactlyInAnyOrderElementsOf(searchPaths());
      for (String path : searchPaths()) {
        Map<String, Object> origin = originOf(pathBehaviors().get(path));
        assertThat(origin.get("DomainName"))
            .as(path)
            .isEqualTo(
                Map.of("Fn::Sub", "${SiteApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"));
        assertThat(origin).as(path).doesNotContainKey("OriginAccessControlId");
        assertThat(map(origin, "CustomOriginConfig").get("OriginProtocolPolicy"))
            .isEqualTo("https-only");
      }
    }

    @Test
    void searchHasThePagesCachingHeadersMethodsAndViewerFunction() {
      Map<String, Object> pages = new LinkedHashMap<>(behavior());
      pages.remove("TargetOriginId");
      for (Map.Entry<String, Map<String, Object>> path : pathBehaviors().entrySet()) {
        Map<String, Object> search = new LinkedHashMap<>(path.getValue());
        search.remove("PathPattern");
        search.remove("TargetOriginId");
        assertThat(search).as(path.getKey()).isEqualTo(pages);
      }
    }

    @Test
    void neverReceivesTheReadersHostHeaderWhichTheUrlAndTheApiWouldRefuseWith403() {
      for (Map<String, Object> behavior : allBehaviors()) {
        assertThat(behavior.get("OriginRequestPolicyId"))
            .isEqualTo(ALL_VIEWER_EXCEPT_HOST_HEADER)
            .isNotEqualTo(ALL_VIEWER);
        assertThat(behavior).doesNotContainKey("ForwardedValues");
      }
    }

    @Test
    void everyMethodReachesTheSiteForIts405ButOnlyGetAndHeadAreCached() {
      // A PUT or POST reaches the site's URL only with x-amz-content-sha256 from the reader
      // (unsigned payloads get Lambda's 403 first): documented in docs/ARCHITECTURE.md, "The CDN".
      for (Map<String, Object> behavior : allBehaviors()) {
        assertThat(list(behavior.get("AllowedMethods")))
            .containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");
        assertThat(list(behavior.get("CachedMethods"))).containsExactly("GET", "HEAD");
      }
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
    void theSiteTrustsTheForwardedHostOnlyFromTheCdnWhichSetsIt() {
      // The key the distribution sends (TheOrigin); without the CDN, no key and no trust.
      assertThat(
              Functions.environment(TEMPLATE, "SiteFunction")
                  .get("INKWELL_SITE_CDN_KEY")
                  .toString())
          .contains("HasCdn", "SiteCachePolicy");
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
    void theDistributionWaitsForItsOriginsAndNothingTheSiteNeedsWaitsForIt() {
      DependencyGraph graph = DependencyGraph.of(TEMPLATE);
      assertThat(graph.needs("SiteDistribution"))
          .contains(
              "SiteFunctionUrl",
              "SiteOriginAccessControl",
              "SiteApi",
              "SiteCachePolicy",
              "SiteViewerHostFunction");
      assertThat(graph.needs("SiteFunctionUrl")).contains("SiteFunction.Alias");
      // The permissions name the distribution, so they wait for it; it must not wait for them.
      for (String permission : List.of("SiteUrlInvokeUrlPermission", "SiteUrlInvokePermission")) {
        assertThat(graph.needs(permission)).contains("SiteDistribution", "SiteFunction.Alias");
        assertThat(graph.dependsOn("SiteDistribution", permission)).as(permission).isFalse();
      }
      assertThat(graph.dependsOn("SiteFunction", "SiteDistribution")).isFalse();
      assertThat(graph.dependsOn("SiteFunction.Alias", "SiteDistribution")).isFalse();
      assertThat(graph.dependsOn("SiteFunctionUrl", "SiteDistribution")).isFalse();
      assertThat(graph.findCycle()).isEmpty();
    }
  }
}
