package inkwell.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {

  @Test
  void withoutEndpointVariablesTheClientsUseAws() {
    AwsClients.Settings settings =
        AwsClients.Settings.fromEnvironment(
            Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "x"));
    assertThat(settings.region()).isEqualTo(Region.EU_CENTRAL_1);
    assertThat(settings.s3Endpoint()).isNull();
    assertThat(settings.dynamoDbEndpoint()).isNull();
    assertThat(settings.credentials()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
  }

  @Test
  void theSharedEndpointVariableAppliesToBothServices() {
    AwsClients.Settings settings =
        AwsClients.Settings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));
    assertThat(settings.s3Endpoint()).isEqualTo(URI.create("http://localhost:4566"));
    assertThat(settings.dynamoDbEndpoint()).isEqualTo(URI.create("http://localhost:4566"));
    assertThat(settings.region()).isEqualTo(Region.US_EAST_1);
  }

  @Test
  void serviceSpecificEndpointsWinOverTheSharedOne() {
    AwsClients.Settings settings =
        AwsClients.Settings.fromEnvironment(
            Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_ENDPOINT_URL_S3", "http://localhost:9000",
                "AWS_DEFAULT_REGION", "us-west-2"));
    assertThat(settings.s3Endpoint()).isEqualTo(URI.create("http://localhost:9000"));
    assertThat(settings.dynamoDbEndpoint()).isEqualTo(URI.create("http://localhost:4566"));
    assertThat(settings.region()).isEqualTo(Region.US_WEST_2);
  }

  @Test
  void pathStyleAddressingIsOnlyUsedWithAnOverriddenEndpoint() {
    var aws = AwsClients.s3(AwsClients.Settings.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "x")));
    var local =
        AwsClients.s3(
            AwsClients.Settings.fromEnvironment(
                Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9")));
    assertThat(aws.serviceClientConfiguration().endpointOverride()).isEmpty();
    assertThat(local.serviceClientConfiguration().endpointOverride())
        .contains(URI.create("http://127.0.0.1:9"));
    assertThat(aws.utilities().getUrl(r -> r.bucket("my-bucket").key("k")).toString())
        .startsWith("https://my-bucket.s3.");
    assertThat(local.utilities().getUrl(r -> r.bucket("my-bucket").key("k")).toString())
        .isEqualTo("http://127.0.0.1:9/my-bucket/k");
    aws.close();
    local.close();
  }
}
