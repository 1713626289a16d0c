package inkwell.storage;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.post.PostError;
import inkwell.storage.SourceRecord.State;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The two registers of a source key, whatever order its events arrive in. */
class SourceRecordTest {

  private static final String KEY = "posts/a.md";
  private static final Sequencer S1 = Sequencer.of("1");
  private static final Sequencer S2 = Sequencer.of("2");
  private static final Sequencer S3 = Sequencer.of("3");
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
  private static final PostError BAD = PostError.of(PostError.Kind.EMPTY, "empty");

  private static Optional<SourceRecord> none() {
    return Optional.empty();
  }

  @Nested
  class Published {

    @Test
    void aFirstUploadIsLatestAndContent() {
      SourceRecord r = SourceRecord.published(none(), KEY, S1, "a", List.of("old"), AT);
      assertThat(r)
          .isEqualTo(
              new SourceRecord(KEY, S1, S1, State.PUBLISHED, "a", List.of("old"), null, AT, null));
    }

    @Test
    void anOlderUploadAfterANewerRejectionGoesLiveButTheRejectionStaysTheLatest() {
      SourceRecord rejected = SourceRecord.rejected(none(), KEY, S2, BAD, AT);
      SourceRecord r = SourceRecord.published(Optional.of(rejected), KEY, S1, "a", List.of(), AT);
      assertThat(r.latest()).isEqualTo(S2);
      assertThat(r.content()).isEqualTo(S1);
      assertThat(r.state()).isEqualTo(State.REJECTED);
      assertThat(r.error()).isEqualTo(BAD);
      assertThat(r.slug()).isEqualTo("a");
    }

    @Test
    void theSameSequencerAgainIsStillTheLatest() {
      SourceRecord first = SourceRecord.published(none(), KEY, S1, "a", List.of(), AT);
      SourceRecord again = SourceRecord.published(Optional.of(first), KEY, S1, "a", List.of(), AT);
      assertThat(again.state()).isEqualTo(State.PUBLISHED);
      assertThat(again.latest()).isEqualTo(S1);
      assertThat(again.left()).isNull();
    }

    @Test
    void aNewSlugLeavesTheOldOne() {
      SourceRecord first = SourceRecord.published(none(), KEY, S1, "a", List.of(), AT);
      SourceRecord moved = SourceRecord.published(Optional.of(first), KEY, S2, "b", List.of(), AT);
      assertThat(moved)
          .isEqualTo(new SourceRecord(KEY, S2, S2, State.PUBLISHED, "b", List.of(), null, AT, "a"));
    }
  }

  @Nested
  class Removed {

    @Test
    void aRemovalLeavesATombstoneAndTheSlugItLeft() {
      SourceRecord first = SourceRecord.published(none(), KEY, S1, "a", List.of("x"), AT);
      SourceRecord r = SourceRecord.removed(Optional.of(first), KEY, S2, AT);
      assertThat(r)
          .isEqualTo(new SourceRecord(KEY, S2, S2, State.DELETED, null, List.of(), null, AT, "a"));
    }

    @Test
    void anOlderRemovalAfterANewerRejectionKeepsTheRejectionAsLatest() {
      SourceRecord rejected = SourceRecord.rejected(none(), KEY, S3, BAD, AT);
      SourceRecord r = SourceRecord.removed(Optional.of(rejected), KEY, S2, AT);
      assertThat(r.latest()).isEqualTo(S3);
      assertThat(r.content()).isEqualTo(S2);
      assertThat(r.state()).isEqualTo(State.REJECTED);
      assertThat(r.error()).isEqualTo(BAD);
    }

    @Test
    void aRemovalOfNothingLeftNothing() {
      assertThat(SourceRecord.removed(none(), KEY, S1, AT).left()).isNull();
    }
  }

  @Nested
  class Rejected {

    @Test
    void aRejectionKeepsTheLiveVersion() {
      SourceRecord live = SourceRecord.published(none(), KEY, S1, "a", List.of("x"), AT);
      SourceRecord r = SourceRecord.rejected(Optional.of(live), KEY, S2, BAD, AT);
      assertThat(r)
          .isEqualTo(
              new SourceRecord(KEY, S2, S1, State.REJECTED, "a", List.of("x"), BAD, AT, null));
    }

    @Test
    void aFirstRejectionHasNoContent() {
      assertThat(SourceRecord.rejected(none(), KEY, S1, BAD, AT))
          .isEqualTo(
              new SourceRecord(KEY, S1, null, State.REJECTED, null, List.of(), BAD, AT, null));
    }

    @Test
    void aDisplacedVersionWaitsForItsSlugWithItsRegisters() {
      SourceRecord live = SourceRecord.published(none(), KEY, S1, "a", List.of("x"), AT);
      SourceRecord r = live.displaced(BAD, AT.plusSeconds(1));
      assertThat(r)
          .isEqualTo(
              new SourceRecord(
                  KEY, S1, S1, State.REJECTED, null, List.of("x"), BAD, AT.plusSeconds(1), null));
    }
  }

  @Nested
  class Questions {

    private final SourceRecord live = SourceRecord.published(none(), KEY, S2, "a", List.of(), AT);

    @Test
    void aLiveVersionIsLiveAtItsOwnSequencerAndBefore() {
      assertThat(live.isLiveAtOrAfter(S1)).isTrue();
      assertThat(live.isLiveAtOrAfter(S2)).isTrue();
      assertThat(live.isLiveAtOrAfter(S3)).isFalse();
    }

    @Test
    void aVersionWaitingForItsSlugMayBeAppliedAgain() {
      SourceRecord waiting = live.displaced(BAD, AT);
      assertThat(waiting.isLiveAtOrAfter(S2)).isFalse();
      assertThat(waiting.isLiveAtOrAfter(S1)).isTrue();
    }

    @Test
    void withoutContentNothingIsLive() {
      SourceRecord rejected = SourceRecord.rejected(none(), KEY, S2, BAD, AT);
      assertThat(rejected.isLiveAtOrAfter(S1)).isFalse();
      assertThat(rejected.contentIsAtOrAfter(S1)).isFalse();
      assertThat(rejected.contentIs(S2)).isFalse();
    }

    @Test
    void contentIsAtOrAfterItsOwnSequencerButNotALaterOne() {
      assertThat(live.contentIsAtOrAfter(S1)).isTrue();
      assertThat(live.contentIsAtOrAfter(S2)).isTrue();
      assertThat(live.contentIsAtOrAfter(S3)).isFalse();
      assertThat(live.contentIs(S2)).isTrue();
      assertThat(live.contentIs(S1)).isFalse();
    }

    @Test
    void onlyALaterSequencerIsTheLatest() {
      assertThat(live.isLatest(S3)).isTrue();
      assertThat(live.isLatest(S2)).isFalse();
      assertThat(live.isLatest(S1)).isFalse();
    }
  }
}
