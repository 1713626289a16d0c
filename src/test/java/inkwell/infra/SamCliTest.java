package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.infra.SamCli.Route;
import inkwell.testenv.SamTemplate;
import java.io.IOException;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The template as the SAM CLI reads it ({@link SamCli}): {@code sam build} finds a build for each
 * function, {@code sam local start-api} finds the site's routes, and every variable {@code sam
 * local} gives a function has the value the function needs, with no {@code --env-vars} file.
 */
class SamCliTest {

  private static final SamTemplate TEMPLATE = SamTemplate.load();

  /** Variables whose empty value is meaningful on AWS and under sam local alike. */
  private static final Map<String, String> EMPTY_MEANS =
      Map.of(
          "INKWELL_ENDPOINT_URL", "AWS's own endpoints",
          "INKWELL_SITE_BASE_URL", "the URL each request was sent to",
          "INKWELL_SITE_AUTHOR", "no site author: pages and feeds name none",
          "INKWELL_PERMALINKS", "Inkwell's own addresses, not a moved site's");

  /**
   * Variables that are empty under sam local only, on purpose: what they name does not exist there.
   * On AWS they are set (with the default parameters).
   */
  private static final Map<String, String> EMPTY_UNDER_SAM_LOCAL =
      Map.of(
          "INKWELL_CDN_DISTRIBUTION_ID",
          "no CDN under sam local: the index function invalidates nothing (a !Ref would give the"
              + " logical id SiteDistribution, which it would try to invalidate)",
          "INKWELL_SITE_CDN_KEY",
          "no CDN under sam local: the site believes no X-Forwarded-Host (a !Ref would give the"
              + " logical id SiteCachePolicy as the key)");

  static List<String> functions() {
    return Functions.names(TEMPLATE);
  }

  private static String templateText() throws IOException {
    return Files.readString(Path.of("template.yaml"));
  }

  @Nested
  class StartApi {

    @Test
    void mountsTheSiteAtTheRootAndAtEveryPath() {
      assertThat(SamCli.apiProvider(TEMPLATE)).isEqualTo(SamCli.ApiProvider.SAM);
      assertThat(SamCli.startApiRoutes(TEMPLATE))
          .contains(
              new Route("ANY", "/", "SiteFunction"), new Route("ANY", "/{proxy+}", "SiteFunction"));
    }

    @Test
    void aFunctionUrlOrCloudFrontResourceAboveTheFunctionsChangesNothing() throws IOException {
      // Neither AWS::Lambda::Url nor the CloudFront types is an API type to the SAM CLI
      // (aws-sam-cli 1.164, SamApiProvider.TYPES and CfnApiProvider.TYPES): start-api still reads
      // the functions' events, wherever the CDN's resources stand.
      assertThat(TEMPLATE.resources()).containsKeys("SiteFunctionUrl", "SiteDistribution");
      String first =
          templateText()
              .replaceFirst(
                  "\nResources:\n",
                  "\nResources:\n  EarlyUrl:\n    Type: AWS::Lambda::Url\n"
                      + "    Properties:\n      TargetFunctionArn: !Ref SiteFunction.Alias\n"
                      + "      AuthType: AWS_IAM\n"
                      + "  EarlyOac:\n    Type: AWS::CloudFront::OriginAccessControl\n");
      SamTemplate template = SamTemplate.parse(first);
      assertThat(template.resources().keySet().iterator().next()).isEqualTo("EarlyUrl");
      assertThat(SamCli.apiProvider(template)).isEqualTo(SamCli.ApiProvider.SAM);
      assertThat(SamCli.startApiRoutes(template)).isEqualTo(SamCli.startApiRoutes(TEMPLATE));
    }

    @Test
    void wouldFindNoRouteIfAnApiGatewayResourceCameFirst() throws IOException {
      // The trap the SAM CLI sets: one AWS::ApiGatewayV2 resource above the functions, and the
      // provider that reads the functions' events is never asked.
      String decoy =
          templateText()
              .replaceFirst(
                  "\nResources:\n",
                  "\nResources:\n  Decoy:\n    Type: AWS::ApiGatewayV2::Api\n"
                      + "    Properties:\n      ProtocolType: HTTP\n");
      SamTemplate template = SamTemplate.parse(decoy);
      assertThat(SamCli.apiProvider(template)).isEqualTo(SamCli.ApiProvider.CLOUDFORMATION);
      assertThat(SamCli.startApiRoutes(template)).isEmpty();
    }
  }

  @Nested
  class LocalEnvironment {

    @ParameterizedTest
    @MethodSource("inkwell.infra.SamCliTest#functions")
    void everyVariableGetsARealValueNeverALogicalIdOrAnAccidentalEmpty(String function) {
      Map<String, String> env = SamCli.environment(TEMPLATE, function, Map.of());
      assertThat(env).isNotEmpty();
      env.forEach(
          (name, value) -> {
            assertThat(TEMPLATE.resources().keySet())
                .as("%s.%s is a logical id under sam local", function, name)
                .doesNotContain(value);
            if (value.isEmpty()) {
              assertThat(
                      EMPTY_MEANS.keySet().contains(name)
                          || EMPTY_UNDER_SAM_LOCAL.containsKey(name))
                  .as("%s.%s is empty under sam local", function, name)
                  .isTrue();
            }
          });
    }

    @Test
    void theCdnDistributionIsEmptyUnderSamLocalButNotOnAws() {
      // sam local leaves a !GetAtt of a resource it does not run unresolved, and so "" (the model
      // here resolves no Fn::If at all; the SAM CLI resolves the condition, then fails the GetAtt).
      assertThat(SamCli.environment(TEMPLATE, "IndexFunction", Map.of()))
          .containsEntry("INKWELL_CDN_DISTRIBUTION_ID", "");
      List<?> branches =
          (List<?>)
              ((Map<?, ?>)
                      Functions.environment(TEMPLATE, "IndexFunction")
                          .get("INKWELL_CDN_DISTRIBUTION_ID"))
                  .get("Fn::If");
      assertThat(branches.get(1))
          .isEqualTo(Map.of("Fn::GetAtt", List.of("SiteDistribution", "Id")));
      assertThat(TEMPLATE.resources()).containsKey("SiteDistribution");
    }

    @Test
    void anEmptyValueIsTheParametersOwnDefaultNotAnUnresolvedIntrinsic() {
      // Empty on AWS too, from a parameter whose default is empty: the same meaning everywhere.
      Map<?, ?> parameters = (Map<?, ?>) TEMPLATE.root().get("Parameters");
      for (String function : functions()) {
        Map<String, Object> declared = Functions.environment(TEMPLATE, function);
        for (String name : EMPTY_MEANS.keySet()) {
          if (!declared.containsKey(name)) {
            continue;
          }
          Object ref = ((Map<?, ?>) declared.get(name)).get("Ref");
          assertThat(((Map<?, ?>) parameters.get(ref)).get("Default")).as(name).isEqualTo("");
        }
      }
    }

    @ParameterizedTest
    @MethodSource("inkwell.infra.SamCliTest#functions")
    void theEndpointComesFromParameterOverrides(String function) {
      String localStack = "http://host.docker.internal:4566";
      Map<String, String> env =
          SamCli.environment(TEMPLATE, function, Map.of("LocalEndpointUrl", localStack));
      assertThat(env.get("INKWELL_ENDPOINT_URL")).isEqualTo(localStack);
    }

    @ParameterizedTest
    @MethodSource("inkwell.infra.SamCliTest#functions")
    void theBucketAndTableAreTheOnesTheDocsCreateAndTheEventsName(String function)
        throws IOException {
      Map<String, String> env = SamCli.environment(TEMPLATE, function, Map.of());
      assertThat(env.get("INKWELL_BUCKET")).isEqualTo(ContentBucket.localName());
      Map<?, ?> table =
          (Map<?, ?>)
              new Load(LoadSettings.builder().build())
                  .loadFromString(Files.readString(Path.of("docs/sam-local/posts-table.json")));
      assertThat(env.get("INKWELL_TABLE"))
          .isEqualTo(table.get("TableName"))
          .isEqualTo("local-posts-51af3dc0-da77-11e4-872e-1234567db123");
    }

    @Test
    void theResolverSeesWhatTheSamCliCannotResolve() {
      // The shapes that broke sam local before: an Fn::If with AWS::NoValue, a Ref to the table,
      // and a GetAtt of the API all reach the function as "" or a logical id.
      SamTemplate old =
          SamTemplate.parse(
              """
              Resources:
                PostsTable:
                  Type: AWS::DynamoDB::Table
                SiteApi:
                  Type: AWS::ApiGatewayV2::Api
                Site:
                  Type: AWS::Serverless::Function
                  Properties:
                    Environment:
                      Variables:
                        AWS_ENDPOINT_URL: !If [HasLocal, http://localhost:4566, !Ref AWS::NoValue]
                        INKWELL_TABLE: !Ref PostsTable
                        INKWELL_SITE_BASE_URL: !GetAtt SiteApi.ApiEndpoint
                        INKWELL_BUCKET: !Sub "content-${AWS::AccountId}-${AWS::Region}"
              """);
      assertThat(SamCli.environment(old, "Site", Map.of()))
          .containsEntry("AWS_ENDPOINT_URL", "")
          .containsEntry("INKWELL_TABLE", "PostsTable")
          .containsEntry("INKWELL_SITE_BASE_URL", "")
          .containsEntry("INKWELL_BUCKET", "content-123456789012-us-east-1");
      // And its API resource, above the function, would have hidden the routes from start-api.
      assertThat(SamCli.apiProvider(old)).isEqualTo(SamCli.ApiProvider.CLOUDFORMATION);
    }
  }

  @Nested
  class Build {

    /** The targets a Makefile defines ({@code a b: deps} defines a and b). */
    private static List<String> makeTargets() throws IOException {
      List<String> targets = new ArrayList<>();
      Matcher rule =
          Pattern.compile("(?m)^([A-Za-z][A-Za-z0-9 _-]*):(?!=)")
              .matcher(Files.readString(Path.of("Makefile")));
      while (rule.find()) {
        targets.addAll(List.of(rule.group(1).trim().split("\\s+")));
      }
      return targets;
    }

    @ParameterizedTest
    @MethodSource("inkwell.infra.SamCliTest#functions")
    void eachFunctionIsBuiltByTheMakefileTargetSamBuildRuns(String function) throws IOException {
      Map<?, ?> resource = (Map<?, ?>) TEMPLATE.resources().get(function);
      assertThat(resource.get("Metadata")).isEqualTo(Map.of("BuildMethod", "makefile"));
      // sam build runs make in the function's CodeUri, with the Makefile found there.
      assertThat(Functions.property(TEMPLATE, function, "CodeUri")).isEqualTo(".");
      assertThat(makeTargets()).contains("build-" + function);
    }

    @Test
    void theBuildRunsNoTestPhase() throws IOException {
      // The Maven phases the Makefile asks for stop before test: no test run, no npm, no browser
      // (.ci/sam-build-check runs the build with neither and checks the packages).
      Matcher mvn =
          Pattern.compile("\\$\\(MVN\\)[^\\n]*").matcher(Files.readString(Path.of("Makefile")));
      assertThat(mvn.find()).isTrue();
      assertThat(mvn.group())
          .contains("compile", "dependency:copy-dependencies")
          .doesNotContain(" test", "package", "verify", "install");
      // The search functions' extra step copies Lucene's jars, and runs no phase at all.
      while (mvn.find()) {
        assertThat(mvn.group())
            .contains("dependency:copy-dependencies")
            .doesNotContain(" test", "package", "verify", "install");
      }
    }
  }
}
