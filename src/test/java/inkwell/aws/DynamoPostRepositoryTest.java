package inkwell.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.post.Post;
import inkwell.storage.InvalidCursorException;
import inkwell.storage.Listing;
import inkwell.storage.Page;
import inkwell.storage.PostRepositoryContract;
import inkwell.storage.PostSummary;
import inkwell.storage.StoredPost;
import inkwell.storage.TagCount;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Buckets;
import inkwell.testenv.Emulators;
import inkwell.testenv.RequestCounter;
import inkwell.testenv.Tables;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The posts table on a real DynamoDB-protocol server, with spilled bodies on a real S3 one. */
@ExtendWith(AwsEmulators.class)
class DynamoPostRepositoryTest extends PostRepositoryContract {

  final Emulators emulators;
  final RequestCounter requests = new RequestCounter();
  String table;
  String bucket;
  S3Client s3;
  DynamoDbClient dynamo;
  S3ContentStore content;

  DynamoPostRepositoryTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @Override
  protected Index newIndex() {
    table = Emulators.uniqueName("posts");
    bucket = Emulators.uniqueName("content");
    Tables.createPostsTable(emulators.dynamoDb(), table);
    s3 = emulators.s3();
    Buckets.createContentBucket(s3, bucket);
    dynamo =
        AwsClients.dynamoDbBuilder(settings())
            .overrideConfiguration(o -> o.addExecutionInterceptor(requests))
            .build();
    content = new S3ContentStore(s3, bucket, "posts/", "_status/", "_bodies/");
    return new Index(
        new DynamoPostWriter(dynamo, table, content, Clock.fixed(NOW, ZoneOffset.UTC)),
        new DynamoPostReader(dynamo, table, content));
  }

  private AwsClients.Settings settings() {
    return new AwsClients.Settings(
        inkwell.testenv.AwsClients.REGION,
        emulators.s3Endpoint(),
        emulators.dynamoDbEndpoint(),
        inkwell.testenv.AwsClients.credentials());
  }

  @Nested
  class Cost {

    @Test
    void aPostPageIsOneGetItem() {
      writer.publish(dated("a", "2024-01-15", "x"), seq(1));
      requests.reset();
      reader.findPost("a");
      assertThat(requests.operations()).containsExactly("GetItem");
    }

    @Test
    void aListingPageIsOneQuery() {
      for (int i = 1; i <= 5; i++) {
        writer.publish(dated("p" + i, "2024-01-1" + i, "x"), seq(1));
      }
      requests.reset();
      reader.list(new Listing.All(), NOW, 3, null);
      reader.list(new Listing.Tagged("x"), NOW, 3, null);
      reader.list(new Listing.Archive(2024, 1), NOW, 3, null);
      assertThat(requests.operations()).containsExactly("Query", "Query", "Query");
    }

    /**
     * The tag index reads the kept counts, one item per tag, not the memberships: 24 posts with
     * three of four tags each (72 memberships) read 5 items, the 4 counts and the marker.
     */
    @Test
    void theTagIndexIsOneQueryOfOneItemPerTag() {
      List<String> tags = List.of("a", "b", "c", "d");
      for (int i = 0; i < 24; i++) {
        String[] three = {tags.get(i % 4), tags.get((i + 1) % 4), tags.get((i + 2) % 4)};
        writer.publish(dated("p" + i, "2024-01-" + (10 + i % 18), three), seq(1));
      }
      requests.reset();
      assertThat(reader.tags(NOW)).extracting(TagCount::posts).containsExactly(18, 18, 18, 18);
      assertThat(requests.operations()).containsExactly("Query");
      assertThat(requests.itemsQueried()).containsExactly(5);
    }

    /**
     * A count item written before shard summaries were strings holds a map per shard: it is read as
     * it is, and the shard's next change replaces it, whatever counter the map holds.
     */
    @Test
    void aCountInTheEarlierMapLayoutIsReadThenReplaced() {
      writer.publish(dated("a", "2024-01-15", "x"), seq(1));
      var key =
          java.util.Map.of(
              PostTable.PK, Attributes.s(PostTable.TAG_COUNTS), PostTable.SK, Attributes.s("x"));
      String shard = "s" + TagLedger.shard("a");
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(
                      java.util.Map.of(
                          PostTable.PK,
                          Attributes.s(PostTable.TAG_COUNTS),
                          PostTable.SK,
                          Attributes.s("x"),
                          shard,
                          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(
                              java.util.Map.of("c", Attributes.n(999), "a", Attributes.n(1))))));
      assertThat(reader.tags(NOW)).containsExactly(new TagCount("x", "x", 1));

      writer.publish(dated("a", "2024-01-15"), seq(2));
      assertThat(reader.tags(NOW)).as("the post left the tag").isEmpty();
      assertThat(dynamo.getItem(r -> r.tableName(table).key(key)).item().get(shard).s())
          .startsWith(TagCountItems.counter(2) + "|0");
    }

    /**
     * A table from before counts were kept (no marker): the tag index counts the memberships, as it
     * did, and a writer that finds posts listed does not declare the counts complete.
     */
    @Test
    void withoutTheMarkerTheTagIndexCountsTheMemberships() {
      writer.publish(dated("a", "2024-01-15", "x", "y"), seq(1));
      writer.publish(dated("b", "2024-02-15", "x"), seq(1));
      dynamo
          .queryPaginator(
              r ->
                  r.tableName(table)
                      .keyConditionExpression("pk = :pk")
                      .expressionAttributeValues(
                          java.util.Map.of(":pk", Attributes.s(PostTable.TAG_COUNTS))))
          .items()
          .forEach(item -> dynamo.deleteItem(r -> r.tableName(table).key(key(item))));
      var upgraded = new DynamoPostWriter(dynamo, table, content, Clock.fixed(NOW, ZoneOffset.UTC));
      upgraded.publish(dated("c", "2024-03-15", "y"), seq(1));
      requests.reset();
      assertThat(reader.tags(NOW))
          .containsExactly(new TagCount("x", "x", 2), new TagCount("y", "y", 2));
      assertThat(requests.operations())
          .as("the counts' partition, which has no marker, then every membership")
          .containsExactly("Query", "Query");
    }

    private static java.util.Map<
            String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>
        key(
            java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>
                item) {
      return java.util.Map.of(
          PostTable.PK, item.get(PostTable.PK), PostTable.SK, item.get(PostTable.SK));
    }

    @Test
    void pastExpiredPostsAListingQueriesOnWithAGrowingLimitUntilItsPageIsFull() {
      publishWithNewestExpired(30, 20);
      requests.reset();
      Page<PostSummary> page = reader.list(new Listing.All(), NOW, 2, null);
      assertThat(page.items()).extracting(PostSummary::slug).containsExactly("p10", "p9");
      assertThat(requests.operations())
          .as("limits 2, 8, 32: the third reaches past the 20 expired posts")
          .containsExactly("Query", "Query", "Query");
      requests.reset();
      reader.list(new Listing.All(), NOW, 2, page.next());
      assertThat(requests.operations())
          .as("the next page starts after p9")
          .containsExactly("Query");
    }
  }

  @Nested
  class Bodies {

    @Test
    void aLargeBodyIsStoredCompressedInTheItem() {
      String text = "A sentence that repeats. ".repeat(4000);
      Post post = post("posts/big.md", "---\ntitle: Big\n---\n" + text);
      writer.publish(post, seq(1));
      assertThat(reader.findPost("big").orElseThrow().post().bodyHtml()).isEqualTo(post.bodyHtml());
      assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("_bodies/")).contents()).isEmpty();
    }

    @Test
    void aBodyTooLargeForAnItemSpillsToTheBucketAndIsCleanedUpWhenReplaced() {
      Random random = new Random(42);
      StringBuilder text = new StringBuilder();
      while (text.length() < 600_000) {
        text.append(Long.toString(random.nextLong(), 36)).append(' ');
      }
      Post big = post("posts/big.md", "---\ntitle: Big\n---\n" + text);
      writer.publish(big, seq(1));
      var spilled = s3.listObjectsV2(r -> r.bucket(bucket).prefix("_bodies/big/")).contents();
      assertThat(spilled).hasSize(1);

      requests.reset();
      assertThat(reader.findPost("big").orElseThrow().post().bodyHtml()).isEqualTo(big.bodyHtml());
      assertThat(requests.operations()).containsExactly("GetItem");

      writer.publish(post("posts/big.md", "---\ntitle: Small now\n---\nShort."), seq(2));
      assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("_bodies/")).contents()).isEmpty();
    }

    /**
     * Two sources with the same large text claim one slug (a copied file): the one whose key sorts
     * after loses, and dropping the body it stored must not delete the winner's.
     */
    @Test
    void aSourceThatLosesTheSlugLeavesTheWinnersIdenticalBodyAlone() {
      String text = "---\nslug: shared\ntitle: Copy\n---\n" + largeText(7);
      Post first = post("posts/a.md", text);
      writer.publish(first, seq(1));
      writer.publish(post("posts/b.md", text), seq(1));
      assertThat(reader.findPost("shared").orElseThrow().post().bodyHtml())
          .isEqualTo(first.bodyHtml());
      assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("_bodies/")).contents()).hasSize(1);
    }

    /**
     * An edit back to an earlier text stores its body under a key of its own, so deleting the
     * replaced version's body (the earlier text's) never deletes the live one.
     */
    @Test
    void anEditBackToAnEarlierTextKeepsItsBody() {
      String v1 = "---\ntitle: Big\n---\n" + largeText(1);
      String v2 = "---\ntitle: Big\n---\n" + largeText(2);
      writer.publish(post("posts/big.md", v1), seq(1));
      var firstKey = s3.listObjectsV2(r -> r.bucket(bucket).prefix("_bodies/")).contents();
      writer.publish(post("posts/big.md", v2), seq(2));
      Post back = post("posts/big.md", v1);
      writer.publish(back, seq(3));
      var keys = s3.listObjectsV2(r -> r.bucket(bucket).prefix("_bodies/")).contents();
      assertThat(keys).hasSize(1);
      assertThat(keys.get(0).key()).isNotEqualTo(firstKey.get(0).key());
      assertThat(reader.findPost("big").orElseThrow().post().bodyHtml()).isEqualTo(back.bodyHtml());
    }

    private static String largeText(long seed) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      while (text.length() < 600_000) {
        text.append(Long.toString(random.nextLong(), 36)).append(' ');
      }
      return text.toString();
    }
  }

  @Nested
  class Failures {

    @Test
    void anUnreachableTableFailsLoudly() {
      DynamoPostRepository dead =
          new DynamoPostRepository(
              inkwell.testenv.AwsClients.deadDynamoDb(), table, content, Clock.systemUTC());
      assertThatThrownBy(() -> dead.publish(dated("a", "2024-01-01"), seq(1)))
          .isInstanceOf(SdkClientException.class);
      assertThatThrownBy(() -> dead.findPost("a")).isInstanceOf(SdkClientException.class);
    }
  }

  @Nested
  class Requests {
    @Test
    void manyPostsAreReadInOneBatchInTheOrderAsked() {
      writer.publish(dated("a", "2024-01-01"), seq(1));
      writer.publish(dated("b", "2024-02-01"), seq(1));
      requests.reset();
      assertThat(reader.findPosts(List.of("b", "nope", "a")))
          .extracting(StoredPost::slug)
          .containsExactly("b", "a");
      assertThat(requests.operations()).containsExactly("BatchGetItem");
    }

    @Test
    void aForgedCursorIsRejectedBeforeAnyRequest() {
      requests.reset();
      assertThatThrownBy(() -> reader.list(new Listing.All(), NOW, 10, "not*base64"))
          .isInstanceOf(InvalidCursorException.class);
      assertThatThrownBy(() -> reader.list(new Listing.All(), NOW, 10, "aGVsbG8"))
          .isInstanceOf(InvalidCursorException.class);
      assertThat(requests.operations()).isEmpty();
    }
  }
}
