"""Corpus cases for the probe's phenomena (polite cancels, complaints without a time word, the leader's
tallies and cutoffs in other words, 不要 inside an order, spec x count, 斤半, ranges, weights inside a spec,
prices beside an amount), on catalogs adapted from a tester's probe. Written by hand from what a careful
团长 counts; `python3 more_cases.py ../resources/corpus` writes them (same format as build.py)."""
import json, os, sys
from datetime import datetime, timedelta

def it(no, id, name, aliases, unit, spec, price):
    return {"no": no, "id": id, "name": name, "aliases": aliases, "unit": unit, "spec": spec, "priceFen": price}

VEG = {"campaign": "2026-12-08", "leaders": {"g1": "lead"}, "items": [
    it(1, "qingcai", "上海青", ["青菜", "小青菜"], "斤", "", 298),
    it(2, "baicai", "大白菜", ["白菜"], "斤", "", 168),
    it(3, "tomato", "西红柿", ["番茄"], "斤", "", 450),
    it(4, "potato", "土豆", ["马铃薯", "洋芋"], "斤", "", 230),
    it(5, "scallion", "小香葱", ["小葱", "香葱"], "把", "约100g/把", 200),
    it(6, "coriander", "香菜", ["芫荽"], "把", "约100g/把", 250),
    it(7, "spinach", "菠菜", [], "斤", "", 380),
    it(8, "cucumber", "黄瓜", ["青瓜"], "斤", "", 320),
    it(9, "carrot", "胡萝卜", ["红萝卜"], "斤", "", 260),
    it(10, "chives", "韭菜", [], "把", "约250g/把", 300),
    it(11, "ginger", "生姜", ["老姜", "姜"], "斤", "", 880),
    it(12, "corn", "甜玉米", ["玉米"], "根", "", 350),
    it(13, "radish", "白萝卜", [], "斤", "", 150),
]}

MEAT = {"campaign": "2026-12-09", "leaders": {"g1": "lead"}, "items": [
    it(1, "wuhua", "黑猪五花肉", ["五花肉", "五花"], "斤", "", 2980),
    it(2, "qiantui", "猪前腿肉", ["前腿肉", "前腿"], "斤", "", 2200),
    it(3, "paigu", "猪肋排", ["肋排", "排骨"], "斤", "", 3880),
    it(4, "zhuti", "猪蹄", ["猪脚", "猪手"], "只", "约1斤/只", 1800),
    it(5, "niujian", "牛腱子", ["牛腱", "腱子肉"], "斤", "", 5800),
    it(6, "chicken", "三黄鸡", ["走地鸡"], "只", "约2.5斤/只", 4500),
    it(7, "wings", "鸡翅中", ["翅中"], "盒", "500g/盒", 2990),
    it(8, "jiwei", "基围虾", ["活虾"], "斤", "", 5980),
    it(9, "baixia", "南美白虾", ["白虾", "大白虾"], "盒", "1.5kg/盒", 8900),
    it(10, "luyu", "鲈鱼", ["海鲈鱼"], "条", "约1.2斤/条", 2600),
    it(11, "ganbei", "干贝", ["瑶柱"], "两", "", 1500),
    it(12, "yangrou", "羊肉卷", ["羊肉片"], "盒", "500g", 2900),
]}

DAIRY = {"campaign": "2026-12-10", "leaders": {"g1": "lead"}, "items": [
    it(1, "chunnai", "纯牛奶", ["纯奶"], "箱", "250ml×24", 6500),
    it(2, "xiannai", "鲜牛奶", ["鲜奶"], "瓶", "950ml", 1280),
    it(3, "yogurt", "老酸奶", ["酸奶"], "袋", "180g", 590),
    it(4, "toast", "全麦吐司", ["吐司", "面包片"], "袋", "400g", 1290),
    it(5, "croissant", "牛角包", ["可颂"], "个", "", 450),
    it(6, "xiaobei", "肉松小贝", ["小贝"], "盒", "6个/盒", 1990),
    it(7, "danta", "葡式蛋挞", ["蛋挞"], "盒", "6个/盒", 2200),
    it(8, "cheese", "奶酪棒", [], "袋", "20支", 3990),
    it(9, "eggs", "土鸡蛋", ["鸡蛋", "草鸡蛋"], "盒", "30枚", 3680),
    it(10, "mantou", "红糖馒头", ["馒头"], "袋", "10个", 990),
    it(11, "naihuang", "奶黄包", [], "袋", "8个", 1290),
]}

HOME = {"campaign": "2026-12-11", "leaders": {"g1": "lead"}, "items": [
    it(1, "dish", "立白洗洁精", ["洗洁精"], "瓶", "1.5kg", 1290),
    it(2, "laundry", "蓝月亮洗衣液", ["洗衣液"], "瓶", "3kg", 4990),
    it(3, "tissue", "抽纸", ["面巾纸", "纸巾"], "提", "6包/提", 1990),
    it(4, "roll", "卷纸", ["卫生纸", "厕纸"], "提", "10卷/提", 2590),
    it(5, "trash", "垃圾袋", [], "包", "100只", 990),
    it(6, "wipes", "湿巾", ["湿纸巾"], "包", "80抽", 890),
    it(7, "toothpaste", "云南白药牙膏", ["牙膏"], "支", "120g", 2800),
    it(8, "shampoo", "海飞丝洗发水", ["洗发水", "洗头膏"], "瓶", "400ml", 4590),
    it(9, "disinfect", "84消毒液", ["消毒液", "84"], "瓶", "1.2kg", 1590),
    it(10, "handsoap", "洗手液", [], "瓶", "500ml", 1990),
    it(11, "soap", "硫磺皂", ["香皂", "肥皂"], "块", "", 590),
]}

SNACK = {"campaign": "2026-12-12", "leaders": {"g1": "lead"}, "items": [
    it(1, "bcjz", "猪肉白菜饺子", ["白菜饺子", "白菜猪肉饺子"], "袋", "1kg", 2590),
    it(2, "jcjz", "韭菜鸡蛋饺子", ["韭菜饺子"], "袋", "1kg", 2390),
    it(3, "jipai", "奥尔良鸡排", ["鸡排"], "块", "", 590),
    it(4, "beefball", "潮汕牛肉丸", ["牛肉丸", "牛丸"], "袋", "500g", 3990),
    it(5, "icecream", "雪糕", ["冰淇淋", "冰激凌"], "盒", "10支", 2990),
    it(6, "chips", "乐事薯片", ["薯片"], "袋", "135g", 890),
    it(7, "nuts", "每日坚果", ["坚果"], "盒", "30包", 8900),
    it(8, "latiao", "辣条", [], "袋", "", 500),
    it(9, "seaweed", "海苔", [], "盒", "", 1590),
    it(10, "choco", "黑巧克力", ["巧克力"], "块", "100g", 1290),
    it(11, "pizza", "速冻披萨", ["披萨", "比萨"], "盒", "2片装", 3290),
    it(12, "fishball", "鱼丸", [], "袋", "500g", 2590),
]}

CATALOGS = {"veg": VEG, "meat": MEAT, "dairy": DAIRY, "home": HOME, "snack": SNACK}
NAMES = {"lead": "团长", "u1": "阿芳", "u2": "小李", "u3": "老王", "u4": "Coco🌸", "u5": "小周"}
CASES = []

def case(name, cat, msgs, lines, unresolved=()):
    CASES.append((name, cat, msgs, lines, list(unresolved)))

# ---- polite cancels --------------------------------------------------------------------
case("a-polite-cancel-with-yixia-cancels-and-adds-nothing", "veg",
     [("u1", "土豆3斤"), ("u1", "麻烦帮我把土豆取消一下，谢谢"),
      ("u2", "番茄2斤 黄瓜1斤"), ("u2", "番茄取消一下哈"),
      ("u3", "白萝卜2斤"), ("u3", "帮我取消一下"),
      ("u4", "菠菜1斤 玉米2根 韭菜1把"), ("u4", "帮我取消一下菠菜"), ("u4", "玉米帮忙取消下")],
     [("u2", "cucumber", 1), ("u4", "chives", 1)])

case("a-cancel-said-as-che-le-or-qu-diao-cancels", "veg",
     [("u1", "番茄1斤 土豆2斤"), ("u1", "番茄帮我撤了吧"),
      ("u2", "菠菜2斤 玉米2根"), ("u2", "玉米去掉吧"), ("u3", "黄瓜1斤 白萝卜2斤"), ("u3", "黄瓜取消掉吧")],
     [("u1", "potato", 2), ("u2", "spinach", 2), ("u3", "radish", 2)])

case("a-one-character-alias-cancels-the-senders-own-line", "veg",
     [("u1", "生姜1斤 青菜2斤"), ("u1", "姜先不要了哈"),
      ("u2", "老姜2斤"), ("u2", "不要姜了")],
     [("u1", "qingcai", 2)])

case("a-word-fitting-two-items-cancels-the-one-the-sender-holds", "snack",
     [("u1", "韭菜饺子2袋 薯片1袋"), ("u1", "饺子不要了"), ("u2", "饺子不要了"),
      ("u3", "白菜饺子1袋 韭菜饺子1袋"), ("u3", "饺子不要了")],
     [("u1", "chips", 1), ("u3", "bcjz", 1), ("u3", "jcjz", 1)], ["m5"])

# ---- after-sales without a time word --------------------------------------------------
case("short-by-an-amount-without-a-time-word-is-after-sales-not-an-order", "home",
     [("u1", "卷纸少了一提"), ("u2", "卷纸少了一提 团长帮我查下"), ("u3", "洗衣液漏了"),
      ("u4", "牙膏1支"), ("u5", "卷纸少要一提")],
     [("u4", "toothpaste", 1)])

# ---- the leader's tallies in other words -------------------------------------------------
case("the-leaders-tally-under-any-heading-or-with-totals-is-not-an-order", "snack",
     [("lead", "最后统计：牛肉丸8袋 雪糕5盒"), ("lead", "冻品截单前最后统计：饺子共12袋 牛肉丸8袋 雪糕5盒"),
      ("lead", "已有：薯片3袋 辣条2袋"), ("u2", "牛肉丸1袋"), ("lead", "鱼丸共6袋 海苔3盒")],
     [("u2", "beefball", 1)])

case("the-leaders-tally-of-one-item-under-a-counting-heading-is-not-an-order", "snack",
     [("lead", "最后统计：牛肉丸8袋"), ("u1", "雪糕1盒")],
     [("u1", "icecream", 1)])

case("the-leader-ordering-for-a-neighbour-is-still-an-order", "snack",
     [("u2", "牛肉丸1袋"), ("lead", "帮5-302王阿姨 薯片2袋 海苔1盒")],
     [("u2", "beefball", 1), ("lead", "chips", 2), ("lead", "seaweed", 1)])

# ---- the leader's cutoff in a sentence ----------------------------------------------------
case("the-leaders-cutoff-said-in-a-sentence-closes-ordering", "dairy",
     [("u1", "纯牛奶1箱"), ("u3", "截单了吗？"), ("u4", "鲜奶1瓶"), ("lead", "已截单，明天到货"), ("u2", "鲜奶1瓶")],
     [("u1", "chunnai", 1), ("u4", "xiannai", 1)])

case("the-leaders-bentuan-yi-jiedan-closes-ordering-but-a-time-ahead-does-not", "dairy",
     [("lead", "今晚8点截单哈"), ("u1", "纯奶1箱"), ("lead", "马上截单了"), ("u2", "鲜奶1瓶"),
      ("lead", "本次团购已截单"), ("u3", "鲜奶2瓶")],
     [("u1", "chunnai", 1), ("u2", "xiannai", 1)])

case("the-leaders-jiedan-le-ha-closes-ordering-but-a-residents-does-not", "dairy",
     [("u1", "截单了哈"), ("u2", "鲜奶2瓶"), ("lead", "截单了哈 明天到货"), ("u3", "团长还能加吗 鲜奶1瓶")],
     [("u2", "xiannai", 2)])

# ---- 不要 inside an order -----------------------------------------------------------------
case("buyong-le-cancels-and-beside-an-order-of-something-else-keeps-that-order", "snack",
     [("u1", "鸡排3块 薯片1袋"), ("u1", "鸡排不用了"), ("u2", "薯片2袋 玉米不用了")],
     [("u1", "chips", 1), ("u2", "chips", 2)])

case("a-buyao-piece-among-orders-cancels-only-its-item", "veg",
     [("u1", "韭菜一把 香葱两把 香菜不要"), ("u2", "土豆2斤 小葱不要了 香菜1把"),
      ("u4", "黄瓜1斤 番茄2斤"), ("u4", "番茄不要了 玉米来2根"), ("u5", "土豆2斤 不要香菜"), ("u3", "番茄2斤 不要太熟的")],
     [("u1", "chives", 1), ("u1", "scallion", 2), ("u2", "potato", 2), ("u2", "coriander", 1),
      ("u4", "cucumber", 1), ("u4", "corn", 2), ("u5", "potato", 2), ("u3", "tomato", 2)])

case("x-buyao-le-then-huancheng-y-with-an-amount-swaps-to-y", "veg",
     [("u3", "上海青2斤"), ("u3", "上海青不要了 换成菠菜2斤"),
      ("u5", "白萝卜3斤"), ("u5", "白萝卜不要了，换成胡萝卜")],
     [("u3", "spinach", 2), ("u5", "carrot", 3)])

# ---- amounts: spec x count, 斤半, ranges, weights inside a spec ------------------------------
case("a-spec-times-a-count-with-its-unit-is-the-count", "meat",
     [("u1", "翅中500g*2盒"), ("u2", "羊肉卷500g×3盒"), ("u3", "白虾1.5kg*1盒")],
     [("u1", "wings", 2), ("u2", "yangrou", 3), ("u3", "baixia", 1)])

case("a-weight-in-brackets-beside-a-count-is-the-packs-spec", "meat",
     [("u1", "翅中(500g)2盒"), ("u2", "翅中2盒（500g）"), ("u3", "白虾（1.5kg）3盒"), ("u4", "五花肉(2斤)")],
     [("u1", "wings", 2), ("u2", "wings", 2), ("u3", "baixia", 3), ("u4", "wuhua", 2)])

case("a-volume-spec-times-a-count-of-bottles-is-the-count", "dairy",
     [("u1", "鲜牛奶950ml×2瓶"), ("u2", "纯牛奶250ml*24 1箱")],
     [("u1", "xiannai", 2), ("u2", "chunnai", 1)])

case("jin-ban-alone-is-one-and-a-half-jin-and-yi-liang-ban-one-and-a-half-liang", "meat",
     [("u1", "干贝一两半"), ("u2", "五花斤半"), ("u3", "前腿肉2斤，排骨斤半")],
     [("u1", "ganbei", 1.5), ("u2", "wuhua", 1.5), ("u3", "qiantui", 2), ("u3", "paigu", 1.5)])

case("jin-ban-after-another-item-is-one-and-a-half", "veg",
     [("u1", "菠菜斤半"), ("u2", "土豆一斤半，番茄斤半")],
     [("u1", "spinach", 1.5), ("u2", "potato", 1.5), ("u2", "tomato", 1.5)])

case("a-range-of-amounts-is-asked-not-dropped", "veg",
     [("u1", "番茄要2-3斤"), ("u2", "黄瓜2斤"), ("u3", "土豆2到3斤 菠菜1斤"), ("u4", "黄瓜来个两三斤吧"),
      ("u5", "白萝卜三到五斤")],
     [("u2", "cucumber", 2), ("u3", "spinach", 1)], ["m1", "m3", "m4", "m5"])

case("bushi-x-shi-y-in-its-own-message-swaps-the-senders-last-line", "meat",
     [("u1", "猪蹄2只"), ("u1", "不是猪蹄，是三黄鸡"), ("u2", "排骨两斤"), ("u2", "不好意思 不是排骨 是五花")],
     [("u1", "chicken", 2), ("u2", "wuhua", 2)])

case("a-weight-that-is-part-of-a-piece-items-spec-is-asked", "meat",
     [("u1", "鲈鱼2斤"), ("u2", "三黄鸡5斤"), ("u3", "海鲈鱼3条")],
     [("u3", "luyu", 3)], ["m1", "m2"])

case("shaoyao-yige-for-an-item-sold-by-the-zhi-takes-one-off", "home",
     [("u1", "洗发水1瓶 牙膏3支 垃圾袋2包"), ("u1", "牙膏少要一个"), ("u2", "牙膏1支"), ("u2", "牙膏再加一个")],
     [("u1", "shampoo", 1), ("u1", "toothpaste", 2), ("u1", "trash", 2), ("u2", "toothpaste", 2)])

case("a-digit-alias-before-liang-and-a-count-unit-is-the-item-not-liang", "home",
     [("u1", "84两瓶"), ("u2", "我住8号楼 消毒液1瓶"), ("u3", "84消毒液×3")],
     [("u1", "disinfect", 2), ("u2", "disinfect", 1), ("u3", "disinfect", 3)])

case("a-sum-of-money-in-kuai-beside-an-order-is-no-amount", "meat",
     [("u2", "羊肉卷2盒 一共才58块 划算"), ("u3", "五花肉2斤 总共花了60块")],
     [("u2", "yangrou", 2), ("u3", "wuhua", 2)])

case("an-amount-after-a-price-question-orders-the-item-asked-about", "snack",
     [("u1", "巧克力1块 鸡排5块9一块是吧 来2块"), ("u2", "薯片2袋 海苔多少钱一盒？来一盒")],
     [("u1", "choco", 1), ("u1", "jipai", 2), ("u2", "chips", 2), ("u2", "seaweed", 1)])


def write(out):
    names = set()
    for name, cat, msgs, lines, unresolved in CASES:
        assert name not in names, name
        names.add(name)
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        catalog = CATALOGS[cat]
        ids = {i["id"] for i in catalog["items"]}
        with open(os.path.join(d, "catalog.json"), "w") as f:
            json.dump(catalog, f, ensure_ascii=False, indent=1)
            f.write("\n")
        start = datetime.fromisoformat(catalog["campaign"] + "T19:02:00+08:00") - timedelta(days=1)
        with open(os.path.join(d, "transcript.jsonl"), "w") as f:
            for k, (sender, text) in enumerate(msgs):
                ts = (start + timedelta(minutes=3 * k + (7 * k) % 5, seconds=(13 * k) % 60)).isoformat()
                f.write(json.dumps({"id": f"m{k + 1}", "group": "g1", "sender": sender, "name": NAMES[sender],
                                    "text": text, "ts": ts}, ensure_ascii=False) + "\n")
        merged = {}
        for customer, item, qty in lines:
            assert item in ids, (name, item)
            merged[(customer, item)] = merged.get((customer, item), 0) + qty
        totals = {}
        for (customer, item), q in merged.items():
            totals[item] = totals.get(item, 0) + q
        num = lambda q: int(q) if float(q).is_integer() else round(q, 2)
        expected = {
            "lines": [{"customer": c, "item": i, "qty": num(q)} for (c, i), q in sorted(merged.items())],
            "totals": [{"item": i, "qty": num(q)} for i, q in sorted(totals.items())],
            "unresolved": unresolved,
        }
        for u in unresolved:
            assert int(u[1:]) <= len(msgs), (name, u)
        with open(os.path.join(d, "expected.json"), "w") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(len(CASES), "cases")


if __name__ == "__main__":
    write(sys.argv[1])
