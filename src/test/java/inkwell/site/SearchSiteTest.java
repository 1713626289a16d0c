package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.site.view.JtePages;
import inkwell.site.view.Theme;
import inkwell.storage.MenuLink;
import inkwell.storage.PostSearch;
import inkwell.storage.SearchResults;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The search function's site frames its pages with the header's menu from the source it is given
 * (on AWS, the one the index snapshot carries), as of the time of the request.
 */
class SearchSiteTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String ABOUT = "<a href=\"/about/\"";

  private final List<Instant> asked = new ArrayList<>();
  private ApplicationContext context;

  @AfterEach
  void close() {
    if (context != null) {
      context.close();
    }
  }

  private SearchSite site(Function<Instant, List<MenuLink>> menu) {
    context = ApplicationContext.run(Map.of());
    SiteInfo info =
        new SiteInfo(
            "Menu test", "A blog", "", "", "en", ZoneOffset.UTC, Theme.load().stylesheetPath());
    PostSearch search = (query, now) -> SearchResults.none(query);
    return new SearchSite(
        search,
        menu,
        JtePages.create(),
        info,
        context.getBean(SiteConfig.class),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private SearchSite withAbout() {
    return site(
        now -> {
          asked.add(now);
          return List.of(new MenuLink("about", "About", 1));
        });
  }

  @Test
  void theSearchPagesAndErrorPagesShowTheMenuAsOfTheRequest() {
    SearchSite site = withAbout();
    assertThat(site.handle(SiteRequest.get("/search")).text()).contains(ABOUT);
    assertThat(site.handle(SiteRequest.get("/search?q=lambda")).text()).contains(ABOUT);
    SiteResponse refused = site.handle(new SiteRequest("POST", "/search", null, null, null));
    assertThat(refused.status()).isEqualTo(405);
    assertThat(refused.text()).contains(ABOUT);
    SiteResponse missing = site.handle(SiteRequest.get("/elsewhere/"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text()).contains(ABOUT);
    assertThat(asked).hasSize(4).containsOnly(NOW);
  }

  @Test
  void whenTheMenuCannotBeReadThePageGoesWithoutIt() {
    SearchSite site =
        site(
            now -> {
              throw new IllegalStateException("bucket unreachable");
            });
    SiteResponse form = site.handle(SiteRequest.get("/search"));
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.text()).contains("<h1>Search</h1>").doesNotContain(ABOUT);
  }

  @Test
  void theJsonApiNeverAsksForTheMenu() {
    SearchSite site = withAbout();
    SiteResponse api = site.handle(SiteRequest.get("/api/search?q=lambda"));
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.text()).doesNotContain("about");
    assertThat(asked).isEmpty();
  }
}
