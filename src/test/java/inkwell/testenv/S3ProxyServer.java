package inkwell.testenv;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy serving the S3 API from jclouds' in-memory {@code transient} blob store, on a free port
 * of 127.0.0.1, checking AWS signatures against the dummy credentials.
 */
final class S3ProxyServer implements AutoCloseable {

  private final BlobStoreContext store;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyServer(BlobStoreContext store, S3Proxy proxy) {
    this.store = store;
    this.proxy = proxy;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  static S3ProxyServer start() {
    BlobStoreContext store =
        ContextBuilder.newBuilder("transient")
            .credentials("unused", "unused")
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4,
                AwsClients.ACCESS_KEY_ID,
                AwsClients.SECRET_ACCESS_KEY)
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      store.close();
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    if (!"STARTED".equals(proxy.getState())) {
      stop(proxy);
      store.close();
      throw new IllegalStateException("S3Proxy is " + proxy.getState() + " after start()");
    }
    return new S3ProxyServer(store, proxy);
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      stop(proxy);
    } finally {
      store.close();
    }
  }

  private static void stop(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
