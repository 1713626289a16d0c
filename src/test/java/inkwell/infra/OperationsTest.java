package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the template declares for the operator (docs/OPERATIONS.md): alarms and where they go,
 * access logs with retention, what survives a stack's deletion, and permissions that follow the
 * settings.
 */
@SuppressWarnings("unchecked")
class OperationsTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  private static Map<String, Object> resource(String name) {
    return (Map<String, Object>) TEMPLATE.resources().get(name);
  }

  private static List<Map<String, Object>> alarms() {
    List<Map<String, Object>> alarms = new ArrayList<>();
    TEMPLATE
        .resources()
        .forEach(
            (name, value) -> {
              Map<String, Object> resource = (Map<String, Object>) value;
              if ("AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                alarms.add((Map<String, Object>) resource.get("Properties"));
              }
            });
    return alarms;
  }

  private static Map<String, Object> alarm(String namespace, String metric) {
    return alarms().stream()
        .filter(a -> namespace.equals(a.get("Namespace")) && metric.equals(a.get("MetricName")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no alarm on " + namespace + " " + metric));
  }

  private static Object dimension(Map<String, Object> alarm, String name) {
    return ((List<Map<String, Object>>) alarm.get("Dimensions"))
        .stream().filter(d -> name.equals(d.get("Name"))).findFirst().orElseThrow().get("Value");
  }

  @Nested
  class Alarms {

    @Test
    void anEventInThePublishDeadLetterQueueRaisesTheAlarmAtOnce() {
      Map<String, Object> alarm = alarm("AWS/SQS", "ApproximateNumberOfMessagesVisible");
      assertThat(dimension(alarm, "QueueName"))
          .isEqualTo(Map.of("Fn::GetAtt", List.of("PublishDeadLetterQueue", "QueueName")));
      assertThat(String.valueOf(alarm.get("Threshold"))).isEqualTo("1");
      assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
    }

    @Test
    void anEventWaitingAQuarterOfAnHourInThePublishQueueRaisesTheAlarm() {
      Map<String, Object> alarm = alarm("AWS/SQS", "ApproximateAgeOfOldestMessage");
      assertThat(dimension(alarm, "QueueName"))
          .isEqualTo(Map.of("Fn::GetAtt", List.of("PublishQueue", "QueueName")));
      assertThat(alarm.get("Statistic")).isEqualTo("Maximum");
      // Above the longest hold-up one poisoned event causes (three receives of 180 s each).
      assertThat(Integer.parseInt(String.valueOf(alarm.get("Threshold")))).isEqualTo(900);
      assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
    }

    @Test
    void aFailedPublishInvocationRaisesAnAlarm() {
      assertThat(dimension(alarm("AWS/Lambda", "Errors"), "FunctionName"))
          .isEqualTo(Map.of("Ref", "PublishFunction"));
    }

    @Test
    void theSitesErrorsAndThrottlesRaiseAlarms() {
      Map<String, Object> errors = alarm("AWS/ApiGateway", "5xx");
      assertThat(dimension(errors, "ApiId")).isEqualTo(Map.of("Ref", "SiteApi"));
      assertThat(dimension(errors, "Stage")).isEqualTo("$default");
      assertThat(dimension(alarm("AWS/Lambda", "Throttles"), "FunctionName"))
          .isEqualTo(Map.of("Ref", "SiteFunction"));
    }

    @Test
    void withTheFunctionUrlOriginTheSitesErrorsAreCountedAtItsFunctionUrl() {
      // The pages reach the site through its function URL, not the API, whose 5xx count then
      // holds only search: Lambda counts the URL's 5xx answers per function.
      Map<String, Object> errors = alarm("AWS/Lambda", "Url5xxCount");
      assertThat(dimension(errors, "FunctionName")).isEqualTo(Map.of("Ref", "SiteFunction"));
      assertThat(resource("SiteUrlErrorsAlarm").get("Condition")).isEqualTo("HasFunctionUrlOrigin");
      assertThat(errors.get("Statistic")).isEqualTo("Sum");
      assertThat(String.valueOf(errors.get("Threshold"))).isEqualTo("5");
    }

    @Test
    void aBatchInTheSearchDeadLetterQueueRaisesAnAlarmThatSaysTheCdnIsBehindToo() {
      Map<String, Object> alarm =
          alarms().stream()
              .filter(
                  a ->
                      "AWS/SQS".equals(a.get("Namespace"))
                          && Map.of("Fn::GetAtt", List.of("SearchDeadLetterQueue", "QueueName"))
                              .equals(dimension(a, "QueueName")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no alarm on the search dead-letter queue"));
      assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
      assertThat(String.valueOf(alarm.get("Threshold"))).isEqualTo("1");
      assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
      assertThat(String.valueOf(alarm.get("AlarmDescription")))
          .contains("CdnCacheSeconds")
          .contains("./inkwell reindex");
    }

    @Test
    void everyAlarmGoesToTheTopicAndQuietTimeIsNotAnAlarm() {
      assertThat(alarms()).hasSize(11);
      for (Map<String, Object> alarm : alarms()) {
        assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
        assertThat(alarm.get("TreatMissingData")).isEqualTo("notBreaching");
      }
    }

    @Test
    void everyFunctionsErrorsRaiseAnAlarm() {
      // The site's failures are answers: the API's 5xx count (and behind the CDN its function
      // URL's) alarm for it; every other function's errors are Lambda's Errors metric.
      for (String function : Functions.names(TEMPLATE)) {
        if (function.equals("SiteFunction")) {
          continue;
        }
        assertThat(alarms())
            .as(function)
            .anyMatch(
                a ->
                    "AWS/Lambda".equals(a.get("Namespace"))
                        && "Errors".equals(a.get("MetricName"))
                        && Map.of("Ref", function).equals(dimension(a, "FunctionName")));
      }
      assertThat(dimension(alarm("AWS/ApiGateway", "5xx"), "ApiId"))
          .isEqualTo(Map.of("Ref", "SiteApi"));
    }

    @Test
    void everyDeadLetterQueueAndFailureDestinationRaisesAnAlarm() {
      List<String> deadLetters = new ArrayList<>();
      TEMPLATE
          .resources()
          .forEach(
              (name, value) -> {
                Object redrive = TEMPLATE.properties(name).get("RedrivePolicy");
                if (redrive instanceof Map<?, ?> map) {
                  deadLetters.addAll(References.in(map.get("deadLetterTargetArn")));
                }
              });
      assertThat(deadLetters).contains("SearchDeadLetterQueue", "PublishDeadLetterQueue");
      for (String queue : deadLetters) {
        assertThat(alarms())
            .as(queue)
            .anyMatch(
                a ->
                    "ApproximateNumberOfMessagesVisible".equals(a.get("MetricName"))
                        && Map.of("Fn::GetAtt", List.of(queue, "QueueName"))
                            .equals(dimension(a, "QueueName")));
      }
    }

    @Test
    void anEventEveryRuleFailsToDeliverRaisesAnAlarm() {
      // EventBridge retries a failing target for a day, then drops the event: nothing else holds
      // it.
      List<String> rules = new ArrayList<>();
      TEMPLATE
          .resources()
          .forEach(
              (name, value) -> {
                if ("AWS::Events::Rule".equals(((Map<?, ?>) value).get("Type"))) {
                  rules.add(name);
                }
              });
      assertThat(rules).contains("PublishRule");
      for (String rule : rules) {
        assertThat(alarms())
            .as(rule)
            .anyMatch(
                a ->
                    "AWS/Events".equals(a.get("Namespace"))
                        && "FailedInvocations".equals(a.get("MetricName"))
                        && "Sum".equals(a.get("Statistic"))
                        && "1".equals(String.valueOf(a.get("Threshold")))
                        && Map.of("Ref", rule).equals(dimension(a, "RuleName")));
      }
    }

    @Test
    void anInvalidationGivenUpOnRaisesAnAlarmThroughTheIndexLog() {
      Map<String, Object> filter = TEMPLATE.properties("AbandonedInvalidations");
      assertThat(filter.get("LogGroupName")).isEqualTo(Map.of("Ref", "IndexLogGroup"));
      assertThat(filter.get("FilterPattern"))
          .isEqualTo("{ $.event = \"" + inkwell.search.CdnInvalidations.ABANDONED + "\" }");
      Map<?, ?> metric = ((List<Map<?, ?>>) filter.get("MetricTransformations")).get(0);
      Map<String, Object> alarm =
          alarms().stream()
              .filter(a -> "AbandonedInvalidations".equals(a.get("MetricName")))
              .findFirst()
              .orElseThrow();
      assertThat(alarm.get("Namespace")).isEqualTo(metric.get("MetricNamespace"));
      assertThat(metric.get("MetricName")).isEqualTo("AbandonedInvalidations");
      assertThat(resource("AbandonedInvalidationsAlarm").get("Condition")).isEqualTo("HasCdn");
    }

    /**
     * CloudWatch can publish to an encrypted topic only through a customer-managed key whose policy
     * lets cloudwatch.amazonaws.com decrypt and generate data keys; alias/aws/sns cannot be
     * granted.
     */
    @Test
    void aTopicWithAKeyUsesAKeyOfTheTemplateThatCloudWatchMayUse() {
      List<String> topics = new ArrayList<>();
      TEMPLATE
          .resources()
          .forEach(
              (name, value) -> {
                if (!"AWS::SNS::Topic".equals(((Map<?, ?>) value).get("Type"))) {
                  return;
                }
                topics.add(name);
                Object key = TEMPLATE.properties(name).get("KmsMasterKeyId");
                if (key == null) {
                  return;
                }
                assertThat(key).as(name).isInstanceOf(Map.class);
                List<String> referred = List.copyOf(References.in(key));
                assertThat(referred).as(name).hasSize(1);
                assertThat(resource(referred.get(0)).get("Type")).isEqualTo("AWS::KMS::Key");
                assertCloudWatchMayUse(TEMPLATE.properties(referred.get(0)));
              });
      assertThat(topics).containsExactly("AlarmTopic");
      assertThat(TEMPLATE.properties("AlarmTopic").get("KmsMasterKeyId"))
          .isEqualTo(Map.of("Ref", "AlarmTopicKey"));
    }

    private void assertCloudWatchMayUse(Map<String, Object> key) {
      List<Map<String, Object>> statements =
          (List<Map<String, Object>>) ((Map<?, ?>) key.get("KeyPolicy")).get("Statement");
      Map<String, Object> cloudWatch =
          statements.stream()
              .filter(s -> Map.of("Service", "cloudwatch.amazonaws.com").equals(s.get("Principal")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no statement for CloudWatch"));
      assertThat(cloudWatch.get("Effect")).isEqualTo("Allow");
      assertThat(cloudWatch.get("Action"))
          .isEqualTo(List.of("kms:Decrypt", "kms:GenerateDataKey*"));
      Map<?, ?> condition = (Map<?, ?>) cloudWatch.get("Condition");
      assertThat(condition.get("StringEquals"))
          .isEqualTo(Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")));
      assertThat(condition.get("ArnLike"))
          .isEqualTo(
              Map.of(
                  "aws:SourceArn",
                  Map.of(
                      "Fn::Sub",
                      "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*")));
      assertThat(String.valueOf(key.get("EnableKeyRotation"))).isEqualTo("true");
    }

    @Test
    void anEmailIsSubscribedOnlyWhenAlarmEmailIsSet() {
      Map<String, Object> subscription = resource("AlarmEmailSubscription");
      assertThat(subscription.get("Condition")).isEqualTo("HasAlarmEmail");
      Map<String, Object> properties = (Map<String, Object>) subscription.get("Properties");
      assertThat(properties.get("Endpoint")).isEqualTo(Map.of("Ref", "AlarmEmail"));
      assertThat(properties.get("TopicArn")).isEqualTo(Map.of("Ref", "AlarmTopic"));
      Map<String, Object> parameter =
          (Map<String, Object>)
              ((Map<String, Object>) TEMPLATE.root().get("Parameters")).get("AlarmEmail");
      assertThat(parameter.get("Default")).isEqualTo("");
    }
  }

  @Nested
  class Retention {

    @Test
    void theBucketAndTheTableSurviveTheStacksDeletionAndReplacement() {
      for (String name : List.of("ContentBucket", "PostsTable")) {
        assertThat(resource(name).get("DeletionPolicy")).as(name).isEqualTo("Retain");
        assertThat(resource(name).get("UpdateReplacePolicy")).as(name).isEqualTo("Retain");
      }
    }

    @Test
    void everyQueueTableBucketAndLogGroupSaysWhatATeardownDoesWithIt() {
      // cfn-lint's I3011: a stateful resource without both policies is deleted by default,
      // silently.
      List<String> stateful =
          List.of(
              "AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::S3::Bucket", "AWS::DynamoDB::Table");
      List<String> checked = new ArrayList<>();
      TEMPLATE
          .resources()
          .forEach(
              (name, value) -> {
                Map<String, Object> resource = (Map<String, Object>) value;
                if (stateful.contains(resource.get("Type"))) {
                  assertThat(resource)
                      .as(name)
                      .containsKeys("DeletionPolicy", "UpdateReplacePolicy");
                  checked.add(name);
                }
              });
      assertThat(checked)
          .contains("SearchQueue", "IndexLogGroup", "PublishQueue", "PublishDeadLetterQueue");
    }

    @Test
    void theApisAccessLogGoesToAGroupWithTheLogRetention() {
      Map<String, Object> settings =
          (Map<String, Object>) TEMPLATE.properties("SiteApi").get("AccessLogSettings");
      assertThat(settings.get("DestinationArn"))
          .isEqualTo(Map.of("Fn::GetAtt", List.of("SiteAccessLogGroup", "Arn")));
      assertThat(String.valueOf(settings.get("Format")))
          .contains("$context.requestId", "$context.status", "$context.path");
      assertThat(TEMPLATE.properties("SiteAccessLogGroup").get("RetentionInDays"))
          .isEqualTo(Map.of("Ref", "LogRetentionDays"));
    }

    @Test
    void orphanedDeleteMarkersExpire() {
      List<Map<String, Object>> rules =
          (List<Map<String, Object>>)
              ((Map<String, Object>)
                      TEMPLATE.properties("ContentBucket").get("LifecycleConfiguration"))
                  .get("Rules");
      assertThat(rules)
          .anyMatch(r -> "true".equals(String.valueOf(r.get("ExpiredObjectDeleteMarker"))));
    }
  }

  @Nested
  class Permissions {

    @Test
    void tracingIsOffUnlessAskedForSoSamAddsNoXRayPolicy() {
      // SAM attaches the X-Ray policy unless Tracing resolves to Disabled.
      Map<String, Object> parameter =
          (Map<String, Object>)
              ((Map<String, Object>) TEMPLATE.root().get("Parameters")).get("Tracing");
      assertThat(parameter.get("Default")).isEqualTo("Disabled");
      assertThat(parameter.get("AllowedValues")).isEqualTo(List.of("Active", "Disabled"));
    }
  }
}
