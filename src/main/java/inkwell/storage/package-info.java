/**
 * The storage ports: {@link inkwell.storage.PostWriter} (the posts index as the publish function
 * writes it), {@link inkwell.storage.PostReader} (as the site reads it), {@link
 * inkwell.storage.PostRepository} (both), {@link inkwell.storage.SourceStore} (where Markdown
 * sources are read), {@link inkwell.storage.StatusStore} (where authors find why a publish failed)
 * and {@link inkwell.storage.EdgeCache} (the CDN's caches, dropped after a publish), with the value
 * types they exchange. Adapters for AWS live in {@code inkwell.aws}; the local preview has its own.
 */
package inkwell.storage;
