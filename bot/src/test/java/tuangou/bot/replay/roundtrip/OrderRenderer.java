package tuangou.bot.replay.roundtrip;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import tuangou.bot.replay.roundtrip.RoundTripCatalogs.Catalog;
import tuangou.bot.replay.roundtrip.Residents.Resident;
import tuangou.bot.replay.roundtrip.Style.Dimension;
import tuangou.parser.CatalogItem;

/**
 * Renders random orders as residents write them: a chain (each resident re-posts the list with
 * their entry added) or one free-text message per resident, each resident in their own styles.
 * Every rendering is one a careful 团长 reads back as exactly the orders generated.
 */
final class OrderRenderer {
  /** Picks the style of a dimension for one resident (or, for {@link Dimension#FORM}, a scenario). */
  interface Chooser {
    Style pick(Dimension d, Random r);
  }

  /** Every dimension at random. */
  static final Chooser ANY = (d, r) -> pickOne(Style.of(d), r);

  /** The plain style everywhere but {@code focus}'s dimension. */
  static Chooser isolating(Style focus) {
    return (d, r) -> d == focus.dimension ? focus : Style.plain(d);
  }

  private static final List<String> HEADERS = List.of("#接龙 %s", "#接龍 %s", "【%s接龙】", "#Group Note %s",
      "#接龙\n%s");
  private static final List<String> DESCRIPTIONS = List.of("今晚8点截单，明天下午4点后自提",
      "截单时间：今晚9点 到货后群里通知", "明天中午12点截单，后天到货");
  private static final List<String> POLITE = List.of("麻烦团长", "团长", "团长好，", "@团长 ", "辛苦团长 ");
  private static final List<String> THANKS = List.of("谢谢🙏", "谢谢团长", "谢谢", "辛苦啦[抱拳]", "谢谢啦😊");
  private static final List<String> PARTICLES = List.of("哈", "呀", "～", "哈哈", "哦");
  private static final List<String> VERBS = List.of("我要", "要", "来", "帮我留", "给我来");

  private final Random r;
  private final Chooser chooser;

  OrderRenderer(Random r, Chooser chooser) {
    this.r = r;
    this.chooser = chooser;
  }

  /** A scenario: one catalog, one form, one to four residents. */
  Scenario render(Catalog catalog) {
    Style form = chooser.pick(Dimension.FORM, r);
    boolean chain = form == Style.CHAIN_ENTRY || form == Style.FLATTENED_CHAIN;
    List<Resident> people = new ArrayList<>(Residents.ALL);
    java.util.Collections.shuffle(people, r);
    int count = 1 + r.nextInt(chain ? 4 : 3);
    Map<String, Map<String, BigDecimal>> expected = new LinkedHashMap<>();
    Map<String, List<String>> notes = new LinkedHashMap<>();
    List<Scenario.Post> posts = new ArrayList<>();
    String header = pickOne(HEADERS, r).formatted(catalog.header()) + "\n" + pickOne(DESCRIPTIONS, r);
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Resident who = people.get(i);
      Order order = order(catalog, form, who);
      expected.put(who.sender(), order.quantities);
      if (!order.note.isEmpty()) {
        notes.put(who.sender(), List.of(order.note));
      }
      String text;
      if (chain) {
        entries.add(numbered(i + 1, order.styles.get(Dimension.NUMBERING)) + order.text);
        text = form == Style.FLATTENED_CHAIN
            ? header.replace('\n', ' ') + " " + String.join(" ", entries)
            : header + "\n" + String.join("\n", entries);
      } else {
        text = order.text;
      }
      posts.add(new Scenario.Post(who.sender(), order.senderName, text, EnumSet.copyOf(order.styles.values())));
    }
    return new Scenario(catalog, posts, expected, notes);
  }

  /** One resident's order and its text: the entry without its number, or the whole message. */
  private record Order(String text, Map<String, BigDecimal> quantities, String note,
      Map<Dimension, Style> styles, String senderName) {}

  private Order order(Catalog catalog, Style form, Resident who) {
    Map<Dimension, Style> st = new EnumMap<>(Dimension.class);
    st.put(Dimension.FORM, form);
    for (Dimension d : Dimension.values()) {
      if (d != Dimension.FORM) {
        st.put(d, chooser.pick(d, r));
      }
    }
    boolean chain = form == Style.CHAIN_ENTRY || form == Style.FLATTENED_CHAIN;
    if (!chain) {
      st.remove(Dimension.NUMBERING);
    }
    Style qty = fitQuantity(form, st.get(Dimension.QUANTITY), st.get(Dimension.NAME));
    List<CatalogItem> items = items(catalog, qty, st.get(Dimension.NAME), st.get(Dimension.ITEMS));
    if (items.isEmpty()) { // the catalog has no item this way of writing fits
      st.put(Dimension.ITEMS, Style.ITEMS_OTHER_UNITS);
      items = items(catalog, qty, st.get(Dimension.NAME), Style.ITEMS_OTHER_UNITS);
    }
    if (items.isEmpty()) {
      qty = Style.QTY_ARABIC_UNIT;
      st.put(Dimension.NAME, Style.NAME_ALIAS);
      items = items(catalog, qty, Style.NAME_ALIAS, Style.ITEMS_OTHER_UNITS);
    }
    if (items.size() < 2 && st.get(Dimension.SEPARATOR) != null) {
      st.remove(Dimension.SEPARATOR);
    }
    if (form == Style.FREE_TEXT_PLUS) {
      st.remove(Dimension.QUANTITY);
    } else {
      st.put(Dimension.QUANTITY, qty);
    }
    String sep = separator(st.get(Dimension.SEPARATOR), form);
    Map<String, BigDecimal> quantities = new TreeMap<>();
    List<String> mentions = new ArrayList<>();
    if (qty == Style.QTY_EACH && form != Style.FREE_TEXT_PLUS) {
      int n = 1 + r.nextInt(3);
      CatalogItem a = items.get(0);
      CatalogItem b = items.get(1);
      String joiner = r.nextBoolean() ? "、" : "";
      mentions.add(name(catalog, a, st.get(Dimension.NAME)) + joiner + name(catalog, b, st.get(Dimension.NAME))
          + "各" + (r.nextBoolean() ? String.valueOf(n) : Numerals.chinese(n)) + a.unit());
      quantities.put(a.id(), BigDecimal.valueOf(n));
      quantities.put(b.id(), BigDecimal.valueOf(n));
      items = items.subList(2, items.size());
    }
    for (CatalogItem item : items) {
      Amount amount = form == Style.FREE_TEXT_PLUS ? Amount.plus(r, item) : Amount.of(qty, item, r);
      quantities.put(item.id(), amount.qty());
      String name = name(catalog, item, st.get(Dimension.NAME));
      boolean verbFirst = form == Style.FREE_TEXT_VERB_FIRST && st.get(Dimension.NAME) != Style.NAME_DEAL_NUMBER;
      // 我要两斤苹果, but 来3号两盒: a deal number comes before its amount
      mentions.add(verbFirst ? amount.before(name) : amount.after(name, item));
    }
    String body = String.join(sep, mentions);
    if (form == Style.FREE_TEXT_VERB_FIRST) {
      body = pickOne(VERBS, r) + body;
    }
    String note = "";
    if (st.get(Dimension.NOTE) == Style.NOTE_AFTER_ITEMS) {
      note = pickOne(Notes.forItem(items.isEmpty() ? null : items.get(items.size() - 1)), r);
      body = body + " " + note;
    }
    String displayName = st.get(Dimension.LABEL) == Style.LABEL_EMOJI_NAME ? pickOne(Residents.EMOJI_NAMES, r) : "";
    String label = label(st.get(Dimension.LABEL), who, chain, displayName);
    String text = label.isEmpty() ? body : label + " " + body;
    text = fill(text, st, chain, !label.isEmpty());
    if (st.get(Dimension.SCRIPT) == Style.SCRIPT_TRADITIONAL) {
      text = Traditional.of(text);
      note = Traditional.of(note);
    }
    return new Order(text, quantities, note, st, displayName.isEmpty() ? who.name() : displayName);
  }

  /** Ways of writing an amount that fit a form and a way of naming the item. */
  private Style fitQuantity(Style form, Style qty, Style name) {
    if (form == Style.FREE_TEXT_VERB_FIRST) {
      return switch (qty) {
        case QTY_BEFORE_NAME, QTY_BARE_NUMBER, QTY_LIA_SA, QTY_TIMES_X, QTY_TIMES_CROSS, QTY_TIMES_STAR,
            QTY_EACH, QTY_DEFAULT_ONE -> Style.QTY_CHINESE_NUMERAL;
        default -> qty;
      };
    }
    if (name == Style.NAME_DEAL_NUMBER) {
      return switch (qty) {
        case QTY_BEFORE_NAME, QTY_BARE_NUMBER, QTY_EACH -> Style.QTY_TIMES_CROSS;
        default -> qty;
      };
    }
    return qty;
  }

  /**
   * One to three distinct items this quantity and name style can be written for; with {@link
   * Style#ITEMS_SOLD_BY_THE_KUAI} the first is sold by the 块, otherwise none is.
   */
  private List<CatalogItem> items(Catalog catalog, Style qty, Style name, Style kind) {
    List<CatalogItem> fit = new ArrayList<>();
    for (CatalogItem item : catalog.items()) {
      if (Amount.fits(qty, item)
          && (name != Style.NAME_SYNONYM || !catalog.wordsOf(item).synonym().isEmpty())) {
        fit.add(item);
      }
    }
    java.util.Collections.shuffle(fit, r);
    List<CatalogItem> kuai = fit.stream().filter(i -> i.unit().equals("块")).toList();
    List<CatalogItem> others = fit.stream().filter(i -> !i.unit().equals("块")).toList();
    List<CatalogItem> pool = new ArrayList<>();
    if (kind == Style.ITEMS_SOLD_BY_THE_KUAI) {
      if (kuai.isEmpty()) {
        return List.of();
      }
      pool.add(kuai.get(0));
      List<CatalogItem> rest = new ArrayList<>(fit);
      rest.remove(kuai.get(0));
      pool.addAll(rest);
    } else {
      pool.addAll(others);
    }
    if (qty == Style.QTY_EACH) {
      // two of one unit first, for 各
      for (CatalogItem a : pool) {
        for (CatalogItem b : pool) {
          if (a != b && a.unit().equals(b.unit()) && (kind != Style.ITEMS_SOLD_BY_THE_KUAI || a == pool.get(0))) {
            return new ArrayList<>(List.of(a, b));
          }
        }
      }
      return List.of();
    }
    List<CatalogItem> chosen = new ArrayList<>(pool.subList(0, Math.min(pool.size(), 1 + r.nextInt(3))));
    java.util.Collections.shuffle(chosen, r);
    return chosen;
  }

  private String name(Catalog catalog, CatalogItem item, Style style) {
    RoundTripCatalogs.Words w = catalog.wordsOf(item);
    return switch (style) {
      case NAME_FULL -> item.name();
      case NAME_SYNONYM -> w.synonym();
      case NAME_PINYIN_TYPO -> w.typo();
      case NAME_DEAL_NUMBER -> pickOne(List.of("%d号", "#%d", "%d号 ", "第%d个 "), r).formatted(item.no());
      default -> w.alias();
    };
  }

  private String separator(Style style, Style form) {
    if (style == null) {
      return "";
    }
    return switch (style) {
      case SEP_SEMICOLON -> "；";
      case SEP_SLASH -> r.nextBoolean() ? "/" : " / ";
      case SEP_AMPERSAND -> r.nextBoolean() ? "&" : " & ";
      case SEP_PLUS -> form == Style.FREE_TEXT_PLUS ? " " : "+";
      case SEP_ENUMERATION_COMMA -> "、";
      case SEP_SPACE -> r.nextBoolean() ? " " : "  ";
      case SEP_ASCII_COMMA -> r.nextBoolean() ? "," : ", ";
      default -> r.nextBoolean() ? "，" : "，";
    };
  }

  /** The label a resident writes; an emoji nickname is also the name WeChat shows for them. */
  private String label(Style style, Resident who, boolean chain, String emojiName) {
    return switch (style) {
      case LABEL_ROOM_NAME_GLUED -> who.room() + who.name();
      case LABEL_BUILDING_UNIT -> who.building() + " " + who.name();
      case LABEL_NAME_ROOM -> who.name() + " " + who.room();
      case LABEL_NAME_ONLY -> chain ? who.name() : "";
      case LABEL_EMOJI_NAME -> emojiName + " " + who.room();
      default -> who.room() + " " + who.name();
    };
  }

  private String fill(String text, Map<Dimension, Style> st, boolean chain, boolean labelled) {
    Style filler = st.get(Dimension.FILLER);
    if (chain && (filler == Style.FILLER_POLITE_BEFORE || filler == Style.FILLER_BOTH)) {
      filler = Style.FILLER_THANKS_AFTER; // nobody writes 麻烦团长 inside a chain entry
      st.put(Dimension.FILLER, filler);
    }
    // 麻烦团长帮我留…, but 团长 3-1-201 张姐 …: nobody glues 团长 to a room number
    String polite = pickOne(POLITE, r);
    String before = labelled && !polite.endsWith(" ") && !polite.endsWith("，") ? polite + " " : polite;
    return switch (filler) {
      case FILLER_POLITE_BEFORE -> before + text;
      case FILLER_THANKS_AFTER -> text + (r.nextBoolean() ? " " : "") + pickOne(THANKS, r);
      case FILLER_PARTICLE_AFTER -> text + pickOne(PARTICLES, r);
      case FILLER_BOTH -> before + text + " " + pickOne(THANKS, r);
      default -> text;
    };
  }

  private String numbered(int n, Style style) {
    return switch (style) {
      case NUMBER_DOT_GLUED -> n + ".";
      case NUMBER_COMMA_SPACED -> n + "、 ";
      case NUMBER_COMMA_GLUED -> n + "、";
      case NUMBER_FULL_WIDTH -> Numerals.fullWidth(String.valueOf(n)) + (r.nextBoolean() ? "．" : "． ");
      case NUMBER_PAREN -> n + (r.nextBoolean() ? ")" : "）");
      default -> n + ". ";
    };
  }

  static <T> T pickOne(List<T> from, Random r) {
    return from.get(r.nextInt(from.size()));
  }
}
