package tuangou.ordering.command;

import java.util.Objects;

/**
 * A resident's pickup as chat commands see it: who, the code they show, whether it is collected.
 *
 * @param shownAs how the leader tells the resident apart: the label, else the chat name, else the id
 */
public record PickupView(String customer, String label, String shownAs, String code, boolean picked) {
  public PickupView {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(code, "code");
    label = label == null ? "" : label;
    shownAs = shownAs == null ? customer : shownAs;
  }
}
