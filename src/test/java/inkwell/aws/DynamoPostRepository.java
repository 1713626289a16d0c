package inkwell.aws;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.storage.Listing;
import inkwell.storage.Menu;
import inkwell.storage.MenuLink;
import inkwell.storage.Page;
import inkwell.storage.PostRepository;
import inkwell.storage.PostSummary;
import inkwell.storage.PublishResult;
import inkwell.storage.Sequencer;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import inkwell.storage.TagCount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The posts table as one {@link PostRepository}, for tests that publish and read back: a {@link
 * DynamoPostWriter} and a {@link DynamoPostReader} side by side. Production code never holds both:
 * the publish path the writer, the site and the command line's reports the reader.
 */
public final class DynamoPostRepository implements PostRepository {

  private final DynamoPostWriter writer;
  private final DynamoPostReader reader;

  public DynamoPostRepository(DynamoDbClient dynamo, String table, BodyStore bodies, Clock clock) {
    this(
        new DynamoPostWriter(dynamo, table, bodies, clock),
        new DynamoPostReader(dynamo, table, bodies));
  }

  public DynamoPostRepository(DynamoPostWriter writer, DynamoPostReader reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public Optional<SourceRecord> findSource(String sourceKey) {
    return writer.findSource(sourceKey);
  }

  @Override
  public PublishResult publish(Post post, Sequencer sequencer) {
    return writer.publish(post, sequencer);
  }

  @Override
  public boolean reject(String sourceKey, Sequencer sequencer, PostError error, Instant at) {
    return writer.reject(sourceKey, sequencer, error, at);
  }

  @Override
  public boolean remove(String sourceKey, Sequencer sequencer) {
    return writer.remove(sourceKey, sequencer);
  }

  @Override
  public boolean displace(String sourceKey, String slug, PostError error, Instant at) {
    return writer.displace(sourceKey, slug, error, at);
  }

  @Override
  public void claim(String slug, String sourceKey) {
    writer.claim(slug, sourceKey);
  }

  @Override
  public void release(String slug, String sourceKey) {
    writer.release(slug, sourceKey);
  }

  @Override
  public List<String> claimants(String slug) {
    return writer.claimants(slug);
  }

  @Override
  public Optional<StoredPost> findPost(String slug) {
    return reader.findPost(slug);
  }

  @Override
  public List<StoredPost> findPosts(List<String> slugs) {
    return reader.findPosts(slugs);
  }

  @Override
  public Optional<PostSummary> adjacent(String slug, boolean older, Instant now) {
    return reader.adjacent(slug, older, now);
  }

  @Override
  public Optional<PostSummary> oldest(Instant now) {
    return reader.oldest(now);
  }

  @Override
  public Optional<Instant> nextScheduled(Instant now) {
    return reader.nextScheduled(now);
  }

  @Override
  public Page<PostSummary> list(Listing listing, Instant now, int limit, String cursor) {
    return reader.list(listing, now, limit, cursor);
  }

  @Override
  public Optional<String> findAlias(String path) {
    return reader.findAlias(path);
  }

  @Override
  public List<TagCount> tags(Instant now) {
    return reader.tags(now);
  }

  @Override
  public List<MenuLink> menu(Instant now) {
    return reader.menu(now);
  }

  @Override
  public Menu menuEntries() {
    return reader.menuEntries();
  }
}
