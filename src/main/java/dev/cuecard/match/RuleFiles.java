package dev.cuecard.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The matcher's rule files on the classpath (match/*.txt): one entry per line, '#' comments. */
final class RuleFiles {
  private RuleFiles() {
  }

  /** The file's lines, stripped, without blank lines and comments. */
  static List<String> lines(String resource) {
    try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
