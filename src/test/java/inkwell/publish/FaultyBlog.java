package inkwell.publish;

import inkwell.aws.DynamoPostReader;
import inkwell.aws.DynamoPostWriter;
import inkwell.aws.S3ContentStore;
import inkwell.pipeline.PostPipeline;
import inkwell.site.SiteConfig;
import inkwell.site.SiteService;
import inkwell.site.Sites;
import inkwell.storage.Sequencer;
import inkwell.testenv.Emulators;
import inkwell.testenv.FaultInjector;
import inkwell.testenv.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A blog of its own on the emulators (a new table and bucket) for the fault tests: a publish
 * service whose S3 and DynamoDB clients go through a {@link FaultInjector}, a clean one beside it,
 * and the site's read path over a clean client, so that what a reader sees is never faulted.
 */
final class FaultyBlog {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String BASE_URL = "https://blog.example.com";
  private static final PostPipeline PIPELINE = PostPipeline.create();

  /** What the table and the bucket hold, for comparing two runs. */
  record Snapshot(List<String> items, List<String> keys) {}

  final String bucket;
  final PublishService clean;
  final PublishService faulty;
  private final String table;
  private final Emulators emulators;
  private final SiteService site;

  FaultyBlog(Emulators emulators, FaultInjector.Clients clients, SiteConfig config) {
    this.emulators = emulators;
    this.bucket = Emulators.uniqueName("crash");
    this.table = Emulators.uniqueName("crash");
    emulators.s3().createBucket(r -> r.bucket(bucket));
    Tables.createPostsTable(emulators.dynamoDb(), table);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    this.clean = service(emulators.s3(), emulators.dynamoDb(), clock);
    this.faulty = service(clients.s3(), clients.dynamoDb(), clock);
    this.site = site(config, clock);
  }

  private PublishService service(
      software.amazon.awssdk.services.s3.S3Client s3,
      software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo,
      Clock clock) {
    S3ContentStore content = new S3ContentStore(s3, bucket, "posts/", "_status/", "_bodies/");
    DynamoPostWriter writer = new DynamoPostWriter(dynamo, table, content, clock);
    return new PublishService(PIPELINE, content, writer, content, bucket, "posts/", clock);
  }

  private SiteService site(SiteConfig config, Clock clock) {
    S3ContentStore content =
        new S3ContentStore(emulators.s3(), bucket, "posts/", "_status/", "_bodies/");
    return Sites.service(
        new DynamoPostReader(emulators.dynamoDb(), table, content), config, ZoneOffset.UTC, clock);
  }

  /** Uploads {@code markdown} to {@code key}, or deletes the object if it is null. */
  void write(String key, String markdown) {
    if (markdown == null) {
      emulators.s3().deleteObject(r -> r.bucket(bucket).key(key));
    } else {
      emulators
          .s3()
          .putObject(
              r -> r.bucket(bucket).key(key),
              RequestBody.fromString(markdown, StandardCharsets.UTF_8));
    }
  }

  /** Delivers the event of a write to {@code service}. */
  PublishService.Outcome deliver(
      PublishService service, String key, boolean removed, long sequencer) {
    return service.apply(
        new ObjectEvent(
            removed ? ObjectEvent.Type.REMOVED : ObjectEvent.Type.CREATED,
            bucket,
            key,
            null,
            Sequencer.of(String.format("%016X", sequencer))));
  }

  /** What a reader would see wrong now; empty if nothing. */
  List<String> readerProblems(Set<String> aliases, Set<String> slugs) {
    return ReaderInvariant.check(site, BASE_URL, aliases, slugs);
  }

  /** A tag count's shard summary without the change counter it was written at. */
  private static String afterCounter(String summary) {
    return summary.substring(summary.indexOf('|'));
  }

  /**
   * What a reader would see wrong now, mid-operation: the tag index may count the operation's post
   * once less than a tag page lists it (counts are written after a membership and before its
   * removal), never more.
   */
  List<String> readerProblemsMidOperation(Set<String> aliases, Set<String> slugs) {
    return ReaderInvariant.check(site, BASE_URL, aliases, slugs, 1);
  }

  /**
   * Every item (without the counters that count retries: the source items' revision, the tag
   * ledgers' changes) and every key in the bucket.
   */
  Snapshot snapshot() {
    List<String> items = new ArrayList<>();
    emulators
        .dynamoDb()
        .scanPaginator(r -> r.tableName(table).consistentRead(true))
        .items()
        .forEach(
            item -> {
              Map<String, AttributeValue> sorted = new TreeMap<>(item);
              sorted.remove("rev");
              sorted.remove("changes"); // a tag ledger's change counter, which counts retries too
              if ("TAGCOUNTS".equals(sorted.get("pk").s())) {
                // a shard summary starts with its ledger's change counter: without it
                sorted.replaceAll(
                    (name, value) ->
                        name.matches("s[0-9]")
                            ? AttributeValue.fromS(afterCounter(value.s()))
                            : value);
              }
              items.add(sorted.toString());
            });
    items.sort(null);
    List<String> keys = new ArrayList<>();
    emulators
        .s3()
        .listObjectsV2Paginator(r -> r.bucket(bucket))
        .contents()
        .forEach(o -> keys.add(o.key()));
    keys.sort(null);
    return new Snapshot(items, keys);
  }
}
