package inkwell.search;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.DynamoSourceCatalog;
import inkwell.aws.S3ContentStore;
import inkwell.aws.S3SnapshotStore;
import inkwell.pipeline.PostPipeline;
import inkwell.publish.ObjectEvent;
import inkwell.publish.PublishService;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.storage.Sequencer;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Buckets;
import inkwell.testenv.Emulators;
import inkwell.testenv.Tables;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Random publishes, edits, rejected uploads, slug takeovers and removals over a few keys: their S3
 * events reach the publish service shuffled and duplicated, and the changes it reports reach the
 * index shuffled, duplicated and in random batches, interleaved with the publishing. Whatever the
 * order, the index ends with exactly the documents a rebuild from the table gives, and every query
 * finds the same posts in the same order. Seeded, so a failure repeats.
 */
@ExtendWith(AwsEmulators.class)
class SearchOrderPropertyTest {

  private static final long SEED = 20261201L;
  private static final int TRIALS = 8;
  private static final int ROUNDS = 6;
  private static final int OPERATIONS_PER_ROUND = 3;
  private static final List<String> KEYS =
      List.of("posts/a.md", "posts/b.md", "posts/c.md", "posts/d.md");
  private static final List<String> WORDS =
      List.of("otter", "badger", "heron", "lynx", "marten", "stoat");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private final Emulators emulators;
  private final S3Client s3;

  SearchOrderPropertyTest(Emulators emulators) {
    this.emulators = emulators;
    this.s3 = emulators.s3();
  }

  @Test
  void changesDeliveredLateTwiceAndOutOfOrderEndAsARebuildFromTheTable() throws IOException {
    Random random = new Random(SEED);
    int documents = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      documents += runTrial(trial, random);
    }
    // The trials left posts to find: the comparison was not between two empty indexes.
    assertThat(documents).isGreaterThan(TRIALS);
  }

  private int runTrial(int trial, Random random) throws IOException {
    String bucket = Emulators.uniqueName("prop-search");
    String table = Emulators.uniqueName("prop-search");
    Buckets.createContentBucket(s3, bucket);
    Tables.createPostsTable(emulators.dynamoDb(), table);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    S3ContentStore content = new S3ContentStore(s3, bucket, "posts/", "_status/", "_bodies/");
    DynamoPostRepository posts =
        new DynamoPostRepository(emulators.dynamoDb(), table, content, clock);
    List<String> pending = Collections.synchronizedList(new ArrayList<>());
    PublishService publish =
        new PublishService(
            PostPipeline.create(),
            content,
            posts,
            content,
            bucket,
            "posts/",
            clock,
            (key, sequencer) -> pending.add(key));
    DynamoSourceCatalog catalog = new DynamoSourceCatalog(emulators.dynamoDb(), table);
    S3SnapshotStore incrementalStore = new S3SnapshotStore(s3, bucket, "_search/");
    IndexUpdater incremental = new IndexUpdater(incrementalStore, posts, catalog, clock);

    // In rounds: a few changes to the bucket, then their events (and some left from earlier
    // rounds) delivered shuffled, some twice, some held back; the index catching up now and then.
    List<ObjectEvent> undelivered = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
        undelivered.add(operate(bucket, trial, round * OPERATIONS_PER_ROUND + i, random));
      }
      deliver(publish, undelivered, random, round == ROUNDS - 1, incremental, pending);
    }
    indexSome(incremental, pending, random, true);

    S3SnapshotStore rebuiltStore = new S3SnapshotStore(s3, bucket, "_rebuilt/");
    new IndexUpdater(rebuiltStore, posts, catalog, clock).apply(List.of(), true);

    Map<String, String> kept = documents(incrementalStore);
    Map<String, String> rebuilt = documents(rebuiltStore);
    assertThat(kept).as("trial %d: documents by slug", trial).isEqualTo(rebuilt);
    SnapshotSearch keptSearch = new SnapshotSearch(incrementalStore, clock, Duration.ZERO);
    SnapshotSearch rebuiltSearch = new SnapshotSearch(rebuiltStore, clock, Duration.ZERO);
    for (String word : WORDS) {
      SearchQuery query = new SearchQuery(word, 1);
      assertThat(slugs(keptSearch.search(query, NOW)))
          .as("trial %d: %s", trial, word)
          .isEqualTo(slugs(rebuiltSearch.search(query, NOW)));
    }
    return kept.size();
  }

  /** One upload (good or bad) or delete in the bucket, and the event S3 would send for it. */
  private ObjectEvent operate(String bucket, int trial, int i, Random random) {
    String key = KEYS.get(random.nextInt(KEYS.size()));
    Sequencer sequencer = Sequencer.of(String.format("%016X", (long) trial << 32 | (i + 1)));
    int kind = random.nextInt(10);
    if (kind < 2) {
      s3.deleteObject(r -> r.bucket(bucket).key(key));
      return new ObjectEvent(ObjectEvent.Type.REMOVED, bucket, key, null, sequencer);
    }
    String body;
    if (kind == 2) {
      body = "---\ntitle: [unclosed\n---\nBroken.\n";
    } else {
      String word = WORDS.get(random.nextInt(WORDS.size()));
      String other = WORDS.get(random.nextInt(WORDS.size()));
      // Some posts want the same slug: the key that sorts first owns it, the others wait.
      String slug = kind >= 8 ? "slug: shared\n" : "";
      body =
          "---\ntitle: "
              + word
              + " "
              + i
              + "\n"
              + slug
              + "tags: ["
              + other
              + "]\n---\n"
              + "About the "
              + other
              + " and the "
              + word
              + ", version "
              + i
              + ".\n";
    }
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
    return new ObjectEvent(ObjectEvent.Type.CREATED, bucket, key, null, sequencer);
  }

  /** Delivers most (with {@code everything}, all) undelivered events, shuffled, some twice. */
  private static void deliver(
      PublishService publish,
      List<ObjectEvent> undelivered,
      Random random,
      boolean everything,
      IndexUpdater incremental,
      List<String> pending) {
    List<ObjectEvent> now = new ArrayList<>();
    List<ObjectEvent> later = new ArrayList<>();
    for (ObjectEvent event : undelivered) {
      (everything || random.nextInt(4) > 0 ? now : later).add(event);
      if (random.nextInt(4) == 0) {
        now.add(event);
      }
    }
    Collections.shuffle(now, random);
    for (ObjectEvent event : now) {
      publish.apply(event);
      if (random.nextInt(3) == 0) {
        indexSome(incremental, pending, random, false);
      }
    }
    undelivered.clear();
    undelivered.addAll(later);
  }

  /** Some pending changes (all with {@code everything}), shuffled, some twice, as one batch. */
  private static void indexSome(
      IndexUpdater updater, List<String> pending, Random random, boolean everything) {
    if (pending.isEmpty()) {
      return;
    }
    List<String> batch = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (String key : pending) {
      (everything || random.nextBoolean() ? batch : left).add(key);
      if (random.nextInt(4) == 0) {
        left.add(key); // delivered again later
      }
    }
    Collections.shuffle(batch, random);
    pending.clear();
    pending.addAll(left);
    if (!batch.isEmpty()) {
      updater.apply(batch, false);
    }
    if (everything && !pending.isEmpty()) {
      indexSome(updater, pending, random, true);
    }
  }

  /** Every document of the store's current snapshot, by slug, as its stored fields. */
  private static Map<String, String> documents(S3SnapshotStore store) throws IOException {
    Map<String, String> documents = new TreeMap<>();
    String id = store.current().orElseThrow().id();
    try (DirectoryReader reader = DirectoryReader.open(Snapshots.unpack(store.read(id)))) {
      StoredFields fields = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (reader.numDocs() != reader.maxDoc()
            && org.apache.lucene.index.MultiBits.getLiveDocs(reader) != null
            && !org.apache.lucene.index.MultiBits.getLiveDocs(reader).get(doc)) {
          continue;
        }
        Document document = fields.document(doc);
        documents.put(document.get(SearchDocuments.SLUG), document.toString());
      }
    }
    return documents;
  }

  private static List<String> slugs(SearchResults results) {
    return results.hits().stream().map(SearchResults.Hit::slug).toList();
  }
}
