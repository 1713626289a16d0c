/**
 * The storage ports: {@link inkwell.storage.PostRepository} (the posts index the publish function
 * writes and the site reads), {@link inkwell.storage.SourceStore} (where Markdown sources are read)
 * and {@link inkwell.storage.StatusStore} (where authors find why a publish failed), with the value
 * types they exchange. Adapters for AWS live in {@code inkwell.aws}; the local preview has its own.
 */
package inkwell.storage;
