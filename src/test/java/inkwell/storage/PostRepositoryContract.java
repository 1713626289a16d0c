package inkwell.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.pipeline.ParseResult;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.Source;
import inkwell.post.MenuPlace;
import inkwell.post.Post;
import inkwell.post.PostError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every posts index must do, whatever stores it, written through its {@link PostWriter} and
 * read through its {@link PostReader}: the DynamoDB table (a writer and a reader, two classes) and
 * the preview's in-memory index (one class) both run these tests, so the preview shows what the
 * site will.
 */
public abstract class PostRepositoryContract {

  protected static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  protected static final PostPipeline PIPELINE = PostPipeline.create();

  /**
   * One index as its two users see it: the publish path's writer and the site's reader (the same
   * object where one class implements both).
   */
  public record Index(PostWriter writer, PostReader reader) {}

  protected PostWriter writer;
  protected PostReader reader;

  /** A new, empty index whose clock says {@link #NOW}. */
  protected abstract Index newIndex();

  @BeforeEach
  void freshRepository() {
    Index index = newIndex();
    writer = index.writer();
    reader = index.reader();
  }

  protected static Post post(String key, String markdown) {
    ParseResult result =
        PIPELINE.parse(
            new Source(
                key, markdown.getBytes(StandardCharsets.UTF_8), NOW.minusSeconds(86400 * 400)));
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).post();
  }

  protected static Post dated(String name, String date, String... tags) {
    return post(
        "posts/" + name + ".md",
        "---\ntitle: "
            + name
            + "\ndate: "
            + date
            + "\ntags: ["
            + String.join(", ", tags)
            + "]\n---\nBody of "
            + name
            + ".");
  }

  protected static Sequencer seq(int n) {
    return Sequencer.of(String.format("%016X", n));
  }

  protected List<String> slugs(Listing listing) {
    List<String> slugs = new ArrayList<>();
    String cursor = null;
    do {
      Page<PostSummary> page = reader.list(listing, NOW, 2, cursor);
      page.items().forEach(p -> slugs.add(p.slug()));
      cursor = page.next();
    } while (cursor != null);
    return slugs;
  }

  // ------------------------------------------------------------------ publishing

  @Test
  void aPublishedPostReadsBackWhole() {
    Post post =
        post(
            "posts/2024/hello.md",
            "---\ntitle: Hello\ndate: 2024-08-05\ntags: [Java]\naliases: [/old/]\nseries: {part: 2}\n---\n## Intro\n\nText[^1].\n\n[^1]: Note.");
    assertThat(writer.publish(post, seq(1))).isEqualTo(new PublishResult.Published("2024/hello"));

    StoredPost stored = reader.findPost("2024/hello").orElseThrow();
    assertThat(stored.state()).isEqualTo(StoredPost.State.LIVE);
    assertThat(stored.post()).isEqualTo(post);
  }

  @Test
  void theSourceRecordKeepsSequencerSlugAndAliases() {
    writer.publish(post("posts/a.md", "---\ntitle: A\naliases: [/x/]\n---\n"), seq(7));
    SourceRecord record = writer.findSource("posts/a.md").orElseThrow();
    assertThat(record.latest()).isEqualTo(seq(7));
    assertThat(record.content()).isEqualTo(seq(7));
    assertThat(record.state()).isEqualTo(SourceRecord.State.PUBLISHED);
    assertThat(record.slug()).isEqualTo("a");
    assertThat(record.aliases()).containsExactly("x");
  }

  @Test
  void anOlderEventAfterANewerOneChangesNothing() {
    writer.publish(post("posts/a.md", "---\ntitle: New\n---\n"), seq(2));
    assertThat(writer.publish(post("posts/a.md", "---\ntitle: Old\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(reader.findPost("a").orElseThrow().post().title()).isEqualTo("New");
  }

  @Test
  void aReplayedEventIsANoOp() {
    Post post = post("posts/a.md", "---\ntitle: A\n---\n");
    writer.publish(post, seq(1));
    assertThat(writer.publish(post, seq(1))).isEqualTo(new PublishResult.Stale());
  }

  @Test
  void aSlugOwnedByAnotherSourceIsAConflictAndChangesNothing() {
    writer.publish(post("posts/a.md", "---\ntitle: First\nslug: same\n---\n"), seq(1));
    PublishResult result =
        writer.publish(post("posts/b.md", "---\ntitle: Second\nslug: same\n---\n"), seq(1));
    assertThat(result).isEqualTo(new PublishResult.Conflict("slug \"same\"", "posts/a.md"));
    assertThat(reader.findPost("same").orElseThrow().post().title()).isEqualTo("First");
    assertThat(writer.findSource("posts/b.md")).isEmpty();
  }

  @Test
  void aSourceWhoseKeySortsFirstTakesTheSlugAndTheDisplacedPostsTagsGoWithIt() {
    writer.publish(post("posts/b.md", "---\ntitle: B\nslug: same\ntags: [t]\n---\n"), seq(1));
    PublishResult result =
        writer.publish(post("posts/a.md", "---\ntitle: A\nslug: same\n---\n"), seq(1));
    assertThat(result).isEqualTo(new PublishResult.Published("same"));
    assertThat(reader.findPost("same").orElseThrow().post().title()).isEqualTo("A");
    assertThat(slugs(new Listing.Tagged("t")))
        .as("the displaced post's tags went with it")
        .isEmpty();
  }

  @Test
  void aDisplacedSourceWaitsWithNothingLiveAndCanBeAppliedAgainAtItsOwnSequencer() {
    Post b = post("posts/b.md", "---\ntitle: B\nslug: same\n---\n");
    writer.publish(b, seq(1));
    writer.publish(post("posts/a.md", "---\ntitle: A\nslug: same\n---\n"), seq(1));
    PostError error = PostError.of(PostError.Kind.SLUG_CONFLICT, "waits");
    assertThat(writer.displace("posts/b.md", "same", error, NOW)).isTrue();
    SourceRecord waiting = writer.findSource("posts/b.md").orElseThrow();
    assertThat(waiting.slug()).isNull();
    assertThat(waiting.state()).isEqualTo(SourceRecord.State.REJECTED);
    assertThat(waiting.error()).isEqualTo(error);
    assertThat(waiting.content()).isEqualTo(seq(1));

    writer.remove("posts/a.md", seq(2));
    assertThat(writer.publish(b, seq(1))).isEqualTo(new PublishResult.Published("same"));
    assertThat(reader.findPost("same").orElseThrow().post().title()).isEqualTo("B");
    assertThat(writer.publish(b, seq(1)))
        .as("now live: a replay is stale")
        .isEqualTo(new PublishResult.Stale());
  }

  @Test
  void displacingASourceThatNoLongerHoldsTheSlugChangesNothing() {
    writer.publish(post("posts/b.md", "---\ntitle: B\nslug: mine\n---\n"), seq(1));
    PostError error = PostError.of(PostError.Kind.SLUG_CONFLICT, "waits");
    assertThat(writer.displace("posts/b.md", "other", error, NOW)).isFalse();
    assertThat(writer.findSource("posts/b.md").orElseThrow().slug()).isEqualTo("mine");
  }

  @Test
  void claimantsAreListedInOwnershipOrderByCodePoint() {
    for (String key :
        List.of(
            "posts/é.md", "posts/b.md", "posts/B.md", "posts/\uD83D\uDE00.md", "posts/\uFFFD.md")) {
      writer.claim("same", key);
    }
    writer.claim("same", "posts/b.md");
    writer.release("same", "posts/B.md");
    assertThat(writer.claimants("same"))
        .containsExactly("posts/b.md", "posts/é.md", "posts/\uFFFD.md", "posts/\uD83D\uDE00.md");
    assertThat(writer.claimants("other")).isEmpty();
  }

  @Test
  void aSlugFreedByADeletedPostCanBeTakenOver() {
    writer.publish(post("posts/a.md", "---\ntitle: First\nslug: same\n---\n"), seq(1));
    writer.remove("posts/a.md", seq(2));
    assertThat(writer.publish(post("posts/b.md", "---\ntitle: Second\nslug: same\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Published("same"));
  }

  @Test
  void anAliasOwnedByAnotherSourceIsAConflict() {
    writer.publish(post("posts/a.md", "---\ntitle: A\naliases: [/old/]\n---\n"), seq(1));
    assertThat(writer.publish(post("posts/b.md", "---\ntitle: B\naliases: [old]\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Conflict("alias \"/old\"", "posts/a.md"));
    assertThat(reader.findAlias("old")).contains("a");
  }

  @Test
  void aliasesFollowTheirPostAndDroppedOnesAreRemoved() {
    writer.publish(post("posts/a.md", "---\ntitle: A\naliases: [/one/, /two/]\n---\n"), seq(1));
    writer.publish(post("posts/a.md", "---\ntitle: A\naliases: [/two/]\n---\n"), seq(2));
    assertThat(reader.findAlias("one")).isEmpty();
    assertThat(reader.findAlias("two")).contains("a");
  }

  @Test
  void aChangedSlugLeavesARedirectAtTheOldOne() {
    writer.publish(post("posts/a.md", "---\ntitle: A\ntags: [x]\n---\n"), seq(1));
    writer.publish(post("posts/a.md", "---\ntitle: A\nslug: better\ntags: [x]\n---\n"), seq(2));
    StoredPost old = reader.findPost("a").orElseThrow();
    assertThat(old.state()).isEqualTo(StoredPost.State.MOVED);
    assertThat(old.movedTo()).isEqualTo("better");
    assertThat(slugs(new Listing.All())).containsExactly("better");
    assertThat(slugs(new Listing.Tagged("x"))).containsExactly("better");
  }

  @Test
  void aRejectionKeepsTheLiveVersionAndRecordsTheError() {
    writer.publish(post("posts/a.md", "---\ntitle: Good\n---\n"), seq(1));
    PostError error = PostError.at(PostError.Kind.YAML_SYNTAX, 3, 4, "bad");
    assertThat(writer.reject("posts/a.md", seq(2), error, NOW)).isTrue();

    assertThat(reader.findPost("a").orElseThrow().post().title()).isEqualTo("Good");
    SourceRecord record = writer.findSource("posts/a.md").orElseThrow();
    assertThat(record.state()).isEqualTo(SourceRecord.State.REJECTED);
    assertThat(record.error()).isEqualTo(error);
    assertThat(record.content()).isEqualTo(seq(1));
    assertThat(record.latest()).isEqualTo(seq(2));
  }

  @Test
  void anOlderGoodVersionArrivingAfterANewerBadOneStillGoesLive() {
    PostError error = PostError.of(PostError.Kind.NOT_UTF8, "bad");
    writer.reject("posts/a.md", seq(2), error, NOW);
    assertThat(writer.publish(post("posts/a.md", "---\ntitle: Good\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Published("a"));
    SourceRecord record = writer.findSource("posts/a.md").orElseThrow();
    assertThat(record.state()).isEqualTo(SourceRecord.State.REJECTED);
    assertThat(record.error()).isEqualTo(error);
  }

  @Test
  void anOlderRejectionDoesNotOverwriteANewerOutcome() {
    writer.publish(post("posts/a.md", "---\ntitle: Good\n---\n"), seq(5));
    assertThat(writer.reject("posts/a.md", seq(4), PostError.of(PostError.Kind.NUL_BYTE, "x"), NOW))
        .isFalse();
    assertThat(writer.findSource("posts/a.md").orElseThrow().state())
        .isEqualTo(SourceRecord.State.PUBLISHED);
  }

  // ------------------------------------------------------------------ removing

  @Test
  void aRemovedPostIsGoneFromItsPageListingsTagsAndAliases() {
    writer.publish(post("posts/a.md", "---\ntitle: A\ntags: [x]\naliases: [/old/]\n---\n"), seq(1));
    assertThat(writer.remove("posts/a.md", seq(2))).isTrue();

    assertThat(reader.findPost("a").orElseThrow().state()).isEqualTo(StoredPost.State.GONE);
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("x"))).isEmpty();
    assertThat(reader.tags(NOW)).isEmpty();
    assertThat(reader.findAlias("old")).isEmpty();
    assertThat(writer.findSource("posts/a.md").orElseThrow().state())
        .isEqualTo(SourceRecord.State.DELETED);
  }

  @Test
  void aTombstoneKeepsALateOlderUploadFromResurrectingThePost() {
    writer.publish(post("posts/a.md", "---\ntitle: A\n---\n"), seq(1));
    writer.remove("posts/a.md", seq(3));
    assertThat(writer.publish(post("posts/a.md", "---\ntitle: Zombie\n---\n"), seq(2)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(reader.findPost("a").orElseThrow().state()).isEqualTo(StoredPost.State.GONE);
  }

  @Test
  void aDeleteBeforeAnyUploadStillBlocksTheLateUpload() {
    assertThat(writer.remove("posts/a.md", seq(2))).isTrue();
    assertThat(writer.publish(post("posts/a.md", "---\ntitle: Late\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(reader.findPost("a")).isEmpty();
  }

  @Test
  void aReplayedDeleteIsANoOp() {
    writer.remove("posts/a.md", seq(2));
    assertThat(writer.remove("posts/a.md", seq(2))).isFalse();
  }

  // ------------------------------------------------------------------ listings

  @Test
  void listingsAreNewestFirstAndPaginatedByCursor() {
    writer.publish(dated("one", "2024-01-01"), seq(1));
    writer.publish(dated("two", "2024-02-01"), seq(1));
    writer.publish(dated("three", "2024-03-01"), seq(1));
    writer.publish(dated("four", "2024-04-01"), seq(1));
    writer.publish(dated("five", "2024-05-01"), seq(1));
    assertThat(slugs(new Listing.All())).containsExactly("five", "four", "three", "two", "one");
  }

  @Test
  void aScheduledPostIsStoredAtOnceAndListedFromItsTime() {
    writer.publish(dated("now", "2026-05-01"), seq(1));
    writer.publish(
        post(
            "posts/later.md",
            "---\ntitle: Later\ndate: 2026-05-02\npublishDate: 2026-07-01\ntags: [t]\n---\n"),
        seq(1));
    writer.publish(dated("future", "2026-12-24", "t"), seq(1));

    assertThat(slugs(new Listing.All())).containsExactly("now");
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
    assertThat(
            reader.list(new Listing.All(), Instant.parse("2026-07-01T00:00:00Z"), 10, null).items())
        .extracting(PostSummary::slug)
        .containsExactly("later", "now");
    assertThat(reader.findPost("future").orElseThrow().state()).isEqualTo(StoredPost.State.LIVE);
  }

  /** Posts p1 (oldest) to p{count}, tagged t, of which the newest {@code expired} have expired. */
  protected void publishWithNewestExpired(int count, int expired) {
    for (int i = 1; i <= count; i++) {
      String expiry = i > count - expired ? "\nexpiryDate: 2026-03-01" : "";
      writer.publish(
          post(
              "posts/p" + i + ".md",
              "---\ntitle: p"
                  + i
                  + "\ndate: "
                  + LocalDate.parse("2026-01-01").plusDays(i)
                  + expiry
                  + "\ntags: [t]\n---\n"),
          seq(1));
    }
  }

  @Test
  void aListingWhoseNewestPostsExpiredStillFillsItsPages() {
    publishWithNewestExpired(6, 3);
    Page<PostSummary> first = reader.list(new Listing.All(), NOW, 2, null);
    assertThat(first.items()).extracting(PostSummary::slug).containsExactly("p3", "p2");
    assertThat(first.next()).isNotNull();
    assertThat(slugs(new Listing.All())).containsExactly("p3", "p2", "p1");
    assertThat(slugs(new Listing.Tagged("t"))).containsExactly("p3", "p2", "p1");
    assertThat(slugs(new Listing.Archive(2026, 1))).containsExactly("p3", "p2", "p1");
    assertThat(reader.list(new Listing.All(), NOW, 3, null).next())
        .as("nothing older: no link to an empty page")
        .isNull();
  }

  @Test
  void aListingOfOnlyExpiredPostsIsEmptyWithNoNextPage() {
    publishWithNewestExpired(5, 5);
    Page<PostSummary> page = reader.list(new Listing.Tagged("t"), NOW, 2, null);
    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isNull();
  }

  @Test
  void anExpiredPostDropsOutOfListings() {
    writer.publish(
        post(
            "posts/old.md",
            "---\ntitle: Old\ndate: 2026-01-01\nexpiryDate: 2026-03-01\ntags: [t]\n---\n"),
        seq(1));
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
    assertThat(reader.tags(NOW)).isEmpty();
    assertThat(
            reader.list(new Listing.All(), Instant.parse("2026-02-01T00:00:00Z"), 10, null).items())
        .hasSize(1);
  }

  @Test
  void draftsAreNeverListedButAreStoredAsDrafts() {
    writer.publish(post("posts/d.md", "---\ntitle: D\ndraft: true\ntags: [t]\n---\n"), seq(1));
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
    assertThat(reader.findPost("d").orElseThrow().state()).isEqualTo(StoredPost.State.DRAFT);
  }

  @Test
  void aPublishedPostTurnedDraftLeavesEveryListing() {
    writer.publish(dated("p", "2025-01-01", "t"), seq(1));
    writer.publish(
        post("posts/p.md", "---\ntitle: p\ndate: 2025-01-01\ndraft: true\ntags: [t]\n---\n"),
        seq(2));
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
  }

  @Test
  void tagPagesFollowTagChanges() {
    writer.publish(dated("p", "2025-01-01", "Java", "AWS"), seq(1));
    writer.publish(dated("p", "2025-01-01", "Java", "Cloud"), seq(2));
    assertThat(slugs(new Listing.Tagged("java"))).containsExactly("p");
    assertThat(slugs(new Listing.Tagged("aws"))).isEmpty();
    assertThat(slugs(new Listing.Tagged("cloud"))).containsExactly("p");
    assertThat(reader.tags(NOW))
        .containsExactly(new TagCount("Cloud", "cloud", 1), new TagCount("Java", "java", 1));
  }

  @Test
  void archivesSelectAYearOrAMonth() {
    writer.publish(dated("a", "2024-01-15"), seq(1));
    writer.publish(dated("b", "2024-02-15"), seq(1));
    writer.publish(dated("c", "2025-02-15"), seq(1));
    assertThat(slugs(new Listing.Archive(2024, 0))).containsExactly("b", "a");
    assertThat(slugs(new Listing.Archive(2024, 2))).containsExactly("b");
    assertThat(slugs(new Listing.Archive(2023, 0))).isEmpty();
  }

  @Test
  void tagCountsOnlyCountVisiblePosts() {
    writer.publish(dated("a", "2024-01-15", "x", "y"), seq(1));
    writer.publish(dated("b", "2024-02-15", "x"), seq(1));
    writer.publish(dated("c", "2027-02-15", "x"), seq(1));
    assertThat(reader.tags(NOW))
        .containsExactly(new TagCount("x", "x", 2), new TagCount("y", "y", 1));
  }

  @Test
  void aTagSpelledTwoWaysIsNamedByItsSmallestSpellingInAnyOrder() {
    writer.publish(dated("b", "2024-02-15", "aws"), seq(1));
    writer.publish(dated("a", "2024-01-15", "AWS"), seq(1));
    writer.publish(dated("c", "2024-03-15", "Aws"), seq(1));
    assertThat(reader.tags(NOW)).containsExactly(new TagCount("AWS", "aws", 3));
  }

  @Test
  void tagCountsFollowTheClockWithoutAWrite() {
    writer.publish(dated("now", "2026-01-01", "x"), seq(1));
    writer.publish(dated("scheduled", "2026-07-01", "x"), seq(1));
    writer.publish(
        post(
            "posts/expiring.md",
            "---\ntitle: E\ndate: 2026-01-02\nexpiryDate: 2026-06-15\ntags: [x, y]\n---\nx"),
        seq(1));
    assertThat(reader.tags(NOW))
        .containsExactly(new TagCount("x", "x", 2), new TagCount("y", "y", 1));
    assertThat(reader.tags(Instant.parse("2026-06-20T00:00:00Z")))
        .as("the expiring post has gone")
        .containsExactly(new TagCount("x", "x", 1));
    assertThat(reader.tags(Instant.parse("2026-07-02T00:00:00Z")))
        .as("the scheduled post has come")
        .containsExactly(new TagCount("x", "x", 2));
  }

  @Test
  void aCursorFromAnotherListingIsRejected() {
    writer.publish(dated("a", "2024-01-15", "x"), seq(1));
    writer.publish(dated("b", "2024-02-15", "x"), seq(1));
    String cursor = reader.list(new Listing.Tagged("x"), NOW, 1, null).next();
    assertThat(cursor).isNotNull();
    assertThatThrownBy(() -> reader.list(new Listing.All(), NOW, 1, cursor))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void aCursorThatIsNotATokenIsRejected() {
    assertThatThrownBy(() -> reader.list(new Listing.All(), NOW, 10, "not*base64"))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> reader.list(new Listing.All(), NOW, 10, "aGVsbG8"))
        .isInstanceOf(InvalidCursorException.class);
  }

  // ------------------------------------------------------------------ navigation

  @Test
  void olderAndNewerFollowTheListingOrder() {
    writer.publish(dated("a", "2024-01-01"), seq(1));
    writer.publish(dated("b", "2024-02-01"), seq(1));
    writer.publish(dated("c", "2024-03-01"), seq(1));
    writer.publish(dated("future", "2027-01-01"), seq(1));
    assertThat(reader.adjacent("b", true, NOW)).map(PostSummary::slug).contains("a");
    assertThat(reader.adjacent("b", false, NOW)).map(PostSummary::slug).contains("c");
    assertThat(reader.adjacent("a", true, NOW)).isEmpty();
    assertThat(reader.adjacent("c", false, NOW)).as("scheduled posts stay hidden").isEmpty();
    assertThat(reader.adjacent("missing", true, NOW)).isEmpty();
  }

  /**
   * The next time a listing changes by the clock: the earliest publish time after now of a listed
   * post; not a draft's or a page's, nor a post's that expires before it would appear.
   */
  @Test
  void theNextScheduledPostIsTheEarliestPublishTimeStillAhead() {
    assertThat(reader.nextScheduled(NOW)).isEmpty();
    writer.publish(dated("past", "2026-05-01"), seq(1));
    assertThat(reader.nextScheduled(NOW)).isEmpty();
    writer.publish(dated("later", "2026-09-01"), seq(1));
    writer.publish(
        post("posts/draft.md", "---\ntitle: D\ndate: 2026-06-02\ndraft: true\n---\nx"), seq(1));
    writer.publish(post("pages/upcoming.md", "---\ntitle: P\ndate: 2026-06-03\n---\nx"), seq(1));
    writer.publish(
        post("posts/never.md", "---\ntitle: N\ndate: 2026-06-04\nexpiryDate: 2026-06-04\n---\nx"),
        seq(1));
    writer.publish(dated("soon", "2026-07-01"), seq(1));
    assertThat(reader.nextScheduled(NOW)).contains(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(reader.nextScheduled(Instant.parse("2026-07-01T00:00:00Z")))
        .as("from its time on it is visible, and the next one is ahead")
        .contains(Instant.parse("2026-09-01T00:00:00Z"));
    assertThat(reader.nextScheduled(Instant.parse("2026-09-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void theOldestVisiblePostIsTheLastOfTheListingAndSkipsExpiredOnes() {
    assertThat(reader.oldest(NOW)).isEmpty();
    writer.publish(
        post("posts/expired.md", "---\ntitle: E\ndate: 2023-01-01\nexpiryDate: 2024-01-01\n---\nx"),
        seq(1));
    writer.publish(dated("a", "2024-01-01"), seq(1));
    writer.publish(dated("b", "2024-02-01"), seq(1));
    writer.publish(dated("future", "2027-01-01"), seq(1));
    assertThat(reader.oldest(NOW)).map(PostSummary::slug).contains("a");
    assertThat(slugs(new Listing.All())).last().isEqualTo("a");
  }

  @Test
  void aPageIsServedAtItsSlugButListedOnlyAmongThePages() {
    writer.publish(dated("a", "2024-01-01", "x"), seq(1));
    Post about = post("pages/about.md", "---\ntitle: About\ndate: 2024-02-01\ntags: [x]\n---\nHi.");
    assertThat(writer.publish(about, seq(1))).isEqualTo(new PublishResult.Published("about"));
    assertThat(reader.findPost("about").orElseThrow().post().page()).isTrue();
    assertThat(slugs(new Listing.All())).containsExactly("a");
    assertThat(slugs(new Listing.Tagged("x"))).containsExactly("a");
    assertThat(slugs(new Listing.Archive(2024, 2))).isEmpty();
    assertThat(slugs(new Listing.Pages())).containsExactly("about");
    assertThat(reader.tags(NOW)).extracting(TagCount::posts).containsExactly(1);
    assertThat(reader.oldest(NOW)).map(PostSummary::slug).contains("a");
  }

  // ------------------------------------------------------------------ the header's menu

  private static Post menued(String key, String frontMatter) {
    return post(key, "---\n" + frontMatter + "\n---\nBody.");
  }

  @Test
  void theMenuHoldsVisiblePostsAndPagesByPositionThenSlugWithTheirLabels() {
    writer.publish(menued("pages/contact.md", "title: Write to me\nmenu: 2"), seq(1));
    writer.publish(
        menued("pages/about.md", "title: About this blog\nmenu: 2\nmenuTitle: About"), seq(1));
    writer.publish(menued("posts/uses.md", "title: What I use\ndate: 2025-01-01\nmenu: 1"), seq(1));
    writer.publish(menued("posts/plain.md", "title: Plain\ndate: 2025-01-02"), seq(1));
    writer.publish(menued("posts/draft.md", "title: Draft\ndraft: true\nmenu: 0"), seq(1));
    writer.publish(
        menued(
            "posts/later.md", "title: Later\ndate: 2026-05-01\npublishDate: 2026-07-01\nmenu: 0"),
        seq(1));
    writer.publish(
        menued("posts/old.md", "title: Old\ndate: 2026-01-01\nexpiryDate: 2026-03-01\nmenu: 0"),
        seq(1));

    assertThat(reader.menu(NOW))
        .containsExactly(
            new MenuLink("uses", "What I use", 1),
            new MenuLink("about", "About", 2),
            new MenuLink("contact", "Write to me", 2));
    assertThat(reader.menu(Instant.parse("2026-07-02T00:00:00Z")))
        .as("a scheduled post joins the menu when it becomes visible")
        .extracting(MenuLink::slug)
        .containsExactly("later", "uses", "about", "contact");
  }

  @Test
  void theMenuEntriesHoldScheduledAndExpiredEntriesWithTheTimesThatDecideThem() {
    writer.publish(
        menued("pages/about.md", "title: About this blog\nmenu: 2\nmenuTitle: About"), seq(1));
    writer.publish(menued("posts/draft.md", "title: Draft\ndraft: true\nmenu: 0"), seq(1));
    writer.publish(
        menued(
            "posts/later.md", "title: Later\ndate: 2026-05-01\npublishDate: 2026-07-01\nmenu: 0"),
        seq(1));
    writer.publish(
        menued("posts/old.md", "title: Old\ndate: 2026-01-01\nexpiryDate: 2026-03-01\nmenu: 1"),
        seq(1));

    Menu entries = reader.menuEntries();
    assertThat(entries.entries())
        .extracting(e -> e.link().slug() + " " + e.visibleFrom() + " " + e.expiresAt())
        .containsExactlyInAnyOrder(
            "about " + reader.findPost("about").orElseThrow().post().visibleFrom() + " null",
            "later 2026-07-01T00:00:00Z null",
            "old 2026-01-01T00:00:00Z 2026-03-01T00:00:00Z");
    for (String at :
        List.of("2026-02-01T00:00:00Z", "2026-06-01T12:00:00Z", "2026-07-02T00:00:00Z")) {
      assertThat(entries.visibleAt(Instant.parse(at)))
          .as("visible at %s", at)
          .isEqualTo(reader.menu(Instant.parse(at)))
          .isNotEmpty();
    }
  }

  @Test
  void anEntryFollowsItsPostThroughEditsRenamesAndRemoval() {
    String key = "pages/about.md";
    writer.publish(menued(key, "title: About\nmenu: 3"), seq(1));
    assertThat(reader.menu(NOW)).containsExactly(new MenuLink("about", "About", 3));

    writer.publish(menued(key, "title: About\nmenu: 1\nmenuTitle: Me"), seq(2));
    assertThat(reader.menu(NOW)).containsExactly(new MenuLink("about", "Me", 1));
    assertThat(reader.findPost("about").orElseThrow().post().menu())
        .isEqualTo(new MenuPlace(1, "Me"));

    writer.publish(menued(key, "title: About\nslug: me\nmenu: 1"), seq(3));
    assertThat(reader.menu(NOW))
        .as("the old slug left the menu with its post")
        .containsExactly(new MenuLink("me", "About", 1));

    writer.publish(menued(key, "title: About\nslug: me"), seq(4));
    assertThat(reader.menu(NOW)).as("menu field taken out").isEmpty();

    writer.publish(menued(key, "title: About\nslug: me\nmenu: 1"), seq(5));
    writer.remove(key, seq(6));
    assertThat(reader.menu(NOW)).as("removed").isEmpty();
  }

  @Test
  void aLateOlderEventDoesNotPutAnEntryBack() {
    String key = "pages/about.md";
    writer.publish(menued(key, "title: About"), seq(2));
    assertThat(writer.publish(menued(key, "title: About\nmenu: 1"), seq(1)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(reader.menu(NOW)).isEmpty();
  }
}
