package tuangou.parser.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tuangou.parser.text.TextNormalizer;

/**
 * Groups of words that name the same product ({@code 西红柿,番茄}). The file format is Solr's
 * equivalence lines: comma-separated words, {@code #} starts a comment; a line of one word names a
 * product of its own ({@code 树莓}), known so that it is never read as another. The shipped dictionary is
 * {@code synonyms.txt} beside this class; operators add their own with {@link #plus(Reader)}.
 */
public final class Synonyms {
  private static final String SHIPPED = "synonyms.txt";
  private final List<List<String>> groups;
  /** Every product word of the dictionary, a line of one word included ({@code 树莓}: a product of its own). */
  private final java.util.Set<String> words;

  private Synonyms(List<List<String>> groups, java.util.Set<String> words) {
    this.groups = List.copyOf(groups);
    this.words = java.util.Set.copyOf(words);
  }

  /** The dictionary shipped with tuangou. */
  public static Synonyms shipped() {
    try (InputStream in = Synonyms.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SHIPPED);
      }
      return none().plus(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Synonyms none() {
    return new Synonyms(List.of(), java.util.Set.of());
  }

  /** These groups plus the ones read from {@code reader}. */
  public Synonyms plus(Reader reader) throws IOException {
    List<List<String>> all = new ArrayList<>(groups);
    java.util.Set<String> known = new java.util.HashSet<>(words);
    BufferedReader lines = new BufferedReader(reader);
    String line;
    while ((line = lines.readLine()) != null) {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (content.isEmpty()) {
        continue;
      }
      List<String> group = Arrays.stream(content.split("[,，]"))
          .map(TextNormalizer::normalize)
          .map(String::trim)
          .filter(w -> !w.isEmpty())
          .distinct()
          .toList();
      known.addAll(group);
      if (group.size() > 1) {
        all.add(group);
      }
    }
    return new Synonyms(all, known);
  }

  /**
   * Every word the dictionary knows as a product. A mention that is one of them names that
   * product and no other: {@code 草莓} is not a kind of 蓝莓 however much they share.
   */
  public java.util.Set<String> words() {
    return words;
  }

  public List<List<String>> groups() {
    return groups;
  }
}
