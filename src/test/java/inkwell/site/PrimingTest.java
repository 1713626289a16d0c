package inkwell.site;

import static org.assertj.core.api.Assertions.assertThat;

import inkwell.testenv.AwsEmulators;
import inkwell.testenv.EmulatorAwsSettings;
import inkwell.testenv.Emulators;
import inkwell.testenv.RequestCounter;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The site warms its request path while it initialises, without a storage request. */
@ExtendWith(AwsEmulators.class)
class PrimingTest {

  private static Map<String, Object> properties(Emulators emulators) {
    return EmulatorAwsSettings.onEmulators(
        emulators, Emulators.uniqueName("priming"), Emulators.uniqueName("priming"));
  }

  @Test
  void theSiteIsPrimedDuringConstructionWithoutAStorageRequest(Emulators emulators) {
    // Neither the bucket nor the table exists: any storage request would fail and be counted.
    try (SiteHandler handler =
        new SiteHandler(ApplicationContext.builder().properties(properties(emulators)).start())) {
      RequestCounter requests = handler.getApplicationContext().getBean(RequestCounter.class);
      assertThat(requests.operations()).isEmpty();
      assertThat(handler.getApplicationContext().findBean(SiteService.class)).isPresent();
      assertThat(Priming.prime(handler)).containsExactly(405, 200);
      assertThat(requests.operations()).isEmpty();
    }
  }

  @Test
  void aSiteThatCannotStartItsServiceStillConstructs(Emulators emulators) {
    Map<String, Object> properties = properties(emulators);
    properties.remove("inkwell.table");
    try (SiteHandler handler =
        new SiteHandler(ApplicationContext.builder().properties(properties).start())) {
      // The missing setting shows on the requests, not as a failed initialisation.
      assertThat(Priming.prime(handler)).allMatch(status -> status >= 500);
    }
  }
}
