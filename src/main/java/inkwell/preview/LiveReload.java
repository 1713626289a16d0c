package inkwell.preview;

import inkwell.site.PageScript;
import io.micronaut.http.sse.Event;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The preview's live reload: every page the preview serves carries {@link #SCRIPT}, which listens
 * on {@link #PATH} (Server-Sent Events) and reloads the page, keeping its scroll position, when the
 * folder changes. A page whose file has an error reloads into that error (the preview's pages show
 * it at the post's address), and into the post once the file is fixed. Thread-safe.
 */
public final class LiveReload {

  /** Where pages listen. Preview only: the site function has no such route. */
  public static final String PATH = "/_inkwell/reload";

  /**
   * The page's side, inline (allowed by its hash in the preview's Content-Security-Policy): on a
   * {@code change} event, remember the scroll position for this address and reload; after a load,
   * go back to a remembered position.
   */
  static final PageScript SCRIPT =
      new PageScript(
          "(function(){var k='inkwell-scroll:'+location.pathname+location.search;"
              + "var y=sessionStorage.getItem(k);"
              + "if(y!==null){sessionStorage.removeItem(k);window.scrollTo(0,+y);}"
              + "var s=new EventSource('"
              + PATH
              + "');"
              + "s.addEventListener('change',function(){"
              + "sessionStorage.setItem(k,String(window.scrollY));s.close();location.reload();});"
              + "})();");

  private final Sinks.Many<Event<String>> changes = Sinks.many().multicast().directBestEffort();
  private final AtomicLong version = new AtomicLong();

  /** The folder changed and the site shows it: tell every open page. */
  public void changed() {
    long next = version.incrementAndGet();
    changes.tryEmitNext(Event.of(Long.toString(next)).name("change").id(Long.toString(next)));
  }

  /** The events for one page: a {@code change} after each change from now on. */
  Publisher<Event<String>> events() {
    // A first comment makes the browser's EventSource open at once.
    return Flux.concat(Flux.just(Event.of("").comment("listening")), changes.asFlux());
  }
}
