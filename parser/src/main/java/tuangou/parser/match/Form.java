package tuangou.parser.match;

import java.util.List;
import java.util.Set;
import tuangou.parser.text.HanScript;

/** One name of one item, analyzed once. */
final class Form {
  final int item;
  final String text;
  /** The text without spaces, as words are compared with it. */
  final String compact;
  final double weight;
  final List<String> tokens;
  final List<String> tokenPinyin;
  final Set<String> chars;
  final Set<String> pinyin;

  Form(int item, String text, double weight) {
    this.item = item;
    this.text = text;
    this.compact = text.replace(" ", "");
    this.weight = weight;
    this.tokens = tokens(text);
    this.tokenPinyin = tokens.stream()
        .map(t -> t.length() == 1 ? HanScript.pinyin(t.charAt(0)) : "").toList();
    this.chars = Set.copyOf(tokens);
    this.pinyin = tokenPinyin.stream().filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toSet());
  }

  private static List<String> tokens(String text) {
    return Forms.tokens(text);
  }
}
