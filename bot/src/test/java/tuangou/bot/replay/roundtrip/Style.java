package tuangou.bot.replay.roundtrip;

/**
 * The ways residents write an order that the generator renders, one dimension at a time. The first
 * style of each dimension is the plain one ({@code 1. 3-1-201 张三 苹果2斤}); a message is rendered
 * with one style of every dimension.
 */
enum Style {
  // how the order is posted
  CHAIN_ENTRY(Dimension.FORM, "接龙 entry: 1. 3-1-201 张三 苹果2斤"),
  FLATTENED_CHAIN(Dimension.FORM, "the whole chain on one line: #接龙 … 1. … 2. …"),
  FREE_TEXT(Dimension.FORM, "free text: 苹果2斤"),
  FREE_TEXT_VERB_FIRST(Dimension.FORM, "free text, verb and amount first: 我要两斤苹果"),
  FREE_TEXT_PLUS(Dimension.FORM, "free text: 苹果+1, 香蕉+2"),
  // chain entry numbers
  NUMBER_DOT_SPACED(Dimension.NUMBERING, "1. 3-1-201"),
  NUMBER_DOT_GLUED(Dimension.NUMBERING, "1.3-1-201"),
  NUMBER_COMMA_SPACED(Dimension.NUMBERING, "1、 3-1-201"),
  NUMBER_COMMA_GLUED(Dimension.NUMBERING, "1、3-1-201"),
  NUMBER_FULL_WIDTH(Dimension.NUMBERING, "１．3-1-201"),
  NUMBER_PAREN(Dimension.NUMBERING, "1)3-1-201 or 1）"),
  // who
  LABEL_ROOM_NAME(Dimension.LABEL, "3-1-201 张三"),
  LABEL_ROOM_NAME_GLUED(Dimension.LABEL, "3-1-201张三"),
  LABEL_BUILDING_UNIT(Dimension.LABEL, "5号楼1单元301 王姐 / 12栋302 李"),
  LABEL_NAME_ROOM(Dimension.LABEL, "张三 3-1-201"),
  LABEL_NAME_ONLY(Dimension.LABEL, "张三 (or nothing in free text)"),
  LABEL_EMOJI_NAME(Dimension.LABEL, "🌸小美 6-203"),
  // between items
  SEP_COMMA(Dimension.SEPARATOR, "，"),
  SEP_SEMICOLON(Dimension.SEPARATOR, "；"),
  SEP_SLASH(Dimension.SEPARATOR, "/"),
  SEP_AMPERSAND(Dimension.SEPARATOR, "&"),
  SEP_PLUS(Dimension.SEPARATOR, "+"),
  SEP_ENUMERATION_COMMA(Dimension.SEPARATOR, "、"),
  SEP_SPACE(Dimension.SEPARATOR, "a space"),
  SEP_ASCII_COMMA(Dimension.SEPARATOR, ", (ASCII)"),
  // how much
  QTY_ARABIC_UNIT(Dimension.QUANTITY, "苹果2斤"),
  QTY_BEFORE_NAME(Dimension.QUANTITY, "2斤苹果"),
  QTY_BARE_NUMBER(Dimension.QUANTITY, "苹果2"),
  QTY_FULL_WIDTH_DIGITS(Dimension.QUANTITY, "苹果２斤"),
  QTY_CHINESE_NUMERAL(Dimension.QUANTITY, "苹果两斤, 十二盒"),
  QTY_LIA_SA(Dimension.QUANTITY, "豆腐要俩, 来仨"),
  QTY_TIMES_X(Dimension.QUANTITY, "苹果x2"),
  QTY_TIMES_CROSS(Dimension.QUANTITY, "苹果×2"),
  QTY_TIMES_STAR(Dimension.QUANTITY, "苹果*2"),
  QTY_PORTIONS(Dimension.QUANTITY, "蓝莓2份 (count items)"),
  QTY_DEFAULT_ONE(Dimension.QUANTITY, "no amount: one of the unit"),
  QTY_JIN_AND_HALF(Dimension.QUANTITY, "两斤半, 1斤半, 半斤 (斤 items)"),
  QTY_JIN_AND_LIANG(Dimension.QUANTITY, "1斤2两, 3两 (斤 items)"),
  QTY_GRAMS(Dimension.QUANTITY, "500克, 750g (斤 items)"),
  QTY_KILOGRAMS(Dimension.QUANTITY, "1公斤, 2kg (斤 items)"),
  QTY_EACH(Dimension.QUANTITY, "蓝莓、猕猴桃各2盒"),
  // which item
  NAME_ALIAS(Dimension.NAME, "苹果"),
  NAME_FULL(Dimension.NAME, "烟台红富士苹果"),
  NAME_SYNONYM(Dimension.NAME, "番茄 for 西红柿 (shipped dictionary)"),
  NAME_PINYIN_TYPO(Dimension.NAME, "平果, 香焦 (homophone typo)"),
  NAME_DEAL_NUMBER(Dimension.NAME, "3号×2, #3 2份"),
  // around the order
  FILLER_NONE(Dimension.FILLER, "nothing around the order"),
  FILLER_POLITE_BEFORE(Dimension.FILLER, "麻烦团长 …"),
  FILLER_THANKS_AFTER(Dimension.FILLER, "… 谢谢🙏"),
  FILLER_PARTICLE_AFTER(Dimension.FILLER, "… 哈 / 呀 / ～"),
  FILLER_BOTH(Dimension.FILLER, "团长好 … 辛苦啦[抱拳]"),
  // notes
  NOTE_NONE(Dimension.NOTE, "no note"),
  NOTE_AFTER_ITEMS(Dimension.NOTE, "… 要瘦一点的"),
  // what is ordered
  ITEMS_OTHER_UNITS(Dimension.ITEMS, "items sold by the 斤, 盒, 袋, 把, 瓶, 提, 卷, 箱, 桶"),
  ITEMS_SOLD_BY_THE_KUAI(Dimension.ITEMS, "at least one item sold by the 块: 豆腐3块, 香皂两块"),
  // script
  SCRIPT_SIMPLIFIED(Dimension.SCRIPT, "简体"),
  SCRIPT_TRADITIONAL(Dimension.SCRIPT, "繁體: 蘋果兩斤");

  /** One axis of variation; a message has exactly one style of each. */
  enum Dimension { FORM, NUMBERING, LABEL, SEPARATOR, QUANTITY, NAME, FILLER, NOTE, ITEMS, SCRIPT }

  final Dimension dimension;
  final String example;

  Style(Dimension dimension, String example) {
    this.dimension = dimension;
    this.example = example;
  }

  /** The plain style of a dimension. */
  static Style plain(Dimension d) {
    for (Style s : values()) {
      if (s.dimension == d) {
        return s;
      }
    }
    throw new IllegalArgumentException(d.name());
  }

  static java.util.List<Style> of(Dimension d) {
    return java.util.Arrays.stream(values()).filter(s -> s.dimension == d).toList();
  }
}
