package tuangou.parser.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a chain (接龙) in normalized message text and splits it into header, description,
 * example and entries. Immutable and thread-safe; build once with {@link #create()}.
 *
 * <p>Entries are numbered {@code 1. }, {@code 1、}, {@code 1)} (full-width forms are folded before),
 * may be flattened onto one line ({@code 1. 张三 2斤 2. 李四 3斤}: only the next expected number
 * splits, so {@code 2.5斤} does not), and may wrap over several lines. An example block
 * ({@code 例 …}) and organiser template rows ({@code 1. 楼号-房号 姓名 商品数量}) are not entries.
 */
public final class ChainParser {
  private static final Pattern HEADER = Pattern.compile(
      "^(#\\s*(接龙|group\\s*note)|【[^】]*接龙[^】]*】|(团购)?接龙(\\s|:|$))");
  /**
   * "1、", "1)" and "1." start an entry, also glued to a room number ("1、3-1-201", "2.5栋302"):
   * after "、" or ")" any digit is the label's, after "." only one that an address follows, so
   * that "2.5斤" stays a weight.
   */
  private static final String MARKER = "\\s*(?:[、)]|\\.(?!\\d)|\\.(?=\\d+(?:-\\d|栋|幢|座|号楼|楼|单元)))";
  private static final Pattern ENTRY_START = Pattern.compile("^(\\d{1,5})" + MARKER + "\\s*");
  private static final Pattern INLINE_MARKER = Pattern.compile("(?<=\\s|^)(\\d{1,5})" + MARKER);
  private static final Pattern EXAMPLE = Pattern.compile("^(例|例如|示例|举例|格式|模板|参考)\\s*[:：]?\\s*");
  /** Placeholders of an organiser's template row; plain contains() is far cheaper than a regex. */
  private static final List<String> TEMPLATE_WORDS = List.of(
      "楼号", "房号", "门牌", "姓名", "名字", "昵称", "商品", "数量", "品名", "规格", "份数", "几份", "产品", "单元号",
      "楼栋", "地址", "xx", "××", "***");

  private ChainParser() {}

  public static ChainParser create() {
    return new ChainParser();
  }

  /** The chain in {@code text}, or empty when the text is not one. */
  public Optional<ChainSnapshot> parse(String text) {
    String[] lines = text.split("\n");
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      return Optional.empty();
    }
    String firstLine = lines[first].trim();
    boolean formalHeader = HEADER.matcher(firstLine).find();
    boolean hasHeader = formalHeader || firstLine.contains("接龙");
    List<String> body = new ArrayList<>();
    String header = "";
    if (hasHeader) {
      Matcher inline = INLINE_MARKER.matcher(firstLine);
      if (inline.find() && inline.group(1).equals("1") && inline.start() > 0) {
        header = firstLine.substring(0, inline.start()).trim();
        body.add(firstLine.substring(inline.start()));
      } else {
        header = firstLine;
      }
      first++;
    }
    for (int i = first; i < lines.length; i++) {
      body.add(lines[i].trim());
    }
    Body parsed = parseBody(body);
    if (!hasHeader && !parsed.looksLikeBareList()) {
      return Optional.empty();
    }
    if (hasHeader && !formalHeader && parsed.numberedLines == 0) {
      return Optional.empty(); // "接龙里帮我加个苹果" mentions a chain, it is not one
    }
    return Optional.of(new ChainSnapshot(header, parsed.description, parsed.entries));
  }

  private Body parseBody(List<String> lines) {
    Body b = new Body();
    boolean inExample = false;
    boolean bareExample = false;
    boolean blankAfterEntries = false;
    StringBuilder current = null;
    int currentNumber = 0;
    for (String line : lines) {
      if (line.isEmpty()) {
        inExample = false;
        if (current != null) {
          blankAfterEntries = true;
        }
        continue;
      }
      Matcher example = EXAMPLE.matcher(line);
      if (current == null && example.find()) {
        inExample = true;
        bareExample = example.end() == line.length();
        continue;
      }
      Matcher start = ENTRY_START.matcher(line);
      boolean isEntry = start.find();
      if (inExample && (bareExample || !isEntry)) {
        continue;
      }
      inExample = false;
      if (isEntry) {
        if (current != null) {
          b.add(currentNumber, current.toString());
        }
        blankAfterEntries = false;
        int number = Integer.parseInt(start.group(1));
        List<int[]> split = splitInline(line, number);
        for (int k = 0; k < split.size() - 1; k++) {
          int[] s = split.get(k);
          b.add(s[0], line.substring(s[1], s[2]));
        }
        int[] last = split.get(split.size() - 1);
        currentNumber = last[0];
        current = new StringBuilder(line.substring(last[1], last[2]));
      } else if (current != null && !blankAfterEntries) {
        current.append(' ').append(line); // an entry wrapped over several lines
      } else if (current == null) {
        b.description.add(line);
      }
    }
    if (current != null) {
      b.add(currentNumber, current.toString());
    }
    return b;
  }

  /** {number, textStart, textEnd} of every entry on one line, split at consecutive numbers only. */
  private static List<int[]> splitInline(String line, int firstNumber) {
    List<int[]> out = new ArrayList<>();
    if (!mayHoldSecondMarker(line)) {
      Matcher first = ENTRY_START.matcher(line);
      first.find();
      out.add(new int[] {firstNumber, first.end(), line.length()});
      return out;
    }
    Matcher m = INLINE_MARKER.matcher(line);
    int expected = firstNumber;
    int number = firstNumber;
    int textStart = -1;
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (textStart < 0) {
        number = n;
        textStart = m.end();
        expected = n + 1;
        continue;
      }
      if (n == expected) {
        out.add(new int[] {number, textStart, m.start()});
        number = n;
        textStart = m.end();
        expected = n + 1;
      }
    }
    out.add(new int[] {number, textStart, line.length()});
    return out;
  }

  /** Whether a second "N." / "N、" / "N)" marker follows a space: the regex runs only then. */
  private static boolean mayHoldSecondMarker(String line) {
    for (int i = 1; i + 2 < line.length(); i++) {
      if (line.charAt(i) != ' ' || !Character.isDigit(line.charAt(i + 1))) {
        continue;
      }
      int j = i + 1;
      while (j < line.length() && Character.isDigit(line.charAt(j))) {
        j++;
      }
      while (j < line.length() && line.charAt(j) == ' ') {
        j++;
      }
      if (j < line.length() && ".、)".indexOf(line.charAt(j)) >= 0
          && (j + 1 == line.length() || !Character.isDigit(line.charAt(j + 1)) || line.charAt(j) != '.'
              || INLINE_MARKER.matcher(line).region(i + 1, line.length()).lookingAt())) {
        return true;
      }
    }
    return false;
  }

  private static final class Body {
    final List<String> description = new ArrayList<>();
    final List<ChainEntry> entries = new ArrayList<>();
    int numberedLines;
    int firstNumber = -1;

    void add(int number, String text) {
      numberedLines++;
      if (firstNumber < 0) {
        firstNumber = number;
      }
      String t = text.trim();
      if (t.isEmpty() || isTemplateRow(t)) {
        return;
      }
      entries.add(new ChainEntry(number, t));
    }

    boolean looksLikeBareList() {
      return numberedLines >= 2 && firstNumber == 1 && !entries.isEmpty();
    }

    private static boolean isTemplateRow(String text) {
      int words = 0;
      for (String w : TEMPLATE_WORDS) {
        if (text.contains(w)) {
          words++;
        }
      }
      if (words == 0) {
        return false;
      }
      boolean hasDigit = text.chars().anyMatch(Character::isDigit);
      return words >= 2 || (!hasDigit && text.length() <= 8);
    }
  }
}
