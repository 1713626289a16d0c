package inkwell.site;

import java.util.Objects;

/** A static file the site serves at a fingerprinted path, cached by browsers for a year. */
record Asset(String path, String contentType, byte[] bytes) {

  public Asset {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }
}
