package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tag index and the error pages. */
class TagIndexAndErrorPageTest {

  @Nested
  class TagIndex {

    @Test
    void theHeadingIsTags() {
      RenderedPage page = RenderedPage.tagIndex(Samples.tagIndex());
      assertThat(page.one("h1").text()).isEqualTo("Tags");
      assertThat(page.one("title").text()).isEqualTo("Tags · Inkwell Notes");
      assertThat(page.one("link[rel=canonical]").attr("href"))
          .isEqualTo("https://blog.example.com/tags/");
    }

    @Test
    void everyTagLinksToItsPageWithItsCount() {
      RenderedPage page = RenderedPage.tagIndex(Samples.tagIndex());
      assertThat(page.doc().select(".tag-index a").eachAttr("href"))
          .containsExactly("/tags/aws-lambda/", "/tags/java/", "/tags/serverless/");
      assertThat(page.doc().select(".tag-index li").eachText())
          .containsExactly("AWS Lambda 1 post", "Java 12 posts", "Serverless 3 posts");
    }

    @Test
    void theTagsNavLinkIsMarkedCurrent() {
      RenderedPage page = RenderedPage.tagIndex(Samples.tagIndex());
      assertThat(page.one("nav[aria-label=Site] a[aria-current=page]").text()).isEqualTo("Tags");
    }

    @Test
    void withoutTagsItSaysSo() {
      RenderedPage page = RenderedPage.tagIndex(new TagIndexView(Samples.site(), List.of()));
      assertThat(page.one("main .empty").text()).isEqualTo("No tags yet.");
      assertThat(page.doc().select(".tag-index")).isEmpty();
    }
  }

  @Nested
  class ErrorPage {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"404, Page not found", "410, Gone", "400, Bad request", "405, Method not allowed"})
    void theStatusIsInTheTitleAndTheHeadingIsTheH1(int status, String heading) {
      RenderedPage page =
          RenderedPage.error(new ErrorView(Samples.site(), status, heading, "Explanation."));
      assertThat(page.one("title").text()).isEqualTo(status + " " + heading + " · Inkwell Notes");
      assertThat(page.one("h1").text()).isEqualTo(heading);
      assertThat(page.one(".error-page .status").text()).isEqualTo("Error " + status);
    }

    @Test
    void theMessageIsShownWithALinkHome() {
      RenderedPage page = RenderedPage.error(Samples.notFound());
      assertThat(page.one(".error-page").text()).contains(Samples.notFound().message());
      assertThat(page.one(".error-page a").attr("href")).isEqualTo("/");
      assertThat(page.meta("description")).isEqualTo(Samples.notFound().message());
    }

    @Test
    void anErrorPageHasNoCanonicalUrlAndAsksNotToBeIndexed() {
      RenderedPage page = RenderedPage.error(Samples.notFound());
      assertThat(page.doc().select("link[rel=canonical], meta[property=og:url]")).isEmpty();
      assertThat(page.meta("robots")).isEqualTo("noindex");
    }
  }
}
