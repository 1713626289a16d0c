package inkwell.cli;

import java.util.List;

/** The publish function's on-failure destination: events it gave up on, one message each. */
interface FailureQueue {

  /** A message: its id, the handle that deletes it, and its body (Lambda's invocation record). */
  record Message(String id, String receiptHandle, String body) {}

  /**
   * Up to ten messages, hidden from other readers for a while; empty when none is left (those
   * already received and not deleted stay hidden until their time runs out).
   */
  List<Message> receive();

  /** Deletes {@code message}: its event was applied. */
  void delete(Message message);
}
