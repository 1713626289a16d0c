package inkwell.pipeline;

import inkwell.post.PostError;

/** Thrown inside the pipeline when a step finds the source unusable; never escapes it. */
final class RejectedException extends RuntimeException {

  private final transient PostError error;

  RejectedException(PostError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  PostError error() {
    return error;
  }
}
