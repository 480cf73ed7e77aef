package tuangou.parser.match;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import tuangou.parser.text.HanScript;

/**
 * Replaces each single Han character token by its toneless pinyin and drops every other token,
 * so that homophone typos from pinyin input ({@code 平果}, {@code 香焦}) meet the right product.
 */
final class PinyinFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  PinyinFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      if (term.length() == 1) {
        String pinyin = HanScript.pinyin(term.charAt(0));
        if (!pinyin.isEmpty()) {
          term.setEmpty().append(pinyin);
          return true;
        }
      }
    }
    return false;
  }
}
