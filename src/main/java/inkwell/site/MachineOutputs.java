package inkwell.site;

import inkwell.post.Post;
import inkwell.post.Tag;
import inkwell.post.TocEntry;
import inkwell.site.feed.FeedEntry;
import inkwell.site.feed.Feeds;
import inkwell.site.feed.SitemapUrl;
import inkwell.site.feed.Sitemaps;
import inkwell.storage.Listing;
import inkwell.storage.Page;
import inkwell.storage.PostReader;
import inkwell.storage.PostSummary;
import inkwell.storage.StoredPost;
import inkwell.storage.TagCount;
import inkwell.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds, sitemaps, robots.txt and the JSON API. A feed costs one listing Query, plus one
 * BatchGetItem for the bodies when feeds carry full content.
 */
final class MachineOutputs implements SiteService.Machine {

  static final String RSS = "application/rss+xml; charset=utf-8";
  static final String ATOM = "application/atom+xml; charset=utf-8";
  static final String JSON_FEED = "application/feed+json; charset=utf-8";
  static final String XML = "application/xml; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private final PostReader posts;
  private final SiteInfo site;
  private final SiteConfig config;

  MachineOutputs(PostReader posts, SiteInfo site, SiteConfig config) {
    this.posts = posts;
    this.site = site;
    this.config = config;
  }

  @Override
  public SiteResponse feed(Route.Feed.Format format, Instant now) {
    List<PostSummary> newest =
        posts.list(new Listing.All(), now, config.getFeedSize(), null).items();
    List<FeedEntry> entries = new ArrayList<>();
    if (config.isFeedFullContent()) {
      for (StoredPost stored : posts.findPosts(newest.stream().map(PostSummary::slug).toList())) {
        if (stored.post() != null && stored.post().isVisibleAt(now)) {
          entries.add(entry(stored.post()));
        }
      }
    } else {
      newest.forEach(summary -> entries.add(entry(summary)));
    }
    return switch (format) {
      case RSS -> SiteResponse.of(200, RSS, Feeds.rss(site, entries, Instant.EPOCH));
      case ATOM -> SiteResponse.of(200, ATOM, Feeds.atom(site, entries, Instant.EPOCH));
      case JSON -> SiteResponse.of(200, JSON_FEED, Feeds.jsonFeed(site, entries));
    };
  }

  private static FeedEntry entry(Post post) {
    return new FeedEntry(
        post.title(),
        SitePaths.post(post.slug()),
        post.date(),
        post.updated(),
        post.summary(),
        post.bodyHtml(),
        post.tags().stream().map(Tag::name).toList(),
        post.author(),
        post.image());
  }

  private static FeedEntry entry(PostSummary summary) {
    return new FeedEntry(
        summary.title(),
        SitePaths.post(summary.slug()),
        summary.date(),
        summary.updated(),
        summary.summary(),
        null,
        summary.tags().stream().map(Tag::name).toList(),
        null,
        null);
  }

  @Override
  public Optional<SiteResponse> sitemap(int page, Instant now) {
    List<SitemapUrl> urls = new ArrayList<>();
    List<SitemapUrl> postUrls = new ArrayList<>();
    Instant newest = null;
    String cursor = null;
    do {
      Page<PostSummary> chunk = posts.list(new Listing.All(), now, 1000, cursor);
      for (PostSummary summary : chunk.items()) {
        postUrls.add(new SitemapUrl(SitePaths.post(summary.slug()), summary.updated()));
        if (newest == null || summary.updated().isAfter(newest)) {
          newest = summary.updated();
        }
      }
      cursor = chunk.next();
    } while (cursor != null);
    urls.add(new SitemapUrl(SitePaths.HOME, newest));
    urls.add(new SitemapUrl(SitePaths.ARCHIVE, newest));
    do {
      Page<PostSummary> chunk = posts.list(new Listing.Pages(), now, 1000, cursor);
      chunk.items().forEach(p -> urls.add(new SitemapUrl(SitePaths.post(p.slug()), p.updated())));
      cursor = chunk.next();
    } while (cursor != null);
    urls.add(new SitemapUrl(SitePaths.TAGS, newest));
    urls.addAll(postUrls);
    for (TagCount tag : posts.tags(now)) {
      urls.add(new SitemapUrl(SitePaths.tag(tag.slug()), null));
    }
    return Sitemaps.page(site, urls, page).map(xml -> SiteResponse.of(200, XML, xml));
  }

  @Override
  public SiteResponse robots() {
    return SiteResponse.of(200, TEXT, Sitemaps.robots(site));
  }

  @Override
  public SiteResponse apiPosts(Page<PostSummary> page, String nextPath) {
    List<Object> items = new ArrayList<>();
    for (PostSummary summary : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("slug", summary.slug());
      item.put("url", site.url(SitePaths.post(summary.slug())));
      item.put("title", summary.title());
      item.put("date", summary.date());
      item.put("updated", summary.updated());
      item.put("summary", summary.summary());
      item.put("tags", tags(summary.tags()));
      item.put("readingMinutes", summary.readingMinutes());
      items.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("posts", items);
    body.put("next", nextPath == null ? null : site.url(nextPath));
    return SiteResponse.of(200, SiteService.JSON, Json.write(body));
  }

  @Override
  public SiteResponse apiPost(Post post) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", post.slug());
    body.put("url", site.url(SitePaths.post(post.slug())));
    body.put("title", post.title());
    body.put("date", post.date());
    body.put("updated", post.updated());
    body.put("summary", post.summary());
    body.put("tags", tags(post.tags()));
    body.put("categories", post.categories());
    body.put("author", post.author());
    body.put("image", post.image());
    body.put("canonical", post.canonicalUrl());
    body.put("wordCount", post.wordCount());
    body.put("readingMinutes", post.readingMinutes());
    List<Object> toc = new ArrayList<>();
    for (TocEntry entry : post.toc()) {
      toc.add(Map.of("level", entry.level(), "id", entry.id(), "text", entry.text()));
    }
    body.put("toc", toc);
    body.put("html", post.bodyHtml());
    return SiteResponse.of(200, SiteService.JSON, Json.write(body));
  }

  @Override
  public SiteResponse apiTags(List<TagCount> tags) {
    List<Object> items = new ArrayList<>();
    for (TagCount tag : tags) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", tag.name());
      item.put("slug", tag.slug());
      item.put("posts", tag.posts());
      item.put("url", site.url(SitePaths.tag(tag.slug())));
      items.add(item);
    }
    return SiteResponse.of(200, SiteService.JSON, Json.write(Map.of("tags", items)));
  }

  private static List<Object> tags(List<Tag> tags) {
    List<Object> list = new ArrayList<>();
    for (Tag tag : tags) {
      list.add(Map.of("name", tag.name(), "slug", tag.slug()));
    }
    return list;
  }
}
