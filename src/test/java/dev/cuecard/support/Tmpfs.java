package dev.cuecard.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small real filesystem (Linux tmpfs) that can be filled up, for full-disk tests. Mounting needs
 * root: where it is not possible the test is skipped, unless REQUIRE_TMPFS_TESTS=1 (set by
 * .ci/run), which makes it fail instead.
 */
public final class Tmpfs implements AutoCloseable {
  private final Path dir;

  private Tmpfs(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code kib} KiB on the (empty) folder {@code dir}. */
  public static Tmpfs mount(Path dir, int kib) throws IOException, InterruptedException {
    String failure;
    try {
      Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0700", "tmpfs", dir.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      failure = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "mount failed: " + out.trim();
    } catch (IOException e) {
      failure = "cannot run mount: " + e.getMessage();
    }
    if (failure != null) {
      if ("1".equals(System.getenv("REQUIRE_TMPFS_TESTS"))) {
        throw new IllegalStateException("REQUIRE_TMPFS_TESTS=1 but a tmpfs could not be mounted (" + failure + ")");
      }
      Assumptions.abort("needs a tmpfs mount (root): " + failure);
    }
    return new Tmpfs(dir);
  }

  /** Writes a filler file until the filesystem is full; returns it (delete it to free the space). */
  public Path fill() throws IOException {
    Path filler = dir.resolve("filler.bin");
    byte[] chunk = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
        out.flush();
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    return filler;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
  }
}
