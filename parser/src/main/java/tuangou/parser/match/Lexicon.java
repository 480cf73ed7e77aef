package tuangou.parser.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tuangou.parser.CatalogItem;
import tuangou.parser.text.HanScript;

/**
 * The names of one campaign's items as a dictionary matched over a message: where in a text the
 * items are named. It is built from the same forms as {@link ProductIndex} (names, aliases,
 * synonym expansions), plus their toneless pinyin for homophone typos ({@code 水较} for 水饺).
 * Immutable and thread-safe.
 *
 * <p>Reading finds these spans first; quantities attach to them and what is left is label, note
 * or chatter. At each position the longest name wins ({@code 鸡蛋面} over {@code 鸡蛋}). Among the
 * items a span names, an exact name or alias outranks a synonym expansion, and a spelled name
 * outranks a homophone; items still tied are all kept, so that the span is asked about, never
 * guessed.
 */
public final class Lexicon {
  /** Shorter names are too often part of ordinary words (奶, 包) to be read as a product alone. */
  private static final int MIN_LENGTH = 2;
  private static final double HOMOPHONE_WEIGHT = 0.7;

  private final List<CatalogItem> items;
  private final Map<String, Map<Integer, Double>> exact;
  private final Map<String, Map<Integer, Double>> homophones;
  /** The names written out behind each homophone key, to tell a typo from a different word. */
  private final Map<String, List<String>> spelled;
  private final int maxLength;
  /** The catalog's own one-character names and aliases (姜 of 生姜), too short to match inside text. */
  private final java.util.Set<String> shortNames;

  /** One place in a text that names one or more items (more than one: ask which). */
  public record Span(int start, int end, List<CatalogItem> items, boolean homophone) {
    public Span {
      items = List.copyOf(items);
    }

    public boolean ambiguous() {
      return items.size() > 1;
    }
  }

  private Lexicon(List<CatalogItem> items, Map<String, Map<Integer, Double>> exact,
      Map<String, Map<Integer, Double>> homophones, Map<String, List<String>> spelled, int maxLength,
      java.util.Set<String> shortNames) {
    this.items = items;
    this.shortNames = shortNames;
    this.exact = exact;
    this.homophones = homophones;
    this.spelled = spelled;
    this.maxLength = maxLength;
  }

  static Lexicon of(List<CatalogItem> items, List<Form> forms) {
    Map<String, Map<Integer, Double>> exact = new HashMap<>();
    Map<String, Map<Integer, Double>> homophones = new HashMap<>();
    Map<String, List<String>> spelled = new HashMap<>();
    int max = 0;
    java.util.Set<String> shortNames = new java.util.HashSet<>();
    for (Form f : forms) {
      String text = f.text.replace(" ", "");
      if (text.length() < MIN_LENGTH) {
        if (text.length() == 1 && f.weight >= 1.0) {
          shortNames.add(text);
        }
        continue;
      }
      max = Math.max(max, text.length());
      exact.computeIfAbsent(text, k -> new HashMap<>()).merge(f.item, f.weight, Math::max);
      String key = pinyinKey(text, 0, text.length());
      if (key != null) {
        homophones.computeIfAbsent(key, k -> new HashMap<>()).merge(f.item, f.weight * HOMOPHONE_WEIGHT, Math::max);
        List<String> texts = spelled.computeIfAbsent(key, k -> new ArrayList<>());
        if (!texts.contains(text)) {
          texts.add(text);
        }
      }
    }
    return new Lexicon(List.copyOf(items), exact, homophones, spelled, max, java.util.Set.copyOf(shortNames));
  }

  /** The spans of {@code text} (normalized) that name items, left to right, not overlapping. */
  public List<Span> spans(String text) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Span found = longestAt(text, i);
      if (found == null) {
        i++;
      } else {
        Span last = out.isEmpty() ? null : out.get(out.size() - 1);
        Span joined = last == null || last.end() != found.start() ? null : joined(last, found);
        if (joined != null) {
          out.set(out.size() - 1, joined);
        } else {
          out.add(found);
        }
        i = found.end();
      }
    }
    return out;
  }

  /**
   * Two names written together that share an item name that item ({@code 冰糖心苹果}: 冰糖心 is one
   * variety, 苹果 fits both, so together they are the variety); null when they share none
   * ({@code 蓝莓草莓} is two items).
   */
  private static Span joined(Span a, Span b) {
    List<CatalogItem> both = new ArrayList<>(a.items());
    both.retainAll(b.items());
    if (both.isEmpty()) {
      return null;
    }
    return new Span(a.start(), b.end(), both, a.homophone() && b.homophone());
  }

  /**
   * True when {@code word} is, whole, one item's own one-character name or alias: it names the item
   * only where a message is about one item and nothing else ({@code 姜先不要了}), never inside text.
   */
  public boolean isShortName(String word) {
    return shortNames.contains(word);
  }

  /** True when some part of {@code text} names an item. */
  public boolean namesAny(String text) {
    return !spans(text).isEmpty();
  }

  private Span longestAt(String text, int from) {
    int longest = Math.min(maxLength, text.length() - from);
    for (int len = longest; len >= MIN_LENGTH; len--) {
      Map<Integer, Double> hit = exact.get(text.substring(from, from + len));
      boolean homophone = hit == null;
      if (hit == null) {
        String key = pinyinKey(text, from, from + len);
        hit = key == null ? null : homophones.get(key);
        if (hit != null && !sharesCharacter(text, from, len, key, hit)) {
          hit = null; // all sounds alike but no character in common: a different word
        }
      }
      if (hit != null) {
        return new Span(from, from + len, best(hit), homophone);
      }
    }
    return null;
  }

  /** Only the names that sound like the written word are compared: those behind the same key. */
  private boolean sharesCharacter(String text, int from, int len, String key, Map<Integer, Double> hit) {
    for (String name : spelled.getOrDefault(key, List.of())) {
      if (name.length() == len && exact.get(name).keySet().stream().anyMatch(hit::containsKey)) {
        for (int k = 0; k < len; k++) {
          if (name.charAt(k) == text.charAt(from + k)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private List<CatalogItem> best(Map<Integer, Double> weights) {
    double top = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<Integer, CatalogItem> tied = new TreeMap<>();
    weights.forEach((item, w) -> {
      if (w >= top - 1e-9) {
        tied.put(item, items.get(item));
      }
    });
    return List.copyOf(tied.values());
  }

  private static String pinyinKey(String text, int from, int to) {
    StringBuilder key = new StringBuilder();
    for (int i = from; i < to; i++) {
      String p = HanScript.pinyin(text.charAt(i));
      if (p.isEmpty()) {
        return null;
      }
      key.append(p).append(' ');
    }
    return key.toString();
  }
}
