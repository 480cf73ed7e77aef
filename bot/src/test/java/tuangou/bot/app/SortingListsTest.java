package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The purchase summary and the sorting lists of a two-group campaign, as JSON and as downloads. */
class SortingListsTest {
  private static final TestService SERVICE = TestService.get();
  private static FulfilmentFixture f;

  @BeforeAll
  static void orders() {
    f = new FulfilmentFixture();
  }

  @Test
  void summaryAddsCostUnitsAndPickupPointsToTheTotals() {
    JsonObject summary = f.get("/summary");

    JsonArray totals = summary.getJsonArray("totals");
    assertThat(totals).hasSize(2);
    JsonObject apple = totals.getJsonObject(0);
    assertThat(apple.getString("item")).isEqualTo(f.apple);
    assertThat(apple.getString("name")).isEqualTo("烟台苹果");
    assertThat(apple.getString("unit")).isEqualTo("斤");
    assertThat(FulfilmentFixture.qty(apple, "qty")).isEqualByComparingTo("5.5");
    assertThat(FulfilmentFixture.qty(apple, "allocatedQty")).isEqualByComparingTo("5.5");
    // 2 × 695 + 3 × 695 + 0.5 × 695 (347.5 → 348), each line rounded as residents are told
    assertThat(apple.getLong("amountFen")).isEqualTo(3823L);
    // 5.5 × 455 = 2502.5 → 2503, half-up
    assertThat(apple.getLong("costFen")).isEqualTo(2503L);
    assertThat(apple.getValue("receivedQty")).isNull();
    JsonObject blueberry = totals.getJsonObject(1);
    assertThat(blueberry.getString("item")).isEqualTo(f.blueberry);
    assertThat(blueberry.getLong("amountFen")).isEqualTo(5970L);
    assertThat(blueberry.containsKey("costFen")).isTrue();
    assertThat(blueberry.getValue("costFen")).as("cost not known").isNull();

    JsonArray groups = summary.getJsonArray("groups");
    assertThat(groups).hasSize(2);
    JsonObject a = groups.getJsonObject(0);
    assertThat(a.getLong("group")).isEqualTo(f.groupA);
    assertThat(a.getString("pickupPoint")).isEqualTo("幸福里3号门");
    assertThat(a.getInteger("customers")).isEqualTo(2);
    assertThat(a.getJsonArray("totals").getJsonObject(0).getLong("amountFen")).isEqualTo(1738L);
    assertThat(a.getJsonArray("totals").getJsonObject(1).getLong("amountFen")).isEqualTo(3980L);
    JsonObject b = groups.getJsonObject(1);
    assertThat(b.getString("pickupPoint")).isEqualTo("阳光城东门");
    assertThat(FulfilmentFixture.qty(b.getJsonArray("totals").getJsonObject(0), "qty")).isEqualByComparingTo("3");
  }

  @Test
  void sortingListsHaveEachResidentsLinesInLabelOrder() {
    JsonArray groups = f.get("/sorting").getJsonArray("groups");

    assertThat(groups).extracting(g -> ((JsonObject) g).getLong("groupId")).containsExactly(f.groupA, f.groupB);
    JsonObject a = groups.getJsonObject(0);
    assertThat(a.getString("pickupPoint")).isEqualTo("幸福里3号门");
    JsonArray residents = a.getJsonArray("residents");
    assertThat(residents).hasSize(2);
    JsonObject zhang = residents.getJsonObject(0);
    assertThat(zhang.getString("customer")).isEqualTo(f.zhang);
    assertThat(zhang.getString("label")).isEqualTo("3-1-201");
    assertThat(zhang.getString("name")).isEqualTo("张三");
    assertThat(zhang.getLong("amountFen")).isEqualTo(1390L + 3980L);
    JsonArray lines = zhang.getJsonArray("lines");
    assertThat(lines).hasSize(2);
    assertThat(lines.getJsonObject(0).getString("item")).isEqualTo(f.apple);
    assertThat(lines.getJsonObject(0).getString("unit")).isEqualTo("斤");
    assertThat(FulfilmentFixture.qty(lines.getJsonObject(0), "allocatedQty")).isEqualByComparingTo("2");
    assertThat(lines.getJsonObject(1).getString("name")).isEqualTo("云南蓝莓");
    assertThat(lines.getJsonObject(1).getLong("amountFen")).isEqualTo(3980L);
    JsonObject li = residents.getJsonObject(1);
    assertThat(li.getString("label")).isEqualTo("李四");
    assertThat(li.getLong("amountFen")).isEqualTo(348L);
    assertThat(a.getJsonArray("totals")).hasSize(2);
    assertThat(a.getJsonArray("totals").getJsonObject(0).containsKey("costFen")).as("no cost on sorting lists").isFalse();
    JsonObject b = groups.getJsonObject(1);
    assertThat(b.getJsonArray("residents").getJsonObject(0).getLong("amountFen")).isEqualTo(2085L + 1990L);
  }

  @Test
  void groupIdPicksOneGroup() {
    TestService.Reply one = SERVICE.admin("GET", "/campaigns/" + f.campaign + "/sorting?groupId=" + f.groupB, null);

    assertThat(one.status()).isEqualTo(200);
    JsonArray groups = one.json().getJsonArray("groups");
    assertThat(groups).hasSize(1);
    assertThat(groups.getJsonObject(0).getJsonArray("residents").getJsonObject(0).getString("customer"))
        .isEqualTo(f.wang);
    assertThat(SERVICE.admin("GET", "/campaigns/" + f.campaign + "/sorting?groupId=987654321", null).status())
        .isEqualTo(404);
    assertThat(SERVICE.admin("GET", "/campaigns/" + f.campaign + "/sorting?groupId=abc", null).status()).isEqualTo(400);
    assertThat(SERVICE.admin("GET", "/campaigns/" + f.campaign + "/sorting?format=pdf", null).status()).isEqualTo(400);
    assertThat(SERVICE.admin("GET", "/campaigns/987654321/sorting", null).status()).isEqualTo(404);
    assertThat(SERVICE.admin("GET", "/campaigns/987654321/summary?format=xlsx", null).status()).isEqualTo(404);
  }

  @Test
  void summaryDownloadsAsXlsxWithATotalsAndAPerGroupSheet() throws IOException {
    FulfilmentFixture.Download d = FulfilmentFixture.download("/campaigns/" + f.campaign + "/summary?format=xlsx");

    assertThat(d.status()).isEqualTo(200);
    assertThat(d.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // 采购单-周末团-2026-11-23.xlsx
    assertThat(d.disposition()).startsWith("attachment;").contains("filename*=UTF-8''"
        + "%E9%87%87%E8%B4%AD%E5%8D%95-%E5%91%A8%E6%9C%AB%E5%9B%A2-2026-11-23.xlsx");
    assertThat(FulfilmentFixture.sheetNames(d.body())).containsExactly("采购汇总", "各群明细");
    List<List<String>> totals = FulfilmentFixture.rows(d.body(), 0);
    assertThat(totals.get(0)).containsExactly("序号", "商品", "单位", "下单数量", "实发数量", "到货数量", "售价", "销售额",
        "缺货退款", "成本价", "成本");
    assertThat(totals.get(1)).containsExactly("1", "烟台苹果", "斤", "5.5", "5.5", "", "6.95", "38.23", "0", "4.55", "25.03");
    assertThat(totals.get(2).subList(0, 8)).containsExactly("2", "云南蓝莓", "盒", "3", "3", "", "19.9", "59.7");
    List<List<String>> perGroup = FulfilmentFixture.rows(d.body(), 1);
    assertThat(perGroup).hasSize(5);
    assertThat(perGroup.get(1).subList(1, 7)).containsExactly("幸福里3号门", "烟台苹果", "斤", "2.5", "2.5", "17.38");
  }

  @Test
  void summaryDownloadsAsCsvSections() {
    FulfilmentFixture.Download d = FulfilmentFixture.download("/campaigns/" + f.campaign + "/summary?format=csv");

    assertThat(d.status()).isEqualTo(200);
    assertThat(d.contentType()).startsWith("text/csv");
    assertThat(d.disposition()).endsWith("-2026-11-23.csv");
    List<List<String>> csv = FulfilmentFixture.csv(d.body());
    assertThat(csv.get(0)).containsExactly("采购汇总");
    assertThat(csv.get(2)).containsExactly("1", "烟台苹果", "斤", "5.5", "5.5", "", "6.95", "38.23", "0.00", "4.55", "25.03");
    assertThat(csv).contains(List.of("各群明细"));
  }

  @Test
  void sortingDownloadsAsOneSheetPerPickupPoint() throws IOException {
    FulfilmentFixture.Download d = FulfilmentFixture.download("/campaigns/" + f.campaign + "/sorting?format=xlsx");

    assertThat(d.status()).isEqualTo(200);
    // 分拣单-周末团-…
    assertThat(d.disposition()).contains("%E5%88%86%E6%8B%A3%E5%8D%95-%E5%91%A8%E6%9C%AB%E5%9B%A2-2026-11-23.xlsx");
    List<String> sheets = FulfilmentFixture.sheetNames(d.body());
    assertThat(sheets).hasSize(2);
    assertThat(sheets.get(0)).startsWith("幸福里3号门（群fa-");
    assertThat(sheets.get(1)).startsWith("阳光城东门（群fb-");
    List<List<String>> a = FulfilmentFixture.rows(d.body(), 0);
    assertThat(a.get(0)).containsExactly("序号", "住户", "昵称", "商品", "下单数量", "实发数量", "单位", "金额", "缺货退款", "备注");
    assertThat(a.get(1).subList(0, 9)).containsExactly("1", "3-1-201", "张三", "烟台苹果", "2", "2", "斤", "13.9", "0");
    assertThat(a.get(2).subList(0, 8)).containsExactly("1", "3-1-201", "张三", "云南蓝莓", "2", "2", "盒", "39.8");
    assertThat(a.get(3).subList(0, 8)).containsExactly("2", "李四", "李四", "烟台苹果", "0.5", "0.5", "斤", "3.48");
    assertThat(a.get(4).subList(1, 8)).containsExactly("合计", "", "烟台苹果", "2.5", "2.5", "斤", "17.38");
    assertThat(a.get(5).subList(1, 8)).containsExactly("合计", "", "云南蓝莓", "2", "2", "盒", "39.8");
    assertThat(a).hasSize(6);
  }

  @Test
  void sortingDownloadsAsCsvSectionsAndForOneGroup() {
    FulfilmentFixture.Download all = FulfilmentFixture.download("/campaigns/" + f.campaign + "/sorting?format=csv");
    List<List<String>> csv = FulfilmentFixture.csv(all.body());
    assertThat(csv.get(0).get(0)).startsWith("幸福里3号门（群fa-");
    assertThat(csv.get(2)).containsExactly("1", "3-1-201", "张三", "烟台苹果", "2", "2", "斤", "13.90", "0.00", "");
    assertThat(csv.stream().filter(r -> r.size() == 1 && r.get(0).startsWith("阳光城东门（群fb-"))).hasSize(1);

    FulfilmentFixture.Download one = FulfilmentFixture.download("/campaigns/" + f.campaign + "/sorting?format=csv&groupId="
        + f.groupB);
    List<List<String>> b = FulfilmentFixture.csv(one.body());
    assertThat(b.get(0)).containsExactly("序号", "住户", "昵称", "商品", "下单数量", "实发数量", "单位", "金额", "缺货退款", "备注");
    assertThat(b.get(1)).containsExactly("1", "王五", "王五", "烟台苹果", "3", "3", "斤", "20.85", "0.00", "");
    assertThat(one.disposition()).contains(f.chatB + "-2026-11-23.csv");
  }

  @Test
  void campaignItemsTakeAnOptionalCost() {
    JsonObject campaign = SERVICE.admin("GET", "/campaigns/" + f.campaign, null).json();
    assertThat(campaign.getJsonArray("items").getJsonObject(0).getLong("costFen")).isEqualTo(455L);
    assertThat(campaign.getJsonArray("items").getJsonObject(1).getValue("costFen")).isNull();

    TestService.Reply negative = SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("no", 1).put("id", "neg-" + f.suffix).put("name", "x").put("priceFen", 100).put("costFen", -1))));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body()).contains("costFen");
    TestService.Reply fraction = SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("no", 1).put("id", "frac-" + f.suffix).put("name", "x").put("priceFen", 100).put("costFen", 1.5))));
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.body()).contains("costFen");
  }
}
