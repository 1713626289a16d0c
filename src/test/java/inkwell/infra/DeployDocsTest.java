package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deploy guide (docs/DEPLOY.md), the architecture (docs/ARCHITECTURE.md) and the sam local
 * guide (docs/SAM-LOCAL.md) say what the template declares, and their commands work as written: the
 * files they name exist, the parameters they override are the template's, the names are the ones
 * {@code sam local} gives the functions, and {@code sam build} comes first.
 */
class DeployDocsTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file));
  }

  /** The shell blocks of a Markdown file, continuation lines joined. */
  private static List<String> commands(String file) throws IOException {
    List<String> commands = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```sh\\n(.*?)```").matcher(read(file));
    while (block.find()) {
      for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
        String command = line.replaceAll("\\s+#.*$", "").strip();
        if (!command.isEmpty()) {
          commands.add(command.replaceAll("\\s+", " "));
        }
      }
    }
    return commands;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDeployGuideNamesEveryParameterAndOutput() throws IOException {
    String guide = read("docs/DEPLOY.md");
    for (String section : new String[] {"Parameters", "Outputs"}) {
      ((Map<String, Object>) TEMPLATE.root().get(section))
          .keySet()
          .forEach(name -> assertThat(guide).as(section).contains("`" + name + "`"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theChecklistSubscribesConfirmsAndChecksAnEmailOnTheStacksAlarmTopic() throws IOException {
    Map<String, Object> output =
        (Map<String, Object>)
            ((Map<String, Object>) TEMPLATE.root().get("Outputs")).get("AlarmTopicArn");
    assertThat(output.get("Value")).isEqualTo(Map.of("Ref", "AlarmTopic"));
    List<String> commands = commands("docs/DEPLOY.md");
    assertThat(commands)
        .anyMatch(
            c ->
                c.startsWith("topic=$(aws cloudformation describe-stacks --stack-name STACK")
                    && c.contains("Outputs[?OutputKey=='AlarmTopicArn'].OutputValue"));
    assertThat(commands)
        .contains(
            "aws sns subscribe --topic-arn \"$topic\" --protocol email"
                + " --notification-endpoint you@example.com",
            "aws sns confirm-subscription --topic-arn \"$topic\" --token TOKEN"
                + " --authenticate-on-unsubscribe true",
            "aws sns list-subscriptions-by-topic --topic-arn \"$topic\""
                + " --query 'Subscriptions[].[Endpoint,SubscriptionArn]' --output text");
  }

  @Test
  void theOperationsGuideListsEveryAlarmOfTheTemplate() throws IOException {
    java.util.Set<String> documented = new java.util.TreeSet<>();
    for (List<String> row : inkwell.docs.Docs.tableRows(read("docs/OPERATIONS.md"))) {
      documented.addAll(inkwell.docs.Docs.codeSpans(row.get(0)));
    }
    java.util.Set<String> alarms = new java.util.TreeSet<>();
    TEMPLATE
        .resources()
        .forEach(
            (name, value) -> {
              if ("AWS::CloudWatch::Alarm".equals(((Map<?, ?>) value).get("Type"))) {
                alarms.add(name);
              }
            });
    assertThat(alarms).hasSizeGreaterThan(5);
    assertThat(documented.stream().filter(n -> n.endsWith("Alarm")).toList())
        .containsExactlyInAnyOrderElementsOf(alarms);
  }

  void theArchitectureNamesTheHandlersAndRoutesTheTemplateDeclares() throws IOException {
    String notes = read("docs/ARCHITECTURE.md");
    for (String function : Functions.names(TEMPLATE)) {
      assertThat(notes).contains("`" + Functions.property(TEMPLATE, function, "Handler") + "`");
    }
    for (SamCli.Route route : SamCli.startApiRoutes(TEMPLATE)) {
      assertThat(notes).contains("`" + route.method() + " " + route.path() + "`");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/DEPLOY.md", "docs/SAM-LOCAL.md"})
  void samBuildComesBeforeAnySamDeployOrSamLocal(String file) throws IOException {
    List<String> sam = commands(file).stream().filter(c -> c.startsWith("sam ")).toList();
    assertThat(sam).as(file).isNotEmpty();
    assertThat(sam.get(0)).as(file).isEqualTo("sam build");
  }

  @Nested
  class TheSamLocalGuide {

    @Test
    void namesOnlyFilesThatExist() throws IOException {
      Matcher path =
          Pattern.compile("(?:file://|-e |> )?((?:events|docs)/[\\w./-]+\\.(?:json|md))")
              .matcher(String.join("\n", commands("docs/SAM-LOCAL.md")));
      int found = 0;
      while (path.find()) {
        assertThat(Path.of(path.group(1))).as(path.group()).exists();
        found++;
      }
      assertThat(found).isGreaterThanOrEqualTo(4);
    }

    @Test
    void overridesOnlyTheTemplatesParametersAndNeedsNoEnvFile() throws IOException {
      @SuppressWarnings("unchecked")
      Map<String, Object> parameters = (Map<String, Object>) TEMPLATE.root().get("Parameters");
      List<String> local =
          commands("docs/SAM-LOCAL.md").stream().filter(c -> c.startsWith("sam local")).toList();
      assertThat(local).hasSizeGreaterThanOrEqualTo(3);
      for (String command : local) {
        assertThat(command).doesNotContain("--env-vars");
        Matcher override =
            Pattern.compile("--parameter-overrides ((?:\\w+=\\S+ ?)+)").matcher(command);
        assertThat(override.find()).as(command).isTrue();
        for (String pair : override.group(1).trim().split(" ")) {
          assertThat(parameters).containsKey(pair.substring(0, pair.indexOf('=')));
        }
      }
    }

    @Test
    void createsTheBucketAndTableSamLocalGivesTheFunctions() throws IOException {
      String commands = String.join("\n", commands("docs/SAM-LOCAL.md"));
      Map<String, String> env = SamCli.environment(TEMPLATE, "PublishFunction", Map.of());
      assertThat(commands).contains("s3 mb s3://" + env.get("INKWELL_BUCKET"));
      assertThat(commands).contains("file://docs/sam-local/posts-table.json");
      assertThat(read("docs/sam-local/posts-table.json"))
          .contains("\"TableName\": \"" + env.get("INKWELL_TABLE") + "\"");
    }

    @Test
    void createsTheSearchQueueThePublishFunctionSendsTo() throws IOException {
      String commands = String.join("\n", commands("docs/SAM-LOCAL.md"));
      String url =
          SamCli.environment(TEMPLATE, "PublishFunction", Map.of()).get("INKWELL_SEARCH_QUEUE_URL");
      String[] parts = url.split("/");
      // LocalStack finds a queue by the account in its URL and takes a 12-digit access key as the
      // account: the guide's key must be the account sam local puts in the URL.
      assertThat(commands).contains("sqs create-queue --queue-name " + parts[parts.length - 1]);
      assertThat(commands).contains("AWS_ACCESS_KEY_ID=" + parts[parts.length - 2] + " ");
    }

    @Test
    void uploadsTheSampleObjectToTheKeyTheSampleEventNames() throws IOException {
      Matcher upload =
          Pattern.compile("s3 cp events/objects/sqs-publish-put.md \"s3://([^/]+)/([^\"]+)\"")
              .matcher(String.join("\n", commands("docs/SAM-LOCAL.md")));
      assertThat(upload.find()).isTrue();
      assertThat(upload.group(1)).isEqualTo(ContentBucket.localName());
      var event =
          com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
              .serializerFor(
                  com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
                  getClass().getClassLoader())
              .fromJson(
                  new ByteArrayInputStream(
                      read("events/sqs-publish-put.json").getBytes(StandardCharsets.UTF_8)));
      assertThat(upload.group(2))
          .isEqualTo(
              inkwell.publish.BucketEvents.decode(event.getRecords().get(0).getBody())
                  .orElseThrow()
                  .key());
    }
  }
}
