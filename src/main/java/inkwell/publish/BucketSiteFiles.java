package inkwell.publish;

import inkwell.pipeline.SiteFiles;
import inkwell.storage.SourceStore;

/**
 * The site's files in the content bucket, for the publish function: one HEAD request per reference
 * or local image a post has (none for a post without). Not {@link #complete()}: an upload in key
 * order may bring a reference's target after the post, so a dangling reference is a warning here.
 */
final class BucketSiteFiles implements SiteFiles {

  private final SourceStore bucket;
  private final String mediaPrefix;

  BucketSiteFiles(SourceStore bucket, String mediaPrefix) {
    this.bucket = bucket;
    this.mediaPrefix = mediaPrefix;
  }

  @Override
  public boolean hasSource(String key) {
    return bucket.exists(key);
  }

  @Override
  public boolean hasMedia(String path) {
    return bucket.exists(mediaPrefix + path);
  }

  @Override
  public boolean complete() {
    return false;
  }
}
