package inkwell.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 server speaks the S3 wire protocol well enough for the publish path. */
@ExtendWith(AwsEmulators.class)
class S3EmulatorTest {

  private final S3Client s3;
  private String bucket;

  S3EmulatorTest(S3Client s3) {
    this.s3 = s3;
  }

  @BeforeEach
  void createBucket() {
    bucket = Emulators.uniqueName("s3-test");
    s3.createBucket(b -> b.bucket(bucket));
  }

  private void put(String key, byte[] bytes) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  private byte[] get(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  @Test
  void aKeyWithSpacesPlusUmlautAndNestedSlashesRoundTripsByteForByte() {
    String key = "posts/2024/a b+c/über uns.md";
    byte[] body = "# Über uns\n\nA + B = C\n".getBytes(StandardCharsets.UTF_8);

    put(key, body);

    assertThat(get(key)).isEqualTo(body);
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents())
        .extracting(S3Object::key)
        .containsExactly(key);
  }

  @Test
  void aTwoMegabyteObjectRoundTripsByteForByte() {
    byte[] body = new byte[2 * 1024 * 1024];
    new Random(42).nextBytes(body);

    put("assets/big.bin", body);

    assertThat(get("assets/big.bin")).isEqualTo(body);
    assertThat(s3.headObject(b -> b.bucket(bucket).key("assets/big.bin")).contentLength())
        .isEqualTo(body.length);
  }

  @Test
  void listingByPrefixReturnsOnlyTheKeysUnderThatPrefix() {
    for (String key : List.of("posts/a.md", "posts/drafts/b.md", "postscript.md", "pages/c.md")) {
      put(key, key.getBytes(StandardCharsets.UTF_8));
    }

    List<String> keys =
        s3.listObjectsV2(b -> b.bucket(bucket).prefix("posts/")).contents().stream()
            .map(S3Object::key)
            .toList();

    assertThat(keys).containsExactlyInAnyOrder("posts/a.md", "posts/drafts/b.md");
  }

  @Test
  void aDeletedObjectCanNoLongerBeReadOrListed() {
    put("posts/gone.md", "bye".getBytes(StandardCharsets.UTF_8));

    s3.deleteObject(b -> b.bucket(bucket).key("posts/gone.md"));

    assertThatThrownBy(() -> get("posts/gone.md")).isInstanceOf(NoSuchKeyException.class);
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void aClientBuiltFromTheExposedEndpointSeesTheSameObjects(Emulators emulators) {
    put("posts/shared.md", "shared".getBytes(StandardCharsets.UTF_8));

    try (S3Client other = AwsClients.s3(emulators.s3Endpoint())) {
      byte[] read =
          other.getObjectAsBytes(b -> b.bucket(bucket).key("posts/shared.md")).asByteArray();
      assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("shared");
    }
    assertThat(emulators.awsEnvironment())
        .containsEntry("AWS_ENDPOINT_URL_S3", emulators.s3Endpoint().toString())
        .containsEntry("AWS_REGION", "us-east-1");
  }
}
