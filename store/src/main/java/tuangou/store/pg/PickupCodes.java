package tuangou.store.pg;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * Draws six-digit pickup codes from {@link SecureRandom}: knowing one code tells nothing about any
 * other (the sequence formula it replaces gave the next code from the last). A drawn code is never
 * one in {@code taken}, the codes still open, so a code names one pickup wherever it is verified.
 */
final class PickupCodes {
  static final int SPACE = 1_000_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Set<String> taken;

  PickupCodes(Set<String> taken) {
    this.taken = new HashSet<>(taken);
  }

  /** A code not taken yet, and now taken. */
  String draw() {
    if (taken.size() >= SPACE / 2) {
      // half the space open at once is far beyond a city's pickups: refuse rather than loop long
      throw new IllegalStateException("too many open pickup codes: " + taken.size());
    }
    while (true) {
      String code = String.format("%06d", RANDOM.nextInt(SPACE));
      if (!guessable(code) && taken.add(code)) {
        return code;
      }
    }
  }

  /** Codes a stranger tries first: one digit six times (000000), or a run up or down (123456). */
  static boolean guessable(String code) {
    boolean same = true;
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < code.length(); i++) {
      int step = code.charAt(i) - code.charAt(i - 1);
      same &= step == 0;
      up &= step == 1;
      down &= step == -1;
    }
    return same || up || down;
  }
}
