package inkwell.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

@ExtendWith(AwsEmulators.class)
class BucketsTest {

  @Test
  void theContentBucketGetsEveryTemplateSettingTheServerImplements(Emulators emulators) {
    String name = Emulators.uniqueName("content");
    Buckets.Created bucket = Buckets.createContentBucket(emulators.s3(), name);

    Set<String> handled = new LinkedHashSet<>(bucket.applied());
    bucket.unsupported().forEach(u -> handled.add(u.substring(0, u.indexOf(' '))));
    Set<String> expected =
        new LinkedHashSet<>(SamTemplate.load().properties("ContentBucket").keySet());
    expected.removeAll(Buckets.NOT_APPLIED);
    assertThat(handled).containsExactlyInAnyOrderElementsOf(expected);
    if (bucket.applied().contains("VersioningConfiguration")) {
      assertThat(emulators.s3().getBucketVersioning(r -> r.bucket(name)).status())
          .isEqualTo(BucketVersioningStatus.ENABLED);
    }
    assertThat(emulators.s3().headBucket(r -> r.bucket(name)).sdkHttpResponse().isSuccessful())
        .isTrue();
  }

  @Test
  void aSettingItCannotApplyFailsLoudly(Emulators emulators) {
    SamTemplate template =
        SamTemplate.parse(
            """
            Resources:
              ContentBucket:
                Type: AWS::S3::Bucket
                Properties:
                  AccelerateConfiguration:
                    AccelerationStatus: Enabled
            """);
    assertThatThrownBy(
            () ->
                Buckets.create(
                    emulators.s3(), template, "ContentBucket", Emulators.uniqueName("content")))
        .hasMessageContaining("AccelerateConfiguration")
        .hasMessageContaining("teach it");
  }
}
