package inkwell.config;

import inkwell.pipeline.Permalinks;
import inkwell.pipeline.PostPipeline;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The beans every entry point shares: the pipeline and the clock. */
@Factory
class CoreBeans {

  @Singleton
  PostPipeline pipeline(BlogConfig config) {
    return PostPipeline.builder()
        .postsPrefix(config.getPostsPrefix())
        .pagesPrefix(config.getPagesPrefix())
        .maxSourceBytes(config.getMaxSourceBytes())
        .zone(zone(config.getTimeZone()))
        .permalinks(Permalinks.parse(config.getPermalinks()))
        .build();
  }

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new IllegalStateException(
          "INKWELL_TIME_ZONE \""
              + name
              + "\" is not a time zone; use an IANA name like Europe/Berlin",
          e);
    }
  }
}
