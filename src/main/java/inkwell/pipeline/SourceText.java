package inkwell.pipeline;

import inkwell.post.PostError;
import inkwell.post.PostError.Kind;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns source bytes into text: enforces the size limit, drops a UTF-8 byte order mark, rejects
 * invalid UTF-8 and NUL bytes with their position, and normalizes line endings to {@code \n}.
 */
final class SourceText {

  private SourceText() {}

  static String decode(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      throw new RejectedException(
          PostError.of(
              Kind.TOO_LARGE,
              String.format(
                  "the file is %,d bytes; the limit is %,d bytes (set INKWELL_MAX_SOURCE_BYTES to"
                      + " change it)",
                  bytes.length, maxBytes)));
    }
    int start = hasBom(bytes) ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      String before = out.flip().toString();
      throw new RejectedException(
          PostError.at(
              Kind.NOT_UTF8,
              lineOf(before, before.length()),
              columnOf(before, before.length()),
              String.format(
                  "the file is not valid UTF-8 (bad byte 0x%02X at byte offset %d); save it as"
                      + " UTF-8",
                  bytes[in.position()] & 0xFF, in.position())));
    }
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new RejectedException(
          PostError.at(
              Kind.NUL_BYTE,
              lineOf(text, nul),
              columnOf(text, nul),
              "the file contains a NUL byte; is it a binary file?"));
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static boolean hasBom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  /** 1-based line of {@code index} in {@code text}; CRLF counts as one line break. */
  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** 1-based column of {@code index} in {@code text}. */
  static int columnOf(String text, int index) {
    int lineStart = Math.max(text.lastIndexOf('\n', index - 1), text.lastIndexOf('\r', index - 1));
    return index - lineStart;
  }
}
