/**
 * The local preview: the whole blog on one machine with no AWS account. A folder of Markdown is the
 * source ({@link inkwell.preview.FolderSource}), watched for changes ({@link
 * inkwell.preview.FolderWatcher}) and published by the same {@code PublishService} into an
 * in-memory index ({@link inkwell.preview.InMemoryPostRepository}); the same site controller is
 * served by Micronaut's HTTP server. {@link inkwell.preview.Preview} is the command.
 */
package inkwell.preview;
