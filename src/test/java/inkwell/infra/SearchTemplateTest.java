package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.SqsSearchChanges;
import inkwell.testenv.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The search block of {@code template.yaml}: one writer at a time through a FIFO queue (never
 * reserved concurrency), the index function writing only the search prefix, the search function
 * reading only it, and the HTTP API sending the two search paths to the search function.
 */
class SearchTemplateTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  private static String searchPrefixArn() {
    return ContentBucket.arnSub()
        + "/"
        + PoliciesTest.variable("IndexFunction", "INKWELL_SEARCH_PREFIX")
        + "*";
  }

  /** Every value of {@code key} anywhere under {@code value}. */
  private static List<Object> valuesOf(Object value, String key, List<Object> found) {
    if (value instanceof Map<?, ?> map) {
      if (map.containsKey(key)) {
        found.add(map.get(key));
      }
      map.values().forEach(v -> valuesOf(v, key, found));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> valuesOf(v, key, found));
    }
    return found;
  }

  @Nested
  class OneWriterAtATime {

    @Test
    void noFunctionAnywhereReservesConcurrency() {
      // Reserving even 1 fails the deploy on a new account (concurrency quota 10).
      assertThat(valuesOf(TEMPLATE.root(), "ReservedConcurrentExecutions", new ArrayList<>()))
          .isEmpty();
    }

    @Test
    void theIndexFunctionIsFedOnlyByAFifoQueueInBatchesOfAtMostTen() {
      Map<?, ?> events = (Map<?, ?>) TEMPLATE.properties("IndexFunction").get("Events");
      assertThat(events).hasSize(1);
      Map<?, ?> event = (Map<?, ?>) events.values().iterator().next();
      assertThat(event.get("Type")).isEqualTo("SQS");
      Map<?, ?> props = (Map<?, ?>) event.get("Properties");
      assertThat(props.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", List.of("SearchQueue", "Arn")));
      assertThat(Integer.parseInt(String.valueOf(props.get("BatchSize")))).isBetween(1, 10);
      assertThat(TEMPLATE.properties("SearchQueue").get("FifoQueue")).isEqualTo("true");
    }

    @Test
    void everyChangeGoesToOneMessageGroup() {
      // One group: Lambda delivers the next batch only when the previous one is done.
      assertThat(SqsSearchChanges.MESSAGE_GROUP).isNotBlank();
    }

    @Test
    void theQueueOutlastsTheIndexFunctionAndGivesUpIntoAFifoDeadLetterQueue() {
      Map<String, Object> queue = TEMPLATE.properties("SearchQueue");
      // Lambda refuses an SQS event source whose visibility timeout is below the function's.
      assertThat(Integer.parseInt(String.valueOf(queue.get("VisibilityTimeout"))))
          .isGreaterThanOrEqualTo(indexTimeout());
      Map<?, ?> redrive = (Map<?, ?>) queue.get("RedrivePolicy");
      assertThat(References.in(redrive.get("deadLetterTargetArn")))
          .containsExactly("SearchDeadLetterQueue");
      assertThat(TEMPLATE.properties("SearchDeadLetterQueue").get("FifoQueue")).isEqualTo("true");
    }

    private static int indexTimeout() {
      return Integer.parseInt(
          String.valueOf(Functions.property(TEMPLATE, "IndexFunction", "Timeout")));
    }

    @Test
    void onePoisonedMessageHoldsBackTheChangesBehindItForTenMinutesAtMost() {
      // The message fails on each receive, and is received again once its visibility timeout
      // ends; on its third receive the index function moves it to the dead-letter queue and goes
      // on with the changes behind it (IndexFunctionCdnTest). The changes before it in its batch
      // are kept (ReportBatchItemFailures).
      Map<String, Object> queue = TEMPLATE.properties("SearchQueue");
      int visibility = Integer.parseInt(String.valueOf(queue.get("VisibilityTimeout")));
      int backstop =
          Integer.parseInt(
              String.valueOf(((Map<?, ?>) queue.get("RedrivePolicy")).get("maxReceiveCount")));
      int giveUp = inkwell.search.IndexHandler.GIVE_UP_RECEIVES;
      assertThat(visibility).isEqualTo(300);
      assertThat(giveUp).isEqualTo(3);
      assertThat((giveUp - 1) * visibility).isLessThanOrEqualTo(10 * 60);
      // The changes behind a poisoned one are received with it, up to giveUp times for each
      // poisoned change ahead of them: the queue's own redrive must leave room for that.
      assertThat(backstop).isGreaterThanOrEqualTo(3 * giveUp);
      String url =
          PoliciesTest.sub(
              Functions.environment(TEMPLATE, "IndexFunction")
                  .get("INKWELL_SEARCH_DEAD_LETTER_QUEUE_URL"));
      assertThat(TEMPLATE.properties("SearchDeadLetterQueue").get("QueueName"))
          .isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-search-failed.fifo"));
      assertThat(url).endsWith("/${AWS::AccountId}/${AWS::StackName}-search-failed.fifo");
      Map<?, ?> event =
          (Map<?, ?>)
              ((Map<?, ?>) TEMPLATE.properties("IndexFunction").get("Events")).get("SearchChanges");
      assertThat(((Map<?, ?>) event.get("Properties")).get("FunctionResponseTypes"))
          .isEqualTo(List.of("ReportBatchItemFailures"));
    }

    @Test
    void theFunctionsFindTheQueueByTheNameTheQueueIsGiven() {
      Object name = TEMPLATE.properties("SearchQueue").get("QueueName");
      assertThat(name).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-search.fifo"));
      String url =
          PoliciesTest.sub(
              Functions.environment(TEMPLATE, "PublishFunction").get("INKWELL_SEARCH_QUEUE_URL"));
      assertThat(url).endsWith("/${AWS::AccountId}/${AWS::StackName}-search.fifo");
    }
  }

  @Nested
  class Permissions {

    @Test
    void theIndexFunctionWritesOnlyUnderTheSearchPrefix() {
      List<Map<String, Object>> writes =
          new ArrayList<>(PoliciesTest.allowing("IndexFunction", "s3:PutObject"));
      writes.addAll(PoliciesTest.allowing("IndexFunction", "s3:DeleteObject"));
      assertThat(writes).isNotEmpty();
      for (Map<String, Object> statement : writes) {
        for (Object resource : PoliciesTest.resources(statement)) {
          assertThat(PoliciesTest.sub(resource)).isEqualTo(searchPrefixArn());
        }
      }
      for (Map<String, Object> statement : Functions.statements(TEMPLATE, "IndexFunction")) {
        for (String action : PoliciesTest.actions(statement)) {
          if (!action.startsWith("s3:")) {
            // And the CDN's invalidation after each batch (PoliciesTest.TheCdnInvalidation).
            assertThat(action)
                .as(action)
                .matches(
                    "dynamodb:(GetItem|BatchGetItem|Scan|Query)|cloudfront:CreateInvalidation"
                        + "|sqs:SendMessage");
          }
        }
      }
    }

    @Test
    void theIndexFunctionSendsOnlyToItsOwnQueuesToRetryAnInvalidationOrMoveAFailingChange() {
      List<Map<String, Object>> sends = PoliciesTest.allowing("IndexFunction", "sqs:SendMessage");
      assertThat(sends).singleElement();
      assertThat(PoliciesTest.actions(sends.get(0))).containsExactly("sqs:SendMessage");
      assertThat(PoliciesTest.resources(sends.get(0)))
          .containsExactly(
              Map.of("Fn::GetAtt", List.of("SearchQueue", "Arn")),
              Map.of("Fn::GetAtt", List.of("SearchDeadLetterQueue", "Arn")));
    }

    @Test
    void theIndexFunctionQueriesOnlyTheTagsIndexWhereTheMenuIs() {
      // The header's menu goes with each snapshot (the search function has no table access).
      List<Map<String, Object>> queries = PoliciesTest.allowing("IndexFunction", "dynamodb:Query");
      assertThat(queries).singleElement();
      assertThat(PoliciesTest.actions(queries.get(0))).containsExactly("dynamodb:Query");
      assertThat(PoliciesTest.resources(queries.get(0)))
          .singleElement()
          .satisfies(
              r -> assertThat(PoliciesTest.sub(r)).isEqualTo("${PostsTable.Arn}/index/tags"));
    }

    @Test
    void theSearchFunctionReadsOnlyTheSearchPrefix() {
      for (Map<String, Object> statement : Functions.statements(TEMPLATE, "SearchFunction")) {
        for (String action : PoliciesTest.actions(statement)) {
          assertThat(action).isIn("s3:GetObject", "s3:ListBucket");
        }
        if (PoliciesTest.actions(statement).contains("s3:GetObject")) {
          for (Object resource : PoliciesTest.resources(statement)) {
            assertThat(PoliciesTest.sub(resource)).isEqualTo(searchPrefixArn());
          }
        } else {
          // Listing is needed for a 404 (not 403) before the first snapshot: names under the
          // search prefix only.
          assertThat(statement.get("Condition"))
              .isEqualTo(Map.of("StringLike", Map.of("s3:prefix", "_search/*")));
        }
      }
    }

    @Test
    void theSearchPrefixCanNeverTriggerThePublishFunction() {
      String prefix = PoliciesTest.variable("IndexFunction", "INKWELL_SEARCH_PREFIX");
      assertThat(prefix).isEqualTo("_search/");
      for (String parameter : List.of("PostsPrefix", "PagesPrefix")) {
        Map<?, ?> declared =
            (Map<?, ?>) ((Map<?, ?>) TEMPLATE.root().get("Parameters")).get(parameter);
        // Both prefixes must start with a letter or digit: never with the search prefix's "_".
        assertThat(String.valueOf(declared.get("AllowedPattern"))).startsWith("^[A-Za-z0-9]");
      }
    }
  }

  @Nested
  class Routes {

    @Test
    void theTwoSearchPathsGoToTheSearchFunctionAndEverythingElseToTheSite() {
      assertThat(SamCli.startApiRoutes(TEMPLATE))
          .contains(
              new SamCli.Route("ANY", "/search", "SearchFunction"),
              new SamCli.Route("ANY", "/api/search", "SearchFunction"),
              new SamCli.Route("ANY", "/{proxy+}", "SiteFunction"));
      Map<?, ?> events = (Map<?, ?>) TEMPLATE.properties("SearchFunction").get("Events");
      events
          .values()
          .forEach(
              e -> {
                Map<?, ?> props = (Map<?, ?>) ((Map<?, ?>) e).get("Properties");
                assertThat(props.get("ApiId")).isEqualTo(Map.of("Ref", "SiteApi"));
                assertThat(props.get("PayloadFormatVersion")).isEqualTo("2.0");
              });
    }

    @Test
    void theGraphStillHasNoCycle() {
      DependencyGraph graph = DependencyGraph.of(TEMPLATE);
      assertThat(graph.findCycle()).isEmpty();
      assertThat(graph.needs("SiteApi")).contains("SearchFunction.Alias");
      assertThat(graph.dependsOn("SearchQueue", "ContentBucket")).isFalse();
    }
  }
}
