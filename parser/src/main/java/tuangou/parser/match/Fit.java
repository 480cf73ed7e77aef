package tuangou.parser.match;

import java.util.List;

/**
 * Whether a mention that shares characters with one name of an item names that item at all.
 * Character overlap alone invents orders: {@code 草莓} shares 莓 with 蓝莓, {@code 鸡腿} shares 鸡
 * with 鸡蛋, yet each is another product. So the mention is aligned with the name, character by
 * character (a pinyin homophone counts as the same character, so 平果 and 兰莓 still line up), and
 * the places where they differ are read:
 *
 * <ul>
 *   <li>characters only the mention has (a label, a modifier such as 新鲜 or 大) or only the name
 *       has (an origin such as 云南, an abbreviation) do not change the product;
 *   <li>where both have characters of their own at the same place, the mention names another
 *       product ({@code 草|莓} against {@code 蓝|莓}, {@code 鸡|腿} against {@code 鸡|蛋}) — except
 *       before a head of two or more characters that ends both ({@code 山东|苹果} against
 *       {@code 烟台|苹果}: another origin, the same fruit);
 *   <li>a mention whose own last character is the generic 肉 where the name has a cut of its own
 *       ({@code 猪|肉} against {@code 黑猪|肋排}) is a category the item belongs to, never enough to
 *       order it alone.
 * </ul>
 *
 * Pure; the alignment is a small weighted longest-common-subsequence over a few characters.
 */
final class Fit {
  private Fit() {}

  /** How a mention relates to one name. */
  enum Verdict { SAME, CATEGORY, DIFFERENT }

  private static final double HOMOPHONE = 0.7;
  /** The one generic head: 猪肉, 牛肉, 鸡肉 name a kind of meat, not a cut. */
  static final String GENERIC_HEAD = "肉";

  static Verdict of(List<String> mention, String[] mentionPinyin, List<String> name, List<String> namePinyin) {
    int n = mention.size();
    int m = name.size();
    double[][] best = new double[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        double pair = same(mention.get(i), mentionPinyin[i], name.get(j), namePinyin.get(j));
        double take = pair > 0 ? pair + best[i + 1][j + 1] : 0;
        best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
      }
    }
    // walk the alignment, remembering the gap each side leaves before the next aligned pair
    int i = 0;
    int j = 0;
    int gapFromI = 0;
    int gapFromJ = 0;
    boolean anyAligned = false;
    while (i < n && j < m) {
      double pair = same(mention.get(i), mentionPinyin[i], name.get(j), namePinyin.get(j));
      if (pair > 0 && Math.abs(best[i][j] - (pair + best[i + 1][j + 1])) < 1e-9) {
        Verdict gap = gap(mention, gapFromI, i, gapFromJ, j, !anyAligned, name, i, j);
        if (gap != Verdict.SAME) {
          return gap;
        }
        anyAligned = true;
        i++;
        j++;
        gapFromI = i;
        gapFromJ = j;
      } else if (best[i + 1][j] >= best[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    if (!anyAligned) {
      return Verdict.DIFFERENT;
    }
    // the trailing gap: what follows the last aligned character on each side
    if (hasHan(name, gapFromJ, m)) {
      if (!hasHan(mention, gapFromI, n)) {
        return Verdict.SAME; // the name's head left out: 阳光玫瑰 for 阳光玫瑰葡萄
      }
      String own = String.join("", mention.subList(gapFromI, n).stream().filter(t -> FILLER.indexOf(t) < 0).toList());
      return own.equals(GENERIC_HEAD) ? Verdict.CATEGORY : Verdict.DIFFERENT;
    }
    // the whole name, then characters of the mention's own: a new head (苹果汁, 鸡蛋面, 蓝莓干)
    return hasHan(mention, gapFromI, n, AFTER_NAME) ? Verdict.DIFFERENT : Verdict.SAME;
  }

  /**
   * A gap before an aligned pair: both sides having characters of their own there means another
   * product, unless it is the leading gap and the rest of the name, two characters or more, is
   * aligned contiguously to its end (the shared head).
   */
  private static Verdict gap(List<String> mention, int mFrom, int mTo, int nFrom, int nTo, boolean leading,
      List<String> name, int i, int j) {
    if (!hasHan(mention, mFrom, mTo) || !hasHan(name, nFrom, nTo)) {
      return Verdict.SAME;
    }
    if (leading && name.size() - j >= 2 && mention.size() - i >= name.size() - j
        && String.join("", mention.subList(i, i + name.size() - j)).equals(String.join("", name.subList(j, name.size())))) {
      return Verdict.SAME;
    }
    return Verdict.DIFFERENT;
  }

  /** Words of the sentence left glued to a mention ({@code 奶要}, {@code 鲜肉的来}), not of a product. */
  private static final String FILLER = "的来要吧了呀啊哦噢嘛呢各也再还都就给买订拿份个只些点";
  /** After a whole name, a noun suffix, a size, a unit or a packing word makes no other product. */
  private static final String AFTER_NAME = FILLER + "子儿大小斤两克盒箱袋包瓶板串把提件装桶罐";

  /** A Han character that can belong to a product word: not filler, not a digit or spec. */
  static boolean isOwnCharacter(String token) {
    return token.length() == 1 && Character.UnicodeScript.of(token.charAt(0)) == Character.UnicodeScript.HAN
        && FILLER.indexOf(token.charAt(0)) < 0;
  }

  private static boolean hasHan(List<String> tokens, int from, int to) {
    return hasHan(tokens, from, to, FILLER);
  }

  private static boolean hasHan(List<String> tokens, int from, int to, String aside) {
    for (int k = from; k < to; k++) {
      String t = tokens.get(k);
      if (t.length() == 1 && Character.UnicodeScript.of(t.charAt(0)) == Character.UnicodeScript.HAN
          && aside.indexOf(t.charAt(0)) < 0) {
        return true;
      }
    }
    return false;
  }

  private static double same(String a, String aPinyin, String b, String bPinyin) {
    if (a.equals(b)) {
      return 1;
    }
    return !aPinyin.isEmpty() && aPinyin.equals(bPinyin) ? HOMOPHONE : 0;
  }
}
