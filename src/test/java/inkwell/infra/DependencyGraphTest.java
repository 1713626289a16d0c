package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.SamTemplate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * No circular dependency among the template's resources, including the resources and edges the SAM
 * transform adds; and the check itself finds the cycles that the classic mistakes create.
 */
class DependencyGraphTest {

  private static DependencyGraph graph(String yaml) {
    return DependencyGraph.of(SamTemplate.parse(yaml));
  }

  @Nested
  class TheTemplate {

    private final DependencyGraph graph = DependencyGraph.of(SamTemplate.load());

    @Test
    void hasNoCycle() {
      assertThat(graph.findCycle()).isEmpty();
    }

    @Test
    void modelsTheEdgesThatWouldCloseACycle() {
      // The edges the check relies on are there: the publish function's queue consumer waits for
      // its alias and names the queue, the queue's policy names the rule, the rule the queue; the
      // function waits for its role, the role for the table and the search queue.
      assertThat(graph.needs("PublishFunction.BucketEvents"))
          .contains("PublishFunction.Alias", "PublishQueue");
      assertThat(graph.needs("PublishQueuePolicy")).contains("PublishQueue", "PublishRule");
      assertThat(graph.needs("PublishRule")).contains("PublishQueue");
      assertThat(graph.needs("PublishFunction.Role")).contains("PostsTable", "SearchQueue");
      // The API carries the site's integration, so it waits for the site's alias, and so do the
      // permissions of both routes.
      assertThat(graph.needs("SiteFunction")).contains("SiteLogGroup");
      assertThat(graph.needs("SiteApi")).contains("SiteFunction.Alias");
      assertThat(graph.needs("SiteFunction.RootPermission"))
          .contains("SiteFunction.Alias", "SiteApi");
      assertThat(graph.needs("SiteFunction.EverythingPermission"))
          .contains("SiteFunction.Alias", "SiteApi");
    }

    @Test
    void theIndexFunctionMayNameTheDistributionBecauseTheDistributionNeverWaitsForIt() {
      // The index function invalidates the distribution after each batch: its role (the policy)
      // and its environment name it, so the distribution must not depend on the function.
      assertThat(graph.needs("IndexFunction.Role")).contains("SiteDistribution");
      assertThat(graph.needs("IndexFunction")).contains("SiteDistribution");
      assertThat(graph.dependsOn("SiteDistribution", "IndexFunction")).isFalse();
      assertThat(graph.dependsOn("SiteDistribution", "IndexFunction.Role")).isFalse();
      assertThat(graph.dependsOn("SiteDistribution", "SearchQueue")).isFalse();
    }

    @Test
    void neitherTheApiNorTheBucketIsNeededByWhatTheyTrigger() {
      assertThat(graph.dependsOn("PublishFunction.Alias", "ContentBucket")).isFalse();
      assertThat(graph.dependsOn("PublishRule", "ContentBucket")).isFalse();
      assertThat(graph.dependsOn("ContentBucket", "PublishFunction")).isFalse();
      assertThat(graph.dependsOn("SiteFunction", "SiteApi")).isFalse();
    }
  }

  @Nested
  class TheCheckFinds {

    @Test
    void aPlainCycleOfDependsOnAndRef() {
      DependencyGraph graph =
          graph(
              """
              Resources:
                A:
                  Type: AWS::SQS::Queue
                  DependsOn: B
                B:
                  Type: AWS::SNS::Topic
                  Properties:
                    TopicName: !GetAtt A.QueueName
                C:
                  Type: AWS::SQS::Queue
              """);
      assertThat(graph.findCycle()).contains(List.of("A", "B", "A"));
    }

    @Test
    void aRolePolicyThatRefsTheBucketWhoseEventsTriggerTheFunction() {
      DependencyGraph graph =
          graph(
              """
              Transform: AWS::Serverless-2016-10-31
              Resources:
                Bucket:
                  Type: AWS::S3::Bucket
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: example.Handler::handleRequest
                    AutoPublishAlias: live
                    Policies:
                      - S3ReadPolicy:
                          BucketName: !Ref Bucket
                    Events:
                      Upload:
                        Type: S3
                        Properties:
                          Bucket: !Ref Bucket
                          Events: s3:ObjectCreated:*
              """);
      assertThat(graph.findCycle())
          .hasValueSatisfying(
              cycle -> assertThat(cycle).contains("Bucket", "Fn.Role", "Fn.Alias", "Fn"));
    }

    @Test
    void anEnvironmentVariableFromTheGlobalsThatRefsTheTriggeringBucket() {
      DependencyGraph graph =
          graph(
              """
              Globals:
                Function:
                  Environment:
                    Variables:
                      BUCKET: !Ref Bucket
              Resources:
                Bucket:
                  Type: AWS::S3::Bucket
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: example.Handler::handleRequest
                    Events:
                      Upload:
                        Type: S3
                        Properties:
                          Bucket: !Ref Bucket
                          Events: s3:ObjectCreated:*
              """);
      assertThat(graph.findCycle()).contains(List.of("Bucket", "Fn", "Bucket"));
    }

    @Test
    void aFunctionThatReadsTheUrlOfTheHttpApiItsEventCreates() {
      DependencyGraph graph =
          graph(
              """
              Resources:
                Site:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: example.Handler::handleRequest
                    AutoPublishAlias: live
                    Environment:
                      Variables:
                        BASE_URL: !Sub "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.amazonaws.com"
                    Events:
                      Root:
                        Type: HttpApi
                        Properties:
                          Path: /
                          Method: GET
              """);
      assertThat(graph.findCycle())
          .hasValueSatisfying(cycle -> assertThat(cycle).contains("Site", "ServerlessHttpApi"));
    }

    @Test
    void aSiteThatReadsTheDomainOfTheCdnInFrontOfItsApi() {
      // The distribution's origin is the API, which carries the site's integration: the site
      // cannot be given the distribution's domain (the template passes the reader's host instead).
      DependencyGraph graph =
          graph(
              """
              Resources:
                Site:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: example.Handler::handleRequest
                    AutoPublishAlias: live
                    Environment:
                      Variables:
                        BASE_URL: !Sub "https://${Cdn.DomainName}"
                    Events:
                      Root:
                        Type: HttpApi
                        Properties:
                          ApiId: !Ref Api
                          Path: /
                          Method: GET
                Api:
                  Type: AWS::Serverless::HttpApi
                Cdn:
                  Type: AWS::CloudFront::Distribution
                  Properties:
                    DistributionConfig:
                      Origins:
                        - DomainName: !Sub "${Api}.execute-api.${AWS::Region}.amazonaws.com"
              """);
      assertThat(graph.findCycle())
          .hasValueSatisfying(cycle -> assertThat(cycle).contains("Site", "Api", "Cdn"));
    }

    @Test
    void aDistributionThatWaitsForThePermissionToInvokeItsFunctionUrl() {
      // CloudFront's guide grants the permission before the OAC is added to the origin; in one
      // template the permission names the distribution (SourceArn), so the distribution must not
      // wait for it (the template lets CloudFront retry until the permission exists).
      DependencyGraph graph =
          graph(
              """
              Resources:
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: example.Handler::handleRequest
                    AutoPublishAlias: live
                Url:
                  Type: AWS::Lambda::Url
                  Properties:
                    TargetFunctionArn: !Ref Fn.Alias
                    AuthType: AWS_IAM
                Permission:
                  Type: AWS::Lambda::Permission
                  Properties:
                    Action: lambda:InvokeFunctionUrl
                    FunctionName: !Ref Fn.Alias
                    Principal: cloudfront.amazonaws.com
                    SourceArn: !Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}"
                Cdn:
                  Type: AWS::CloudFront::Distribution
                  DependsOn: Permission
                  Properties:
                    DistributionConfig:
                      Origins:
                        - DomainName: !Select [2, !Split ["/", !GetAtt Url.FunctionUrl]]
              """);
      assertThat(graph.findCycle())
          .hasValueSatisfying(cycle -> assertThat(cycle).contains("Cdn", "Permission"));
      assertThat(graph.needs("Url")).contains("Fn.Alias");
    }

    @Test
    void aPermissionWhoseSourceArnIsTheArnOfTheBucketThatWaitsForIt() {
      DependencyGraph graph =
          graph(
              """
              Resources:
                Bucket:
                  Type: AWS::S3::Bucket
                  DependsOn: Permission
                  Properties:
                    NotificationConfiguration:
                      LambdaConfigurations:
                        - Event: s3:ObjectCreated:*
                          Function: !Ref Fn.Alias
                Permission:
                  Type: AWS::Lambda::Permission
                  Properties:
                    Action: lambda:InvokeFunction
                    FunctionName: !Ref Fn.Alias
                    Principal: s3.amazonaws.com
                    SourceArn: !GetAtt Bucket.Arn
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: example.Handler::handleRequest
                    AutoPublishAlias: live
              """);
      assertThat(graph.findCycle())
          .hasValueSatisfying(cycle -> assertThat(cycle).contains("Bucket", "Permission"));
    }

    @Test
    void noCycleWhenTheBucketNameIsBuiltWithSubEverywhere() {
      DependencyGraph graph =
          graph(
              """
              Resources:
                Bucket:
                  Type: AWS::S3::Bucket
                  Properties:
                    BucketName: !Sub "content-${AWS::AccountId}"
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: example.Handler::handleRequest
                    AutoPublishAlias: live
                    Environment:
                      Variables:
                        BUCKET: !Sub "content-${AWS::AccountId}"
                    Policies:
                      - S3ReadPolicy:
                          BucketName: !Sub "content-${AWS::AccountId}"
                    Events:
                      Upload:
                        Type: S3
                        Properties:
                          Bucket: !Ref Bucket
                          Events: s3:ObjectCreated:*
              """);
      assertThat(graph.findCycle()).isEmpty();
      assertThat(graph.dependsOn("Bucket", "Fn")).isTrue();
    }
  }
}
