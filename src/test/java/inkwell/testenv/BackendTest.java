package inkwell.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** INKWELL_TEST_BACKEND picks the servers; without it, Docker's presence does. */
class BackendTest {

  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;

  private static final BooleanSupplier MUST_NOT_ASK =
      () -> {
        throw new AssertionError("Docker was probed although the backend was forced");
      };

  @Test
  void withoutTheSwitchLocalStackIsChosenWhereDockerRuns() {
    assertThat(Backend.choose(null, DOCKER)).isEqualTo(Backend.LOCALSTACK);
    assertThat(Backend.choose("", DOCKER)).isEqualTo(Backend.LOCALSTACK);
    assertThat(Backend.choose("auto", DOCKER)).isEqualTo(Backend.LOCALSTACK);
  }

  @Test
  void withoutTheSwitchTheEmbeddedServersAreChosenWhereDockerIsMissing() {
    assertThat(Backend.choose(null, NO_DOCKER)).isEqualTo(Backend.EMBEDDED);
    assertThat(Backend.choose("auto", NO_DOCKER)).isEqualTo(Backend.EMBEDDED);
  }

  @Test
  void theSwitchForcesEitherBackendWithoutProbingDocker() {
    assertThat(Backend.choose("embedded", MUST_NOT_ASK)).isEqualTo(Backend.EMBEDDED);
    assertThat(Backend.choose(" LocalStack ", MUST_NOT_ASK)).isEqualTo(Backend.LOCALSTACK);
  }

  @Test
  void anUnknownSwitchValueIsRejectedNamingTheAllowedOnes() {
    assertThatThrownBy(() -> Backend.choose("docker", DOCKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INKWELL_TEST_BACKEND=docker")
        .hasMessageContaining("auto, embedded, localstack");
  }
}
