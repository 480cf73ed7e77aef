package tuangou.parser.text;

import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-character Chinese conversions backed by ICU: traditional to simplified, and toneless pinyin.
 *
 * <p>Both are memoised per character because chat text repeats a few hundred distinct characters
 * millions of times, and an ICU transliteration costs microseconds while a map hit costs nanoseconds.
 */
public final class HanScript {
  private static final Map<Character, Character> SIMPLIFIED = new ConcurrentHashMap<>();
  private static final Map<Character, String> PINYIN = new ConcurrentHashMap<>();

  private HanScript() {}

  /** The simplified form of {@code c}, or {@code c} itself when it has none or is not Han. */
  public static char toSimplified(char c) {
    if (!isHan(c)) {
      return c;
    }
    return SIMPLIFIED.computeIfAbsent(c, HanScript::simplifyUncached);
  }

  /** Toneless lower-case pinyin of a Han character (its most common reading), or empty. */
  public static String pinyin(char c) {
    if (!isHan(c)) {
      return "";
    }
    return PINYIN.computeIfAbsent(c, HanScript::pinyinUncached);
  }

  /** True for characters of the CJK unified ideograph blocks in the BMP. */
  public static boolean isHan(char c) {
    return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF')
        || (c >= '\uF900' && c <= '\uFAFF');
  }

  private static char simplifyUncached(char c) {
    String out = Transliterators.SIMPLIFY.transliterate(String.valueOf(c));
    return out.length() == 1 ? out.charAt(0) : c;
  }

  private static String pinyinUncached(char c) {
    String out = Transliterators.PINYIN.transliterate(String.valueOf(c)).trim();
    // ICU leaves characters it has no reading for untouched; those have no pinyin.
    return out.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') ? out : "";
  }

  /** Holder idiom: ICU's transliterators take ~0.5 s to load, so only on first use. */
  private static final class Transliterators {
    static final SynchronizedTransliterator SIMPLIFY =
        new SynchronizedTransliterator(Transliterator.getInstance("Traditional-Simplified"));
    static final SynchronizedTransliterator PINYIN =
        new SynchronizedTransliterator(Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));
  }

  /** ICU does not promise that one transliterator may be used from several threads at once. */
  private record SynchronizedTransliterator(Transliterator delegate) {
    synchronized String transliterate(String s) {
      return delegate.transliterate(s);
    }
  }
}
