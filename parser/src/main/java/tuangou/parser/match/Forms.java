package tuangou.parser.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import tuangou.parser.CatalogItem;
import tuangou.parser.text.TextNormalizer;

/** Names of items, with synonyms applied. */
final class Forms {
  /** A synonym written out exactly is nearly as good as the item's own name. */
  static final double SYNONYM_WEIGHT = 0.95;
  /** A synonym of a word inside a name ({@code 五花} for 黑猪五花肉): loses to an item named so exactly. */
  static final double CONTAINED_SYNONYM_WEIGHT = 0.9;
  private static final Analyzer CHARACTERS = ProductAnalyzer.characters();

  private Forms() {}

  /** The characters (and Latin or digit words) of {@code text}, as the index analyzes them. */
  static List<String> tokens(String text) {
    return tokens(CHARACTERS, text);
  }

  static List<Form> expand(List<CatalogItem> items, Synonyms synonyms) {
    List<Form> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      CatalogItem item = items.get(i);
      Map<String, Double> names = new LinkedHashMap<>();
      names.put(TextNormalizer.normalize(item.name()), 1.0);
      for (String alias : item.aliases()) {
        String a = TextNormalizer.normalize(alias);
        if (!a.isEmpty()) {
          names.put(a, 1.0);
        }
      }
      for (String own : List.copyOf(names.keySet())) {
        for (List<String> group : synonyms.groups()) {
          for (String word : group) {
            if (word.equals(own)) {
              for (String other : group) {
                names.putIfAbsent(other, SYNONYM_WEIGHT);
              }
            } else if (word.length() >= 2 && own.contains(word)) {
              // "鸡蛋面" contains 鸡蛋 but is not an egg: the substituted name ("土鸡蛋面") is as
              // good as any synonym, the group's words on their own are weaker than an item
              // that has one of them as its exact name
              // The bare words only when the word is the name's head (黑猪五花肉 is a 五花肉; 鸡蛋面 is
              // no 鸡蛋, so "鸡蛋" alone must not order the noodles).
              for (String other : group) {
                names.putIfAbsent(own.replace(word, other), SYNONYM_WEIGHT);
                if (own.endsWith(word)) {
                  names.putIfAbsent(other, CONTAINED_SYNONYM_WEIGHT);
                }
              }
            }
          }
        }
      }
      for (Map.Entry<String, Double> e : names.entrySet()) {
        Form f = new Form(i, e.getKey(), e.getValue());
        if (!f.tokens.isEmpty()) {
          out.add(f);
        }
      }
    }
    return out;
  }

  static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("c", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
