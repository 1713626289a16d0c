package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostWriter;
import inkwell.aws.S3ContentStore;
import inkwell.testenv.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The functions' permissions: what each may do, on which resources. (SAM adds, besides these, the
 * managed policies for writing the functions' own logs and X-Ray traces.)
 */
class PoliciesTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();
  static final Pattern READ = Pattern.compile("[a-z0-9]+:(Get|BatchGet|Query|List)\\w*");

  static List<String> actions(Map<String, Object> statement) {
    Object action = statement.get("Action");
    return action instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(action));
  }

  static List<Object> resources(Map<String, Object> statement) {
    Object resource = statement.get("Resource");
    return resource instanceof List<?> list ? new ArrayList<>(list) : List.of(resource);
  }

  /** Statements of {@code function} that allow {@code action}. */
  static List<Map<String, Object>> allowing(String function, String action) {
    return Functions.statements(TEMPLATE, function).stream()
        .filter(s -> actions(s).contains(action))
        .toList();
  }

  /** The text of a {@code !Sub}, or of a {@code !Sub} from the stack's UUID (the bucket's). */
  static String sub(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    Object sub = ((Map<?, ?>) value).get("Fn::Sub");
    if (sub instanceof List<?>) {
      return ContentBucket.text(value);
    }
    assertThat(sub).as("a !Sub ARN: %s", value).isInstanceOf(String.class);
    return (String) sub;
  }

  static String variable(String function, String name) {
    return String.valueOf(Functions.environment(TEMPLATE, function).get(name));
  }

  /** The SDK operations {@code type} calls, as IAM actions ({@code putItem} is PutItem). */
  /** The operations named in the class files of {@code type}'s package (an adapter and helpers). */
  private static Set<String> operationsCalledBy(Class<?> type, String service, List<String> ops) {
    try {
      Path folder =
          Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve(type.getPackageName().replace('.', '/'));
      StringBuilder all = new StringBuilder();
      try (var files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
      String constants = all.toString();
      Set<String> actions = new TreeSet<>();
      for (String op : ops) {
        if (Pattern.compile("\\b" + op + "\\b").matcher(constants).find()) {
          // HEAD needs s3:GetObject; there is no s3:HeadObject action.
          String name = op.replace("AsBytes", "").replace("headObject", "getObject");
          actions.add(service + ":" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
      }
      return actions;
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<String> DYNAMODB_OPERATIONS =
      List.of(
          "getItem",
          "batchGetItem",
          "query",
          "scan",
          "putItem",
          "updateItem",
          "deleteItem",
          "batchWriteItem",
          "transactWriteItems",
          "transactGetItems");
  private static final List<String> S3_OPERATIONS =
      List.of(
          "getObjectAsBytes",
          "getObject",
          "headObject",
          "putObject",
          "deleteObject",
          "listObjectsV2");

  private static Set<String> allowedActions(String function) {
    Set<String> all = new TreeSet<>();
    Functions.statements(TEMPLATE, function).forEach(s -> all.addAll(actions(s)));
    return all;
  }

  @Test
  void theSiteFunctionCanOnlyRead() {
    for (Map<String, Object> statement : Functions.statements(TEMPLATE, "SiteFunction")) {
      assertThat(statement.get("Effect")).isEqualTo("Allow");
      for (String action : actions(statement)) {
        assertThat(action)
            .as("SiteFunction, statement %s", statement.get("Sid"))
            .matches(READ)
            .doesNotContainPattern("Put|Delete|Update|Write|Create|Send|Publish|Invoke");
      }
    }
  }

  @Test
  void eachFunctionMayCallWhatItsCodeCalls() {
    Set<String> dynamo =
        operationsCalledBy(DynamoPostWriter.class, "dynamodb", DYNAMODB_OPERATIONS);
    Set<String> s3 = operationsCalledBy(S3ContentStore.class, "s3", S3_OPERATIONS);
    assertThat(dynamo).contains("dynamodb:Query", "dynamodb:PutItem");
    assertThat(allowedActions("PublishFunction")).containsAll(dynamo).containsAll(s3);
    Set<String> reads = new TreeSet<>(dynamo);
    reads.addAll(s3);
    reads.removeIf(action -> !READ.matcher(action).matches());
    assertThat(allowedActions("SiteFunction")).containsAll(reads);
  }

  @Test
  void noStatementUsesAWildcardActionOrResource() {
    for (String function : Functions.names(TEMPLATE)) {
      for (Map<String, Object> statement : Functions.statements(TEMPLATE, function)) {
        assertThat(actions(statement)).noneMatch(a -> a.contains("*"));
        assertThat(resources(statement)).doesNotContain("*");
      }
    }
  }

  @Test
  void listingTheBucketIsLimitedToThePrefixesEachFunctionReads() {
    // s3:ListBucket only tells a missing object (404) from a forbidden one (403): each function
    // may list names only under the prefixes it reads from.
    Map<String, List<Object>> expected =
        Map.of(
            "PublishFunction",
            List.of(
                Map.of("Fn::Sub", "${PostsPrefix}*"),
                Map.of("Fn::Sub", "${PagesPrefix}*"),
                "media/*",
                "_status/*",
                "_bodies/*"),
            "IndexFunction",
            List.of("_search/*", "_bodies/*"),
            "SearchFunction",
            List.of("_search/*"));
    List<String> listing = new ArrayList<>();
    for (String function : Functions.names(TEMPLATE)) {
      for (Map<String, Object> statement : allowing(function, "s3:ListBucket")) {
        listing.add(function);
        assertThat(actions(statement)).as(function).containsExactly("s3:ListBucket");
        Map<?, ?> like = (Map<?, ?>) ((Map<?, ?>) statement.get("Condition")).get("StringLike");
        Object prefixes = like.get("s3:prefix");
        assertThat(prefixes instanceof List<?> list ? list : List.of(prefixes))
            .as(function)
            .isEqualTo(expected.get(function));
      }
    }
    assertThat(listing).containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void theBucketRefusesEveryRequestWithoutTls() {
    Map<String, Object> policy = TEMPLATE.properties("ContentBucketPolicy");
    assertThat(((Map<?, ?>) TEMPLATE.resources().get("ContentBucketPolicy")).get("Type"))
        .isEqualTo("AWS::S3::BucketPolicy");
    assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "ContentBucket"));
    List<Object> statements =
        List.copyOf((List<?>) ((Map<?, ?>) policy.get("PolicyDocument")).get("Statement"));
    assertThat(statements)
        .containsExactly(
            (Object)
                Map.of(
                    "Sid", "DenyRequestsWithoutTls",
                    "Effect", "Deny",
                    "Principal", "*",
                    "Action", "s3:*",
                    "Resource",
                        List.of(
                            Map.of("Fn::GetAtt", List.of("ContentBucket", "Arn")),
                            Map.of("Fn::Sub", "${ContentBucket.Arn}/*")),
                    "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
  }

  @Test
  void theSiteReadsOnlyTheBodiesAndMediaPrefixesOfTheBucket() {
    Set<String> readable =
        Set.of(
            ContentBucket.arnSub() + "/" + variable("SiteFunction", "INKWELL_BODIES_PREFIX") + "*",
            ContentBucket.arnSub() + "/" + variable("SiteFunction", "INKWELL_MEDIA_PREFIX") + "*");
    for (Map<String, Object> statement : allowing("SiteFunction", "s3:GetObject")) {
      for (Object resource : resources(statement)) {
        assertThat(sub(resource)).isIn(readable);
      }
    }
  }

  @Test
  void publishReadsSourcesOnlyUnderThePostsAndPagesPrefixes() {
    assertThat(Functions.environment(TEMPLATE, "PublishFunction").get("INKWELL_POSTS_PREFIX"))
        .isEqualTo(Map.of("Ref", "PostsPrefix"));
    assertThat(Functions.environment(TEMPLATE, "PublishFunction").get("INKWELL_PAGES_PREFIX"))
        .isEqualTo(Map.of("Ref", "PagesPrefix"));
    for (Map<String, Object> statement : allowing("PublishFunction", "s3:GetObjectVersion")) {
      for (Object resource : resources(statement)) {
        assertThat(sub(resource))
            .isIn(
                ContentBucket.arnSub() + "/${PostsPrefix}*",
                ContentBucket.arnSub() + "/${PagesPrefix}*");
      }
    }
  }

  @Test
  void publishReadsOnlySourcesStatusFilesBodiesAndTheMediaItLooksForAPostsImagesIn() {
    Set<String> readable = new java.util.TreeSet<>();
    for (Map<String, Object> statement : allowing("PublishFunction", "s3:GetObject")) {
      for (Object resource : resources(statement)) {
        readable.add(sub(resource));
      }
    }
    assertThat(readable)
        .containsExactlyInAnyOrder(
            ContentBucket.arnSub() + "/${PostsPrefix}*",
            ContentBucket.arnSub() + "/${PagesPrefix}*",
            ContentBucket.arnSub()
                + "/"
                + variable("PublishFunction", "INKWELL_STATUS_PREFIX")
                + "*",
            ContentBucket.arnSub()
                + "/"
                + variable("PublishFunction", "INKWELL_BODIES_PREFIX")
                + "*",
            ContentBucket.arnSub()
                + "/"
                + variable("PublishFunction", "INKWELL_MEDIA_PREFIX")
                + "*");
  }

  @Test
  void publishWritesOnlyUnderTheStatusAndBodiesPrefixes() {
    Set<String> writable =
        Set.of(
            ContentBucket.arnSub()
                + "/"
                + variable("PublishFunction", "INKWELL_STATUS_PREFIX")
                + "*",
            ContentBucket.arnSub()
                + "/"
                + variable("PublishFunction", "INKWELL_BODIES_PREFIX")
                + "*");
    List<Map<String, Object>> writes = new ArrayList<>(allowing("PublishFunction", "s3:PutObject"));
    writes.addAll(allowing("PublishFunction", "s3:DeleteObject"));
    assertThat(writes).isNotEmpty();
    for (Map<String, Object> statement : writes) {
      for (Object resource : resources(statement)) {
        assertThat(sub(resource)).isIn(writable);
      }
    }
  }

  @Test
  void writtenPrefixesCanNeverTriggerThePublishFunction() {
    // The notification fires under PostsPrefix; whatever the deployer enters, it cannot cover
    // the prefixes the function writes to (a write there would invoke the function again).
    Map<String, Object> parameter =
        (Map<String, Object>)
            ((Map<String, Object>) TEMPLATE.root().get("Parameters")).get("PostsPrefix");
    Pattern allowed = Pattern.compile(String.valueOf(parameter.get("AllowedPattern")));
    assertThat(allowed.matcher(String.valueOf(parameter.get("Default"))).matches()).isTrue();
    for (String written :
        List.of(
            variable("PublishFunction", "INKWELL_STATUS_PREFIX"),
            variable("PublishFunction", "INKWELL_BODIES_PREFIX"))) {
      assertThat(written).startsWith("_");
      assertThat(allowed.matcher(written).matches()).as(written).isFalse();
      assertThat(allowed.matcher("").matches()).isFalse();
      assertThat(allowed.matcher("_").matches()).isFalse();
    }
  }

  @Test
  void tableActionsNameOnlyThePostsTableAndItsIndexes() {
    for (String function : Functions.names(TEMPLATE)) {
      for (Map<String, Object> statement : Functions.statements(TEMPLATE, function)) {
        if (actions(statement).stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
          for (Object resource : resources(statement)) {
            assertThat(References.in(resource)).containsExactly("PostsTable");
          }
        }
      }
    }
  }

  @Test
  void publishSendsOnlyToTheSearchQueueAndOnlyThePublishRuleSendsToThePublishQueue() {
    // SAM's SQS event adds the receive and delete permissions on the publish queue; the one send
    // the template writes is for the search queue (SearchTemplateTest).
    Map<?, ?> policy = TEMPLATE.properties("PublishQueuePolicy");
    assertThat(policy.get("Queues")).isEqualTo(List.of(Map.of("Ref", "PublishQueue")));
    List<?> statements = (List<?>) ((Map<?, ?>) policy.get("PolicyDocument")).get("Statement");
    assertThat(statements).hasSize(1);
    Map<?, ?> statement = (Map<?, ?>) statements.get(0);
    assertThat(statement.get("Effect")).isEqualTo("Allow");
    assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "events.amazonaws.com"));
    assertThat(statement.get("Action")).isEqualTo("sqs:SendMessage");
    assertThat(statement.get("Resource"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of("PublishQueue", "Arn")));
    assertThat(statement.get("Condition"))
        .isEqualTo(
            Map.of(
                "ArnEquals",
                Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of("PublishRule", "Arn")))));
    assertThat(allowing("PublishFunction", "sqs:SendMessage"))
        .singleElement()
        .satisfies(
            s -> assertThat(References.in(s.get("Resource"))).containsExactly("SearchQueue"));
  }

  /**
   * The index function invalidates the CDN after each batch: it may create invalidations on the
   * stack's own distribution only, and only when there is one.
   */
  @Nested
  class TheCdnInvalidation {

    private static final String DISTRIBUTION_ARN =
        "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}";

    private List<Map<String, Object>> invalidating(String function, boolean cdn) {
      return Functions.statements(TEMPLATE, function, Map.of("HasCdn", cdn)).stream()
          .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("cloudfront:")))
          .toList();
    }

    @Test
    void theIndexFunctionMayInvalidateExactlyTheStacksDistribution() {
      assertThat(invalidating("IndexFunction", true))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.get("Effect")).isEqualTo("Allow");
                assertThat(actions(s)).containsExactly("cloudfront:CreateInvalidation");
                assertThat(resources(s)).singleElement();
                assertThat(sub(resources(s).get(0))).isEqualTo(DISTRIBUTION_ARN);
                assertThat(References.in(s.get("Resource"))).containsExactly("SiteDistribution");
              });
    }

    @Test
    void withoutTheCdnTheStatementIsLeftOut() {
      assertThat(invalidating("IndexFunction", false)).isEmpty();
      // The statement is the !If of the condition the distribution itself has, so it never names
      // a distribution that is not there.
      Map<?, ?> distribution = (Map<?, ?>) TEMPLATE.resources().get("SiteDistribution");
      assertThat(distribution.get("Condition")).isEqualTo("HasCdn");
    }

    @Test
    void noOtherFunctionMayCallCloudFront() {
      for (String function : Functions.names(TEMPLATE)) {
        if (!function.equals("IndexFunction")) {
          assertThat(invalidating(function, true)).as(function).isEmpty();
        }
      }
    }

    @Test
    void theIndexFunctionIsToldTheDistributionOnlyWhenThereIsOne() {
      assertThat(
              Functions.environment(TEMPLATE, "IndexFunction").get("INKWELL_CDN_DISTRIBUTION_ID"))
          .isEqualTo(
              Map.of(
                  "Fn::If",
                  List.of("HasCdn", Map.of("Fn::GetAtt", List.of("SiteDistribution", "Id")), "")));
      for (String function : Functions.names(TEMPLATE)) {
        if (!function.equals("IndexFunction")) {
          assertThat(Functions.environment(TEMPLATE, function))
              .as(function)
              .doesNotContainKey("INKWELL_CDN_DISTRIBUTION_ID");
        }
      }
    }

    @Test
    void theCodeCallsCreateInvalidationAndNothingElseOfCloudFront() {
      assertThat(
              operationsCalledBy(
                  inkwell.aws.CloudFrontEdgeCache.class,
                  "cloudfront",
                  List.of("createInvalidation", "createDistribution", "updateDistribution")))
          .containsExactly("cloudfront:CreateInvalidation");
    }
  }
}
