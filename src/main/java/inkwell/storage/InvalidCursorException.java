package inkwell.storage;

/** A listing cursor that this repository did not issue or cannot read. */
public final class InvalidCursorException extends IllegalArgumentException {

  public InvalidCursorException(String message) {
    super(message);
  }
}
