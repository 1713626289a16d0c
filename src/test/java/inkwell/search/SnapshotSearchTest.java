package inkwell.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inkwell.aws.S3SnapshotStore;
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
    String bucket = Emulators.uniqueName("snapshots");
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
}
