package inkwell.site;

import inkwell.site.view.JtePages;
import inkwell.site.view.Theme;
import inkwell.storage.MediaStore;
import inkwell.storage.PostReader;
import java.time.Clock;
import java.time.ZoneId;

/** A {@link SiteService} wired as the site's beans wire it, over a reader a test chooses. */
public final class Sites {

  private Sites() {}

  /** The site {@code config} describes, showing dates in {@code zone}. */
  public static SiteService service(PostReader posts, SiteConfig config, ZoneId zone, Clock clock) {
    Theme theme = Theme.load();
    SiteInfo site =
        new SiteInfo(
            config.getTitle(),
            config.getDescription(),
            config.getBaseUrl(),
            config.getAuthor(),
            config.getLanguage(),
            zone,
            theme.stylesheetPath());
    return new SiteService(
        posts,
        JtePages.create(),
        at -> new MachineOutputs(posts, at, config),
        theme,
        site,
        config,
        clock,
        PreviewNotes.NONE,
        MediaStore.NONE,
        null,
        inkwell.storage.PostSearch.NONE,
        java.util.Set.of());
  }
}
