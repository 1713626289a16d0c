package inkwell.storage;

import inkwell.post.PostError;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the events applied so far say about a source key. Two registers, each keeping the highest
 * sequencer it has seen, make the outcome independent of delivery order:
 *
 * <ul>
 *   <li>{@code latest}: the latest event of any kind. It decides what the author is told: {@code
 *       state} and {@code error} describe it.
 *   <li>{@code content}: the latest event that changes what readers see: a valid upload or a
 *       removal. A rejected upload never changes it, so the last good version stays live, and an
 *       older good version that arrives after a newer bad one still goes live.
 * </ul>
 *
 * @param content the sequencer of the latest valid upload or removal, or {@code null} if none
 * @param slug the slug of the live version, or {@code null} if none is live
 * @param aliases the aliases of the live version
 * @param error why the latest event was rejected, or {@code null}
 * @param left the slug the content event took this source away from (a rename or a removal), or
 *     {@code null}: what a redelivered event still has to release and hand over
 */
public record SourceRecord(
    String sourceKey,
    Sequencer latest,
    Sequencer content,
    State state,
    String slug,
    List<String> aliases,
    PostError error,
    Instant at,
    String left) {

  /** The outcome of the latest event for the key. */
  public enum State {
    PUBLISHED,
    REJECTED,
    DELETED
  }

  public SourceRecord {
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    aliases = List.copyOf(aliases);
  }

  /**
   * The record after a valid upload at {@code sequencer} went live as {@code slug}: it becomes the
   * content; it is also the latest event unless a later one (a rejected upload) was seen.
   */
  public static SourceRecord published(
      Optional<SourceRecord> previous,
      String sourceKey,
      Sequencer sequencer,
      String slug,
      List<String> aliases,
      Instant at) {
    boolean latest = previous.isEmpty() || !previous.get().latest().isAfter(sequencer);
    return new SourceRecord(
        sourceKey,
        latest ? sequencer : previous.get().latest(),
        sequencer,
        latest ? State.PUBLISHED : previous.get().state(),
        slug,
        aliases,
        latest ? null : previous.get().error(),
        at,
        leftBy(previous, slug));
  }

  /** The record after a removal at {@code sequencer}: nothing is live, a tombstone remains. */
  public static SourceRecord removed(
      Optional<SourceRecord> previous, String sourceKey, Sequencer sequencer, Instant at) {
    boolean latest = previous.isEmpty() || !previous.get().latest().isAfter(sequencer);
    return new SourceRecord(
        sourceKey,
        latest ? sequencer : previous.get().latest(),
        sequencer,
        latest ? State.DELETED : previous.get().state(),
        null,
        List.of(),
        latest ? null : previous.get().error(),
        at,
        leftBy(previous, null));
  }

  /** The slug {@code previous} was live at, if a content event moving to {@code slug} leaves it. */
  private static String leftBy(Optional<SourceRecord> previous, String slug) {
    String was = previous.map(SourceRecord::slug).orElse(null);
    return was == null || was.equals(slug) ? null : was;
  }

  /** The record after the upload at {@code sequencer} was rejected: the live version stays. */
  public static SourceRecord rejected(
      Optional<SourceRecord> previous,
      String sourceKey,
      Sequencer sequencer,
      PostError error,
      Instant at) {
    return new SourceRecord(
        sourceKey,
        sequencer,
        previous.map(SourceRecord::content).orElse(null),
        State.REJECTED,
        previous.map(SourceRecord::slug).orElse(null),
        previous.map(SourceRecord::aliases).orElse(List.of()),
        error,
        at,
        previous.map(SourceRecord::left).orElse(null));
  }

  /**
   * The record after the live version gave its slug to a source whose key sorts first: nothing of
   * this source is live, it waits for the slug; the registers stay.
   */
  public SourceRecord displaced(PostError error, Instant at) {
    return new SourceRecord(
        sourceKey, latest, content, State.REJECTED, null, aliases, error, at, left);
  }

  /**
   * True if a publish at {@code sequencer} has nothing to do: a later valid version was applied, or
   * this very version is live. A version that waits for its slug may be applied again.
   */
  public boolean isLiveAtOrAfter(Sequencer sequencer) {
    return content != null
        && (sequencer.compareTo(content) < 0 || (sequencer.equals(content) && slug != null));
  }

  /** True if an event at {@code sequencer} can no longer change what readers see. */
  public boolean contentIsAtOrAfter(Sequencer sequencer) {
    return content != null && !sequencer.isAfter(content);
  }

  /** True if the content event at {@code sequencer} is the one applied (a redelivery). */
  public boolean contentIs(Sequencer sequencer) {
    return sequencer.equals(content);
  }

  /** True if an event at {@code sequencer} is the newest seen for this key. */
  public boolean isLatest(Sequencer sequencer) {
    return sequencer.isAfter(latest);
  }
}
