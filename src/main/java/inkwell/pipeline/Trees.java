package inkwell.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.Node;

/** Walks commonmark trees without recursion, so deep trees cannot overflow the stack. */
final class Trees {

  private Trees() {}

  /** Every node under {@code root} (root included) in document order. */
  static List<Node> preOrder(Node root) {
    List<Node> nodes = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      nodes.add(node);
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        stack.push(child);
      }
    }
    return nodes;
  }

  /** The first node found more than {@code limit} levels below {@code root}, or {@code null}. */
  static Node deeperThan(Node root, int limit) {
    Deque<Node> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(0);
    while (!nodes.isEmpty()) {
      Node node = nodes.pop();
      int depth = depths.pop();
      if (depth > limit) {
        return node;
      }
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    return null;
  }
}
