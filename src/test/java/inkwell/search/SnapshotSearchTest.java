package inkwell.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.aws.S3SnapshotStore;
import inkwell.storage.Menu;
import inkwell.storage.MenuLink;
import inkwell.storage.SearchQuery;
import inkwell.storage.SearchResults;
import inkwell.storage.SnapshotStore;
import inkwell.testenv.AwsEmulators;
import inkwell.testenv.Emulators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The search function's reader against a real bucket: it switches to a new snapshot only through
 * the pointer and at most every interval, keeps answering from memory when the bucket fails, and
 * fails (a 503) only when it has nothing in memory.
 */
@ExtendWith(AwsEmulators.class)
class SnapshotSearchTest {

  private static final Duration EVERY = Duration.ofSeconds(5);

  private final Emulators emulators;
  private final LocalBlog blog = new LocalBlog();
  private String bucket;
  private S3SnapshotStore store;
  private IndexUpdater updater;
  private Instant now = LocalBlog.NOW;
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  SnapshotSearchTest(Emulators emulators) {
    this.emulators = emulators;
  }

  @BeforeEach
  void bucket() {
    bucket = Emulators.uniqueName("snapshots");
    emulators.s3().createBucket(r -> r.bucket(bucket));
    store = new S3SnapshotStore(emulators.s3(), bucket, "_search/");
    updater = new IndexUpdater(store, blog.posts, blog.posts, clock);
  }

  private List<String> found(SnapshotSearch search, String word) {
    return search.search(new SearchQuery(word, 1), LocalBlog.NOW).hits().stream()
        .map(SearchResults.Hit::slug)
        .toList();
  }

  @Test
  void beforeTheFirstSnapshotNothingIsFound() {
    SnapshotSearch search = new SnapshotSearch(store, clock, EVERY);
    assertThat(found(search, "anything")).isEmpty();
  }

  @Test
  void aNewSnapshotIsSeenOnlyAfterTheIntervalAndThroughThePointer() {
    blog.post("posts/a.md", "Alpha", List.of(), "Aardvark.");
    updater.apply(List.of("posts/a.md"), false);
    SnapshotSearch search = new SnapshotSearch(store, clock, EVERY);
    assertThat(found(search, "aardvark")).containsExactly("a");

    blog.post("posts/b.md", "Beta", List.of(), "Aardvark too.");
    updater.apply(List.of("posts/b.md"), false);
    now = now.plusSeconds(4);
    assertThat(found(search, "aardvark")).containsExactly("a");
    now = now.plusSeconds(2);
    assertThat(found(search, "aardvark")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void whenTheBucketFailsTheIndexInMemoryKeepsAnswering() {
    blog.post("posts/a.md", "Alpha", List.of(), "Aardvark.");
    updater.apply(List.of("posts/a.md"), false);
    SnapshotSearch search = new SnapshotSearch(store, clock, EVERY);
    assertThat(found(search, "aardvark")).containsExactly("a");
    store.point(new SnapshotStore.Pointer("never-written", null, 0));
    now = now.plusSeconds(10);
    assertThat(found(search, "aardvark")).containsExactly("a");
  }

  @Test
  void withNothingInMemoryAFailureIsAnError() {
    store.point(new SnapshotStore.Pointer("never-written", null, 0));
    SnapshotSearch search = new SnapshotSearch(store, clock, EVERY);
    assertThatThrownBy(() -> found(search, "aardvark")).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void theReplacedSnapshotStaysAndTheOneBeforeItIsDeleted() {
    blog.post("posts/a.md", "Alpha", List.of(), "Aardvark.");
    String first = updater.apply(List.of("posts/a.md"), false).snapshot();
    String second = updater.apply(List.of("posts/a.md"), false).snapshot();
    String third = updater.apply(List.of("posts/a.md"), false).snapshot();
    assertThat(store.current()).get().extracting(SnapshotStore.Pointer::id).isEqualTo(third);
    assertThat(store.read(second)).isNotEmpty();
    assertThatThrownBy(() -> store.read(first)).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void theMenuComesWithTheSnapshotAndWhatIsVisibleIsDecidedWhenServed() {
    blog.publish(
        "pages/about.md", "---\ntitle: About this blog\nmenu: 2\nmenuTitle: About\n---\nWho.\n");
    blog.publish(
        "posts/later.md",
        "---\ntitle: Later\ndate: 2026-05-01\npublishDate: 2026-07-01\nmenu: 1\n---\nSoon.\n");
    blog.publish(
        "posts/old.md",
        "---\ntitle: Old\ndate: 2026-01-01\nexpiryDate: 2026-03-01\nmenu: 0\n---\nGone.\n");
    updater.apply(List.of("pages/about.md", "posts/later.md", "posts/old.md"), false);
    SnapshotSearch search = new SnapshotSearch(store, clock, EVERY);

    assertThat(search.menu(LocalBlog.NOW)).containsExactly(new MenuLink("about", "About", 2));
    assertThat(search.menu(Instant.parse("2026-07-02T00:00:00Z")))
        .as("the scheduled post joins at its time, with no new snapshot")
        .containsExactly(new MenuLink("later", "Later", 1), new MenuLink("about", "About", 2));
    assertThat(search.menu(Instant.parse("2026-02-01T00:00:00Z")))
        .as("before the page was published, and before the post expired")
        .containsExactly(new MenuLink("old", "Old", 0));
  }

  @Test
  void aChangedMenuIsSeenWithTheNextSnapshotAfterTheInterval() {
    blog.publish("pages/about.md", "---\ntitle: About\nmenu: 1\n---\nWho.\n");
    updater.apply(List.of("pages/about.md"), false);
    SnapshotSearch search = new SnapshotSearch(store, clock, EVERY);
    assertThat(search.menu(now)).containsExactly(new MenuLink("about", "About", 1));

    blog.publish("pages/about.md", "---\ntitle: About\nmenu: 3\nmenuTitle: Me\n---\nWho.\n");
    blog.publish("pages/now.md", "---\ntitle: Now\nmenu: 2\n---\nThis month.\n");
    updater.apply(List.of("pages/about.md", "pages/now.md"), false);
    now = now.plusSeconds(4);
    assertThat(search.menu(now)).containsExactly(new MenuLink("about", "About", 1));
    now = now.plusSeconds(2);
    assertThat(search.menu(now))
        .containsExactly(new MenuLink("now", "Now", 2), new MenuLink("about", "Me", 3));

    blog.remove("pages/now.md");
    updater.apply(List.of("pages/now.md"), false);
    now = now.plusSeconds(6);
    assertThat(search.menu(now)).containsExactly(new MenuLink("about", "Me", 3));
  }

  @Test
  void aPointerWrittenBeforeTheMenuWasRecordedLoadsWithAnEmptyMenu() {
    blog.post("posts/a.md", "Alpha", List.of(), "Aardvark.");
    blog.publish("pages/about.md", "---\ntitle: About\nmenu: 1\n---\nWho.\n");
    String id = updater.apply(List.of("posts/a.md", "pages/about.md"), false).snapshot();
    // The pointer exactly as the version before the menu wrote it.
    emulators
        .s3()
        .putObject(
            r -> r.bucket(bucket).key(store.pointerKey()),
            RequestBody.fromString("{\"snapshot\":\"" + id + "\",\"previous\":null,\"posts\":1}"));
    assertThat(store.current()).get().extracting(SnapshotStore.Pointer::menu).isEqualTo(Menu.EMPTY);

    SnapshotSearch search = new SnapshotSearch(store, clock, EVERY);
    assertThat(search.menu(now)).isEmpty();
    assertThat(found(search, "aardvark")).containsExactly("a");

    updater.apply(List.of(), false);
    now = now.plusSeconds(6);
    assertThat(search.menu(now))
        .as("the next batch records it")
        .containsExactly(new MenuLink("about", "About", 1));
  }

  @Test
  void aPointerWithAMenuRoundTripsThroughTheBucket() {
    Menu menu =
        new Menu(
            List.of(
                new Menu.Entry(
                    new MenuLink("about", "\"About\" & <us>, caf\u00e9", 9999),
                    Instant.parse("2026-01-01T00:00:00Z"),
                    null),
                new Menu.Entry(
                    new MenuLink("2026/uses", "Uses", 0),
                    Instant.parse("2026-02-03T04:05:06.789Z"),
                    Instant.parse("2027-01-01T00:00:00Z"))));
    store.point(new SnapshotStore.Pointer("s2", "s1", 3, menu));
    assertThat(store.current()).contains(new SnapshotStore.Pointer("s2", "s1", 3, menu));
  }
}
