package inkwell.storage;

/** What {@link PostRepository#publish} did. */
public sealed interface PublishResult {

  /**
   * The post is stored and, unless it is a draft or scheduled, listed. A source whose post held the
   * slug may have given way to it (its key sorts after this one's, see {@link SlugOwners}): its
   * record still names the slug until the publish path tells it.
   */
  record Published(String slug) implements PublishResult {}

  /** A later event for the same source key has already been applied: nothing changed. */
  record Stale() implements PublishResult {}

  /**
   * The slug (owned by a source whose key sorts first) or an alias belongs to another source key:
   * nothing of this version went live.
   */
  record Conflict(String what, String ownerKey) implements PublishResult {}

  /** The post cannot be stored (too large even with its body compressed and moved out). */
  record TooLarge(String detail) implements PublishResult {}
}
