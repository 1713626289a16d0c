package inkwell.bench;

import inkwell.testenv.EmulatorAwsSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * For handlers run inside the benchmark JVM: adds a {@link CapacityMeter} to the clients that
 * {@link EmulatorAwsSettings} points at the emulators (it attaches every interceptor bean). Active
 * only when {@value #METER} is set, so no test context ever sees it.
 */
@Factory
@Requires(property = BenchAwsClients.METER)
class BenchAwsClients {

  static final String METER = "inkwell.bench.capacity-meter";

  @Singleton
  CapacityMeter capacityMeter() {
    return new CapacityMeter();
  }
}
