package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankException;
import dev.cuecard.bank.BankLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The matcher in use, rebuilt when a user bank file changes. A broken file leaves the previous
 * matcher serving; the problem is kept for /health and logged. Reloads are blocking: run them
 * on a worker thread.
 */
public final class LiveBank implements Supplier<Matcher> {
  private static final Logger LOG = Logger.getLogger(LiveBank.class.getName());

  private final boolean bundled;
  private final List<Path> dirs;
  private final double threshold;
  /** The matcher in use and the typed-slip reader of the same bank, swapped together. */
  private record Loaded(Matcher matcher, Typos typos) {
  }

  private final AtomicReference<Loaded> current = new AtomicReference<>();
  private final AtomicReference<SemanticIndex> semantic = new AtomicReference<>();
  private final boolean semanticEnabled;
  private volatile String error;
  private volatile long loadedAt;
  private String fingerprint;

  /** Loads the bank and builds the first matcher; a broken bank fails start-up. */
  public LiveBank(boolean bundled, List<Path> dirs, double threshold, boolean semanticEnabled) {
    this.semanticEnabled = semanticEnabled;
    this.bundled = bundled;
    this.dirs = List.copyOf(dirs);
    this.threshold = threshold;
    this.fingerprint = fingerprint();
    current.set(build());
  }

  private Loaded build() {
    Bank bank = BankLoader.load(bundled, dirs);
    Loaded loaded = new Loaded(new Matcher(bank, threshold), Typos.of(bank));
    loadedAt = System.currentTimeMillis();
    return loaded;
  }

  /**
   * Runs the bank's own phrasings through the matcher so the JIT has compiled the hot path before
   * real questions arrive; done in the background after start-up, not before it.
   */
  public void warmUp() {
    get().warmUp();
  }

  @Override
  public Matcher get() {
    return current.get().matcher();
  }

  public Bank bank() {
    return get().bank();
  }

  /** Slips of the keyboard in typed text, read against the current bank's words. */
  public Typos typos() {
    return current.get().typos();
  }

  /**
   * The semantic fallback for the current bank, once built (see {@link #buildSemantic}); empty
   * while it is being built, when switched off, or right after a reload until it catches up.
   */
  public Optional<SemanticIndex> semantic() {
    SemanticIndex s = semantic.get();
    return s != null && s.lexical() == get() ? Optional.of(s) : Optional.empty();
  }

  /** Embeds the current bank for the semantic fallback (seconds; blocking, run it on a worker). */
  public synchronized void buildSemantic() {
    if (!semanticEnabled) {
      return;
    }
    Matcher m = get();
    if (semantic().isEmpty()) {
      long t0 = System.nanoTime();
      semantic.set(SemanticIndex.build(m));
      LOG.info("semantic matching ready for " + m.bank().size() + " cards in "
          + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
  }

  /** The last reload problem, or null when the loaded bank matches the files. */
  public String error() {
    return error;
  }

  public long loadedAt() {
    return loadedAt;
  }

  /** Re-indexes when any bank file was added, removed or changed; true when a new matcher was swapped in. */
  public synchronized boolean reloadIfChanged() {
    String now = fingerprint();
    if (now.equals(fingerprint)) {
      return false;
    }
    fingerprint = now;
    try {
      Loaded loaded = build();
      current.set(loaded);
      error = null;
      LOG.info("question bank reloaded: " + loaded.matcher().bank().size() + " cards");
      buildSemantic();
      return true;
    } catch (BankException | IllegalStateException e) {
      error = e.getMessage();
      LOG.warning("question bank not reloaded, the previous one keeps serving: " + e.getMessage());
      return false;
    }
  }

  /** Names, sizes and modification times of every bank file, as one string. */
  private String fingerprint() {
    StringBuilder sb = new StringBuilder();
    for (Path dir : dirs) {
      sb.append(dir).append('|');
      if (!Files.isDirectory(dir)) {
        sb.append("missing;");
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted()
            .forEach(p -> {
              try {
                sb.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                    .append(Files.getLastModifiedTime(p).toMillis()).append(';');
              } catch (IOException e) {
                sb.append(p.getFileName()).append(":unreadable;");
              }
            });
      } catch (IOException e) {
        sb.append("unlistable;");
      }
    }
    return sb.toString();
  }
}
