package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a request was sent, read from the headers API Gateway and {@code sam local} set, and
 * whether it came through the template's CDN.
 */
class SiteRequestTest {

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        // API Gateway: the API's own domain, or a custom domain mapped to it, over https
        "https, abc123.execute-api.eu-west-1.amazonaws.com, https://abc123.execute-api.eu-west-1.amazonaws.com",
        "https, Blog.Example.COM, https://blog.example.com",
        // sam local start-api: plain http, the address and port it listens on
        "http, 127.0.0.1:3000, http://127.0.0.1:3000",
        "HTTP, localhost:3000, http://localhost:3000",
        "null, '[::1]:3000', https://[::1]:3000",
        // anything but http means https
        "null, blog.example.com, https://blog.example.com",
        "gopher, blog.example.com, https://blog.example.com",
        // not a host name: ignored, so nothing a client makes up reaches a page
        "https, null, null",
        "https, '', null",
        "https, evil.example/<script>, null",
        "https, 'a b', null",
        "https, blog.example.com:99999999, null",
        "https, user@blog.example.com, null",
        "https, -blog.example.com, null",
      })
  void theOriginComesFromTheForwardedProtocolAndTheHost(String proto, String host, String origin) {
    assertThat(SiteRequest.origin(proto, host)).isEqualTo(origin);
  }

  /** What the template's distribution sends as X-Inkwell-Cdn-Key (its cache policy's id). */
  private static final String CDN_KEY = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

  @Test
  void whetherARequestCameThroughTheCdnIsTheKeyAndNothingElse() {
    assertThat(SiteRequest.fromCdn(CDN_KEY, CDN_KEY)).isTrue();
    assertThat(SiteRequest.fromCdn(" " + CDN_KEY + " ", CDN_KEY)).isTrue();
    assertThat(SiteRequest.fromCdn(null, CDN_KEY)).isFalse();
    assertThat(SiteRequest.fromCdn("other", CDN_KEY)).isFalse();
    assertThat(SiteRequest.fromCdn(CDN_KEY + "x", CDN_KEY)).isFalse();
    assertThat(SiteRequest.fromCdn("", "")).as("no key configured: no CDN").isFalse();
    assertThat(SiteRequest.fromCdn(CDN_KEY, null)).isFalse();
  }
}
