package inkwell.testenv;

/**
 * The emulators for code that runs outside JUnit (the benchmarks in {@code inkwell.bench}): starts
 * the servers {@link Backend} chooses and stops them on {@link #close()}. Tests use {@link
 * AwsEmulators} instead, which shares one set of servers per test JVM.
 */
public final class StandaloneEmulators implements AutoCloseable {

  private final Servers servers;
  private final Emulators emulators;

  private StandaloneEmulators(Servers servers, Emulators emulators) {
    this.servers = servers;
    this.emulators = emulators;
  }

  /** Starts the servers; dynalite is found under the system property {@code inkwell.projectDir}. */
  public static StandaloneEmulators start() {
    Backend backend = Backend.fromEnvironment();
    Servers servers = backend.start();
    try {
      return new StandaloneEmulators(servers, new Emulators(backend, servers));
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
  }

  public Emulators emulators() {
    return emulators;
  }

  @Override
  public void close() {
    try {
      emulators.closeClients();
    } finally {
      servers.close();
    }
  }
}
