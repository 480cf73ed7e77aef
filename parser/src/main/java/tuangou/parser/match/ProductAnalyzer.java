package tuangou.parser.match;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analysis chain of product names and mentions: width folding, then the standard
 * tokenizer (one token per Han character, Latin and digit runs as words), lower case, and for the
 * pinyin field one pinyin syllable per Han character. Single characters rather than words
 * because product names are short and residents abbreviate freely ({@code 蓝莓} for
 * {@code 云南蓝莓}).
 */
final class ProductAnalyzer extends Analyzer {
  private final boolean pinyin;

  private ProductAnalyzer(boolean pinyin) {
    this.pinyin = pinyin;
  }

  static ProductAnalyzer characters() {
    return new ProductAnalyzer(false);
  }

  static ProductAnalyzer pinyin() {
    return new ProductAnalyzer(true);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new CJKWidthCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    if (pinyin) {
      result = new PinyinFilter(result);
    }
    return new TokenStreamComponents(source, result);
  }
}
