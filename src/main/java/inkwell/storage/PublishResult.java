package inkwell.storage;

/** What {@link PostRepository#publish} did. */
public sealed interface PublishResult {

  /** The post is stored and, unless it is a draft or scheduled, listed. */
  record Published(String slug) implements PublishResult {}

  /** A later event for the same source key has already been applied: nothing changed. */
  record Stale() implements PublishResult {}

  /** The slug or an alias belongs to another source key: nothing of this version went live. */
  record Conflict(String what, String ownerKey) implements PublishResult {}

  /** The post cannot be stored (too large even with its body compressed and moved out). */
  record TooLarge(String detail) implements PublishResult {}
}
