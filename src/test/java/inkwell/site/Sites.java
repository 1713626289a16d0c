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

  /** The site titled {@code title} at {@code baseUrl} (empty: each request's origin), in UTC. */
  public static SiteService service(
      PostReader posts, SiteConfig config, String title, String baseUrl, Clock clock) {
    Theme theme = Theme.load();
    SiteInfo site =
        new SiteInfo(
            title,
            config.getDescription(),
            baseUrl,
            config.getAuthor(),
            config.getLanguage(),
            ZoneId.of("UTC"),
            theme.stylesheetPath());
    return new SiteService(
        posts,
        JtePages.create(),
        at -> new MachineOutputs(posts, at, config),
        new Asset(theme.stylesheetPath(), "text/css", theme.css()),
        site,
        config,
        clock,
        PreviewNotes.NONE,
        MediaStore.NONE,
        null);
  }
}
