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
 * What every {@link PostRepository} must do, whatever stores it: the DynamoDB table and the
 * preview's in-memory index both run these tests, so the preview shows what the site will.
 */
public abstract class PostRepositoryContract {

  protected static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  protected static final PostPipeline PIPELINE = PostPipeline.create();

  protected PostRepository repository;

  /** A new, empty repository whose clock says {@link #NOW}. */
  protected abstract PostRepository newRepository();

  @BeforeEach
  void freshRepository() {
    repository = newRepository();
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
      Page<PostSummary> page = repository.list(listing, NOW, 2, cursor);
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
    assertThat(repository.publish(post, seq(1)))
        .isEqualTo(new PublishResult.Published("2024/hello"));

    StoredPost stored = repository.findPost("2024/hello").orElseThrow();
    assertThat(stored.state()).isEqualTo(StoredPost.State.LIVE);
    assertThat(stored.post()).isEqualTo(post);
  }

  @Test
  void theSourceRecordKeepsSequencerSlugAndAliases() {
    repository.publish(post("posts/a.md", "---\ntitle: A\naliases: [/x/]\n---\n"), seq(7));
    SourceRecord record = repository.findSource("posts/a.md").orElseThrow();
    assertThat(record.latest()).isEqualTo(seq(7));
    assertThat(record.content()).isEqualTo(seq(7));
    assertThat(record.state()).isEqualTo(SourceRecord.State.PUBLISHED);
    assertThat(record.slug()).isEqualTo("a");
    assertThat(record.aliases()).containsExactly("x");
  }

  @Test
  void anOlderEventAfterANewerOneChangesNothing() {
    repository.publish(post("posts/a.md", "---\ntitle: New\n---\n"), seq(2));
    assertThat(repository.publish(post("posts/a.md", "---\ntitle: Old\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(repository.findPost("a").orElseThrow().post().title()).isEqualTo("New");
  }

  @Test
  void aReplayedEventIsANoOp() {
    Post post = post("posts/a.md", "---\ntitle: A\n---\n");
    repository.publish(post, seq(1));
    assertThat(repository.publish(post, seq(1))).isEqualTo(new PublishResult.Stale());
  }

  @Test
  void aSlugOwnedByAnotherSourceIsAConflictAndChangesNothing() {
    repository.publish(post("posts/a.md", "---\ntitle: First\nslug: same\n---\n"), seq(1));
    PublishResult result =
        repository.publish(post("posts/b.md", "---\ntitle: Second\nslug: same\n---\n"), seq(1));
    assertThat(result).isEqualTo(new PublishResult.Conflict("slug \"same\"", "posts/a.md"));
    assertThat(repository.findPost("same").orElseThrow().post().title()).isEqualTo("First");
    assertThat(repository.findSource("posts/b.md")).isEmpty();
  }

  @Test
  void aSourceWhoseKeySortsFirstTakesTheSlugAndTheDisplacedPostsTagsGoWithIt() {
    repository.publish(post("posts/b.md", "---\ntitle: B\nslug: same\ntags: [t]\n---\n"), seq(1));
    PublishResult result =
        repository.publish(post("posts/a.md", "---\ntitle: A\nslug: same\n---\n"), seq(1));
    assertThat(result).isEqualTo(new PublishResult.Published("same"));
    assertThat(repository.findPost("same").orElseThrow().post().title()).isEqualTo("A");
    assertThat(slugs(new Listing.Tagged("t")))
        .as("the displaced post's tags went with it")
        .isEmpty();
  }

  @Test
  void aDisplacedSourceWaitsWithNothingLiveAndCanBeAppliedAgainAtItsOwnSequencer() {
    Post b = post("posts/b.md", "---\ntitle: B\nslug: same\n---\n");
    repository.publish(b, seq(1));
    repository.publish(post("posts/a.md", "---\ntitle: A\nslug: same\n---\n"), seq(1));
    PostError error = PostError.of(PostError.Kind.SLUG_CONFLICT, "waits");
    assertThat(repository.displace("posts/b.md", "same", error, NOW)).isTrue();
    SourceRecord waiting = repository.findSource("posts/b.md").orElseThrow();
    assertThat(waiting.slug()).isNull();
    assertThat(waiting.state()).isEqualTo(SourceRecord.State.REJECTED);
    assertThat(waiting.error()).isEqualTo(error);
    assertThat(waiting.content()).isEqualTo(seq(1));

    repository.remove("posts/a.md", seq(2));
    assertThat(repository.publish(b, seq(1))).isEqualTo(new PublishResult.Published("same"));
    assertThat(repository.findPost("same").orElseThrow().post().title()).isEqualTo("B");
    assertThat(repository.publish(b, seq(1)))
        .as("now live: a replay is stale")
        .isEqualTo(new PublishResult.Stale());
  }

  @Test
  void displacingASourceThatNoLongerHoldsTheSlugChangesNothing() {
    repository.publish(post("posts/b.md", "---\ntitle: B\nslug: mine\n---\n"), seq(1));
    PostError error = PostError.of(PostError.Kind.SLUG_CONFLICT, "waits");
    assertThat(repository.displace("posts/b.md", "other", error, NOW)).isFalse();
    assertThat(repository.findSource("posts/b.md").orElseThrow().slug()).isEqualTo("mine");
  }

  @Test
  void claimantsAreListedInOwnershipOrderByCodePoint() {
    for (String key :
        List.of(
            "posts/é.md", "posts/b.md", "posts/B.md", "posts/\uD83D\uDE00.md", "posts/\uFFFD.md")) {
      repository.claim("same", key);
    }
    repository.claim("same", "posts/b.md");
    repository.release("same", "posts/B.md");
    assertThat(repository.claimants("same"))
        .containsExactly("posts/b.md", "posts/é.md", "posts/\uFFFD.md", "posts/\uD83D\uDE00.md");
    assertThat(repository.claimants("other")).isEmpty();
  }

  @Test
  void aSlugFreedByADeletedPostCanBeTakenOver() {
    repository.publish(post("posts/a.md", "---\ntitle: First\nslug: same\n---\n"), seq(1));
    repository.remove("posts/a.md", seq(2));
    assertThat(
            repository.publish(post("posts/b.md", "---\ntitle: Second\nslug: same\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Published("same"));
  }

  @Test
  void anAliasOwnedByAnotherSourceIsAConflict() {
    repository.publish(post("posts/a.md", "---\ntitle: A\naliases: [/old/]\n---\n"), seq(1));
    assertThat(
            repository.publish(post("posts/b.md", "---\ntitle: B\naliases: [old]\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Conflict("alias \"/old\"", "posts/a.md"));
    assertThat(repository.findAlias("old")).contains("a");
  }

  @Test
  void aliasesFollowTheirPostAndDroppedOnesAreRemoved() {
    repository.publish(post("posts/a.md", "---\ntitle: A\naliases: [/one/, /two/]\n---\n"), seq(1));
    repository.publish(post("posts/a.md", "---\ntitle: A\naliases: [/two/]\n---\n"), seq(2));
    assertThat(repository.findAlias("one")).isEmpty();
    assertThat(repository.findAlias("two")).contains("a");
  }

  @Test
  void aChangedSlugLeavesARedirectAtTheOldOne() {
    repository.publish(post("posts/a.md", "---\ntitle: A\ntags: [x]\n---\n"), seq(1));
    repository.publish(post("posts/a.md", "---\ntitle: A\nslug: better\ntags: [x]\n---\n"), seq(2));
    StoredPost old = repository.findPost("a").orElseThrow();
    assertThat(old.state()).isEqualTo(StoredPost.State.MOVED);
    assertThat(old.movedTo()).isEqualTo("better");
    assertThat(slugs(new Listing.All())).containsExactly("better");
    assertThat(slugs(new Listing.Tagged("x"))).containsExactly("better");
  }

  @Test
  void aRejectionKeepsTheLiveVersionAndRecordsTheError() {
    repository.publish(post("posts/a.md", "---\ntitle: Good\n---\n"), seq(1));
    PostError error = PostError.at(PostError.Kind.YAML_SYNTAX, 3, 4, "bad");
    assertThat(repository.reject("posts/a.md", seq(2), error, NOW)).isTrue();

    assertThat(repository.findPost("a").orElseThrow().post().title()).isEqualTo("Good");
    SourceRecord record = repository.findSource("posts/a.md").orElseThrow();
    assertThat(record.state()).isEqualTo(SourceRecord.State.REJECTED);
    assertThat(record.error()).isEqualTo(error);
    assertThat(record.content()).isEqualTo(seq(1));
    assertThat(record.latest()).isEqualTo(seq(2));
  }

  @Test
  void anOlderGoodVersionArrivingAfterANewerBadOneStillGoesLive() {
    PostError error = PostError.of(PostError.Kind.NOT_UTF8, "bad");
    repository.reject("posts/a.md", seq(2), error, NOW);
    assertThat(repository.publish(post("posts/a.md", "---\ntitle: Good\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Published("a"));
    SourceRecord record = repository.findSource("posts/a.md").orElseThrow();
    assertThat(record.state()).isEqualTo(SourceRecord.State.REJECTED);
    assertThat(record.error()).isEqualTo(error);
  }

  @Test
  void anOlderRejectionDoesNotOverwriteANewerOutcome() {
    repository.publish(post("posts/a.md", "---\ntitle: Good\n---\n"), seq(5));
    assertThat(
            repository.reject(
                "posts/a.md", seq(4), PostError.of(PostError.Kind.NUL_BYTE, "x"), NOW))
        .isFalse();
    assertThat(repository.findSource("posts/a.md").orElseThrow().state())
        .isEqualTo(SourceRecord.State.PUBLISHED);
  }

  // ------------------------------------------------------------------ removing

  @Test
  void aRemovedPostIsGoneFromItsPageListingsTagsAndAliases() {
    repository.publish(
        post("posts/a.md", "---\ntitle: A\ntags: [x]\naliases: [/old/]\n---\n"), seq(1));
    assertThat(repository.remove("posts/a.md", seq(2))).isTrue();

    assertThat(repository.findPost("a").orElseThrow().state()).isEqualTo(StoredPost.State.GONE);
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("x"))).isEmpty();
    assertThat(repository.tags(NOW)).isEmpty();
    assertThat(repository.findAlias("old")).isEmpty();
    assertThat(repository.findSource("posts/a.md").orElseThrow().state())
        .isEqualTo(SourceRecord.State.DELETED);
  }

  @Test
  void aTombstoneKeepsALateOlderUploadFromResurrectingThePost() {
    repository.publish(post("posts/a.md", "---\ntitle: A\n---\n"), seq(1));
    repository.remove("posts/a.md", seq(3));
    assertThat(repository.publish(post("posts/a.md", "---\ntitle: Zombie\n---\n"), seq(2)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(repository.findPost("a").orElseThrow().state()).isEqualTo(StoredPost.State.GONE);
  }

  @Test
  void aDeleteBeforeAnyUploadStillBlocksTheLateUpload() {
    assertThat(repository.remove("posts/a.md", seq(2))).isTrue();
    assertThat(repository.publish(post("posts/a.md", "---\ntitle: Late\n---\n"), seq(1)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(repository.findPost("a")).isEmpty();
  }

  @Test
  void aReplayedDeleteIsANoOp() {
    repository.remove("posts/a.md", seq(2));
    assertThat(repository.remove("posts/a.md", seq(2))).isFalse();
  }

  // ------------------------------------------------------------------ listings

  @Test
  void listingsAreNewestFirstAndPaginatedByCursor() {
    repository.publish(dated("one", "2024-01-01"), seq(1));
    repository.publish(dated("two", "2024-02-01"), seq(1));
    repository.publish(dated("three", "2024-03-01"), seq(1));
    repository.publish(dated("four", "2024-04-01"), seq(1));
    repository.publish(dated("five", "2024-05-01"), seq(1));
    assertThat(slugs(new Listing.All())).containsExactly("five", "four", "three", "two", "one");
  }

  @Test
  void aScheduledPostIsStoredAtOnceAndListedFromItsTime() {
    repository.publish(dated("now", "2026-05-01"), seq(1));
    repository.publish(
        post(
            "posts/later.md",
            "---\ntitle: Later\ndate: 2026-05-02\npublishDate: 2026-07-01\ntags: [t]\n---\n"),
        seq(1));
    repository.publish(dated("future", "2026-12-24", "t"), seq(1));

    assertThat(slugs(new Listing.All())).containsExactly("now");
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
    assertThat(
            repository
                .list(new Listing.All(), Instant.parse("2026-07-01T00:00:00Z"), 10, null)
                .items())
        .extracting(PostSummary::slug)
        .containsExactly("later", "now");
    assertThat(repository.findPost("future").orElseThrow().state())
        .isEqualTo(StoredPost.State.LIVE);
  }

  /** Posts p1 (oldest) to p{count}, tagged t, of which the newest {@code expired} have expired. */
  protected void publishWithNewestExpired(int count, int expired) {
    for (int i = 1; i <= count; i++) {
      String expiry = i > count - expired ? "\nexpiryDate: 2026-03-01" : "";
      repository.publish(
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
    Page<PostSummary> first = repository.list(new Listing.All(), NOW, 2, null);
    assertThat(first.items()).extracting(PostSummary::slug).containsExactly("p3", "p2");
    assertThat(first.next()).isNotNull();
    assertThat(slugs(new Listing.All())).containsExactly("p3", "p2", "p1");
    assertThat(slugs(new Listing.Tagged("t"))).containsExactly("p3", "p2", "p1");
    assertThat(slugs(new Listing.Archive(2026, 1))).containsExactly("p3", "p2", "p1");
    assertThat(repository.list(new Listing.All(), NOW, 3, null).next())
        .as("nothing older: no link to an empty page")
        .isNull();
  }

  @Test
  void aListingOfOnlyExpiredPostsIsEmptyWithNoNextPage() {
    publishWithNewestExpired(5, 5);
    Page<PostSummary> page = repository.list(new Listing.Tagged("t"), NOW, 2, null);
    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isNull();
  }

  @Test
  void anExpiredPostDropsOutOfListings() {
    repository.publish(
        post(
            "posts/old.md",
            "---\ntitle: Old\ndate: 2026-01-01\nexpiryDate: 2026-03-01\ntags: [t]\n---\n"),
        seq(1));
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
    assertThat(repository.tags(NOW)).isEmpty();
    assertThat(
            repository
                .list(new Listing.All(), Instant.parse("2026-02-01T00:00:00Z"), 10, null)
                .items())
        .hasSize(1);
  }

  @Test
  void draftsAreNeverListedButAreStoredAsDrafts() {
    repository.publish(post("posts/d.md", "---\ntitle: D\ndraft: true\ntags: [t]\n---\n"), seq(1));
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
    assertThat(repository.findPost("d").orElseThrow().state()).isEqualTo(StoredPost.State.DRAFT);
  }

  @Test
  void aPublishedPostTurnedDraftLeavesEveryListing() {
    repository.publish(dated("p", "2025-01-01", "t"), seq(1));
    repository.publish(
        post("posts/p.md", "---\ntitle: p\ndate: 2025-01-01\ndraft: true\ntags: [t]\n---\n"),
        seq(2));
    assertThat(slugs(new Listing.All())).isEmpty();
    assertThat(slugs(new Listing.Tagged("t"))).isEmpty();
  }

  @Test
  void tagPagesFollowTagChanges() {
    repository.publish(dated("p", "2025-01-01", "Java", "AWS"), seq(1));
    repository.publish(dated("p", "2025-01-01", "Java", "Cloud"), seq(2));
    assertThat(slugs(new Listing.Tagged("java"))).containsExactly("p");
    assertThat(slugs(new Listing.Tagged("aws"))).isEmpty();
    assertThat(slugs(new Listing.Tagged("cloud"))).containsExactly("p");
    assertThat(repository.tags(NOW))
        .containsExactly(new TagCount("Cloud", "cloud", 1), new TagCount("Java", "java", 1));
  }

  @Test
  void archivesSelectAYearOrAMonth() {
    repository.publish(dated("a", "2024-01-15"), seq(1));
    repository.publish(dated("b", "2024-02-15"), seq(1));
    repository.publish(dated("c", "2025-02-15"), seq(1));
    assertThat(slugs(new Listing.Archive(2024, 0))).containsExactly("b", "a");
    assertThat(slugs(new Listing.Archive(2024, 2))).containsExactly("b");
    assertThat(slugs(new Listing.Archive(2023, 0))).isEmpty();
  }

  @Test
  void tagCountsOnlyCountVisiblePosts() {
    repository.publish(dated("a", "2024-01-15", "x", "y"), seq(1));
    repository.publish(dated("b", "2024-02-15", "x"), seq(1));
    repository.publish(dated("c", "2027-02-15", "x"), seq(1));
    assertThat(repository.tags(NOW))
        .containsExactly(new TagCount("x", "x", 2), new TagCount("y", "y", 1));
  }

  @Test
  void aCursorFromAnotherListingIsRejected() {
    repository.publish(dated("a", "2024-01-15", "x"), seq(1));
    repository.publish(dated("b", "2024-02-15", "x"), seq(1));
    String cursor = repository.list(new Listing.Tagged("x"), NOW, 1, null).next();
    assertThat(cursor).isNotNull();
    assertThatThrownBy(() -> repository.list(new Listing.All(), NOW, 1, cursor))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void aCursorThatIsNotATokenIsRejected() {
    assertThatThrownBy(() -> repository.list(new Listing.All(), NOW, 10, "not*base64"))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> repository.list(new Listing.All(), NOW, 10, "aGVsbG8"))
        .isInstanceOf(InvalidCursorException.class);
  }

  // ------------------------------------------------------------------ navigation

  @Test
  void olderAndNewerFollowTheListingOrder() {
    repository.publish(dated("a", "2024-01-01"), seq(1));
    repository.publish(dated("b", "2024-02-01"), seq(1));
    repository.publish(dated("c", "2024-03-01"), seq(1));
    repository.publish(dated("future", "2027-01-01"), seq(1));
    assertThat(repository.adjacent("b", true, NOW)).map(PostSummary::slug).contains("a");
    assertThat(repository.adjacent("b", false, NOW)).map(PostSummary::slug).contains("c");
    assertThat(repository.adjacent("a", true, NOW)).isEmpty();
    assertThat(repository.adjacent("c", false, NOW)).as("scheduled posts stay hidden").isEmpty();
    assertThat(repository.adjacent("missing", true, NOW)).isEmpty();
  }

  @Test
  void theOldestVisiblePostIsTheLastOfTheListingAndSkipsExpiredOnes() {
    assertThat(repository.oldest(NOW)).isEmpty();
    repository.publish(
        post("posts/expired.md", "---\ntitle: E\ndate: 2023-01-01\nexpiryDate: 2024-01-01\n---\nx"),
        seq(1));
    repository.publish(dated("a", "2024-01-01"), seq(1));
    repository.publish(dated("b", "2024-02-01"), seq(1));
    repository.publish(dated("future", "2027-01-01"), seq(1));
    assertThat(repository.oldest(NOW)).map(PostSummary::slug).contains("a");
    assertThat(slugs(new Listing.All())).last().isEqualTo("a");
  }

  @Test
  void aPageIsServedAtItsSlugButListedOnlyAmongThePages() {
    repository.publish(dated("a", "2024-01-01", "x"), seq(1));
    Post about = post("pages/about.md", "---\ntitle: About\ndate: 2024-02-01\ntags: [x]\n---\nHi.");
    assertThat(repository.publish(about, seq(1))).isEqualTo(new PublishResult.Published("about"));
    assertThat(repository.findPost("about").orElseThrow().post().page()).isTrue();
    assertThat(slugs(new Listing.All())).containsExactly("a");
    assertThat(slugs(new Listing.Tagged("x"))).containsExactly("a");
    assertThat(slugs(new Listing.Archive(2024, 2))).isEmpty();
    assertThat(slugs(new Listing.Pages())).containsExactly("about");
    assertThat(repository.tags(NOW)).extracting(TagCount::posts).containsExactly(1);
    assertThat(repository.oldest(NOW)).map(PostSummary::slug).contains("a");
  }

  // ------------------------------------------------------------------ the header's menu

  private static Post menued(String key, String frontMatter) {
    return post(key, "---\n" + frontMatter + "\n---\nBody.");
  }

  @Test
  void theMenuHoldsVisiblePostsAndPagesByPositionThenSlugWithTheirLabels() {
    repository.publish(menued("pages/contact.md", "title: Write to me\nmenu: 2"), seq(1));
    repository.publish(
        menued("pages/about.md", "title: About this blog\nmenu: 2\nmenuTitle: About"), seq(1));
    repository.publish(
        menued("posts/uses.md", "title: What I use\ndate: 2025-01-01\nmenu: 1"), seq(1));
    repository.publish(menued("posts/plain.md", "title: Plain\ndate: 2025-01-02"), seq(1));
    repository.publish(menued("posts/draft.md", "title: Draft\ndraft: true\nmenu: 0"), seq(1));
    repository.publish(
        menued(
            "posts/later.md", "title: Later\ndate: 2026-05-01\npublishDate: 2026-07-01\nmenu: 0"),
        seq(1));
    repository.publish(
        menued("posts/old.md", "title: Old\ndate: 2026-01-01\nexpiryDate: 2026-03-01\nmenu: 0"),
        seq(1));

    assertThat(repository.menu(NOW))
        .containsExactly(
            new MenuLink("uses", "What I use", 1),
            new MenuLink("about", "About", 2),
            new MenuLink("contact", "Write to me", 2));
    assertThat(repository.menu(Instant.parse("2026-07-02T00:00:00Z")))
        .as("a scheduled post joins the menu when it becomes visible")
        .extracting(MenuLink::slug)
        .containsExactly("later", "uses", "about", "contact");
  }

  @Test
  void anEntryFollowsItsPostThroughEditsRenamesAndRemoval() {
    String key = "pages/about.md";
    repository.publish(menued(key, "title: About\nmenu: 3"), seq(1));
    assertThat(repository.menu(NOW)).containsExactly(new MenuLink("about", "About", 3));

    repository.publish(menued(key, "title: About\nmenu: 1\nmenuTitle: Me"), seq(2));
    assertThat(repository.menu(NOW)).containsExactly(new MenuLink("about", "Me", 1));
    assertThat(repository.findPost("about").orElseThrow().post().menu())
        .isEqualTo(new MenuPlace(1, "Me"));

    repository.publish(menued(key, "title: About\nslug: me\nmenu: 1"), seq(3));
    assertThat(repository.menu(NOW))
        .as("the old slug left the menu with its post")
        .containsExactly(new MenuLink("me", "About", 1));

    repository.publish(menued(key, "title: About\nslug: me"), seq(4));
    assertThat(repository.menu(NOW)).as("menu field taken out").isEmpty();

    repository.publish(menued(key, "title: About\nslug: me\nmenu: 1"), seq(5));
    repository.remove(key, seq(6));
    assertThat(repository.menu(NOW)).as("removed").isEmpty();
  }

  @Test
  void aLateOlderEventDoesNotPutAnEntryBack() {
    String key = "pages/about.md";
    repository.publish(menued(key, "title: About"), seq(2));
    assertThat(repository.publish(menued(key, "title: About\nmenu: 1"), seq(1)))
        .isEqualTo(new PublishResult.Stale());
    assertThat(repository.menu(NOW)).isEmpty();
  }
}
