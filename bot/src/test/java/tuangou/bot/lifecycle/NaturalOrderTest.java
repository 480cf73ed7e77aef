package tuangou.bot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  @Test
  void numbersInLabelsCompareAsNumbers() {
    List<String> labels = new ArrayList<>(List.of("李四", "10-1-101", "3-1-201 张三", "3-1-21", "12号楼", "2号楼", "03-1-5"));

    labels.sort(NaturalOrder.INSTANCE);

    assertThat(labels).containsExactly("2号楼", "03-1-5", "3-1-21", "3-1-201 张三", "10-1-101", "12号楼", "李四");
  }

  @Test
  void equalNumbersWrittenDifferentlyStillHaveAnOrder() {
    assertThat(NaturalOrder.INSTANCE.compare("01", "1")).isNotZero()
        .isEqualTo(-NaturalOrder.INSTANCE.compare("1", "01"));
    assertThat(NaturalOrder.INSTANCE.compare("99999999999999999999", "100000000000000000000")).isNegative();
  }
}
