package inkwell.preview;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;

/** The live reload's event stream, in folder mode unless turned off ({@link LiveReload}). */
@Controller
@Requires(property = PreviewBeans.FOLDER)
@Requires(property = PreviewBeans.LIVE_RELOAD, notEquals = "false")
class LiveReloadController {

  private final LiveReload reload;

  LiveReloadController(LiveReload reload) {
    this.reload = reload;
  }

  @Get(value = LiveReload.PATH, produces = MediaType.TEXT_EVENT_STREAM)
  Publisher<Event<String>> events() {
    return reload.events();
  }
}
