package tuangou.bot.channel.wecom.msgaudit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A 接龙 record's structured body turned into the text residents see in the group, so that the
 * chain parser reads it like any chain: header, title and description, example, then numbered
 * entries ({@code 1. 3-1-201 张三 苹果2斤}).
 *
 * <p>The body's shape is an assumption until a real record is recorded: Tencent's document 91774
 * lists a 接龙消息 section, but WxJava 4.7.3.B has no bean for it and its fields could not be
 * confirmed. Read here: {@code "solitaire": {"title", "desc", "example", "item": [{"userid",
 * "content"}]}}, following the archive's own conventions (the body is named after the msgtype,
 * lists are {@code item}, ids are {@code userid}). A record of another shape loses only its
 * entries or authors; one of another msgtype is skipped as unsupported and shows in the log.
 */
final class SolitaireText {
  static final String MSG_TYPE = "solitaire";
  /** The header every chain starts with; the chain parser keys on it. */
  static final String HEADER = "#接龙";
  private static final String EXAMPLE = "例";

  /** @param authors the author of each entry, in order; empty unless every entry names one */
  record Chain(String text, List<String> authors) {}

  private SolitaireText() {}

  static Chain read(JsonNode body) {
    String title = MsgAuditMapper.string(body, "title").strip();
    String desc = MsgAuditMapper.string(body, "desc").strip();
    String example = MsgAuditMapper.string(body, "example").strip();
    List<String> entries = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    boolean everyAuthorKnown = true;
    for (JsonNode item : body.path("item")) {
      String content = MsgAuditMapper.string(item, "content").strip();
      if (content.isEmpty()) {
        continue;
      }
      entries.add(content);
      String author = MsgAuditMapper.string(item, "userid");
      if (author.isEmpty()) {
        author = MsgAuditMapper.string(item, "from");
      }
      everyAuthorKnown &= !author.isEmpty();
      authors.add(author);
    }
    if (title.isEmpty() && desc.isEmpty() && entries.isEmpty()) {
      return new Chain("", List.of());
    }
    List<String> lines = new ArrayList<>();
    if (title.startsWith("#")) {
      lines.add(title); // the organiser already wrote the header, e.g. "#接龙 周五水果"
    } else {
      lines.add(HEADER);
      if (!title.isEmpty()) {
        lines.add(title);
      }
    }
    if (!desc.isEmpty()) {
      lines.add(desc);
    }
    if (!example.isEmpty()) {
      lines.add(example.startsWith(EXAMPLE) ? example : EXAMPLE + " " + example);
    }
    if (!entries.isEmpty()) {
      lines.add("");
      for (int i = 0; i < entries.size(); i++) {
        lines.add((i + 1) + ". " + entries.get(i));
      }
    }
    // one entry without an author and attribution cannot be trusted: the pipeline infers instead
    return new Chain(String.join("\n", lines), everyAuthorKnown ? List.copyOf(authors) : List.of());
  }
}
