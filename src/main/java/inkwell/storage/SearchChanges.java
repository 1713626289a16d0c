package inkwell.storage;

/**
 * Where the publish path says that what readers can find for a source key may have changed, so that
 * the search index catches up (on AWS: a message on the index function's FIFO queue; in the
 * preview: the in-process index, updated at once). It carries only the key: the index reads the
 * posts table, whose writes are already ordered by sequencer, so a late or repeated message cannot
 * put back an older version.
 */
public interface SearchChanges {

  /** No search index to tell. */
  SearchChanges NONE = (sourceKey, sequencer) -> {};

  /**
   * Records that the posts of {@code sourceKey} may have changed with the event at {@code
   * sequencer}. Throws if the change cannot be recorded, so that the event is retried.
   */
  void changed(String sourceKey, Sequencer sequencer);
}
