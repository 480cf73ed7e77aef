package tuangou.ordering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a customer is. A resident is one customer per campaign and group, whatever mix of 接龙 lines
 * and free text they use: the sender is the customer, and their own lines carry one label, the most
 * telling they have written ({@code 8-2-1501 孙姐} over {@code 孙姐}), so that they get one pickup
 * code, one sorting row and one line in tallies and notices. Labels tell apart only the neighbours
 * someone types in for (a leader's {@code 刘奶奶}, {@code 3-2-101 张爷爷}).
 *
 * <p>A label is the sender's own when it is empty or names their chat name ({@code 孙姐} in
 * {@code 8-2-1501 孙姐}, or the other way round), when it is a label they used before for
 * themselves, or when it shares its name or its room with one. When none of their labels names
 * their chat name, the first one they wrote is taken as theirs: people order for themselves first.
 * Any other label is a neighbour's.
 */
final class Identity {
  /** Room and building numbers, and the words around them: what is left is the name. */
  private static final Pattern ADDRESS = Pattern.compile(
      "[0-9０-９]+|[-－—_/#＃.．、,，:：()（）\\s]|号楼|栋|幢|楼|单元|室|号|座|层|户");
  private static final Pattern HAS_ADDRESS = Pattern.compile("[0-9０-９]");

  private Identity() {}

  /** Whether {@code label} is the sender's own rather than a neighbour's they type in for. */
  static boolean isOwn(String label, String chatName, List<OrderLine> mine) {
    if (label.isEmpty() || namesChat(label, chatName)) {
      return true;
    }
    Set<String> own = ownLabels(chatName, mine, false);
    Parts parts = Parts.of(label);
    return own.contains(label) || own.stream().anyMatch(o -> Parts.of(o).related(parts));
  }

  /**
   * The label for the sender's own lines, new and held: the most telling of {@code written} and
   * the own labels they used before; their chat name when they wrote none.
   */
  static String ownLabel(String written, String chatName, List<OrderLine> mine) {
    Set<String> candidates = new LinkedHashSet<>();
    if (!written.isEmpty()) {
      candidates.add(written);
    }
    ownLabels(chatName, mine, !written.isEmpty() && namesChat(written, chatName)).stream().filter(l -> !l.isEmpty())
        .forEach(candidates::add);
    if (candidates.isEmpty()) {
      return chatName;
    }
    // a room beats a bare name, a name beats a bare room, then the fuller one
    return candidates.stream().max(Comparator.<String>comparingInt(c -> HAS_ADDRESS.matcher(c).find() ? 1 : 0)
        .thenComparingInt(c -> nameOf(c).isEmpty() ? 0 : 1)
        .thenComparingInt(String::length)).orElseThrow();
  }

  /** Label changes that give the sender's own lines {@code label}. */
  static List<OrderChange> relabel(String label, String chatName, List<OrderLine> mine) {
    Set<String> own = ownLabels(chatName, mine, namesChat(label, chatName));
    List<OrderChange> out = new ArrayList<>();
    for (OrderLine l : mine) {
      if (!l.label().equals(label) && own.contains(l.label())) {
        out.add(new OrderChange.Relabel(l.key(), label));
      }
    }
    return out;
  }

  /**
   * The labels among {@code mine} that are the sender's own; {@code chatNamed} when the label in
   * hand names them, so the first-written fallback must not claim a neighbour's label for them.
   * A resident's lines mostly share one label: each distinct label is taken apart once.
   */
  private static Set<String> ownLabels(String chatName, List<OrderLine> mine, boolean chatNamed) {
    Map<String, Parts> parts = new HashMap<>();
    Parts chat = Parts.of(chatName);
    Set<String> own = new LinkedHashSet<>();
    for (OrderLine l : mine) {
      if (l.label().isEmpty() || parts.computeIfAbsent(l.label(), Parts::of).namesChat(chat)) {
        own.add(l.label());
      }
    }
    if (own.isEmpty() && !chatNamed && !mine.isEmpty()) {
      own.add(mine.get(0).label());
    }
    for (OrderLine l : mine) {
      Parts label = parts.computeIfAbsent(l.label(), Parts::of);
      if (!own.contains(l.label()) && own.stream().anyMatch(o -> parts.computeIfAbsent(o, Parts::of).related(label))) {
        own.add(l.label());
      }
    }
    return own;
  }

  private static boolean namesChat(String label, String chatName) {
    return Parts.of(label).namesChat(Parts.of(chatName));
  }

  /** A label taken apart: its name, and its room's digits. */
  private record Parts(String label, String name, String room) {
    static Parts of(String label) {
      return new Parts(label, nameOf(label), roomOf(label));
    }

    boolean namesChat(Parts chat) {
      if (label.equals(chat.label)) {
        return true;
      }
      return name.length() >= 2 && chat.name.length() >= 2 && (name.contains(chat.name) || chat.name.contains(name));
    }

    /** The same name ({@code 孙姐}) or the same room ({@code 8-2-1501}). */
    boolean related(Parts other) {
      return !name.isEmpty() && name.equals(other.name) || room.length() >= 3 && room.equals(other.room);
    }
  }

  static String nameOf(String label) {
    return ADDRESS.matcher(label).replaceAll("");
  }

  private static String roomOf(String label) {
    StringBuilder digits = new StringBuilder();
    label.codePoints().filter(Character::isDigit).forEach(c -> digits.append(Character.getNumericValue(c)));
    return digits.toString();
  }
}
