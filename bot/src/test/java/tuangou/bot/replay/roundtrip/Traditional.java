package tuangou.bot.replay.roundtrip;

import java.util.HashMap;
import java.util.Map;

/**
 * Simplified to traditional, one character at a time, for the characters the generator writes: what a
 * resident on a Hong Kong or Taiwan phone types. {@code RoundTripTablesTest} checks every pair
 * against the parser's own table.
 */
final class Traditional {
  /** Pairs: simplified then traditional. */
  static final String PAIRS = "苹蘋鸡雞猪豬红紅黄黃卤鹵针針蓝藍猕獼脐臍车車纸紙洁潔垃垃圾圾"
      + "两兩块塊个個来來谢謝团團长長烦煩号號楼樓单單张張刘劉陈陳杨楊赵趙钟鍾"
      + "风風猫貓鲁魯赣贛云雲烟煙台臺养養纯純硫硫龙龍绿綠门門点點给給帮幫"
      + "头頭发發买買这這还還时時晚晚仑侖苏蘇层層厚厚卷捲桶桶"
      + "斤斤盒盒袋袋瓶瓶箱箱辛辛苦苦罗羅萝蘿伟偉梅梅李李钟鍾阿阿姨姨奶奶"
      + "刚剛让讓别別剁剁挑挑鲜鮮边邊从從卫衛鱼魚颗顆间間问問吗嗎没沒钱錢记記坏壞退退统統计計收收买買过過";

  static final Map<Character, Character> MAP = new HashMap<>();

  static {
    for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
      MAP.put(PAIRS.charAt(i), PAIRS.charAt(i + 1));
    }
  }

  private Traditional() {}

  static String of(String simplified) {
    StringBuilder out = new StringBuilder(simplified.length());
    for (char c : simplified.toCharArray()) {
      out.append(MAP.getOrDefault(c, c));
    }
    return out.toString();
  }
}
