/**
 * The post as the rest of the blog sees it: the {@link inkwell.post.Post} value, its slug rules
 * ({@link inkwell.post.Slugs}) and the {@link inkwell.post.PostError} that says why a source could
 * not become a post. Plain Java, no I/O.
 */
package inkwell.post;
