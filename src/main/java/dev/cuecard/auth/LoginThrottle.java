package dev.cuecard.auth;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Slows down password guessing. Each client address has a token bucket of attempts (login,
 * registration, password change), and each username a count of wrong passwords in a row: after
 * {@code freeFailures} of them the name is locked for 2 s, then 4, 8 ... up to 15 minutes, until
 * a right password. Unknown usernames are counted exactly like real ones, so a lock says nothing
 * about whether an account exists. Registrations have their own hourly budget per address.
 *
 * <p>All state is in memory on this node (in a cluster, each node throttles on its own, so the
 * allowance is per node), bounded by {@link #MAX_ENTRIES} per map and swept of idle entries.
 */
public final class LoginThrottle {
  static final int MAX_ENTRIES = 100_000;
  static final long MAX_LOCK_MS = 15 * 60_000;
  private static final long IDLE_MS = 60 * 60_000;

  private final double attemptsPerMs;
  private final double burst;
  private final int freeFailures;
  private final double registrationsPerMs;
  private final double registrationBurst;
  private final Map<String, Bucket> addresses = new HashMap<>();
  private final Map<String, Bucket> registrations = new HashMap<>();
  private final Map<String, Failures> names = new HashMap<>();

  public LoginThrottle(int attemptsPerMinute, int freeFailures, int registrationsPerHour) {
    this.attemptsPerMs = attemptsPerMinute / 60_000.0;
    this.burst = attemptsPerMinute * 2.0;
    this.freeFailures = freeFailures;
    this.registrationsPerMs = registrationsPerHour / 3_600_000.0;
    this.registrationBurst = registrationsPerHour;
  }

  /** 0 when an attempt for this name from this address may go ahead now, else the seconds to wait. */
  public synchronized long attempt(String address, String username, long now) {
    Failures f = username == null ? null : names.get(username);
    if (f != null && f.lockedUntil > now) {
      return seconds(f.lockedUntil - now);
    }
    return take(addresses, address, now, attemptsPerMs, burst);
  }

  /** 0 when this address may register an account now, else the seconds to wait. */
  public synchronized long register(String address, long now) {
    long wait = take(addresses, address, now, attemptsPerMs, burst);
    return wait > 0 ? wait : take(registrations, address, now, registrationsPerMs, registrationBurst);
  }

  public synchronized void failed(String username, long now) {
    if (names.size() >= MAX_ENTRIES && !names.containsKey(username)) {
      sweep(now);
    }
    Failures f = names.computeIfAbsent(username, k -> new Failures());
    f.count++;
    f.last = now;
    if (f.count >= freeFailures) {
      int doublings = Math.min(20, f.count - freeFailures + 1);
      f.lockedUntil = now + Math.min(MAX_LOCK_MS, 1000L << doublings);
    }
  }

  public synchronized void succeeded(String username) {
    names.remove(username);
  }

  /** Drops entries idle for an hour (and, past the size cap, the oldest), so memory stays bounded. */
  public synchronized void sweep(long now) {
    sweep(addresses, now);
    sweep(registrations, now);
    names.values().removeIf(f -> f.lockedUntil < now && now - f.last > IDLE_MS);
    trim(names.entrySet().iterator(), names.size());
  }

  private static void sweep(Map<String, Bucket> map, long now) {
    map.values().removeIf(b -> now - b.last > IDLE_MS);
    trim(map.entrySet().iterator(), map.size());
  }

  private static void trim(Iterator<?> it, int size) {
    for (int over = size - MAX_ENTRIES; over > 0 && it.hasNext(); over--) {
      it.next();
      it.remove();
    }
  }

  private long take(Map<String, Bucket> map, String key, long now, double perMs, double max) {
    if (map.size() >= MAX_ENTRIES && !map.containsKey(key)) {
      sweep(map, now);
    }
    Bucket b = map.computeIfAbsent(key, k -> new Bucket(max, now));
    b.tokens = Math.min(max, b.tokens + (now - b.last) * perMs);
    b.last = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return seconds((long) Math.ceil((1 - b.tokens) / perMs));
  }

  private static long seconds(long ms) {
    return Math.max(1, (ms + 999) / 1000);
  }

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }
  }

  private static final class Failures {
    int count;
    long last;
    long lockedUntil;
  }
}
