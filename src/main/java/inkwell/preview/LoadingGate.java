package inkwell.preview;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Until the folder is loaded, the preview answers every request with a 503 page that says {@code
 * Loading 412 of 1,000 posts} and reloads itself every second (a {@code Refresh} header and its
 * meta element: no script), so neither a person nor a script ever takes a half-loaded site for the
 * site. From the first complete load on it lets every request through.
 *
 * <p>The live-reload stream ({@link LiveReload#PATH}) is let through during the load too: a page
 * left open from the last run reconnects to it (an {@code EventSource} gives up on a 503), and the
 * load's end sends a change that reloads it into the complete site.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = PreviewBeans.FOLDER)
final class LoadingGate {

  private final LoadProgress progress;

  LoadingGate(LoadProgress progress) {
    this.progress = progress;
  }

  @RequestFilter
  @Nullable
  HttpResponse<byte[]> holdUntilLoaded(HttpRequest<?> request) {
    if (progress.isComplete() || request.getPath().equals(LiveReload.PATH)) {
      return null;
    }
    String message = message(progress.loaded(), progress.total());
    byte[] body = page(message).getBytes(StandardCharsets.UTF_8);
    return HttpResponse.<byte[]>status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
        .header("Retry-After", "1")
        .header("Refresh", "1")
        .header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'none'")
        .body(body);
  }

  /** {@code Loading 412 of 1,000 posts}; {@code Loading posts} before the files are counted. */
  static String message(int loaded, int total) {
    if (total == 0) {
      return "Loading posts";
    }
    NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    return "Loading "
        + numbers.format(loaded)
        + " of "
        + numbers.format(total)
        + (total == 1 ? " post" : " posts");
  }

  static String page(String message) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"refresh\" content=\"1\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<title>"
        + message
        + "</title></head><body><p>"
        + message
        + "…</p><p>This page reloads itself when the preview is ready.</p></body></html>";
  }
}
