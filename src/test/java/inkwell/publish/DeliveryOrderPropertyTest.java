package inkwell.publish;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.S3ContentStore;
import inkwell.pipeline.PostPipeline;
import inkwell.publish.DeliveryModel.Model;
import inkwell.publish.DeliveryModel.Op;
import inkwell.storage.Listing;
import inkwell.storage.PostSummary;
import inkwell.storage.Sequencer;
import inkwell.storage.SlugOwners;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import inkwell.testenv.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Random uploads and deletes over a few keys, their events delivered shuffled and duplicated, in
 * rounds: whatever the order, the index ends in the state a simple reference model of the intended
 * semantics implies, listings and tag pages included. Seeded, so a failure repeats.
 */
@ExtendWith(AwsEmulators.class)
class DeliveryOrderPropertyTest {

  // The model: DeliveryModel.Op and DeliveryModel.Model.

  private static final long SEED = 20261127L;
  private static final int TRIALS = 25;
  private static final List<String> TAGS = List.of("red", "green", "blue");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final String SHARED = "shared";
  private static final PostPipeline PIPELINE = PostPipeline.create();

  private final Emulators emulators;
  private final S3Client s3;

  DeliveryOrderPropertyTest(Emulators emulators) {
    this.emulators = emulators;
    this.s3 = emulators.s3();
  }

  @Test
  void anyDeliveryOrderEndsInTheStateTheHighestSequencersImply() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      runTrial(trial, random, false);
    }
  }

  /**
   * Uploads that sometimes claim one shared slug, and deletes: whatever the order, the slug ends
   * with the live source whose key sorts first, the others wait with a status saying so, and each
   * source that wants its own slug is live there.
   */
  @Test
  void anyDeliveryOrderGivesACollidingSlugToTheLiveSourceWhoseKeySortsFirst() {
    Random random = new Random(SEED + 1);
    for (int trial = 0; trial < TRIALS; trial++) {
      runTrial(trial, random, true);
    }
    assertThat(contestedRounds)
        .as("rounds that ended with the shared slug contested")
        .isGreaterThan(5);
  }

  private int contestedRounds;

  /**
   * The same trials, with a crash at a random request of a third of the deliveries (before it is
   * sent, after its response, or its response lost and sent again by the SDK), each crashed
   * delivery delivered again until it succeeds, as Lambda retries: the end state is the one the
   * model implies, as without crashes. {@code -Dinkwell.property.trials=10000} runs more, {@code
   * -Dinkwell.property.seed=N} other trials (docs/TESTING.md).
   */
  @Test
  void anyDeliveryOrderWithCrashesAtRandomRequestsEndsInTheSameState() {
    int trials = Integer.getInteger("inkwell.property.trials", 200);
    long seed = Long.getLong("inkwell.property.seed", SEED);
    Random random = new Random(seed + 2);
    long started = System.nanoTime();
    try (CrashingDeliveries crashing = new CrashingDeliveries(emulators)) {
      crashes = crashing;
      for (int trial = 0; trial < trials; trial++) {
        runTrial(trial, random, trial % 4 == 3, new Random(seed + 3 + trial), seed);
        if ((trial + 1) % 100 == 0 || trial + 1 == trials) {
          LOG.info(
              "{} trials passed (seed {}), {}, {} s",
              trial + 1,
              seed,
              crashing.summary(),
              (System.nanoTime() - started) / 1_000_000_000);
        }
      }
      assertThat(crashing.crashes).as("deliveries that crashed").isGreaterThan(trials / 4);
      assertThat(crashing.lostResponses).as("responses lost").isGreaterThan(trials / 8);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryOrderPropertyTest.class);
  private CrashingDeliveries crashes;

  private void runTrial(int trial, Random random, boolean colliding) {
    runTrial(trial, random, colliding, null, SEED);
  }

  /** A trial; with {@code crashes} (else null), a third of its deliveries crash at random. */
  private void runTrial(int trial, Random random, boolean colliding, Random crashAt, long seed) {
    String bucket = Emulators.uniqueName("prop");
    String table = Emulators.uniqueName("prop");
    s3.createBucket(r -> r.bucket(bucket));
    Tables.createPostsTable(emulators.dynamoDb(), table);
    S3ContentStore content = new S3ContentStore(s3, bucket, "posts/", "_status/", "_bodies/");
    DynamoPostRepository posts =
        new DynamoPostRepository(emulators.dynamoDb(), table, content, Clock.systemUTC());
    PublishService service =
        crashAt == null
            ? new PublishService(
                PIPELINE, content, posts, content, bucket, "posts/", Clock.systemUTC())
            : crashes.service(PIPELINE, bucket, table);

    int keyCount = (colliding ? 2 : 1) + random.nextInt(3);
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < keyCount; k++) {
      keys.add("posts/k" + k + ".md");
    }
    Map<String, Model> models = new HashMap<>();
    Map<String, String> objects = new HashMap<>(); // what the bucket holds now
    Map<String, Set<String>> objectTags = new HashMap<>();
    List<Op> history = new ArrayList<>();
    long sequence = 0x1000;
    int rounds = 1 + random.nextInt(3);
    String context = "trial " + trial + " (seed " + seed + ")";

    for (int round = 0; round < rounds; round++) {
      List<Op> roundOps = new ArrayList<>();
      int opCount = 1 + random.nextInt(6);
      for (int i = 0; i < opCount; i++) {
        String key = keys.get(random.nextInt(keys.size()));
        sequence += 1 + random.nextInt(0x30);
        Sequencer sequencer = Sequencer.of(String.format("%016X", sequence));
        Op op;
        int kind = random.nextInt(10);
        if (colliding && kind >= 2 && kind < 4) {
          kind =
              4 + random.nextInt(6); // no bad uploads: a waiting source's last good version is its
          // current object, the one a handover reads
        }
        if (kind < 2) {
          op = new Op(key, sequencer, null, Set.of());
          s3.deleteObject(r -> r.bucket(bucket).key(key));
          objects.remove(key);
        } else {
          Set<String> tags = new TreeSet<>();
          TAGS.forEach(
              t -> {
                if (random.nextBoolean()) tags.add(t);
              });
          String body =
              kind < 4
                  ? "+++\ntitle = \n+++\n"
                  : "---\ntitle: "
                      + key
                      + " at "
                      + sequencer
                      + "\ndate: 2025-0"
                      + (1 + random.nextInt(9))
                      + "-1"
                      + random.nextInt(10)
                      + "\ntags: ["
                      + String.join(", ", tags)
                      + "]\n"
                      + (colliding && random.nextBoolean() ? "slug: " + SHARED + "\n" : "")
                      + "---\nBody.";
          op = new Op(key, sequencer, body, tags);
          s3.putObject(
              r -> r.bucket(bucket).key(key), RequestBody.fromString(body, StandardCharsets.UTF_8));
          objects.put(key, body);
          objectTags.put(key, tags);
        }
        roundOps.add(op);
        history.add(op);
      }
      List<Op> deliveries = new ArrayList<>(roundOps);
      int duplicates = random.nextInt(4);
      for (int d = 0; d < duplicates; d++) {
        deliveries.add(history.get(random.nextInt(history.size())));
      }
      Collections.shuffle(deliveries, random);
      for (Op event : deliveries) {
        models
            .computeIfAbsent(event.key(), k -> new Model())
            .deliver(
                event, objects.get(event.key()), objectTags.getOrDefault(event.key(), Set.of()));
        deliver(
            service,
            new ObjectEvent(
                event.isDelete() ? ObjectEvent.Type.REMOVED : ObjectEvent.Type.CREATED,
                bucket,
                event.key(),
                null,
                event.sequencer()),
            crashAt);
      }
      if (colliding) {
        checkCollisions(context + ", round " + round, keys, models, posts, bucket);
      } else {
        check(context + ", round " + round, keys, models, posts, bucket);
      }
    }
  }

  private void deliver(PublishService service, ObjectEvent event, Random crashAt) {
    if (crashAt == null) {
      service.apply(event);
    } else {
      crashes.deliver(service, event, crashAt);
    }
  }

  private void check(
      String context,
      List<String> keys,
      Map<String, Model> models,
      DynamoPostRepository posts,
      String bucket) {
    Set<String> expectedAll = new TreeSet<>();
    Map<String, Set<String>> expectedByTag = new HashMap<>();
    for (String key : keys) {
      String slug = key.substring("posts/".length(), key.length() - 3);
      Model model = models.get(key);
      Optional<StoredPost> stored = posts.findPost(slug);
      if (model != null && model.live()) {
        assertThat(stored).as("%s: %s should be live", context, key).isPresent();
        assertThat(stored.get().state()).as(context).isEqualTo(StoredPost.State.LIVE);
        assertThat(stored.get().post().title())
            .as("%s: live version of %s", context, key)
            .isEqualTo(model.contentTitle);
        expectedAll.add(slug);
        model.contentTags.forEach(
            t -> expectedByTag.computeIfAbsent(t, x -> new TreeSet<>()).add(slug));
      } else {
        assertThat(stored.filter(p -> p.state() == StoredPost.State.LIVE))
            .as("%s: %s should not be live", context, key)
            .isEmpty();
      }
      Optional<SourceRecord> record = posts.findSource(key);
      boolean statusExists = statusExists(bucket, key);
      if (model == null || model.latest == null) {
        assertThat(statusExists).as("%s: no status for %s", context, key).isFalse();
      } else {
        assertThat(record).as(context).isPresent();
        assertThat(record.get().latest())
            .as("%s: latest of %s", context, key)
            .isEqualTo(model.latest);
        assertThat(record.get().content())
            .as("%s: content of %s", context, key)
            .isEqualTo(model.content);
        assertThat(record.get().state() == SourceRecord.State.REJECTED)
            .as("%s: %s rejected", context, key)
            .isEqualTo(model.latestRejected);
        assertThat(statusExists)
            .as("%s: status file of %s", context, key)
            .isEqualTo(model.latestRejected);
      }
    }
    assertThat(listed(posts, new Listing.All()))
        .as("%s: home listing", context)
        .isEqualTo(expectedAll);
    for (String tag : TAGS) {
      assertThat(listed(posts, new Listing.Tagged(tag)))
          .as("%s: tag %s", context, tag)
          .isEqualTo(expectedByTag.getOrDefault(tag, Set.of()));
    }
    checkTagIndex(context, posts);
  }

  /** The tag index (kept counts) counts what each tag page lists. */
  private static void checkTagIndex(String context, DynamoPostRepository posts) {
    Map<String, Integer> listed = new TreeMap<>();
    for (String tag : TAGS) {
      int count = listed(posts, new Listing.Tagged(tag)).size();
      if (count > 0) {
        listed.put(tag, count);
      }
    }
    Map<String, Integer> counted = new TreeMap<>();
    posts.tags(NOW).forEach(tag -> counted.put(tag.slug(), tag.posts()));
    assertThat(counted).as("%s: the tag index", context).isEqualTo(listed);
  }

  private void checkCollisions(
      String context,
      List<String> keys,
      Map<String, Model> models,
      DynamoPostRepository posts,
      String bucket) {
    Set<String> wantShared = new TreeSet<>(SlugOwners.ORDER);
    Set<String> expectedAll = new TreeSet<>();
    for (String key : keys) {
      Model model = models.get(key);
      String ownSlug = key.substring("posts/".length(), key.length() - 3);
      boolean live = model != null && model.live();
      boolean shared = live && model.contentOp.body().contains("slug: " + SHARED);
      if (shared) {
        wantShared.add(key);
      } else if (live) {
        expectedAll.add(ownSlug);
        assertThat(posts.findPost(ownSlug).map(p -> p.post() == null ? null : p.post().title()))
            .as("%s: %s live at its own slug", context, key)
            .contains(model.contentTitle);
        assertThat(statusExists(bucket, key)).as("%s: status of %s", context, key).isFalse();
      }
      if (!live) {
        assertThat(posts.findPost(ownSlug).filter(p -> p.state() == StoredPost.State.LIVE))
            .as("%s: %s not live at its own slug", context, key)
            .isEmpty();
      }
    }
    Optional<StoredPost> atShared =
        posts.findPost(SHARED).filter(p -> p.state() == StoredPost.State.LIVE);
    if (wantShared.isEmpty()) {
      assertThat(atShared).as("%s: nobody holds the shared slug", context).isEmpty();
    } else {
      String owner = wantShared.iterator().next();
      expectedAll.add(SHARED);
      contestedRounds += wantShared.size() > 1 ? 1 : 0;
      String ownerSlug = owner.substring("posts/".length(), owner.length() - 3);
      assertThat(posts.findPost(ownerSlug).filter(p -> p.state() == StoredPost.State.LIVE))
          .as("%s: the owner %s moved from its own slug", context, owner)
          .isEmpty();
      assertThat(atShared.map(p -> p.post().title()))
          .as("%s: the shared slug belongs to %s", context, owner)
          .contains(models.get(owner).contentTitle);
      assertThat(statusExists(bucket, owner))
          .as("%s: status of owner %s", context, owner)
          .isFalse();
      for (String waiting : wantShared) {
        if (!waiting.equals(owner)) {
          assertThat(status(bucket, waiting))
              .as("%s: status of waiting %s", context, waiting)
              .contains("SLUG_CONFLICT");
          // A waiting source keeps the version it had before it asked for the shared slug, if
          // that one is still its latest valid version at its own slug (a conflict is a
          // rejection: the last good version stays live).
          String ownSlug = waiting.substring("posts/".length(), waiting.length() - 3);
          if (posts.findPost(ownSlug).filter(p -> p.state() == StoredPost.State.LIVE).isPresent()) {
            expectedAll.add(ownSlug);
          }
        }
      }
    }
    assertThat(listed(posts, new Listing.All()))
        .as("%s: home listing", context)
        .isEqualTo(expectedAll);
    checkTagIndex(context, posts);
  }

  private String status(String bucket, String key) {
    try {
      return s3.getObjectAsBytes(r -> r.bucket(bucket).key("_status/" + key + ".json"))
          .asUtf8String();
    } catch (NoSuchKeyException e) {
      return "";
    }
  }

  private static Set<String> listed(DynamoPostRepository posts, Listing listing) {
    Set<String> slugs = new TreeSet<>();
    String cursor = null;
    do {
      var page = posts.list(listing, NOW, 10, cursor);
      page.items().stream().map(PostSummary::slug).forEach(slugs::add);
      cursor = page.next();
    } while (cursor != null);
    return slugs;
  }

  private boolean statusExists(String bucket, String key) {
    try {
      s3.headObject(r -> r.bucket(bucket).key("_status/" + key + ".json"));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }
}
