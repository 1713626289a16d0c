package inkwell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.aws.DynamoPostRepository;
import inkwell.aws.DynamoRenderStore;
import inkwell.aws.DynamoSourceCatalog;
import inkwell.aws.S3ContentStore;
import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.Post;
import inkwell.storage.Listing;
import inkwell.storage.PostSummary;
import inkwell.storage.RenderStore;
import inkwell.storage.Sequencer;
import inkwell.storage.TagCount;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import inkwell.testenv.RequestCounter;
import inkwell.testenv.SqsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./inkwell reindex} on the emulators: the samples published by the real handler at the
 * current render version, then rendered again by an engine one version newer (one that also reads
 * at one word a minute, so the new rendering shows in the stored reading time), with and without an
 * upload racing it.
 */
@ExtendWith(AwsEmulators.class)
class ReindexCommandTest {

  private static final int NEWER = PostPipeline.RENDER_VERSION + 1;
  private static final List<String> SAMPLE_KEYS =
      List.of(
          "posts/2024/writing-posts.md",
          "posts/coming-soon.md",
          "posts/draft-ideas.md",
          "posts/plain-markdown-notes.md",
          "posts/welcome-to-inkwell.md",
          "posts/what-a-page-view-costs.md");

  private TestBlog blog;
  private S3ContentStore content;
  private DynamoPostRepository posts;
  private DynamoRenderStore renders;

  @BeforeEach
  void publishTheSamples(Emulators emulators) {
    blog = TestBlog.create(emulators);
    content = new S3ContentStore(emulators.s3(), blog.bucket, "posts/", "_status/", "_bodies/");
    posts = new DynamoPostRepository(emulators.dynamoDb(), blog.table, content, Clock.systemUTC());
    renders = new DynamoRenderStore(emulators.dynamoDb(), blog.table, content);
    assertThat(blog.publish().exitCode()).isZero();
  }

  @AfterEach
  void closeBlog() {
    blog.close();
  }

  /** An engine one render version newer, which reads at one word a minute. */
  private static PostPipeline newerEngine() {
    return PostPipeline.builder().wordsPerMinute(1).build();
  }

  private record Run(Reindexer.Result result, List<String> lines) {}

  private Run reindex(PostPipeline pipeline, int renderVersion) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reindexer.Result result;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      result =
          new Reindexer(
                  new DynamoSourceCatalog(blog.emulators.dynamoDb(), blog.table),
                  posts,
                  content,
                  renders,
                  pipeline,
                  renderVersion,
                  new Progress(print, print, false))
              .reindex();
    }
    return new Run(result, out.toString(StandardCharsets.UTF_8).lines().toList());
  }

  private Post stored(String slug) {
    return posts.findPost(slug).orElseThrow().post();
  }

  @Nested
  class AfterBumpingTheRenderVersion {

    @Test
    void everyStoredPostIsRenderedAgainAndRecordsTheNewVersion() {
      int wordsBefore = stored("welcome-to-inkwell").wordCount();
      Run run = reindex(newerEngine(), NEWER);
      assertThat(run.lines())
          .containsExactlyElementsOf(SAMPLE_KEYS.stream().map(k -> "rerendered " + k).toList());
      assertThat(run.result().summary()).isEqualTo("6 rerendered");
      assertThat(run.result().exitCode()).isZero();
      assertThat(stored("welcome-to-inkwell").readingMinutes()).isEqualTo(wordsBefore);
      assertThat(renders.renderVersion("welcome-to-inkwell")).isEqualTo(OptionalInt.of(NEWER));
    }

    @Test
    void listingsAndTagPagesShowTheNewRendering() {
      reindex(newerEngine(), NEWER);
      Post post = stored("what-a-page-view-costs");
      String tag = post.tags().get(0).slug();
      PostSummary listed =
          posts.list(new Listing.Tagged(tag), Instant.now(), 100, null).items().stream()
              .filter(s -> s.slug().equals(post.slug()))
              .findFirst()
              .orElseThrow();
      assertThat(listed.readingMinutes()).isEqualTo(post.readingMinutes()).isGreaterThan(1);
    }

    @Test
    void runningItAgainChangesNothing() {
      reindex(newerEngine(), NEWER);
      Run again = reindex(newerEngine(), NEWER);
      assertThat(again.lines()).isEmpty();
      assertThat(again.result().summary()).isEqualTo("6 current");
    }

    @Test
    void anOlderRenderVersionNeverReplacesANewerOne() {
      reindex(newerEngine(), NEWER + 1);
      Run older = reindex(PostPipeline.create(), NEWER);
      assertThat(older.result().summary()).isEqualTo("6 current");
      assertThat(renders.renderVersion("welcome-to-inkwell")).isEqualTo(OptionalInt.of(NEWER + 1));
    }

    @Test
    void aPostWhoseLatestUploadWasRejectedKeepsItsRenderingAndSaysWhy() {
      blog.write("welcome-to-inkwell.md", "---\ntitle: [broken\n---\n");
      blog.publish();
      Run run = reindex(newerEngine(), NEWER);
      assertThat(run.lines())
          .contains(
              "skipped    posts/welcome-to-inkwell.md: the object in the bucket is not the live"
                  + " version (a later upload was rejected or is on its way); publish it");
      assertThat(renders.renderVersion("welcome-to-inkwell"))
          .isEqualTo(OptionalInt.of(PostPipeline.RENDER_VERSION));
    }
  }

  @Nested
  class LeavesAPostAsItIs {

    @Test
    void whenThisEngineRejectsItAndSaysWhereWithExitStatusOne() throws Exception {
      Run run = reindex(PostPipeline.builder().maxSourceBytes(10).build(), NEWER);
      assertThat(run.lines())
          .contains(
              "rejected   posts/welcome-to-inkwell.md: the file is "
                  + String.format("%,d", Files.size(blog.posts.resolve("welcome-to-inkwell.md")))
                  + " bytes; the limit is 10 bytes (set INKWELL_MAX_SOURCE_BYTES to change it)"
                  + " (by this engine; the stored rendering stays live)");
      assertThat(run.result().exitCode()).isEqualTo(ExitCode.NOT_PUBLISHED);
      assertThat(renders.renderVersion("welcome-to-inkwell"))
          .isEqualTo(OptionalInt.of(PostPipeline.RENDER_VERSION));
    }

    @Test
    void whenRenderingItNowWouldMoveIt() {
      // Dates written without a zone fall elsewhere in Tokyo: the posts would move in listings.
      Run run = reindex(PostPipeline.builder().zone(ZoneId.of("Asia/Tokyo")).build(), NEWER);
      assertThat(run.lines())
          .contains(
              "skipped    posts/plain-markdown-notes.md: rendered now, it would move (slug, tags,"
                  + " date or draft flag differ); upload it again to publish it");
      assertThat(renders.renderVersion("plain-markdown-notes"))
          .isEqualTo(OptionalInt.of(PostPipeline.RENDER_VERSION));
    }
  }

  @Nested
  class RacingAnUpload {

    @Test
    void anUploadAppliedBetweenRenderingAndStoringWins() throws Exception {
      String key = "posts/welcome-to-inkwell.md";
      Sequencer live = posts.findSource(key).orElseThrow().content();
      byte[] old = Files.readAllBytes(blog.posts.resolve("welcome-to-inkwell.md"));
      Post rendered =
          ((ParseResult.Parsed) newerEngine().parse(new Source(key, old, Instant.EPOCH))).post();
      blog.write("welcome-to-inkwell.md", "# Welcome, edited\n\nNew text.\n");
      assertThat(blog.publish().exitCode()).isZero();

      assertThat(renders.rerender(rendered, live, NEWER)).isEqualTo(RenderStore.Result.SUPERSEDED);
      assertThat(stored("welcome-to-inkwell").title()).isEqualTo("Welcome, edited");
      assertThat(renders.renderVersion("welcome-to-inkwell"))
          .isEqualTo(OptionalInt.of(PostPipeline.RENDER_VERSION));
    }

    @Test
    void anUploadRunningAtTheSameTimeAsTheReindexWins() throws Exception {
      Path file = blog.posts.resolve("welcome-to-inkwell.md");
      CompletableFuture<TestBlog.Run> upload =
          CompletableFuture.supplyAsync(
              () -> {
                blog.write("welcome-to-inkwell.md", "# Welcome, raced\n\nNew text.\n");
                return blog.publish();
              });
      Run run = reindex(newerEngine(), NEWER);
      assertThat(upload.get(60, TimeUnit.SECONDS).exitCode()).isZero();
      assertThat(Files.readString(file)).startsWith("# Welcome, raced");
      assertThat(stored("welcome-to-inkwell").title()).isEqualTo("Welcome, raced");
      assertThat(run.result().exitCode()).isZero();
      for (String slug : List.of("coming-soon", "draft-ideas", "what-a-page-view-costs")) {
        assertThat(renders.renderVersion(slug)).as(slug).isEqualTo(OptionalInt.of(NEWER));
      }
    }
  }

  /**
   * A table from before tag counts were kept: no counts, no marker, the tag index counted from
   * every membership. The command counts them, after which the tag index reads the counts and gives
   * the same figures.
   */
  @Test
  void theCommandCountsTheTagsOfATableFromBeforeCountsWereKept(Emulators emulators) {
    var dynamo = emulators.dynamoDb();
    List<TagCount> before = posts.tags(Instant.now());
    assertThat(before).isNotEmpty();
    dynamo
        .scanPaginator(r -> r.tableName(blog.table))
        .items()
        .forEach(
            item -> {
              String pk = item.get("pk").s();
              if (pk.equals("TAGCOUNTS") || pk.startsWith("TAGLEDGER#")) {
                dynamo.deleteItem(
                    r ->
                        r.tableName(blog.table)
                            .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
              }
            });
    assertThat(posts.tags(Instant.now())).as("counted from the memberships").isEqualTo(before);

    TestBlog.Run run = blog.run(UploadHook.NONE, "reindex");
    assertThat(run.out()).contains(countedLine(emulators));
    assertThat(posts.tags(Instant.now())).isEqualTo(before);
    RequestCounter requests = new RequestCounter();
    var counted =
        new DynamoPostRepository(
            inkwell.aws.AwsClients.dynamoDbBuilder(
                    new inkwell.aws.AwsClients.Settings(
                        inkwell.testenv.AwsClients.REGION,
                        emulators.s3Endpoint(),
                        emulators.dynamoDbEndpoint(),
                        inkwell.testenv.AwsClients.credentials()))
                .overrideConfiguration(o -> o.addExecutionInterceptor(requests))
                .build(),
            blog.table,
            content,
            Clock.systemUTC());
    assertThat(counted.tags(Instant.now())).isEqualTo(before);
    assertThat(requests.operations()).as("the counts, complete again").containsExactly("Query");
  }

  /** The line the command prints: every tag membership in the table, scheduled posts' too. */
  private String countedLine(Emulators emulators) {
    long memberships =
        emulators.dynamoDb().scanPaginator(r -> r.tableName(blog.table)).items().stream()
            .filter(item -> item.get("pk").s().startsWith("POST#"))
            .filter(item -> item.get("sk").s().startsWith("TAG#"))
            .count();
    return "tag counts: " + memberships + " tag memberships counted";
  }

  @Test
  void theCommandAtTheDeployedRenderVersionFindsEveryPostCurrent(Emulators emulators) {
    TestBlog.Run run = blog.run(UploadHook.NONE, "reindex");
    assertThat(run.out())
        .containsExactly(
            "6 current",
            countedLine(emulators),
            "search index not rebuilt: no search queue known (--stack, or"
                + " INKWELL_SEARCH_QUEUE_URL)");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  @ExtendWith(SqsEmulator.class)
  void theCommandAsksTheIndexFunctionToRebuildTheSearchIndexThroughItsQueue(
      SqsEmulator.Sqs sqs, Emulators emulators) {
    String queue = sqs.createFifoQueue("reindex");
    Map<String, String> env = new java.util.HashMap<>(blog.env());
    env.put("INKWELL_SEARCH_QUEUE_URL", queue);
    env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
    TestBlog.Run run = TestBlog.run(env, UploadHook.NONE, "reindex");
    assertThat(run.out())
        .containsExactly(
            "6 current", countedLine(emulators), "search index: rebuild from the table requested");
    List<software.amazon.awssdk.services.sqs.model.Message> messages =
        sqs.client()
            .receiveMessage(
                r ->
                    r.queueUrl(queue)
                        .maxNumberOfMessages(10)
                        .messageSystemAttributeNames(
                            software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName
                                .MESSAGE_GROUP_ID))
            .messages();
    assertThat(messages).hasSize(1);
    assertThat(inkwell.storage.SearchChange.fromJson(messages.get(0).body()).rebuild()).isTrue();
    assertThat(messages.get(0).attributesAsStrings().get("MessageGroupId"))
        .isEqualTo(inkwell.aws.SqsSearchChanges.MESSAGE_GROUP);
  }
}
