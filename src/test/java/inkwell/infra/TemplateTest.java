package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.pipeline.PostPipeline;
import inkwell.post.Slugs;
import inkwell.testenv.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code template.yaml} hangs together: what it names exists, what it declares is used. */
class TemplateTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(String name) {
    return (Map<String, Object>) TEMPLATE.root().getOrDefault(name, Map.of());
  }

  private static Map<String, Object> resource(String name) {
    return (Map<String, Object>) TEMPLATE.resources().get(name);
  }

  /** The publish rule's event pattern. */
  private static Map<?, ?> publishPattern() {
    return (Map<?, ?>) TEMPLATE.properties("PublishRule").get("EventPattern");
  }

  /** The key prefixes the publish rule matches, as parameter references. */
  private static List<Object> publishPrefixes() {
    Map<?, ?> detail = (Map<?, ?>) publishPattern().get("detail");
    List<?> keys = (List<?>) ((Map<?, ?>) detail.get("object")).get("key");
    return keys.stream().<Object>map(k -> ((Map<?, ?>) k).get("prefix")).toList();
  }

  /** Everything that can refer to something: resources, globals, outputs, conditions. */
  private static List<Object> referringParts() {
    return List.of(
        TEMPLATE.resources(), section("Globals"), section("Outputs"), section("Conditions"));
  }

  /** Condition names used by {@code Fn::If} or a {@code Condition} key. */
  private static Set<String> conditionsUsed(Object value, Set<String> found) {
    if (value instanceof List<?> list) {
      list.forEach(v -> conditionsUsed(v, found));
    } else if (value instanceof Map<?, ?> map) {
      if (map.get("Fn::If") instanceof List<?> branches) {
        found.add(String.valueOf(branches.get(0)));
      }
      if (map.get("Condition") instanceof String name) {
        found.add(name);
      }
      map.values().forEach(v -> conditionsUsed(v, found));
    }
    return found;
  }

  @Nested
  class TheNames {

    @Test
    void everyReferenceNamesAParameterAResourceOrWhatSamGenerates() {
      Set<String> known = new LinkedHashSet<>(section("Parameters").keySet());
      known.addAll(TEMPLATE.resources().keySet());
      for (String function : Functions.names(TEMPLATE)) {
        if (Functions.property(TEMPLATE, function, "AutoPublishAlias") != null) {
          known.add(function + ".Alias");
          known.add(function + ".Version");
        }
      }
      for (Object part : referringParts()) {
        assertThat(References.in(part)).isSubsetOf(known);
      }
      Set<String> conditions = new LinkedHashSet<>();
      referringParts().forEach(p -> conditionsUsed(p, conditions));
      assertThat(conditions).isSubsetOf(section("Conditions").keySet());
    }

    @Test
    void theTableNameIsSpelledTheSameWayInTheTableAndTheFunctions() {
      // Built from the stack name and UUID rather than !Ref PostsTable, which sam local would turn
      // into the logical id "PostsTable".
      Object name = TEMPLATE.properties("PostsTable").get("TableName");
      assertThat(name).isEqualTo(ContentBucket.sub("${AWS::StackName}-posts-${StackUuid}"));
      for (String function : Functions.names(TEMPLATE)) {
        assertThat(Functions.environment(TEMPLATE, function).get("INKWELL_TABLE"))
            .as(function)
            .isEqualTo(name);
      }
    }

    @Test
    void theBucketAndTableNamesAreNewForEveryStackSoSeveralBlogsAndARedeployFit() {
      // A stack's UUID is new for every stack, even one with an old stack's name: a new stack
      // never meets the bucket or table a deleted one retained, nor another blog's.
      for (String resource : List.of("ContentBucket", "PostsTable")) {
        Object name =
            TEMPLATE
                .properties(resource)
                .get(resource.equals("PostsTable") ? "TableName" : "BucketName");
        assertThat(ContentBucket.text(name)).as(resource).contains("${StackUuid}");
      }
      // S3's limit: 63 characters; a UUID is 36.
      assertThat(ContentBucket.localName()).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9.-]+");
      for (String function : Functions.names(TEMPLATE)) {
        Map<String, Object> env = Functions.environment(TEMPLATE, function);
        assertThat(env.get("INKWELL_BUCKET"))
            .isEqualTo(TEMPLATE.properties("ContentBucket").get("BucketName"));
      }
    }

    @Test
    void everyOutputNamesAResource() {
      section("Outputs")
          .forEach(
              (name, output) -> {
                Set<String> referred = References.in(((Map<?, ?>) output).get("Value"));
                assertThat(referred)
                    .as("output %s", name)
                    .isNotEmpty()
                    .anyMatch(TEMPLATE.resources()::containsKey);
              });
    }

    @Test
    void everyParameterAndConditionIsUsed() {
      Set<String> referred = new LinkedHashSet<>();
      referringParts().forEach(p -> referred.addAll(References.in(p)));
      assertThat(referred).containsAll(section("Parameters").keySet());
      Set<String> conditions = new LinkedHashSet<>();
      referringParts().forEach(p -> conditionsUsed(p, conditions));
      assertThat(conditions).containsAll(section("Conditions").keySet());
    }

    @Test
    void theBucketNameIsSpelledTheSameWayWhereverItAppears() throws java.io.IOException {
      // The content bucket is never reached through !Ref or !GetAtt from a function or its
      // policies (a cycle, see DependencyGraphTest), so every mention must rebuild its name.
      String name = ContentBucket.nameSub();
      Matcher mentions =
          Pattern.compile("inkwell-content-[^/\"*]*")
              .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("template.yaml")));
      List<String> spelled = new ArrayList<>();
      while (mentions.find()) {
        spelled.add(mentions.group());
      }
      assertThat(spelled).hasSizeGreaterThan(4).allMatch(name::equals);
      assertThat(name).isEqualTo("inkwell-content-${StackUuid}");
      for (String function : Functions.names(TEMPLATE)) {
        Map<String, Object> merged =
            Functions.merge(Functions.globals(TEMPLATE), TEMPLATE.properties(function));
        assertThat(References.in(merged)).as(function).doesNotContain("ContentBucket");
      }
      assertThat(References.in(TEMPLATE.properties("PublishRule"))).doesNotContain("ContentBucket");
    }
  }

  @Nested
  class TheFunctions {

    @Test
    void bothRunJava21OnArm64WithJsonLogsAndTracingFromAParameter() {
      Map<String, Object> globals = Functions.globals(TEMPLATE);
      assertThat(globals.get("Runtime")).isEqualTo("java21");
      assertThat(globals.get("Architectures")).isEqualTo(List.of(Map.of("Ref", "Architecture")));
      assertThat(globals.get("MemorySize")).isEqualTo(Map.of("Ref", "FunctionMemorySize"));
      assertThat(globals.get("Tracing")).isEqualTo(Map.of("Ref", "Tracing"));
      assertThat(globals.get("LoggingConfig")).isEqualTo(Map.of("LogFormat", "JSON"));
    }

    @Test
    void eachIsPublishedWithSnapStartAndLogsToItsOwnGroupWithRetention() {
      for (String function : Functions.names(TEMPLATE)) {
        Map<String, Object> props = TEMPLATE.properties(function);
        assertThat(props.get("AutoPublishAlias")).as(function).isEqualTo("live");
        assertThat(props.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        Object group = ((Map<?, ?>) props.get("LoggingConfig")).get("LogGroup");
        String groupName = String.valueOf(((Map<?, ?>) group).get("Ref"));
        assertThat(resource(groupName).get("Type")).isEqualTo("AWS::Logs::LogGroup");
        assertThat(TEMPLATE.properties(groupName).get("RetentionInDays"))
            .isEqualTo(Map.of("Ref", "LogRetentionDays"));
        // Named from the stack, not from the function: the group must exist before the
        // function's first (SnapStart) initialisation writes a line.
        assertThat(References.in(TEMPLATE.properties(groupName))).doesNotContain(function);
      }
    }

    @Test
    void noneHasReservedConcurrencyWhichFailsTheDeployOnNewAccounts() {
      for (String function : Functions.names(TEMPLATE)) {
        assertThat(TEMPLATE.properties(function)).doesNotContainKey("ReservedConcurrentExecutions");
      }
    }
  }

  /**
   * One writer at a time (docs/ARCHITECTURE.md): the bucket's events reach the publish function
   * only through EventBridge and one message group of a FIFO queue, never by a direct invocation.
   */
  @Nested
  class ThePublishTrigger {

    private Map<String, Object> queue() {
      return TEMPLATE.properties("PublishQueue");
    }

    @Test
    void theBucketSendsItsEventsToEventBridgeAndInvokesNoFunctionItself() {
      assertThat(TEMPLATE.properties("ContentBucket").get("NotificationConfiguration"))
          .isEqualTo(Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", "true")));
      assertThat(resource("ContentBucket")).doesNotContainKey("DependsOn");
      List<String> s3Permissions = new ArrayList<>();
      TEMPLATE
          .resources()
          .forEach(
              (name, value) -> {
                if ("AWS::Lambda::Permission".equals(((Map<?, ?>) value).get("Type"))
                    && "s3.amazonaws.com".equals(TEMPLATE.properties(name).get("Principal"))) {
                  s3Permissions.add(name);
                }
              });
      assertThat(s3Permissions).isEmpty();
    }

    @Test
    void theRuleQueuesThisBucketsCreatedAndDeletedObjectsInOneMessageGroup() {
      Map<?, ?> pattern = publishPattern();
      assertThat(pattern.get("source")).isEqualTo(List.of("aws.s3"));
      assertThat(pattern.get("detail-type")).isEqualTo(List.of("Object Created", "Object Deleted"));
      Map<?, ?> bucket = (Map<?, ?>) ((Map<?, ?>) pattern.get("detail")).get("bucket");
      assertThat(bucket.get("name")).isEqualTo(List.of(ContentBucket.sub(ContentBucket.nameSub())));
      List<?> targets = (List<?>) TEMPLATE.properties("PublishRule").get("Targets");
      assertThat(targets).hasSize(1);
      Map<?, ?> target = (Map<?, ?>) targets.get(0);
      assertThat(target.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("PublishQueue", "Arn")));
      // A literal: every event lands in the same message group, so one batch is in flight.
      assertThat(((Map<?, ?>) target.get("SqsParameters")).get("MessageGroupId"))
          .isEqualTo("publish");
    }

    @Test
    void theQueueIsFifoDeduplicatedByContentWithADeadLetterQueueAfterThreeReceives() {
      assertThat(queue().get("FifoQueue")).isEqualTo("true");
      // EventBridge's SQS target sets no deduplication id; each S3 event has an id of its own.
      assertThat(queue().get("ContentBasedDeduplication")).isEqualTo("true");
      Map<?, ?> redrive = (Map<?, ?>) queue().get("RedrivePolicy");
      assertThat(redrive.get("deadLetterTargetArn"))
          .isEqualTo(Map.of("Fn::GetAtt", List.of("PublishDeadLetterQueue", "Arn")));
      assertThat(String.valueOf(redrive.get("maxReceiveCount"))).isEqualTo("3");
      assertThat(TEMPLATE.properties("PublishDeadLetterQueue").get("FifoQueue")).isEqualTo("true");
    }

    @Test
    void theVisibilityTimeoutIsSixTimesTheFunctionsTimeout() {
      int timeout =
          Integer.parseInt(
              String.valueOf(Functions.property(TEMPLATE, "PublishFunction", "Timeout")));
      assertThat(Integer.parseInt(String.valueOf(queue().get("VisibilityTimeout"))))
          .isEqualTo(6 * timeout);
    }

    @Test
    void theFunctionTakesTheQueuesBatchesAndReportsFailedMessages() {
      Map<?, ?> events = (Map<?, ?>) TEMPLATE.properties("PublishFunction").get("Events");
      assertThat(events).hasSize(1);
      Map<?, ?> event = (Map<?, ?>) events.values().iterator().next();
      assertThat(event.get("Type")).isEqualTo("SQS");
      Map<?, ?> properties = (Map<?, ?>) event.get("Properties");
      assertThat(properties.get("Queue"))
          .isEqualTo(Map.of("Fn::GetAtt", List.of("PublishQueue", "Arn")));
      assertThat(properties.get("FunctionResponseTypes"))
          .isEqualTo(List.of("ReportBatchItemFailures"));
      // Lambda's limit for a FIFO queue.
      assertThat(Integer.parseInt(String.valueOf(properties.get("BatchSize")))).isBetween(1, 10);
      assertThat(TEMPLATE.properties("PublishFunction")).doesNotContainKey("EventInvokeConfig");
    }

    @Test
    void noFunctionHasASamS3Event() {
      for (String function : Functions.names(TEMPLATE)) {
        Map<?, ?> events =
            (Map<?, ?>) TEMPLATE.properties(function).getOrDefault("Events", Map.of());
        events.forEach(
            (name, event) ->
                assertThat(((Map<?, ?>) event).get("Type"))
                    .as("%s event %s", function, name)
                    .isNotEqualTo("S3"));
      }
    }
  }

  @Nested
  class ThePublishFilter {

    /** Whether the publish rule queues an event for {@code key}: a prefix matches. */
    private boolean s3Sends(String key) {
      return publishPrefixes().stream().anyMatch(p -> key.startsWith(String.valueOf(resolve(p))));
    }

    /** A parameter reference as its default value; a literal as itself. */
    private Object resolve(Object value) {
      if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name) {
        return ((Map<?, ?>) section("Parameters").get(name)).get("Default");
      }
      return value;
    }

    @Test
    void everyKeyTheCodeTreatsAsMarkdownReachesThePublishFunction() {
      for (String parameter : List.of("PostsPrefix", "PagesPrefix")) {
        String prefix = String.valueOf(resolve(Map.of("Ref", parameter)));
        for (String name :
            List.of("a.md", "B.MD", "c.Md", "d.markdown", "E.MARKDOWN", "2024/f.Markdown")) {
          assertThat(Slugs.isMarkdown(name)).as(name).isTrue();
          assertThat(s3Sends(prefix + name)).as("S3 sends %s%s", prefix, name).isTrue();
        }
      }
    }

    @Test
    void theFunctionAndTheCodeReadThePagesPrefixFromTheSameParameter() {
      assertThat(resolve(Map.of("Ref", "PagesPrefix")))
          .isEqualTo(PostPipeline.create().isPage("pages/x.md") ? "pages/" : null);
      Map<?, ?> env =
          (Map<?, ?>)
              ((Map<?, ?>) ((Map<?, ?>) section("Globals").get("Function")).get("Environment"))
                  .get("Variables");
      assertThat(env.get("INKWELL_PAGES_PREFIX")).isEqualTo(Map.of("Ref", "PagesPrefix"));
    }

    @Test
    void keysOutsideThePostsAndPagesPrefixesNeverReachIt() {
      assertThat(s3Sends("media/a.md")).isFalse();
      assertThat(s3Sends("_status/posts/a.md.json")).isFalse();
    }
  }

  @Nested
  class TheApi {

    @Test
    void everyMethodOnTheRootAndEveryPathReachesTheSiteWithPayloadFormat2() {
      assertThat(resource("SiteApi").get("Type")).isEqualTo("AWS::Serverless::HttpApi");
      Map<?, ?> events = (Map<?, ?>) TEMPLATE.properties("SiteFunction").get("Events");
      List<String> paths = new ArrayList<>();
      events.forEach(
          (name, event) -> {
            Map<?, ?> e = (Map<?, ?>) event;
            assertThat(e.get("Type")).as("event %s", name).isEqualTo("HttpApi");
            Map<?, ?> props = (Map<?, ?>) e.get("Properties");
            assertThat(props.get("ApiId")).isEqualTo(Map.of("Ref", "SiteApi"));
            assertThat(props.get("Method")).isEqualTo("ANY");
            assertThat(props.get("PayloadFormatVersion")).isEqualTo("2.0");
            paths.add(String.valueOf(props.get("Path")));
          });
      assertThat(paths).containsExactlyInAnyOrder("/", "/{proxy+}");
      // With AutoPublishAlias, SAM points the integration and the permissions at the alias, so
      // readers get the SnapStart version.
      assertThat(TEMPLATE.properties("SiteFunction").get("AutoPublishAlias")).isEqualTo("live");
    }

    @Test
    void theDefaultStageIsThrottledByTheParameters() {
      Map<String, Object> api = TEMPLATE.properties("SiteApi");
      assertThat(api).doesNotContainKey("StageName"); // SAM's default: $default, auto-deployed
      assertThat(api.get("DefaultRouteSettings"))
          .isEqualTo(
              Map.of(
                  "ThrottlingRateLimit", Map.of("Ref", "ApiRateLimit"),
                  "ThrottlingBurstLimit", Map.of("Ref", "ApiBurstLimit")));
    }

    @Test
    void theSiteTakesItsUrlFromTheBaseUrlParameterNeverFromTheApi() {
      // The API waits for the site's alias (it carries the integration): the site reading the
      // API's URL would close a cycle. Empty BaseUrl means: the URL of each request.
      Object baseUrl = Functions.environment(TEMPLATE, "SiteFunction").get("INKWELL_SITE_BASE_URL");
      assertThat(baseUrl).isEqualTo(Map.of("Ref", "BaseUrl"));
      assertThat(((Map<?, ?>) section("Parameters").get("BaseUrl")).get("Default")).isEqualTo("");
    }
  }
}
