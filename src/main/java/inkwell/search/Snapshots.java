package inkwell.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene index as one object: its files, each as name, length and bytes, after a format line. The
 * index's own files are already compact (stored fields are compressed), so the object is not
 * compressed again, which keeps a cold reader's load short. Stateless.
 */
final class Snapshots {

  private static final String FORMAT = "inkwell-search-snapshot 1 lucene 9";

  private Snapshots() {}

  static byte[] pack(Directory directory) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(FORMAT);
      String[] files = directory.listAll();
      int count = 0;
      for (String file : files) {
        count += file.equals("write.lock") ? 0 : 1;
      }
      out.writeInt(count);
      byte[] buffer = new byte[64 * 1024];
      for (String file : files) {
        if (file.equals("write.lock")) {
          continue;
        }
        try (IndexInput in = directory.openInput(file, IOContext.READONCE)) {
          out.writeUTF(file);
          long length = in.length();
          out.writeLong(length);
          for (long left = length; left > 0; ) {
            int chunk = (int) Math.min(buffer.length, left);
            in.readBytes(buffer, 0, chunk);
            out.write(buffer, 0, chunk);
            left -= chunk;
          }
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack the search index: " + e.getMessage(), e);
    }
  }

  static ByteBuffersDirectory unpack(byte[] snapshot) {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      String format = in.readUTF();
      if (!format.equals(FORMAT)) {
        throw new IOException("unknown snapshot format \"" + format + "\"");
      }
      int count = in.readInt();
      byte[] buffer = new byte[64 * 1024];
      for (int i = 0; i < count; i++) {
        String file = in.readUTF();
        long length = in.readLong();
        try (IndexOutput out = directory.createOutput(file, IOContext.DEFAULT)) {
          for (long left = length; left > 0; ) {
            int chunk = (int) Math.min(buffer.length, left);
            in.readFully(buffer, 0, chunk);
            out.writeBytes(buffer, 0, chunk);
            left -= chunk;
          }
        }
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search snapshot: " + e.getMessage(), e);
    }
  }
}
