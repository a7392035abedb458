package dev.cuecard.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One server per data directory: an exclusive lock on {@code <data>/cuecard.lock}, held while
 * the server runs, with the holder's PID and port written inside. The operating system drops the
 * lock when the process ends however it ends (a {@code kill -9} included), so a stale file never
 * blocks a restart; a second server on the same directory is refused with the holder named,
 * instead of running a second set of in-memory rooms over one database.
 */
public final class DataDirLock implements AutoCloseable {
  public static final String FILE = "cuecard.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final long pid = ProcessHandle.current().pid();

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or fails with a message naming the server that holds it. Blocking. */
  public static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    FileChannel ch = null;
    try {
      Files.createDirectories(dataDir);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException inThisJvm) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip().replace('\n', ' ');
        ch.close();
        throw new StoreException("data directory " + dataDir.toAbsolutePath() + " is in use by another Cuecard"
            + " server (" + (holder.isEmpty() ? "starting" : holder) + "; lock file " + file.toAbsolutePath()
            + "); stop that server or choose another data.dir", null);
      }
      DataDirLock l = new DataDirLock(ch, lock);
      l.write(0);
      return l;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new StoreException("cannot lock data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** Records the port the server listens on, for the message a second server gets. */
  public void write(int port) {
    String text = "pid " + pid + (port > 0 ? ", port " + port : "") + ", since " + Instant.now() + "\n";
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      // the lock itself is what protects the directory; the text only helps the message
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        channel.truncate(0);
        lock.release();
      }
    } catch (IOException ignored) {
      // closing the channel below releases the lock in any case
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }
}
