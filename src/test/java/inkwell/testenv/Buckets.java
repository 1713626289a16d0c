package inkwell.testenv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Creates buckets from their definition in {@code template.yaml}, as {@link Tables} does for
 * tables: each property of the template's {@code ContentBucket} is applied to the test bucket with
 * the S3 call that sets it. A server that does not implement a setting (S3Proxy implements none of
 * them; LocalStack all) is noted and skipped, so the same tests run on both. A property this class
 * does not know fails loudly: adding one to the template means teaching it here.
 */
public final class Buckets {

  private static final Logger LOG = LoggerFactory.getLogger(Buckets.class);

  /**
   * Properties that describe the deployed bucket but not what the code sees: its name, and the
   * notification to a function the emulators do not run ({@link NotificationPlayer} plays S3's
   * part).
   */
  static final Set<String> NOT_APPLIED = Set.of("BucketName", "NotificationConfiguration");

  /** What was applied to a created bucket, and what the server could not do. */
  public record Created(String name, Set<String> applied, Set<String> unsupported) {}

  private Buckets() {}

  /** Creates the template's {@code ContentBucket} under {@code name}. */
  public static Created createContentBucket(S3Client s3, String name) {
    return create(s3, SamTemplate.load(), "ContentBucket", name);
  }

  @SuppressWarnings("unchecked")
  static Created create(S3Client s3, SamTemplate template, String resource, String name) {
    s3.createBucket(r -> r.bucket(name));
    Set<String> applied = new LinkedHashSet<>();
    Set<String> unsupported = new LinkedHashSet<>();
    for (Map.Entry<String, Object> property : template.properties(resource).entrySet()) {
      String key = property.getKey();
      if (NOT_APPLIED.contains(key)) {
        continue;
      }
      Map<String, Object> value = (Map<String, Object>) property.getValue();
      Consumer<S3Client> call =
          switch (key) {
            case "VersioningConfiguration" ->
                c ->
                    c.putBucketVersioning(
                        r ->
                            r.bucket(name)
                                .versioningConfiguration(
                                    v -> v.status(String.valueOf(value.get("Status")))));
            case "BucketEncryption" -> c -> c.putBucketEncryption(r -> encryption(r, name, value));
            case "PublicAccessBlockConfiguration" ->
                c ->
                    c.putPublicAccessBlock(
                        r ->
                            r.bucket(name)
                                .publicAccessBlockConfiguration(
                                    b ->
                                        b.blockPublicAcls(flag(value, "BlockPublicAcls"))
                                            .blockPublicPolicy(flag(value, "BlockPublicPolicy"))
                                            .ignorePublicAcls(flag(value, "IgnorePublicAcls"))
                                            .restrictPublicBuckets(
                                                flag(value, "RestrictPublicBuckets"))));
            case "OwnershipControls" ->
                c ->
                    c.putBucketOwnershipControls(
                        r ->
                            r.bucket(name)
                                .ownershipControls(
                                    o ->
                                        o.rules(
                                            ((List<Map<String, Object>>) value.get("Rules"))
                                                .stream()
                                                    .map(
                                                        rule ->
                                                            OwnershipControlsRule.builder()
                                                                .objectOwnership(
                                                                    ObjectOwnership.fromValue(
                                                                        String.valueOf(
                                                                            rule.get(
                                                                                "ObjectOwnership"))))
                                                                .build())
                                                    .toList())));
            case "LifecycleConfiguration" ->
                c ->
                    c.putBucketLifecycleConfiguration(
                        r -> r.bucket(name).lifecycleConfiguration(lifecycle(value)));
            default ->
                throw new IllegalStateException(
                    "template.yaml's "
                        + resource
                        + " sets "
                        + key
                        + ", which Buckets cannot apply to a test bucket yet: teach it");
          };
      try {
        call.accept(s3);
        applied.add(key);
      } catch (SdkServiceException e) {
        unsupported.add(key + " (" + e.statusCode() + ")");
      }
    }
    if (!unsupported.isEmpty()) {
      LOG.debug("bucket {}: the S3 server does not implement {}", name, unsupported);
    }
    return new Created(name, applied, unsupported);
  }

  private static boolean flag(Map<String, Object> value, String key) {
    return Boolean.parseBoolean(String.valueOf(value.get(key)));
  }

  @SuppressWarnings("unchecked")
  private static void encryption(
      PutBucketEncryptionRequest.Builder request, String name, Map<String, Object> value) {
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>) value.get("ServerSideEncryptionConfiguration");
    request
        .bucket(name)
        .serverSideEncryptionConfiguration(
            c ->
                c.rules(
                    rules.stream()
                        .map(
                            rule -> {
                              Map<String, Object> byDefault =
                                  (Map<String, Object>) rule.get("ServerSideEncryptionByDefault");
                              return ServerSideEncryptionRule.builder()
                                  .applyServerSideEncryptionByDefault(
                                      d ->
                                          d.sseAlgorithm(
                                              ServerSideEncryption.fromValue(
                                                  String.valueOf(byDefault.get("SSEAlgorithm")))))
                                  .build();
                            })
                        .toList()));
  }

  @SuppressWarnings("unchecked")
  private static BucketLifecycleConfiguration lifecycle(Map<String, Object> value) {
    List<LifecycleRule> rules = new ArrayList<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) value.get("Rules")) {
      LifecycleRule.Builder builder =
          LifecycleRule.builder()
              .id(String.valueOf(rule.get("Id")))
              .status(ExpirationStatus.fromValue(String.valueOf(rule.get("Status"))))
              .filter(
                  LifecycleRuleFilter.builder()
                      .prefix(String.valueOf(rule.getOrDefault("Prefix", "")))
                      .build());
      if (rule.get("NoncurrentVersionExpiration") instanceof Map<?, ?> expiration) {
        builder.noncurrentVersionExpiration(
            NoncurrentVersionExpiration.builder()
                .noncurrentDays(Integer.parseInt(String.valueOf(expiration.get("NoncurrentDays"))))
                .build());
      }
      if (rule.get("AbortIncompleteMultipartUpload") instanceof Map<?, ?> abort) {
        builder.abortIncompleteMultipartUpload(
            AbortIncompleteMultipartUpload.builder()
                .daysAfterInitiation(
                    Integer.parseInt(String.valueOf(abort.get("DaysAfterInitiation"))))
                .build());
      }
      rules.add(builder.build());
    }
    return BucketLifecycleConfiguration.builder().rules(rules).build();
  }
}
