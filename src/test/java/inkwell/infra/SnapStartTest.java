package inkwell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.AwsClients;
import inkwell.publish.PublishHandler;
import inkwell.search.IndexHandler;
import inkwell.search.SearchHandler;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.RequestCounter;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What a SnapStart snapshot of the functions holds: everything initialisation builds, and nothing
 * that must not be shared between restored environments or kept past its time. (The site's warm-up
 * requests are tested in {@code inkwell.site.PrimingTest}.)
 */
@ExtendWith(AwsEmulators.class)
class SnapStartTest {

  @Test
  void initialisingThePublishFunctionSendsNoRequest(Emulators emulators) {
    // Neither the bucket nor the table exists: any request would fail and be counted.
    try (PublishHandler handler =
        new PublishHandler(
            ApplicationContext.builder()
                .properties(
                    EmulatorAwsSettings.onEmulators(
                        emulators, Emulators.uniqueName("snap"), Emulators.uniqueName("snap"))))) {
      assertThat(handler.getApplicationContext().getBean(RequestCounter.class).operations())
          .isEmpty();
    }
  }

  @Test
  void initialisingTheIndexAndSearchFunctionsSendsNoRequest(Emulators emulators) {
    // The search function renders its empty form while it starts (a warm page path for the
    // snapshot), which reads no index.
    Map<String, Object> properties =
        EmulatorAwsSettings.onEmulators(
            emulators, Emulators.uniqueName("snap"), Emulators.uniqueName("snap"));
    try (SearchHandler search =
            new SearchHandler(ApplicationContext.builder().properties(properties));
        IndexHandler index =
            new IndexHandler(ApplicationContext.builder().properties(properties))) {
      assertThat(search.getApplicationContext().getBean(RequestCounter.class).operations())
          .isEmpty();
      assertThat(index.getApplicationContext().getBean(RequestCounter.class).operations())
          .isEmpty();
    }
  }

  /**
   * With SnapStart, Lambda gives the Java runtime container credentials (an endpoint and a token)
   * instead of the AWS_ACCESS_KEY_ID variables, which a snapshot would freeze. The clients then use
   * the SDK's default chain, which fetches credentials on the first request and refreshes them
   * before they expire; building the clients at initialisation fetches nothing.
   */
  @Test
  void inASnapStartEnvironmentTheClientsFetchCredentialsOnlyWhenTheyFirstCallAws() {
    AwsClients.Settings settings =
        AwsClients.Settings.fromEnvironment(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/2018-06-01/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token"));
    assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
    assertThat(settings.credentials())
        .isNotInstanceOf(EnvironmentVariableCredentialsProvider.class);
    assertThat(settings.s3Endpoint()).isNull();
    // Nothing listens on port 9: building would fail if it fetched credentials.
    AwsClients.s3(settings).close();
    AwsClients.dynamoDb(settings).close();
  }
}
