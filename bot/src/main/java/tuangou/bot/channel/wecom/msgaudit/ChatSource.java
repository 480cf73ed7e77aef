package tuangou.bot.channel.wecom.msgaudit;

import java.util.List;

/**
 * Where archived records come from: Tencent's native Finance SDK in production
 * ({@link FinanceChatSource}), a scripted list in tests. The seam exists because the SDK is a
 * native library that only runs where Tencent's binaries are installed.
 */
@FunctionalInterface
public interface ChatSource {

  /**
   * Up to {@code limit} records after {@code seq}, decrypted, in seq order. Blocking: called on
   * a worker thread.
   *
   * @throws Unavailable when the SDK cannot run here at all (its library does not load)
   * @throws Exception for a failure worth retrying (network, Tencent's error codes)
   */
  List<Archived> fetch(long seq, int limit) throws Exception;

  /**
   * One archived record.
   *
   * @param plaintext the decrypted JSON, or null when it could not be decrypted (the mapper then
   *     reports it unreadable, and the reader moves past it)
   */
  record Archived(long seq, String msgId, String plaintext) {}

  /** The SDK cannot run on this machine; retrying will not help. */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
