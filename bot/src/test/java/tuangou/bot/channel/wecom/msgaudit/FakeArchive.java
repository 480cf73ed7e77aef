package tuangou.bot.channel.wecom.msgaudit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An archive in memory, read the way Tencent's is: the records after a seq, at most a limit. */
final class FakeArchive implements ChatSource {
  private final List<Archived> records = new CopyOnWriteArrayList<>();
  /** The seq of every fetch, in order. */
  final List<Long> askedAfter = new CopyOnWriteArrayList<>();

  FakeArchive add(long seq, String msgId, String plaintext) {
    records.add(new Archived(seq, msgId, plaintext));
    return this;
  }

  /** A text message in a group, as the SDK decrypts it. */
  FakeArchive text(long seq, String room, String from, String content) {
    String msgId = "msg-" + seq + "-" + room;
    return add(seq, msgId, "{\"msgid\":\"" + msgId + "\",\"action\":\"send\",\"from\":\"" + from + "\",\"tolist\":[],"
        + "\"roomid\":\"" + room + "\",\"msgtime\":" + (1763812860000L + seq) + ",\"msgtype\":\"text\","
        + "\"text\":{\"content\":\"" + content + "\"}}");
  }

  @Override
  public List<Archived> fetch(long seq, int limit) {
    askedAfter.add(seq);
    return records.stream().filter(r -> r.seq() > seq).limit(limit).toList();
  }
}
