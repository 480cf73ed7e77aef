# Issue-11 corpus cases: (name, catalog, messages [(sender, name, text)], lines [(customer, item, qty)], unresolved ids).
# Expected answers are what a careful 团长 counts; see ../resources/corpus/NOTES.md.

def chain(title, entries, desc="今晚8点截单 明天下午3点后自提"):
    return "\n".join([title, desc, ""] + entries)

VH = "#接龙 周三蔬菜鲜肉团"
FH = "【周四水果接龙】"
HH = "#接龙 日用品拼团"

def grow(title, entries, senders, desc="今晚8点截单 明天下午3点后自提"):
    """Each sender re-posts the chain with their own entry added."""
    return [(s, n, chain(title, entries[:i + 1], desc)) for i, (s, n) in enumerate(senders)]

CASES = []
def case(name, cat, msgs, lines, unresolved=()):
    CASES.append((name, cat, msgs, lines, list(unresolved)))

# ---- glued entry numbers -------------------------------------------------------------
case("chain-number-glued-to-room-number-keeps-every-entry", "veg",
     grow(VH, ["1、3-1-201小周 五花肉2斤", "2、5-2-602王姐 前腿肉1斤，豆腐2块", "3、12-1-1101 老钟 西红柿3斤"],
          [("u1", "小周"), ("u2", "王姐"), ("u3", "老钟")]),
     [("u1", "pork_belly", 2), ("u2", "pork_leg", 1), ("u2", "tofu", 2), ("u3", "tomato", 3)])

case("chain-dot-number-glued-to-room-is-not-a-quantity", "fruit",
     grow(FH, ["1.3-1-201 小周 红富士3斤", "2.7-402 Linda 蓝莓2盒", "3.11-2-502 阿伟 香蕉1把 猕猴桃1盒"],
          [("u1", "小周"), ("u2", "Linda"), ("u3", "阿伟")], "截单时间：明天中午12点"),
     [("u1", "fuji_apple", 3), ("u2", "blueberry", 2), ("u3", "banana", 1), ("u3", "kiwi", 1)])

case("full-width-number-glued-to-building-keeps-every-entry", "veg",
     grow("#接龍 周三蔬菜鮮肉團", ["１．5号楼1单元301 刘奶奶 大白菜1颗", "２．8号楼602陈老师 金针菇3袋", "３．2号楼401 何姐 土鸡蛋1盒"],
          [("u1", "刘奶奶"), ("u2", "陈老师"), ("u3", "何姐")]),
     [("u1", "cabbage", 1), ("u2", "enoki", 3), ("u3", "free_range_egg", 1)])

case("paren-number-glued-to-room-keeps-every-entry", "house",
     grow(HH, ["1)3-1-201 小赵 抽纸2提", "2)6-603 老李 花生油1桶", "3）10-2-801王阿姨 洗洁精2瓶 香皂3块"],
          [("u1", "小赵"), ("u2", "老李"), ("u3", "王阿姨")]),
     [("u1", "tissue", 2), ("u2", "peanut_oil", 1), ("u3", "dish_soap", 2), ("u3", "sulfur_soap", 3)])

case("flattened-chain-with-glued-numbers-keeps-every-entry", "veg",
     [("u1", "小周", "#接龙 周三蔬菜鲜肉团 今晚8点截单 1.3-1-201小周 五花肉2斤"),
      ("u2", "Amy", "#接龙 周三蔬菜鲜肉团 今晚8点截单 1.3-1-201小周 五花肉2斤 2.9-101Amy 西红柿2斤 大葱1斤"),
      ("u3", "阿芳", "#接龙 周三蔬菜鲜肉团 今晚8点截单 1.3-1-201小周 五花肉2斤 2.9-101Amy 西红柿2斤 大葱1斤 3、4-2-702阿芳 笨鸡蛋1盒")],
     [("u1", "pork_belly", 2), ("u2", "tomato", 2), ("u2", "scallion", 1), ("u3", "farm_egg", 1)])

case("glued-number-entry-edited-by-its-author-is-a-change", "fruit",
     [("u1", "小周", chain(FH, ["1、3-1-201小周 冰糖心3斤"])),
      ("u2", "Linda", chain(FH, ["1、3-1-201小周 冰糖心3斤", "2、7-402Linda 红提2斤"])),
      ("u1", "小周", chain(FH, ["1、3-1-201小周 冰糖心5斤", "2、7-402Linda 红提2斤"]))],
     [("u1", "aksu_apple", 5), ("u2", "red_globe", 2)])

# ---- politeness and chatter around orders ----------------------------------------------
case("leading-mafan-tuanzhang-is-not-part-of-the-order", "veg",
     [("u1", "小周", "麻烦团长帮我留2斤五花肉"),
      ("u2", "王姐", "麻烦团长 前腿肉1斤半，谢谢"),
      ("u3", "刘奶奶", "团长麻烦你了 豆腐要2块")],
     [("u1", "pork_belly", 2), ("u2", "pork_leg", 1.5), ("u3", "tofu", 2)])

case("trailing-thanks-glued-to-the-unit-is-not-part-of-the-amount", "fruit",
     [("u1", "小周", "蓝莓2盒谢谢🙏"),
      ("u2", "Linda", "猕猴桃1盒谢谢团长[抱拳]"),
      ("u3", "阿伟", "香蕉1把哈哈")],
     [("u1", "blueberry", 2), ("u2", "kiwi", 1), ("u3", "banana", 1)])

case("trailing-nabudong-chatter-is-not-a-cancellation", "veg",
     [("u1", "老李", "西红柿3斤就够了，多了拿不动😂"),
      ("u2", "何姐", "大白菜1颗 太重了拿不动哈哈"),
      ("u3", "小周", "五花肉2斤 不要太肥")],
     [("u1", "tomato", 3), ("u2", "cabbage", 1), ("u3", "pork_belly", 2)])

case("suanle-before-a-new-order-keeps-the-order", "fruit",
     [("u1", "小周", "算了算了 还是来一盒蓝莓吧"),
      ("u2", "Linda", "纠结半天，算了，冰糖心来5斤")],
     [("u1", "blueberry", 1), ("u2", "aksu_apple", 5)])

case("chain-entry-with-thanks-after-keeps-its-quantity", "house",
     grow(HH, ["1. 3-1-201 小赵 抽纸2提 谢谢团长", "2. 6-603 老李 卷纸1提谢谢🙏", "3. 8-1-301 Amy 洗洁精2瓶 辛苦啦[玫瑰]"],
          [("u1", "小赵"), ("u2", "老李"), ("u3", "Amy")]),
     [("u1", "tissue", 2), ("u2", "toilet_roll", 1), ("u3", "dish_soap", 2)])

case("greeting-and-order-in-one-message-is-an-order", "veg",
     [("u1", "刘奶奶", "早上好☀️团长 今天来两斤五花肉哈"),
      ("u2", "小周", "大家早～ 我要金针菇2袋"),
      ("u3", "阿伟", "早上好☀️")],
     [("u1", "pork_belly", 2), ("u2", "enoki", 2)])

# ---- conditional orders --------------------------------------------------------------------
case("you-dehua-lai-yi-he-is-an-order", "fruit",
     [("u1", "小周", "蓝莓有的话来一盒"),
      ("u2", "Linda", "有的话给我留两盒猕猴桃")],
     [("u1", "blueberry", 1), ("u2", "kiwi", 2)])

case("question-then-amount-you-x-ma-yao-2-jin-is-an-order", "veg",
     [("u1", "王姐", "有前腿肉吗 要2斤"),
      ("u2", "老钟", "笨鸡蛋还有吗？有的话要1盒"),
      ("u3", "何姐", "有大葱吗")],
     [("u1", "pork_leg", 2), ("u2", "farm_egg", 1)])

case("if-still-available-otherwise-never-mind-is-an-order", "fruit",
     [("u1", "阿伟", "还有红富士的话给我留3斤，没有就算了"),
      ("u2", "小周", "阳光玫瑰如果还有 来一串 没有就算了哈")],
     [("u1", "fuji_apple", 3), ("u2", "shine_muscat", 1)])

case("availability-question-alone-is-not-an-order", "house",
     [("u1", "小赵", "花生油还有吗？"),
      ("u2", "老李", "有卷纸吗"),
      ("u3", "团长", "有的，都有货"),
      ("u2", "老李", "那卷纸要2提")],
     [("u2", "toilet_roll", 2)])

# ---- 同上 and 我也要 -------------------------------------------------------------------------
case("tongshang-copies-the-order-directly-above", "veg",
     [("u1", "小周", "五花肉2斤 豆腐1块"),
      ("u2", "王姐", "同上")],
     [("u1", "pork_belly", 2), ("u1", "tofu", 1), ("u2", "pork_belly", 2), ("u2", "tofu", 1)])

case("woyeyao-copies-the-single-item-above", "fruit",
     [("u1", "Linda", "蓝莓2盒"),
      ("u2", "阿伟", "我也要"),
      ("u3", "小周", "我也要一样的")],
     [("u1", "blueberry", 2), ("u2", "blueberry", 2), ("u3", "blueberry", 2)])

case("woyeyao-with-its-own-quantity-takes-that-quantity", "veg",
     [("u1", "老钟", "西红柿2斤"),
      ("u2", "刘奶奶", "我也要，来3斤")],
     [("u1", "tomato", 2), ("u2", "tomato", 3)])

case("tongshang-in-a-chain-entry-copies-the-entry-above", "house",
     grow(HH, ["1. 3-1-201 小赵 抽纸2提 香皂1块", "2. 6-603 老李 同上"],
          [("u1", "小赵"), ("u2", "老李")]),
     [("u1", "tissue", 2), ("u1", "sulfur_soap", 1), ("u2", "tissue", 2), ("u2", "sulfur_soap", 1)])

case("tongshang-after-a-message-that-is-not-an-order-is-asked", "fruit",
     [("u1", "小周", "红富士3斤"),
      ("u2", "Linda", "冰糖心甜吗？"),
      ("u3", "阿伟", "同上")],
     [("u1", "fuji_apple", 3)], ["m3"])

case("woyeyao-pointing-at-two-different-orders-is-asked", "veg",
     [("u1", "小周", "五花肉2斤"),
      ("u2", "王姐", "前腿肉1斤"),
      ("u3", "老钟", "@小周 @王姐 我也要")],
     [("u1", "pork_belly", 2), ("u2", "pork_leg", 1)], ["m3"])

# ---- swaps, reductions, corrections, cancellations -----------------------------------------
case("swap-moves-the-quantity-to-the-new-item", "veg",
     [("u1", "小周", "五花肉2斤"),
      ("u1", "小周", "五花肉换成前腿肉吧")],
     [("u1", "pork_leg", 2)])

case("swap-with-a-new-quantity-takes-the-new-quantity", "fruit",
     [("u1", "Linda", "蓝莓2盒"),
      ("u1", "Linda", "蓝莓换成猕猴桃，要1盒")],
     [("u1", "kiwi", 1)])

case("swap-of-one-item-keeps-the-other", "house",
     [("u1", "老李", "抽纸2提 香皂3块"),
      ("u1", "老李", "香皂换成洗衣皂")],
     [("u1", "tissue", 2), ("u1", "laundry_soap", 3)])

case("shaoyao-yige-reduces-by-one", "veg",
     [("u1", "何姐", "土鸡蛋3盒"),
      ("u1", "何姐", "土鸡蛋少要一盒")],
     [("u1", "free_range_egg", 2)])

case("reduction-by-an-amount-keeps-the-rest", "fruit",
     [("u1", "阿伟", "红提3斤 香蕉2把"),
      ("u1", "阿伟", "红提少来1斤，香蕉不变")],
     [("u1", "red_globe", 2), ("u1", "banana", 2)])

case("correction-in-the-next-message-dacuo-le-replaces-the-amount", "veg",
     [("u1", "老钟", "前腿肉2斤"),
      ("u1", "老钟", "打错了，是3斤")],
     [("u1", "pork_leg", 3)])

case("correction-bushi-x-shi-y-swaps-the-item", "fruit",
     [("u1", "小周", "红富士5斤"),
      ("u1", "小周", "不好意思 不是红富士，是冰糖心")],
     [("u1", "aksu_apple", 5)])

case("wode-quanbu-quxiao-cancels-every-line-of-the-sender", "house",
     [("u1", "小赵", "抽纸2提，洗洁精1瓶"),
      ("u2", "老李", "花生油1桶"),
      ("u1", "小赵", "团长我的全部取消，不好意思")],
     [("u2", "peanut_oil", 1)])

case("shandiao-wode-removes-the-senders-chain-entry", "veg",
     grow(VH, ["1. 3-1-201 小周 五花肉2斤", "2. 5-603 王姐 大白菜1颗"], [("u1", "小周"), ("u2", "王姐")])
     + [("u1", "小周", "团长 删掉我的吧，临时出差了")],
     [("u2", "cabbage", 1)])

case("buyao-le-of-one-item-keeps-the-other", "veg",
     [("u1", "刘奶奶", "五花肉2斤 大白菜1颗"),
      ("u1", "刘奶奶", "白菜不要了")],
     [("u1", "pork_belly", 2)])

case("whole-cancellation-does-not-touch-neighbours", "fruit",
     grow(FH, ["1. 3-1-201 小周 蓝莓2盒", "2. 7-402 Linda 香蕉1把"], [("u1", "小周"), ("u2", "Linda")])
     + [("u1", "小周", "我的都取消吧 谢谢")],
     [("u2", "banana", 1)])

case("zaijia-adds-to-the-senders-line", "house",
     [("u1", "Amy", "纯牛奶1箱"),
      ("u1", "Amy", "纯牛奶再加一箱")],
     [("u1", "uht_milk", 2)])

# ---- numerals and units ----------------------------------------------------------------------
case("lia-and-sa-are-counts-in-the-items-unit", "veg",
     [("u1", "小周", "豆腐要俩"),
      ("u2", "王姐", "金针菇来仨"),
      ("u3", "老钟", "俩土鸡蛋")],
     [("u1", "tofu", 2), ("u2", "enoki", 3), ("u3", "free_range_egg", 2)])

case("jin-and-liang-compound-weights-add-up", "veg",
     [("u1", "何姐", "五花肉1斤2两"),
      ("u2", "刘奶奶", "前腿肉一斤八两"),
      ("u3", "老钟", "大葱3两")],
     [("u1", "pork_belly", 1.2), ("u2", "pork_leg", 1.8), ("u3", "scallion", 0.3)])

case("kuai-is-a-unit-for-items-sold-by-the-kuai", "house",
     [("u1", "小赵", "香皂3块"),
      ("u2", "老李", "洗衣皂两块"),
      ("u3", "Amy", "肥皂来5块，香皂1块")],
     [("u1", "sulfur_soap", 3), ("u2", "laundry_soap", 2), ("u3", "laundry_soap", 5), ("u3", "sulfur_soap", 1)])

case("n-kuai-m-is-a-price-not-a-quantity", "veg",
     [("u1", "团长", "老豆腐3块5一块，大葱3块9一斤，需要的接龙"),
      ("u2", "小周", "3块5的豆腐来4块"),
      ("u3", "王姐", "大葱3块9一斤是吧 要2斤")],
     [("u2", "tofu", 4), ("u3", "scallion", 2)])

case("quantity-glued-to-a-spec-is-the-count", "house",
     [("u1", "Amy", "鲜牛奶950ml×2"),
      ("u2", "小赵", "纯牛奶250ml*12 1箱"),
      ("u3", "老李", "花生油5L*1")],
     [("u1", "fresh_milk", 2), ("u2", "uht_milk", 1), ("u3", "peanut_oil", 1)])

case("spec-in-the-order-is-not-a-quantity", "house",
     [("u1", "王阿姨", "5L的花生油来一桶"),
      ("u2", "小赵", "1.5kg洗洁精2瓶")],
     [("u1", "peanut_oil", 1), ("u2", "dish_soap", 2)])

case("grams-and-kilograms-convert-for-jin-items", "veg",
     [("u1", "Linda", "前腿肉500克"),
      ("u2", "阿伟", "五花肉1公斤"),
      ("u3", "小周", "西红柿1.5kg")],
     [("u1", "pork_leg", 1), ("u2", "pork_belly", 2), ("u3", "tomato", 3)])

case("count-for-a-jin-item-is-unresolved", "veg",
     [("u1", "刘奶奶", "西红柿5个"),
      ("u2", "小周", "五花肉2斤")],
     [("u2", "pork_belly", 2)], ["m1"])

case("weight-for-a-kuai-item-is-unresolved", "veg",
     [("u1", "老钟", "豆腐1斤"),
      ("u2", "何姐", "豆腐2块")],
     [("u2", "tofu", 2)], ["m1"])

case("shi-er-and-liang-numerals-count", "house",
     [("u1", "老李", "家里人多 卷纸十二提"),
      ("u2", "Amy", "抽纸两提"),
      ("u3", "小赵", "洗洁精一瓶")],
     [("u1", "toilet_roll", 12), ("u2", "tissue", 2), ("u3", "dish_soap", 1)])

case("half-jin-and-jin-ban-are-halves", "fruit",
     [("u1", "小周", "红提两斤半"),
      ("u2", "Linda", "冰糖心半斤尝尝"),
      ("u3", "阿伟", "红富士3斤半")],
     [("u1", "red_globe", 2.5), ("u2", "aksu_apple", 0.5), ("u3", "fuji_apple", 3.5)])

# ---- not orders ---------------------------------------------------------------------------------
case("after-sales-broken-eggs-is-not-an-order", "veg",
     [("u1", "小周", "土鸡蛋2盒"),
      ("u2", "王姐", "团长 昨天拿的土鸡蛋碎了两个😭"),
      ("u3", "老钟", "上次的豆腐坏了1块")],
     [("u1", "free_range_egg", 2)])

case("after-sales-missing-bag-is-not-a-reduction", "veg",
     [("u1", "何姐", "金针菇2袋"),
      ("u1", "何姐", "对了团长 上次的金针菇少了一袋")],
     [("u1", "enoki", 2)])

case("after-sales-refund-question-is-not-an-order", "fruit",
     [("u1", "Linda", "上周的香蕉坏了3根 能退吗"),
      ("u2", "小周", "昨天的蓝莓有一盒烂了，可以退款吗")],
     [])

case("asking-whether-my-order-was-recorded-is-not-a-new-order", "veg",
     [("u1", "小周", "五花肉2斤"),
      ("u1", "小周", "团长我的五花肉2斤记上了没")],
     [("u1", "pork_belly", 2)])

case("asking-whether-chain-entry-was-recorded-is-not-a-new-order", "fruit",
     grow(FH, ["1. 3-1-201 小周 蓝莓2盒"], [("u1", "小周")])
     + [("u1", "小周", "我接龙的蓝莓2盒接上了吗？")],
     [("u1", "blueberry", 2)])

case("leader-running-tally-restating-two-orders-is-not-an-order", "veg",
     [("u1", "小周", "五花肉2斤"),
      ("u2", "王姐", "前腿肉3斤"),
      ("u9", "团长", "目前统计：五花肉 2斤，前腿肉 3斤，还差10斤成团")],
     [("u1", "pork_belly", 2), ("u2", "pork_leg", 3)])

case("leader-acknowledgement-shoudao-at-is-not-an-order", "house",
     [("u1", "小赵", "抽纸2提"),
      ("u9", "团长", "收到@小赵 抽纸2提"),
      ("u2", "老李", "花生油1桶"),
      ("u9", "团长", "收到@老李 花生油1桶 已记上")],
     [("u1", "tissue", 2), ("u2", "peanut_oil", 1)])

case("leader-numbered-price-list-is-not-an-order", "fruit",
     [("u9", "团长", "今日水果：\n1. 红富士 6.9元/斤\n2. 冰糖心 8.9元/斤\n3. 香蕉 12.9元/把\n4. 蓝莓 19.9元/盒"),
      ("u1", "小周", "冰糖心4斤")],
     [("u1", "aksu_apple", 4)])

case("question-about-a-product-with-an-amount-is-not-an-order", "veg",
     [("u1", "老钟", "前腿肉2斤大概多少钱？"),
      ("u2", "何姐", "笨鸡蛋一盒有多少个啊"),
      ("u3", "小周", "大白菜一颗几斤？")],
     [])

case("past-tense-story-is-not-an-order", "fruit",
     [("u1", "阿伟", "上次买了3斤红富士，全家都说甜"),
      ("u2", "Linda", "我上周团的2盒蓝莓早吃完了😂")],
     [])

case("past-story-followed-by-an-order-counts-only-the-order", "fruit",
     [("u1", "小周", "上次的冰糖心很好吃，这次来5斤"),
      ("u2", "Linda", "之前买过2盒猕猴桃，这次要3盒")],
     [("u1", "aksu_apple", 5), ("u2", "kiwi", 3)])

case("after-sales-then-new-order-in-one-message-counts-the-order", "house",
     [("u1", "老李", "上次的抽纸少了一提，这次要两提卷纸"),
      ("u2", "Amy", "上回的洗洁精漏了一瓶，这次花生油1桶")],
     [("u1", "toilet_roll", 2), ("u2", "peanut_oil", 1)])

case("chatter-about-quantities-without-ordering-is-not-an-order", "veg",
     [("u1", "王姐", "我家三口人，五花肉买2斤够吃吗"),
      ("u2", "老钟", "够了够了"),
      ("u1", "王姐", "那就2斤五花肉")],
     [("u1", "pork_belly", 2)])

# ---- exact aliases, synonyms and generic words -------------------------------------------------
case("exact-alias-tizi-is-not-ambiguous-with-grapes", "fruit",
     [("u1", "小周", "提子2斤"),
      ("u2", "Linda", "红提1斤"),
      ("u3", "阿伟", "阳光玫瑰1串")],
     [("u1", "red_globe", 2), ("u2", "red_globe", 1), ("u3", "shine_muscat", 1)])

case("generic-pork-with-two-pork-cuts-is-asked", "veg",
     [("u1", "老钟", "猪肉2斤"),
      ("u2", "刘奶奶", "五花肉1斤")],
     [("u2", "pork_belly", 1)], ["m1"])

case("generic-apple-with-two-varieties-is-asked", "fruit",
     [("u1", "小周", "苹果3斤"),
      ("u2", "Linda", "冰糖心苹果2斤"),
      ("u3", "阿伟", "红富士苹果1斤")],
     [("u2", "aksu_apple", 2), ("u3", "fuji_apple", 1)], ["m1"])

case("generic-egg-with-two-egg-offers-is-asked", "veg",
     [("u1", "何姐", "鸡蛋1盒"),
      ("u2", "王姐", "土鸡蛋1盒"),
      ("u3", "小周", "笨鸡蛋2盒")],
     [("u2", "free_range_egg", 1), ("u3", "farm_egg", 2)], ["m1"])

case("exact-alias-tujidan-is-not-ambiguous-with-benjidan", "veg",
     [("u1", "老钟", "土鸡蛋2盒"),
      ("u2", "刘奶奶", "柴鸡蛋1盒")],
     [("u1", "free_range_egg", 2)], ["m2"])

case("generic-milk-with-two-milks-is-asked", "house",
     [("u1", "Amy", "牛奶来两个"),
      ("u2", "小赵", "纯奶1箱"),
      ("u3", "老李", "鲜奶2瓶")],
     [("u2", "uht_milk", 1), ("u3", "fresh_milk", 2)], ["m1"])

case("deal-number-picks-one-of-two-varieties", "fruit",
     [("u1", "小周", "2号 3斤"),
      ("u2", "Linda", "#1 2斤"),
      ("u3", "阿伟", "4号两盒")],
     [("u1", "aksu_apple", 3), ("u2", "fuji_apple", 2), ("u3", "blueberry", 2)])

case("generic-word-in-a-chain-entry-is-asked-and-the-rest-counted", "veg",
     grow(VH, ["1. 3-1-201 小周 猪肉2斤 豆腐1块", "2. 5-603 王姐 前腿肉1斤"], [("u1", "小周"), ("u2", "王姐")]),
     [("u1", "tofu", 1), ("u2", "pork_leg", 1)], ["m1"])

case("pinyin-typos-match-and-a-typo-of-a-generic-word-is-asked", "fruit",
     [("u1", "刘奶奶", "平果3斤"),  # 平果 = ping guo = 苹果, which both apples' names hold
      ("u2", "小周", "兰莓2盒"),
      ("u3", "Linda", "香焦1把")],
     [("u2", "blueberry", 2), ("u3", "banana", 1)], ["m1"])

# ---- probes on two more catalogs (breakfast, orchard): each phenomenon again in other words -------------
BH = "#接龙 周六早餐鲜肉团"
OH = "【周日水果接龙】"

case("chain-dunhao-number-glued-to-building-or-room-keeps-every-entry", "breakfast",
     grow(BH, ["1、5号楼2单元301 王姐 水饺2袋", "2、10-2-1103李叔 排骨3斤", "3、7栋602 小芳 豆浆4瓶 小笼包1袋"],
          [("u1", "王姐"), ("u2", "李叔"), ("u3", "小芳")]),
     [("u1", "dumplings", 2), ("u2", "spare_ribs", 3), ("u3", "soy_milk", 4), ("u3", "xiaolongbao", 1)])

case("chain-full-width-numbers-glued-to-rooms-keep-every-entry", "orchard",
     grow(OH, ["１．3-2-502 陈姐 草莓2盒", "２．12-1-301老王 车厘子1盒", "３．8号楼1201 阿May 脐橙5斤"],
          [("u1", "陈姐"), ("u2", "老王"), ("u3", "阿May")], "截单时间：周六晚9点"),
     [("u1", "strawberry", 2), ("u2", "cherry", 1), ("u3", "navel_orange", 5)])

case("chain-paren-numbers-glued-to-rooms-with-names-glued-keep-every-entry", "breakfast",
     grow(BH, ["1)2-1-101张阿姨 鱼头1个", "2)9-3-902刘 大米1袋", "3）6-602 周 嫩豆腐2块"],
          [("u1", "张阿姨"), ("u2", "刘"), ("u3", "周")]),
     [("u1", "fish_head", 1), ("u2", "rice", 1), ("u3", "soft_tofu", 2)])

case("politeness-and-chatter-around-an-order-are-not-part-of-it", "orchard",
     [("u1", "陈姐", "麻烦团长帮我留两盒草莓，谢谢🙏"),
      ("u2", "老王", "团长早上好☀️ 脐橙来5斤"),
      ("u3", "阿May", "沃柑3斤 辛苦团长啦～"),
      ("u4", "小林", "算了 西瓜还是要1个吧"),
      ("u5", "何姐", "榴莲1个 多了拿不动😂")],
     [("u1", "strawberry", 2), ("u2", "navel_orange", 5), ("u3", "mandarin", 3), ("u4", "watermelon", 1),
      ("u5", "durian", 1)])

case("conditional-orders-if-still-available-count", "orchard",
     [("u1", "陈姐", "榴莲还有吗？有的话来一个"),
      ("u2", "老王", "芒果有的话来3斤，没有就算了"),
      ("u3", "阿May", "车厘子还有没 有就要1盒")],
     [("u1", "durian", 1), ("u2", "mango", 3), ("u3", "cherry", 1)])

case("a-question-alone-orders-nothing-but-a-question-then-an-amount-orders", "orchard",
     [("u1", "陈姐", "西瓜甜吗"),
      ("u2", "老王", "草莓还有吗"),
      ("u3", "阿May", "有贵妃芒吗 要2斤"),
      ("u4", "小林", "车厘子一盒多少个")],
     [("u3", "mango", 2)])

case("swap-moves-the-quantity-to-the-other-cut-and-the-other-dumpling", "breakfast",
     [("u1", "李叔", "排骨3斤"),
      ("u1", "李叔", "排骨换成梅花肉"),
      ("u2", "王姐", "水饺2袋"),
      ("u2", "王姐", "把水饺换成小笼包")],
     [("u1", "pork_shoulder", 3), ("u2", "xiaolongbao", 2)])

case("swap-with-an-amount-after-the-new-item-takes-that-amount", "breakfast",
     [("u1", "小芳", "豆浆4瓶"),
      ("u1", "小芳", "豆浆换成鲜牛奶2瓶")],
     [("u1", "fresh_milk", 2)])

case("shaoyao-and-jian-reduce-by-the-amount-written", "breakfast",
     [("u1", "王姐", "水饺3袋"),
      ("u1", "王姐", "水饺少要一袋"),
      ("u2", "小芳", "豆浆5瓶"),
      ("u2", "小芳", "豆浆减2瓶")],
     [("u1", "dumplings", 2), ("u2", "soy_milk", 3)])

case("correction-names-the-item-or-fixes-the-last-line", "breakfast",
     [("u1", "李叔", "排骨2斤 梅花肉1斤"),
      ("u1", "李叔", "打错了，排骨是3斤"),
      ("u2", "小芳", "小笼包1袋"),
      ("u2", "小芳", "写错了 应该是2袋")],
     [("u1", "spare_ribs", 3), ("u1", "pork_shoulder", 1), ("u2", "xiaolongbao", 2)])

case("whole-order-cancellations-in-other-words-cancel-everything", "breakfast",
     [("u1", "王姐", "水饺2袋 豆浆2瓶"),
      ("u2", "李叔", "排骨3斤"),
      ("u3", "张阿姨", "鱼头1个"),
      ("u4", "刘", "大米1袋"),
      ("u1", "王姐", "团长我的全部取消吧 临时出差"),
      ("u2", "李叔", "删掉我的 谢谢"),
      ("u3", "张阿姨", "我的都不要了")],
     [("u4", "rice", 1)])

case("lia-and-sa-count-the-items-unit-but-not-people", "breakfast",
     [("u1", "张阿姨", "鱼头要俩"),
      ("u2", "周", "嫩豆腐来仨"),
      ("u3", "小芳", "俩小笼包"),
      ("u4", "刘", "我们俩 水饺1袋就够")],
     [("u1", "fish_head", 2), ("u2", "soft_tofu", 3), ("u3", "xiaolongbao", 2), ("u4", "dumplings", 1)])

case("jin-and-liang-compound-weights-convert-to-jin", "breakfast",
     [("u1", "李叔", "排骨1斤5两"),
      ("u2", "王姐", "梅花肉二斤半"),
      ("u3", "小芳", "排骨半斤"),
      ("u4", "刘", "梅花肉8两")],
     [("u1", "spare_ribs", 1.5), ("u2", "pork_shoulder", 2.5), ("u3", "spare_ribs", 0.5), ("u4", "pork_shoulder", 0.8)])

case("kuai-counts-tofu-and-kuai-with-cents-is-its-price", "breakfast",
     [("u1", "周", "嫩豆腐3块"),
      ("u2", "张阿姨", "豆腐两块"),
      ("u3", "小芳", "2块5的豆腐来两块")],
     [("u1", "soft_tofu", 3), ("u2", "soft_tofu", 2), ("u3", "soft_tofu", 2)])

case("a-volume-spec-times-a-count-is-the-count", "breakfast",
     [("u1", "王姐", "鲜牛奶950ml×2"),
      ("u2", "小芳", "豆浆500ml*3"),
      ("u3", "刘", "鲜奶950ml 1瓶")],
     [("u1", "fresh_milk", 2), ("u2", "soy_milk", 3), ("u3", "fresh_milk", 1)])

case("after-sales-complaints-in-other-words-add-nothing", "orchard",
     [("u1", "陈姐", "草莓2盒"),
      ("u1", "陈姐", "昨天的草莓坏了两盒"),
      ("u2", "老王", "上次的车厘子少了一盒"),
      ("u3", "阿May", "西瓜能退吗 不甜"),
      ("u4", "何姐", "榴莲是坏的，能换吗")],
     [("u1", "strawberry", 2)])

case("asking-whether-an-order-was-recorded-in-other-words-adds-nothing", "breakfast",
     [("u1", "李叔", "排骨3斤"),
      ("u1", "李叔", "团长我的排骨3斤记上了没？"),
      ("u2", "王姐", "水饺2袋"),
      ("u2", "王姐", "我水饺2袋接上了吗")],
     [("u1", "spare_ribs", 3), ("u2", "dumplings", 2)])

case("leader-tally-and-acknowledgements-in-other-words-add-nothing", "orchard",
     [("u1", "陈姐", "草莓2盒"),
      ("u2", "老王", "车厘子1盒"),
      ("u9", "团长", "收到@陈姐 草莓2盒"),
      ("u9", "团长", "@老王 收到，车厘子1盒"),
      ("u9", "团长", "目前统计：草莓2盒 车厘子1盒 脐橙10斤")],
     [("u1", "strawberry", 2), ("u2", "cherry", 1)])

case("exact-alias-chelizi-is-not-ambiguous-with-big-cherries", "orchard",
     [("u1", "陈姐", "车厘子1盒"),
      ("u2", "老王", "大樱桃2斤")],
     [("u1", "cherry", 1), ("u2", "big_cherry", 2)])

case("generic-pork-over-two-black-pork-cuts-is-asked", "breakfast",
     [("u1", "李叔", "猪肉2斤"),
      ("u2", "王姐", "黑猪肉1斤"),
      ("u3", "小芳", "梅花肉1斤")],
     [("u3", "pork_shoulder", 1)], ["m1", "m2"])

case("deal-numbers-hao-hash-and-di-order-but-hao-lou-is-a-building", "breakfast",
     [("u1", "王姐", "3号2瓶"),
      ("u2", "李叔", "#1 两袋"),
      ("u3", "张阿姨", "第6个来一个"),
      ("u4", "刘", "3号楼 水饺1袋")],
     [("u1", "soy_milk", 2), ("u2", "dumplings", 2), ("u3", "fish_head", 1), ("u4", "dumplings", 1)])

case("slash-and-plus-between-items-separate-them", "breakfast",
     [("u1", "李叔", "排骨3斤/梅花肉 2斤"),
      ("u2", "王姐", "水饺2袋+小笼包 1袋+豆浆3瓶")],
     [("u1", "spare_ribs", 3), ("u1", "pork_shoulder", 2), ("u2", "dumplings", 2), ("u2", "xiaolongbao", 1),
      ("u2", "soy_milk", 3)])

case("deal-number-in-chinese-numerals-di-san-ge-orders-that-deal", "breakfast",
     [("u1", "老赵", "第三个来2瓶"),
      ("u2", "小吴", "第一个 两袋")],
     [("u1", "soy_milk", 2), ("u2", "dumplings", 2)])

case("short-or-broken-delivery-in-other-words-is-after-sales", "breakfast",
     [("u1", "小郑", "水饺2袋"),
      ("u1", "小郑", "水饺破了一袋"),
      ("u2", "小钱", "少给了一斤排骨"),
      ("u3", "小孙", "鱼头不新鲜 要求退款")],
     [("u1", "dumplings", 2)])

case("a-second-thought-in-one-message-takes-the-amount-said-last", "breakfast",
     [("u1", "小秦", "豆浆来一瓶吧，算了还是两瓶")],
     [("u1", "soy_milk", 2)])

case("leader-numbered-tally-and-plain-acknowledgements-add-nothing", "orchard",
     [("u1", "陈姐", "草莓2盒"),
      ("u2", "老王", "车厘子1盒 脐橙5斤"),
      ("u9", "团长", "目前接龙统计\n1. 陈姐 草莓2盒\n2. 老王 车厘子1盒 脐橙5斤"),
      ("u9", "团长", "好的 已记录 陈姐 草莓2盒"),
      ("u9", "团长", "收到 老王 车厘子1盒")],
     [("u1", "strawberry", 2), ("u2", "cherry", 1), ("u2", "navel_orange", 5)])

case("plus-one-and-same-as-upstairs-copy-the-order-directly-above", "breakfast",
     [("u1", "王姐", "水饺2袋"),
      ("u2", "李叔", "+1"),
      ("u3", "小芳", "排骨3斤"),
      ("u4", "周", "跟楼上一样")],
     [("u1", "dumplings", 2), ("u2", "dumplings", 2), ("u3", "spare_ribs", 3), ("u4", "spare_ribs", 3)])

case("zai-lai-adds-to-the-own-line-and-a-named-cancel-keeps-the-rest", "breakfast",
     [("u1", "刘", "豆浆2瓶"),
      ("u1", "刘", "再来2瓶"),
      ("u2", "张阿姨", "小笼包1袋 鱼头1个"),
      ("u2", "张阿姨", "删掉我的鱼头")],
     [("u1", "soy_milk", 4), ("u2", "xiaolongbao", 1)])

case("questions-about-products-pickup-and-records-order-nothing", "breakfast",
     [("u1", "小李", "排骨是前排还是后排？"),
      ("u2", "小王", "水饺什么馅的"),
      ("u3", "小冯", "明天几点到"),
      ("u4", "小陈", "水饺1袋"),
      ("u4", "小陈", "我的接上了吗"),
      ("u5", "小褚", "豆浆1瓶"),
      ("u5", "小褚", "团长我报了吗")],
     [("u4", "dumplings", 1), ("u5", "soy_milk", 1)])

case("deal-numbers-joined-by-plus-keep-their-amounts-and-the-note", "orchard",
     [("u1", "老钟", "8-2-301 老钟 #1×2+4号×5+6号×3 挑大个的谢谢🙏"),
      ("u2", "Amy", "7号2个 挑好一点的")],
     [("u1", "strawberry", 2), ("u1", "navel_orange", 5), ("u1", "mango", 3), ("u2", "watermelon", 2)])

case("typos-listed-before-ge-or-beside-a-verb-count", "veg",
     [("u1", "Amy", "西红市、五化肉各2斤"),
      ("u2", "刘奶奶", "豆付来俩 金针姑要仨")],
     [("u1", "tomato", 2), ("u1", "pork_belly", 2), ("u2", "tofu", 2), ("u2", "enoki", 3)])

case("kilograms-glued-before-the-name-count-in-jin", "orchard",
     [("u1", "小美", "帮我留0.5kg脐橙, 2KG芒果～"),
      ("u2", "老王", "1kg沃柑")],
     [("u1", "navel_orange", 1), ("u1", "mango", 4), ("u2", "mandarin", 2)])

case("a-plus-before-a-chinese-amount-with-its-unit-joins-two-items", "fruit",
     [("u1", "老钟", "4号楼1单元101 老钟 我要两把香蕉+十斤红富士 要甜一点的～")],
     [("u1", "banana", 2), ("u1", "fuji_apple", 10)])

case("a-volume-spec-times-a-count-with-its-unit-is-the-count", "house",
     [("u1", "老李", "鲜牛奶950ml*2瓶"),
      ("u2", "小赵", "纯牛奶250ml*12 2箱"),
      ("u3", "王阿姨", "鲜奶950ml×3瓶 谢谢")],
     [("u1", "fresh_milk", 2), ("u2", "uht_milk", 2), ("u3", "fresh_milk", 3)])

case("whole-cancel-after-a-chain-entry-and-a-swap-after-a-giving-up", "veg",
     [("u1", "小周", "#接龙 周三蔬菜鲜肉团\n今晚8点截单\n1、小周3-1-201 五花肉2斤"),
      ("u2", "王姐", "#接龙 周三蔬菜鲜肉团\n今晚8点截单\n1、小周3-1-201 五花肉2斤\n2、王姐 5-2-602 前腿肉1斤\n   豆腐2块"),
      ("u1", "小周", "我的全部取消"),
      ("u4", "何姐", "大葱1斤 大白菜一颗 土鸡蛋一盒"),
      ("u4", "何姐", "大白菜不要了，换成笨鸡蛋")],
     [("u2", "pork_leg", 1), ("u2", "tofu", 2), ("u4", "scallion", 1), ("u4", "free_range_egg", 1),
      ("u4", "farm_egg", 1)])

case("a-change-and-a-cancel-in-one-message-each-apply", "breakfast",
     [("u1", "Dan", "大米1袋 鱼头1个"),
      ("u1", "Dan", "大米改成2袋，鱼头不要了"),
      ("u2", "Eva", "水饺2袋"),
      ("u2", "Eva", "水饺不要了，豆浆3瓶")],
     [("u1", "rice", 2), ("u2", "soy_milk", 3)])

case("an-amount-with-a-softening-ba-is-an-order-not-a-tag-question", "breakfast",
     [("u1", "Fay", "水饺两袋吧 谢谢团长 辛苦了"),
      ("u2", "Gus", "是韭菜馅的吧")],
     [("u1", "dumplings", 2)])

case("woyeyao-at-a-name-copies-that-residents-order", "breakfast",
     [("u1", "小周", "水饺2袋 豆浆3瓶"),
      ("u2", "王姐", "排骨2斤"),
      ("u3", "老钟", "@小周 我也要")],
     [("u1", "dumplings", 2), ("u1", "soy_milk", 3), ("u2", "spare_ribs", 2), ("u3", "dumplings", 2),
      ("u3", "soy_milk", 3)])

case("typos-with-no-amount-after-an-address-are-asked-not-dropped", "veg",
     [("u1", "Amy", "9栋2单元302 Amy 豆付 金针姑 西红市 要新鲜的"),
      ("u2", "小龙", "5-1-101 小龙 五花肉1斤")],
     [("u2", "pork_belly", 1)], ["m1"])

case("whole-cancel-then-a-new-order-in-one-message-keeps-only-the-new-order", "breakfast",
     [("u1", "小周", "排骨2斤 豆浆3瓶"),
      ("u1", "小周", "我的不要了，来2袋水饺")],
     [("u1", "dumplings", 2)])
