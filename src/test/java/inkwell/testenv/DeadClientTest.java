package inkwell.testenv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Clients pointing at a closed port fail the way storage outages do: with a client exception. */
class DeadClientTest {

  @Test
  void aDeadS3ClientThrowsSdkClientException() {
    try (S3Client s3 = AwsClients.deadS3()) {
      assertThatThrownBy(() -> s3.getObject(b -> b.bucket("posts").key("posts/a.md")))
          .isInstanceOf(SdkClientException.class);
    }
  }

  @Test
  void aDeadDynamoDbClientThrowsSdkClientException() {
    try (DynamoDbClient dynamoDb = AwsClients.deadDynamoDb()) {
      assertThatThrownBy(() -> dynamoDb.listTables()).isInstanceOf(SdkClientException.class);
    }
  }
}
