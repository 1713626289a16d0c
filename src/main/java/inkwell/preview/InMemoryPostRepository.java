package inkwell.preview;

import inkwell.post.Post;
import inkwell.post.PostError;
import inkwell.post.Tag;
import inkwell.storage.Listing;
import inkwell.storage.Menu;
import inkwell.storage.MenuLink;
import inkwell.storage.Page;
import inkwell.storage.PostRepository;
import inkwell.storage.PostSummary;
import inkwell.storage.PublishResult;
import inkwell.storage.Sequencer;
import inkwell.storage.SlugOwners;
import inkwell.storage.SourceCatalog;
import inkwell.storage.SourceRecord;
import inkwell.storage.StoredPost;
import inkwell.storage.TagCount;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The posts index in memory, for the local preview: the same rules as the DynamoDB table (sequencer
 * registers, tombstones, moved slugs, conflicts, "visible now" listings, cursors), so the preview
 * shows what the deployed site will. A shared contract test runs against both.
 *
 * <p>With {@code includeUnpublished}, listings also show drafts and scheduled posts, for authors
 * who preview them. Thread-safe (every method is synchronized; the preview is one author's).
 */
public final class InMemoryPostRepository implements PostRepository, SourceCatalog {

  private record Entry(StoredPost stored, String src, Sequencer sequencer) {}

  private record Alias(String target, String src) {}

  /** A listed post and its summary, in a listing's order. */
  private record Listed(Post post, PostSummary summary) {}

  private static final Comparator<PostSummary> NEWEST_FIRST = PostSummary.OLDEST_FIRST.reversed();

  private final Map<String, Entry> posts = new HashMap<>();
  private final Map<String, SourceRecord> sources = new HashMap<>();
  private final Map<String, Alias> aliases = new HashMap<>();
  private final Map<String, Set<String>> claims = new HashMap<>();

  /**
   * Every listed post, newest first, made when a listing is first asked for after a change of
   * {@link #posts}, so that a load of many files sorts once and a page filters a sorted list.
   */
  private List<Listed> listed;

  private final Clock clock;
  private final boolean includeUnpublished;

  public InMemoryPostRepository(Clock clock, boolean includeUnpublished) {
    this.clock = clock;
    this.includeUnpublished = includeUnpublished;
  }

  @Override
  public synchronized List<SourceRecord> all() {
    return List.copyOf(sources.values());
  }

  @Override
  public synchronized Map<String, SourceRecord> find(Collection<String> keys) {
    Map<String, SourceRecord> found = new HashMap<>();
    for (String key : keys) {
      SourceRecord record = sources.get(key);
      if (record != null) {
        found.put(key, record);
      }
    }
    return found;
  }

  @Override
  public synchronized Optional<SourceRecord> findSource(String sourceKey) {
    return Optional.ofNullable(sources.get(sourceKey));
  }

  @Override
  public synchronized PublishResult publish(Post post, Sequencer sequencer) {
    String src = post.sourceKey();
    SourceRecord previous = sources.get(src);
    if (previous != null && previous.isLiveAtOrAfter(sequencer)) {
      return new PublishResult.Stale();
    }
    Entry atSlug = posts.get(post.slug());
    if (atSlug != null
        && !atSlug.src().equals(src)
        && isOwned(atSlug.stored())
        && SlugOwners.ORDER.compare(atSlug.src(), src) < 0) {
      return new PublishResult.Conflict("slug \"" + post.slug() + "\"", atSlug.src());
    }
    for (String alias : post.aliases()) {
      Alias existing = aliases.get(alias);
      if (existing != null && !existing.src().equals(src)) {
        return new PublishResult.Conflict("alias \"/" + alias + "\"", existing.src());
      }
    }
    StoredPost.State state = post.draft() ? StoredPost.State.DRAFT : StoredPost.State.LIVE;
    listed = null;
    posts.put(
        post.slug(), new Entry(new StoredPost(post.slug(), state, post, null), src, sequencer));
    if (previous != null) {
      previous.aliases().stream().filter(a -> !post.aliases().contains(a)).forEach(aliases::remove);
      Entry old = previous.slug() == null ? null : posts.get(previous.slug());
      if (old != null && old.src().equals(src) && !previous.slug().equals(post.slug())) {
        posts.put(
            previous.slug(),
            new Entry(
                new StoredPost(previous.slug(), StoredPost.State.MOVED, null, post.slug()),
                src,
                sequencer));
      }
    }
    post.aliases().forEach(a -> aliases.put(a, new Alias(post.slug(), src)));
    sources.put(
        src,
        SourceRecord.published(
            Optional.ofNullable(previous),
            src,
            sequencer,
            post.slug(),
            post.aliases(),
            clock.instant()));
    return new PublishResult.Published(post.slug());
  }

  private static boolean isOwned(StoredPost stored) {
    return stored.state() == StoredPost.State.LIVE || stored.state() == StoredPost.State.DRAFT;
  }

  @Override
  public synchronized boolean reject(
      String sourceKey, Sequencer sequencer, PostError error, Instant at) {
    SourceRecord previous = sources.get(sourceKey);
    if (previous != null && previous.latest().isAfter(sequencer)) {
      return false;
    }
    sources.put(
        sourceKey,
        SourceRecord.rejected(Optional.ofNullable(previous), sourceKey, sequencer, error, at));
    return true;
  }

  @Override
  public synchronized boolean remove(String sourceKey, Sequencer sequencer) {
    SourceRecord previous = sources.get(sourceKey);
    if (previous != null && previous.contentIsAtOrAfter(sequencer)) {
      return false;
    }
    if (previous != null && previous.slug() != null) {
      Entry entry = posts.get(previous.slug());
      if (entry != null && entry.src().equals(sourceKey)) {
        listed = null;
        posts.put(
            previous.slug(),
            new Entry(
                new StoredPost(previous.slug(), StoredPost.State.GONE, null, null),
                sourceKey,
                sequencer));
      }
      previous.aliases().forEach(aliases::remove);
    }
    sources.put(
        sourceKey,
        SourceRecord.removed(Optional.ofNullable(previous), sourceKey, sequencer, clock.instant()));
    return true;
  }

  @Override
  public synchronized boolean displace(String sourceKey, String slug, PostError error, Instant at) {
    SourceRecord record = sources.get(sourceKey);
    if (record == null || !slug.equals(record.slug())) {
      return false;
    }
    sources.put(sourceKey, record.displaced(error, at));
    return true;
  }

  @Override
  public synchronized void claim(String slug, String sourceKey) {
    claims.computeIfAbsent(slug, s -> new TreeSet<>(SlugOwners.ORDER)).add(sourceKey);
  }

  @Override
  public synchronized void release(String slug, String sourceKey) {
    Set<String> claimants = claims.get(slug);
    if (claimants != null) {
      claimants.remove(sourceKey);
    }
  }

  @Override
  public synchronized List<String> claimants(String slug) {
    return List.copyOf(claims.getOrDefault(slug, Set.of()));
  }

  @Override
  public synchronized Optional<StoredPost> findPost(String slug) {
    return Optional.ofNullable(posts.get(slug)).map(Entry::stored);
  }

  @Override
  public synchronized List<StoredPost> findPosts(List<String> slugs) {
    return slugs.stream().map(posts::get).filter(e -> e != null).map(Entry::stored).toList();
  }

  @Override
  public synchronized Optional<PostSummary> adjacent(String slug, boolean older, Instant now) {
    Entry entry = posts.get(slug);
    if (entry == null || !listed(entry.stored())) {
      return Optional.empty();
    }
    List<PostSummary> all = visible(new Listing.All(), now);
    PostSummary self = PostSummary.of(entry.stored().post());
    int index = all.indexOf(self);
    int neighbour = older ? index + 1 : index - 1;
    return index < 0 || neighbour < 0 || neighbour >= all.size()
        ? Optional.empty()
        : Optional.of(all.get(neighbour));
  }

  @Override
  public synchronized Optional<PostSummary> oldest(Instant now) {
    List<PostSummary> all = visible(new Listing.All(), now);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  @Override
  public synchronized Optional<Instant> nextScheduled(Instant now) {
    if (includeUnpublished) {
      return Optional.empty(); // the preview already shows every post
    }
    // Listed posts still ahead that will show: visible at their own time (not expired by then).
    return posts.values().stream()
        .filter(entry -> listed(entry.stored()) && !entry.stored().post().page())
        .map(entry -> entry.stored().post())
        .filter(post -> post.visibleFrom().isAfter(now))
        .filter(post -> Post.isWithin(post.visibleFrom(), post.expiryDate(), post.visibleFrom()))
        .map(Post::visibleFrom)
        .min(Comparator.naturalOrder());
  }

  @Override
  public synchronized Page<PostSummary> list(
      Listing listing, Instant now, int limit, String cursor) {
    String partition = ListingCursor.partition(listing);
    List<PostSummary> all = visible(listing, now);
    int start = 0;
    if (cursor != null) {
      String position = ListingCursor.decode(cursor, partition);
      start = all.size();
      for (int i = 0; i < all.size(); i++) {
        if (ListingCursor.position(all.get(i)).compareTo(position) < 0) {
          start = i;
          break;
        }
      }
    }
    int end = Math.min(all.size(), start + limit);
    List<PostSummary> items = all.subList(start, end);
    String next =
        end < all.size() && !items.isEmpty()
            ? ListingCursor.encode(partition, ListingCursor.position(items.get(items.size() - 1)))
            : null;
    return new Page<>(items, next);
  }

  @Override
  public synchronized Optional<String> findAlias(String path) {
    return Optional.ofNullable(aliases.get(path)).map(Alias::target);
  }

  @Override
  public synchronized List<TagCount> tags(Instant now) {
    Map<String, String> names = new TreeMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (PostSummary summary : visible(new Listing.All(), now)) {
      for (Tag tag : summary.tags()) {
        names.merge(tag.slug(), tag.name(), TagCount::smallerName);
        counts.merge(tag.slug(), 1, Integer::sum);
      }
    }
    List<TagCount> tags = new ArrayList<>();
    names.forEach((slug, name) -> tags.add(new TagCount(name, slug, counts.get(slug))));
    tags.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return tags;
  }

  @Override
  public synchronized List<MenuLink> menu(Instant now) {
    return menuEntries().visibleAt(now);
  }

  /**
   * {@inheritDoc} With drafts and scheduled posts shown ({@code --drafts}), every listed entry
   * shows at any time, as it does in the listings.
   */
  @Override
  public synchronized Menu menuEntries() {
    List<Menu.Entry> entries = new ArrayList<>();
    for (Entry entry : posts.values()) {
      Post post = entry.stored().post();
      if (listed(entry.stored()) && post.menu() != null) {
        MenuLink link = new MenuLink(post.slug(), post.menu().label(), post.menu().position());
        entries.add(
            includeUnpublished
                ? new Menu.Entry(link, Instant.MIN, null)
                : new Menu.Entry(link, post.visibleFrom(), post.expiryDate()));
      }
    }
    return new Menu(entries);
  }

  // ------------------------------------------------------------------ listing rules

  private boolean listed(StoredPost stored) {
    return stored.state() == StoredPost.State.LIVE
        || (includeUnpublished && stored.state() == StoredPost.State.DRAFT);
  }

  /** Whether listings show a listed {@code post} at {@code now}. */
  private boolean shown(Post post, Instant now) {
    boolean published = !post.visibleFrom().isAfter(now);
    boolean expired = post.expiryDate() != null && !now.isBefore(post.expiryDate());
    return (published && !expired) || includeUnpublished;
  }

  private List<PostSummary> visible(Listing listing, Instant now) {
    List<PostSummary> result = new ArrayList<>();
    for (Listed entry : listed()) {
      if (shown(entry.post(), now) && matches(listing, entry.post())) {
        result.add(entry.summary());
      }
    }
    return result;
  }

  private List<Listed> listed() {
    if (listed == null) {
      List<Listed> all = new ArrayList<>();
      for (Entry entry : posts.values()) {
        if (listed(entry.stored())) {
          Post post = entry.stored().post();
          all.add(new Listed(post, PostSummary.of(post)));
        }
      }
      all.sort((a, b) -> NEWEST_FIRST.compare(a.summary(), b.summary()));
      listed = List.copyOf(all);
    }
    return listed;
  }

  private static boolean matches(Listing listing, Post post) {
    if (listing instanceof Listing.Pages != post.page()) {
      return false;
    }
    if (listing instanceof Listing.Tagged tagged) {
      return post.tags().stream().anyMatch(t -> t.slug().equals(tagged.tagSlug()));
    }
    if (listing instanceof Listing.Archive archive) {
      ZonedDateTime at = post.visibleFrom().atZone(ZoneOffset.UTC);
      return at.getYear() == archive.year()
          && (archive.month() == 0 || at.getMonthValue() == archive.month());
    }
    return true;
  }
}
