package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the template declares for the operator (docs/AWS.md, "Operating it"): alarms and where they
 * go, access logs with retention, what survives a stack's deletion, and permissions that follow the
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
    void behindTheCdnTheSitesErrorsAreCountedAtItsFunctionUrl() {
      // The pages reach the site through its function URL, not the API, whose 5xx count then
      // holds only search: Lambda counts the URL's 5xx answers per function.
      Map<String, Object> errors = alarm("AWS/Lambda", "Url5xxCount");
      assertThat(dimension(errors, "FunctionName")).isEqualTo(Map.of("Ref", "SiteFunction"));
      assertThat(resource("SiteUrlErrorsAlarm").get("Condition")).isEqualTo("HasCdn");
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
      assertThat(alarms()).hasSize(7);
      for (Map<String, Object> alarm : alarms()) {
        assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
        assertThat(alarm.get("TreatMissingData")).isEqualTo("notBreaching");
      }
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
