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
 * equivalence lines: comma-separated words, {@code #} starts a comment. The shipped dictionary is
 * {@code synonyms.txt} beside this class; operators add their own with {@link #plus(Reader)}.
 */
public final class Synonyms {
  private static final String SHIPPED = "synonyms.txt";
  private final List<List<String>> groups;

  private Synonyms(List<List<String>> groups) {
    this.groups = List.copyOf(groups);
  }

  /** The dictionary shipped with tuangou. */
  public static Synonyms shipped() {
    try (InputStream in = Synonyms.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SHIPPED);
      }
      return new Synonyms(List.of()).plus(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Synonyms none() {
    return new Synonyms(List.of());
  }

  /** These groups plus the ones read from {@code reader}. */
  public Synonyms plus(Reader reader) throws IOException {
    List<List<String>> all = new ArrayList<>(groups);
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
      if (group.size() > 1) {
        all.add(group);
      }
    }
    return new Synonyms(all);
  }

  public List<List<String>> groups() {
    return groups;
  }
}
