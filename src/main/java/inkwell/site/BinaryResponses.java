package inkwell.site;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.BinaryTypeConfiguration;
import jakarta.inject.Singleton;

/**
 * Treats every response as binary in the API Gateway adapter: bodies are sent base64-encoded and
 * API Gateway decodes them, so a gzipped HTML page is not mangled into text on the way. (The
 * adapter decides by content type alone and would otherwise read gzip bytes as UTF-8.)
 */
@Singleton
@Replaces(BinaryTypeConfiguration.class)
class BinaryResponses extends BinaryTypeConfiguration {

  @Override
  public boolean isMediaTypeBinary(String mediaType) {
    return true;
  }
}
