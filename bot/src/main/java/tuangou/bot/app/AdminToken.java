package tuangou.bot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The admin API's bearer token: configured, or generated once into the data directory. */
final class AdminToken {
  private AdminToken() {}

  /** The token, and whether it was generated just now (then it is printed once). */
  record Token(String value, boolean generated) {}

  static Token resolve(String configured, Path dataDir) {
    if (!configured.isBlank()) {
      return new Token(configured.trim(), false);
    }
    Path file = dataDir.resolve("admin-token");
    try {
      if (Files.isRegularFile(file)) {
        return new Token(Files.readString(file, StandardCharsets.UTF_8).trim(), false);
      }
      Files.createDirectories(dataDir);
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      String token = HexFormat.of().formatHex(bytes);
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the file keeps the directory's permissions
      }
      return new Token(token, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }
}
