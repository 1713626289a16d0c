package inkwell.preview;

import inkwell.config.BlogConfig;
import inkwell.migrate.FolderSiteFiles;
import inkwell.migrate.SiteRoot;
import inkwell.pipeline.PostPipeline;
import inkwell.pipeline.SiteFiles;
import inkwell.post.Hashes;
import inkwell.publish.PublishService;
import inkwell.search.LocalSearchIndex;
import inkwell.site.PageScript;
import inkwell.site.SiteService;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The preview's adapters, used when {@value #FOLDER} is set: sources from the folder, the index in
 * memory, errors kept for the pages and printed to the console. Everything else (pipeline, publish
 * service, site) is the production wiring.
 */
@Factory
@Requires(property = PreviewBeans.FOLDER)
class PreviewBeans {

  static final String FOLDER = "inkwell.preview.folder";
  static final String DRAFTS = "inkwell.preview.drafts";
  static final String MEDIA = "inkwell.preview.media";

  /** Folders whose images are served at their own paths (a Hugo or Jekyll site's static files). */
  static final String FILES = "inkwell.preview.files";

  /**
   * A Jekyll site's root, then the folders its config includes: their Markdown files with front
   * matter are the standalone pages.
   */
  static final String SITE_PAGES = "inkwell.preview.site-pages";

  /**
   * A Jekyll site's other folders of posts, by their path from the site's root ({@code _drafts},
   * {@code blog/_posts}): see {@link SiteRoot#morePosts()}.
   */
  static final String MORE_POSTS = "inkwell.preview.more-posts";

  static final String LIVE_RELOAD = "inkwell.preview.live-reload";
  static final String CACHE = "inkwell.preview.cache";
  static final String BUCKET = "local-folder";

  @Singleton
  FolderSource folderSource(
      @Value("${" + FOLDER + "}") String folder,
      @Value("${" + SITE_PAGES + ":}") String sitePages,
      @Value("${" + MORE_POSTS + ":}") String morePosts,
      BlogConfig config) {
    FolderSource posts = new FolderSource(Path.of(folder), config.getPostsPrefix());
    for (String relative : morePosts.isEmpty() ? new String[0] : morePosts.split("\\|")) {
      Path more = posts.folder().getParent().resolve(relative);
      posts = posts.withPosts(more, config.getPostsPrefix() + relative + "/");
    }
    if (config.getPagesPrefix().isEmpty()) {
      return posts;
    }
    if (!sitePages.isEmpty()) {
      // A Jekyll site: its root's pages, then each folder its config includes (_pages).
      String[] folders = sitePages.split(java.io.File.pathSeparator);
      FolderSource all =
          posts.withPages(Path.of(folders[0]), config.getPagesPrefix(), 1, SiteRoot::isJekyllPage);
      for (int i = 1; i < folders.length; i++) {
        Path included = Path.of(folders[i]);
        all =
            all.withPages(
                included,
                config.getPagesPrefix() + included.getFileName() + "/",
                Integer.MAX_VALUE,
                SiteRoot::isJekyllPage);
      }
      return all;
    }
    // The standalone pages: the folder "pages" next to the posts folder (examples/pages).
    return posts.withPages(posts.folder().resolveSibling("pages"), config.getPagesPrefix());
  }

  /** Images from the folder next to the posts folder ({@code examples/media} for the samples). */
  @Singleton
  @Primary
  FolderMedia media(
      @Value("${" + MEDIA + "}") String folder, @Value("${" + FILES + ":}") String files) {
    List<Path> roots = new java.util.ArrayList<>();
    roots.add(Path.of(folder));
    for (String file : files.split(java.io.File.pathSeparator)) {
      if (!file.isBlank()) {
        roots.add(Path.of(file));
      }
    }
    return new FolderMedia(roots);
  }

  @Singleton
  PreviewStatus previewStatus(BlogConfig config, @Value("${" + DRAFTS + ":false}") boolean drafts) {
    return new PreviewStatus(
        List.of(config.getPostsPrefix(), config.getPagesPrefix()), System.out, drafts);
  }

  @Singleton
  @Primary
  InMemoryPostRepository posts(Clock clock, @Value("${" + DRAFTS + ":false}") boolean drafts) {
    return new InMemoryPostRepository(clock, drafts);
  }

  /** Search over the folder: the search function's code, with the index in this process. */
  @Singleton
  LocalSearchIndex search(
      InMemoryPostRepository posts, @Value("${" + DRAFTS + ":false}") boolean drafts) {
    return new LocalSearchIndex(posts, posts, drafts);
  }

  /**
   * The search the site answers with, and the changes the publish path reports: held while the
   * watcher applies a rescan's events, then indexed in the background.
   */
  @Singleton
  @Primary
  @Bean(preDestroy = "close")
  PreviewSearch previewSearch(BeanProvider<LocalSearchIndex> search) {
    return new PreviewSearch(search::get);
  }

  /**
   * Rendered posts on disk, in a folder of their own per Markdown folder under {@value #CACHE} (the
   * preview's default is {@code target/preview-cache} in the project).
   */
  @Singleton
  DiskRenderCache renderCache(
      @Value("${" + CACHE + "}") String cache,
      @Value("${" + FOLDER + "}") String folder,
      PostPipeline pipeline,
      BlogConfig config,
      FolderSource source,
      FolderMedia media) {
    String name = Hashes.sha256Hex(folder).substring(0, 16);
    Path root = Path.of(cache);
    // A dangling reference is a warning: the author may be writing its target now.
    SiteFiles files = new FolderSiteFiles(source::exists, media.roots(), false);
    return new DiskRenderCache(
        root.resolve(name),
        RendererVersion.of(config, root.resolve(RendererVersion.MEMO)),
        s -> pipeline.parse(s, files));
  }

  @Singleton
  LoadProgress loadProgress() {
    return new LoadProgress();
  }

  @Singleton
  @Replaces(PublishService.class)
  PublishService publishService(
      PostPipeline pipeline,
      FolderSource source,
      InMemoryPostRepository posts,
      PreviewStatus status,
      BlogConfig config,
      Clock clock,
      PreviewSearch search,
      DiskRenderCache cache) {
    return new PublishService(
            pipeline, source, posts, status, BUCKET, config.getPostsPrefix(), clock, search)
        .withParser(cache::parse);
  }

  @Singleton
  LiveReload liveReload() {
    return new LiveReload();
  }

  /** Every page carries the live reload's script (the site function's pages carry none). */
  @Singleton
  @Requires(property = LIVE_RELOAD, notEquals = "false")
  PageScript liveReloadScript() {
    return LiveReload.SCRIPT;
  }

  @Singleton
  FolderWatcher watcher(
      FolderSource source,
      PublishService service,
      SiteService site,
      LiveReload reload,
      DiskRenderCache cache,
      PreviewSearch search,
      LoadProgress progress) {
    return new FolderWatcher(
        source,
        service,
        BUCKET,
        System.out,
        () -> {
          site.contentChanged();
          reload.changed();
        },
        cache,
        search,
        progress);
  }
}
