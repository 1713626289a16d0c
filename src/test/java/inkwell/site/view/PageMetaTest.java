package inkwell.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Head metadata worked out for the templates. */
class PageMetaTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://cdn.example.net/a.png, https://cdn.example.net/a.png",
    "http://img.example.net/a.png, http://img.example.net/a.png",
    "/images/cover.png, https://blog.example.com/images/cover.png",
    "cover.png, https://blog.example.com/2024/hello/cover.png",
    "../shared/cover.png, https://blog.example.com/2024/shared/cover.png",
    "images/a%20b.png, https://blog.example.com/2024/hello/images/a%20b.png",
    "has space.png, "
  })
  void coverImagesBecomeAbsoluteUrls(String image, String absolute) {
    assertThat(PageMeta.absoluteImage(Samples.site(), "/2024/hello/", image)).isEqualTo(absolute);
  }
}
