package tuangou.parser.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import tuangou.parser.CatalogItem;
import tuangou.parser.text.HanScript;
import tuangou.parser.text.TextNormalizer;

/**
 * The items of one campaign, indexed with Lucene so that a mention finds the item it names.
 * Immutable and thread-safe; build once per catalog with {@link #of(List, Synonyms)}.
 *
 * <p>Every name, alias and synonym of an item is one document, indexed by character and by
 * pinyin. Lucene retrieves candidates; each is then scored by how much of the mention the name
 * covers and how much of the name the mention covers, a homophone character counting less than
 * the right one. A mention that matches nothing well, or two items about equally well, is not
 * guessed.
 *
 * <p>Overlap is not enough to order, so no order is invented from a partial or generic match:
 * a candidate name is aligned with the mention ({@link Fit}) and dropped when the mention has a
 * product word of its own there ({@code 草莓} against 蓝莓); a mention ending in a dictionary
 * product word names only items that have that word ({@code 鸡蛋} is not 鸡蛋面's); and a mention
 * that is a kind or a category of two or more items ({@code 苹果} over 红富士苹果 and 青苹果,
 * {@code 猪肉} over two pork cuts) is asked about, whatever the lengths of their names.
 */
public final class ProductIndex {
  static final double ACCEPT = 0.5;
  static final double MARGIN = 0.12;
  private static final double HOMOPHONE = 0.7;
  /** A partial overlap with a synonym is weak evidence, so it loses to own names. */
  private static final double PARTIAL_SYNONYM_WEIGHT = 0.85;
  /** Below this a form shares too little with a mention to be aligned with it at all. */
  private static final double NEAR = 0.25;
  private static final int MAX_QUERY_TOKENS = 48;
  private static final int CANDIDATES = 64;

  private final List<CatalogItem> items;
  private final List<Form> forms;
  /** The forms longest first, for {@link #findAll}: sorted once, not per call. */
  private final List<Form> formsLongestFirst;
  private final Map<Integer, CatalogItem> byNo;

  /**
   * Built on the first mention that is not an exact name or alias: building a Lucene index costs a
   * short replay a good part of its start, and a chat that names items exactly never needs it.
   */
  private final Searcher searcher;
  private final Lexicon lexicon;
  /** Each name and alias written exactly, with the items that have it. */
  private final Map<String, Set<Integer>> ownNames;
  /** Residents write the same few words all evening; a result depends only on the text. */
  private final Map<String, MatchResult> recent = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int RECENT_LIMIT = 20_000;

  /** Product words of the dictionary (two characters or more): a mention ending in one names that product. */
  private final Set<String> productWords;
  private final int longestProductWord;
  /** Dictionary product words that no item of this campaign has in any of its names. */
  private final List<String> foreignWords;
  /** Each item's forms, to tell whether a product word is one of its own. */
  private final List<List<Form>> formsOfItem;

  private ProductIndex(List<CatalogItem> items, List<Form> forms, Searcher searcher, Set<String> words) {
    this.items = List.copyOf(items);
    this.forms = List.copyOf(forms);
    List<Form> byLength = new ArrayList<>(forms);
    byLength.sort(Comparator.comparingInt((Form f) -> f.text.length()).reversed());
    this.formsLongestFirst = List.copyOf(byLength);
    Set<String> productWords = new HashSet<>();
    for (String w : words) {
      String word = w.replace(" ", "");
      if (word.length() >= 2) {
        productWords.add(word);
      }
    }
    this.productWords = Set.copyOf(productWords);
    this.longestProductWord = productWords.stream().mapToInt(String::length).max().orElse(0);
    List<List<Form>> byItem = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      byItem.add(new ArrayList<>());
    }
    for (Form f : forms) {
      byItem.get(f.item).add(f);
    }
    this.formsOfItem = byItem.stream().map(List::copyOf).toList();
    Set<String> foreign = new HashSet<>(this.productWords);
    for (Form f : forms) {
      String text = f.text.replace(" ", "");
      foreign.removeIf(text::contains);
    }
    this.foreignWords = List.copyOf(foreign);
    this.searcher = searcher;
    this.lexicon = Lexicon.of(this.items, this.forms);
    Map<String, Set<Integer>> own = new HashMap<>();
    for (Form f : forms) {
      if (f.weight == 1.0) {
        own.computeIfAbsent(f.text, k -> new HashSet<>()).add(f.item);
      }
    }
    this.ownNames = Map.copyOf(own);
    Map<Integer, CatalogItem> numbers = new HashMap<>();
    for (CatalogItem item : items) {
      numbers.putIfAbsent(item.no(), item);
    }
    this.byNo = Map.copyOf(numbers);
  }

  /** An index of {@code items} with the shipped synonym dictionary. */
  public static ProductIndex of(List<CatalogItem> items) {
    return of(items, Synonyms.shipped());
  }

  public static ProductIndex of(List<CatalogItem> items, Synonyms synonyms) {
    List<Form> forms = Forms.expand(items, synonyms);
    return new ProductIndex(items, forms, new Searcher(forms), synonyms.words());
  }

  /** Every form as one Lucene document, indexed by character and by pinyin; built once, when first asked. */
  private static final class Searcher {
    private final List<Form> forms;
    private volatile IndexSearcher built;

    Searcher(List<Form> forms) {
      this.forms = forms;
    }

    IndexSearcher get() {
      IndexSearcher s = built;
      if (s == null) {
        synchronized (this) {
          s = built;
          if (s == null) {
            s = build(forms);
            built = s;
          }
        }
      }
      return s;
    }

    private static IndexSearcher build(List<Form> forms) {
      Map<String, Analyzer> perField = Map.of("c", ProductAnalyzer.characters(), "p", ProductAnalyzer.pinyin());
      Analyzer analyzer = new PerFieldAnalyzerWrapper(ProductAnalyzer.characters(), perField);
      try {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
          for (int i = 0; i < forms.size(); i++) {
            Document doc = new Document();
            doc.add(new TextField("c", forms.get(i).text, Field.Store.NO));
            doc.add(new TextField("p", forms.get(i).text, Field.Store.NO));
            writer.addDocument(doc);
          }
          writer.forceMerge(1);
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        // one segment, no deletions: a document's id is its form's index, so no stored fields needed
        if (reader.leaves().size() > 1 || reader.maxDoc() != forms.size()) {
          throw new IllegalStateException("product index is not one dense segment");
        }
        return new IndexSearcher(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public List<CatalogItem> items() {
    return items;
  }

  /** The items' names as a dictionary to find in running text. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * True when {@code text} holds a product word of the dictionary that none of these items has
   * ({@code 草莓} when only 蓝莓 is on sale): such words are an order of something not on sale, never
   * a label beside a one-product chain's item.
   */
  public boolean namesOtherProduct(String text) {
    String t = TextNormalizer.normalize(text).replace(" ", "");
    for (String word : foreignWords) {
      if (t.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The item with deal number {@code no}. */
  public Optional<CatalogItem> byDealNo(int no) {
    return Optional.ofNullable(byNo.get(no));
  }

  /** The item one of whose names is exactly {@code text} (normalized), if only one has it. */
  public Optional<CatalogItem> exact(String text) {
    Set<Integer> found = ownNames.getOrDefault(TextNormalizer.normalize(text), Set.of());
    return found.size() == 1 ? Optional.of(items.get(found.iterator().next())) : Optional.empty();
  }

  /**
   * The items named in {@code text} by one of their names written out in full, in order of
   * appearance, longest name first where names overlap ({@code 蓝莓草莓各1盒}, a one-product
   * chain's description).
   */
  public List<CatalogItem> findAll(String text) {
    String t = TextNormalizer.normalize(text);
    boolean[] taken = new boolean[t.length()];
    Map<Integer, CatalogItem> found = new java.util.TreeMap<>();
    for (Form f : formsLongestFirst) {
      if (f.text.length() < 2) {
        continue;
      }
      int at = t.indexOf(f.text);
      while (at >= 0) {
        if (!anyTaken(taken, at, at + f.text.length())) {
          java.util.Arrays.fill(taken, at, at + f.text.length(), true);
          CatalogItem item = items.get(f.item);
          if (!found.containsValue(item)) {
            found.put(at, item);
          }
        }
        at = t.indexOf(f.text, at + 1);
      }
    }
    return List.copyOf(found.values());
  }

  /** The item {@code product} names; {@code spec} words ({@code 125g}) break ties. */
  public MatchResult match(String product, String spec) {
    String key = product + '\u0000' + (spec == null ? "" : spec);
    MatchResult known = recent.get(key);
    if (known != null) {
      return known;
    }
    MatchResult result = matchUncached(product, spec);
    if (recent.size() >= RECENT_LIMIT) {
      recent.clear(); // crude, but bounded; the hot words come straight back
    }
    recent.put(key, result);
    return result;
  }

  private MatchResult matchUncached(String product, String spec) {
    String query = TextNormalizer.normalize(product);
    List<String> tokens = Forms.tokens(query);
    if (tokens.isEmpty()) {
      return new MatchResult.Unmatched(MatchResult.Reason.UNKNOWN, List.of());
    }
    if (tokens.size() > MAX_QUERY_TOKENS) {
      tokens = tokens.subList(0, MAX_QUERY_TOKENS);
    }
    Optional<CatalogItem> own = exact(query);
    if (own.isPresent()) {
      return new MatchResult.Matched(own.get(), 1.0); // an exact name or alias outranks any synonym
    }
    Candidates found = scoreCandidates(query, tokens);
    // "苹果" with 红富士苹果 and 青苹果 on sale is a kind of each, whichever name is shorter; "猪肉"
    // with 黑猪五花肉 and 黑猪肋排 a category over both, whichever shares more characters
    for (Set<Integer> general : List.of(found.kinds, found.category)) {
      if (general.size() > 1) {
        List<CatalogItem> all = byScore(general, found.best);
        Optional<CatalogItem> bySpec = bySpec(all, spec);
        return bySpec.<MatchResult>map(item -> new MatchResult.Matched(item, found.best.getOrDefault(
                items.indexOf(item), ACCEPT)))
            .orElseGet(() -> new MatchResult.Unmatched(MatchResult.Reason.AMBIGUOUS, all));
      }
    }
    Map<Integer, Double> best = new LinkedHashMap<>(found.best);
    String head = productWordEnding(tokens);
    if (head != null) {
      // "草莓" is a product of its own: it names no item that does not have it as its own word
      best.keySet().removeIf(item -> !ownsWord(item, head));
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(best.entrySet());
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
    if (ranked.isEmpty() || ranked.get(0).getValue() < ACCEPT) {
      List<CatalogItem> near = found.near.stream().limit(3).map(items::get).toList();
      return new MatchResult.Unmatched(MatchResult.Reason.UNKNOWN, near);
    }
    double top = ranked.get(0).getValue();
    List<CatalogItem> tied = ranked.stream().filter(e -> e.getValue() > top - MARGIN)
        .map(e -> items.get(e.getKey())).toList();
    if (tied.size() == 1) {
      return new MatchResult.Matched(tied.get(0), Math.min(1.0, top));
    }
    List<CatalogItem> written = tied.stream().filter(i -> found.literal.contains(items.indexOf(i))).toList();
    if (written.size() == 1) {
      // "红富士" with 红富士苹果 and 青苹果: the name that has it written out beats the dictionary,
      // which lists 红富士 beside 苹果 and so gives it to every apple
      return new MatchResult.Matched(written.get(0), Math.min(1.0, top));
    }
    Optional<CatalogItem> bySpec = bySpec(tied, spec);
    if (bySpec.isPresent()) {
      return new MatchResult.Matched(bySpec.get(), Math.min(1.0, top));
    }
    return new MatchResult.Unmatched(MatchResult.Reason.AMBIGUOUS, tied);
  }

  private List<CatalogItem> byScore(Set<Integer> chosen, Map<Integer, Double> scores) {
    List<Integer> order = new ArrayList<>(chosen);
    order.sort(Comparator.comparingDouble((Integer i) -> -scores.getOrDefault(i, 0.0)).thenComparing(i -> i));
    return order.stream().map(items::get).toList();
  }

  /** The longest dictionary product word the mention ends with, filler and digits after it aside. */
  private String productWordEnding(List<String> tokens) {
    int end = tokens.size();
    while (end > 0 && !Fit.isOwnCharacter(tokens.get(end - 1))) {
      end--;
    }
    StringBuilder core = new StringBuilder();
    for (int k = 0; k < end; k++) {
      core.append(tokens.get(k));
    }
    for (int len = Math.min(longestProductWord, core.length()); len >= 2; len--) {
      String tail = core.substring(core.length() - len);
      if (productWords.contains(tail)) {
        return tail;
      }
    }
    return null;
  }

  /**
   * True when the item's own name or alias ends with {@code word} (苹果 is 烟台苹果's, 鸡蛋 is not
   * 鸡蛋面's) or the dictionary gives it the word itself (橙子 for 脐橙). A synonym's longer form
   * does not lend its tail: 洋柿子 makes 西红柿 no 柿子.
   */
  private boolean ownsWord(int item, String word) {
    for (Form f : formsOfItem.get(item)) {
      if (f.compact.equals(word) || (f.weight == 1.0 && f.compact.endsWith(word))) {
        return true;
      }
    }
    return false;
  }

  /** The items a mention may name, and those it names only as a kind or a category of theirs. */
  private static final class Candidates {
    /** Best score per item over the forms the mention fits. */
    final Map<Integer, Double> best = new LinkedHashMap<>();
    /** Items whose own name or alias ends with the whole mention: each is a kind of it. */
    final Set<Integer> kinds = new java.util.TreeSet<>();
    /** Items whose own name or alias has the mention written out in it. */
    final Set<Integer> literal = new java.util.TreeSet<>();
    /** Items the mention names only as their category ("猪肉" for 黑猪肋排 and 黑猪五花肉). */
    final Set<Integer> category = new java.util.TreeSet<>();
    /** Items that came close, best first, fitting or not: the suggestions of a question back. */
    final List<Integer> near = new ArrayList<>();
  }

  /** Lucene finds the forms sharing a character or a sound; each is scored and aligned with the mention. */
  private Candidates scoreCandidates(String query, List<String> tokens) {
    String[] pinyin = new String[tokens.size()];
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String tok = tokens.get(i);
      pinyin[i] = tok.length() == 1 ? HanScript.pinyin(tok.charAt(0)) : "";
      if (seen.add("c" + tok)) {
        q.add(new ConstantScoreQuery(new TermQuery(new Term("c", tok))), BooleanClause.Occur.SHOULD);
      }
      if (!pinyin[i].isEmpty() && seen.add("p" + pinyin[i])) {
        q.add(new ConstantScoreQuery(new TermQuery(new Term("p", pinyin[i]))), BooleanClause.Occur.SHOULD);
      }
    }
    String compact = query.replace(" ", "");
    // "猪肉", "牛肉": what comes before the generic 肉 is the animal every cut of it shares
    String animal = compact.length() >= 2 && compact.endsWith(Fit.GENERIC_HEAD)
        ? compact.substring(0, compact.length() - 1) : null;
    Candidates found = new Candidates();
    Map<Integer, Double> nearScores = new LinkedHashMap<>();
    try {
      Query mention = new Query(tokens, pinyin);
      for (ScoreDoc hit : searcher.get().search(q.build(), CANDIDATES).scoreDocs) {
        Form form = forms.get(hit.doc);
        double partialWeight = form.weight < 1.0 ? PARTIAL_SYNONYM_WEIGHT : 1.0;
        boolean same = form.text.equals(query);
        double score = same ? form.weight : partialWeight * mention.coverage(form);
        if (score < NEAR) {
          continue; // too little in common to be meant, a kind or a category: not worth aligning
        }
        nearScores.merge(form.item, score, Math::max);
        Fit.Verdict verdict = same ? Fit.Verdict.SAME : Fit.of(tokens, pinyin, form.tokens, form.tokenPinyin);
        if (verdict == Fit.Verdict.CATEGORY) {
          found.category.add(form.item);
          continue;
        }
        if (verdict == Fit.Verdict.DIFFERENT) {
          continue;
        }
        String text = form.compact;
        if (animal != null && text.contains(animal)) {
          found.category.add(form.item);
        }
        if (form.weight == 1.0 && text.contains(compact)) {
          found.literal.add(form.item);
          if (text.length() > compact.length() && text.endsWith(compact)) {
            found.kinds.add(form.item);
          }
        }
        found.best.merge(form.item, score, Math::max);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory index does no real I/O
    }
    nearScores.entrySet().stream().filter(e -> e.getValue() >= ACCEPT * 0.7)
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
        .forEach(e -> found.near.add(e.getKey()));
    return found;
  }

  /** A mention's characters and their pinyin, analyzed once and scored against each candidate. */
  private record Query(List<String> tokens, String[] pinyin, Set<String> chars, Set<String> syllables) {
    Query(List<String> tokens, String[] pinyin) {
      this(tokens, pinyin, new HashSet<>(tokens), syllables(pinyin));
    }

    private static Set<String> syllables(String[] pinyin) {
      Set<String> out = new HashSet<>();
      for (String p : pinyin) {
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
      return out;
    }

    /** Half how much of the mention the form covers, half how much of the form the mention covers. */
    double coverage(Form form) {
      double queryCovered = 0;
      for (int i = 0; i < tokens.size(); i++) {
        if (form.chars.contains(tokens.get(i))) {
          queryCovered += 1;
        } else if (!pinyin[i].isEmpty() && form.pinyin.contains(pinyin[i])) {
          queryCovered += HOMOPHONE;
        }
      }
      double formCovered = 0;
      for (int i = 0; i < form.tokens.size(); i++) {
        if (chars.contains(form.tokens.get(i))) {
          formCovered += 1;
        } else if (!form.tokenPinyin.get(i).isEmpty() && syllables.contains(form.tokenPinyin.get(i))) {
          formCovered += HOMOPHONE;
        }
      }
      return 0.5 * queryCovered / tokens.size() + 0.5 * formCovered / form.tokens.size();
    }
  }

  private static Optional<CatalogItem> bySpec(List<CatalogItem> tied, String spec) {
    if (spec == null || spec.isBlank()) {
      return Optional.empty();
    }
    String want = TextNormalizer.normalize(spec).replace(" ", "");
    List<CatalogItem> fits = tied.stream()
        .filter(i -> TextNormalizer.normalize(i.spec()).replace(" ", "").contains(want))
        .toList();
    return fits.size() == 1 ? Optional.of(fits.get(0)) : Optional.empty();
  }

  private static boolean anyTaken(boolean[] taken, int from, int to) {
    for (int i = from; i < to; i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }
}
