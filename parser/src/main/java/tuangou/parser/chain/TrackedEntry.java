package tuangou.parser.chain;

/**
 * An entry of a chain's last known state, with the sender it is attributed to.
 *
 * @param seq stable identity within the chain, kept across re-posts and renumbering; order lines
 *     made from the entry point to it
 * @param text the entry text as last posted
 * @param author the sender whose message added the entry (or WeChat's own attribution)
 */
public record TrackedEntry(long seq, String text, String author) {
  public String key() {
    return ChainEntry.key(text);
  }
}
