package inkwell.site;

import inkwell.config.BlogConfig;
import inkwell.site.view.JtePages;
import inkwell.site.view.Pages;
import inkwell.site.view.Theme;
import inkwell.storage.MediaStore;
import inkwell.storage.PostReader;
import inkwell.storage.PostSearch;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** Wires the site: settings, theme, pages, machine outputs and the service. */
@Factory
class SiteBeans {

  @Singleton
  Theme theme() {
    return Theme.load();
  }

  @Singleton
  Pages pages() {
    return JtePages.create();
  }

  @Singleton
  SiteInfo siteInfo(SiteConfig config, BlogConfig blog, Theme theme) {
    return new SiteInfo(
        config.getTitle(),
        config.getDescription(),
        config.getBaseUrl(),
        config.getAuthor(),
        config.getLanguage(),
        ZoneId.of(blog.getTimeZone()),
        theme.stylesheetPath());
  }

  @Singleton
  SiteService siteService(
      PostReader posts,
      Pages pages,
      Theme theme,
      SiteInfo site,
      SiteConfig config,
      Clock clock,
      Optional<PreviewNotes> notes,
      Optional<MediaStore> media,
      Optional<PageScript> script,
      Optional<PostSearch> search,
      BlogConfig blog) {
    inkwell.pipeline.Permalinks permalinks =
        inkwell.pipeline.Permalinks.parse(blog.getPermalinks());
    return new SiteService(
        posts,
        pages,
        at -> new MachineOutputs(posts, at, config),
        theme,
        site,
        config,
        clock,
        notes.orElse(PreviewNotes.NONE),
        media.orElse(MediaStore.NONE),
        script.orElse(null),
        search.orElse(PostSearch.NONE),
        sections(permalinks));
  }

  /**
   * A moved Hugo blog's section pages: each section that holds posts ({@code posts}), and on a
   * multilingual site each language's home and sections ({@code fr}, {@code fr/posts}).
   */
  static java.util.Set<String> sections(inkwell.pipeline.Permalinks permalinks) {
    java.util.Set<String> sections = new java.util.TreeSet<>();
    if (permalinks != null) {
      sections.addAll(permalinks.sections());
      for (String language : permalinks.languages().languages()) {
        sections.add(language);
        permalinks.sections().forEach(section -> sections.add(language + "/" + section));
      }
    }
    return sections;
  }
}
