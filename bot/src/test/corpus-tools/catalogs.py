# The three catalogs of the issue-11 cases (none of them a corpus catalog).
def item(no, id, name, aliases, unit, spec, price):
    return {"no": no, "id": id, "name": name, "aliases": aliases, "unit": unit, "spec": spec, "priceFen": price}

VEG = {"campaign": "2026-12-16", "items": [
    item(1, "pork_belly", "土猪五花肉", ["五花肉", "五花"], "斤", "", 1980),
    item(2, "pork_leg", "土猪前腿肉", ["前腿肉", "腿肉"], "斤", "", 1680),
    item(3, "tomato", "沙瓤西红柿", ["西红柿", "番茄"], "斤", "", 450),
    item(4, "cabbage", "黄心大白菜", ["大白菜", "白菜"], "颗", "约3斤", 590),
    item(5, "tofu", "卤水老豆腐", ["老豆腐", "豆腐"], "块", "约500g", 350),
    item(6, "enoki", "金针菇", [], "袋", "200g", 290),
    item(7, "free_range_egg", "散养土鸡蛋", ["土鸡蛋"], "盒", "15枚", 2290),
    item(8, "farm_egg", "农家笨鸡蛋", ["笨鸡蛋"], "盒", "30枚", 3590),
    item(9, "scallion", "山东大葱", ["大葱"], "斤", "", 390),
]}

FRUIT = {"campaign": "2026-12-17", "items": [
    item(1, "fuji_apple", "烟台红富士苹果", ["红富士"], "斤", "", 690),
    item(2, "aksu_apple", "阿克苏冰糖心苹果", ["冰糖心"], "斤", "", 890),
    item(3, "banana", "海南香蕉", ["香蕉"], "把", "约3斤", 1290),
    item(4, "blueberry", "云南蓝莓", ["蓝莓"], "盒", "125g", 1990),
    item(5, "kiwi", "徐香猕猴桃", ["猕猴桃"], "盒", "12个装", 2590),
    item(6, "red_globe", "新疆红提", ["红提", "提子"], "斤", "", 990),
    item(7, "shine_muscat", "阳光玫瑰葡萄", ["阳光玫瑰"], "串", "约1.5斤", 2990),
]}

HOUSE = {"campaign": "2026-12-18", "items": [
    item(1, "tissue", "清风抽纸", ["抽纸"], "提", "3层100抽*6包", 1590),
    item(2, "toilet_roll", "维达卷纸", ["卷纸"], "提", "10卷", 2990),
    item(3, "sulfur_soap", "上海硫磺皂", ["硫磺皂", "香皂"], "块", "85g", 450),
    item(4, "laundry_soap", "雕牌洗衣皂", ["洗衣皂", "肥皂"], "块", "202g", 390),
    item(5, "dish_soap", "白猫洗洁精", ["洗洁精"], "瓶", "1.5kg", 1290),
    item(6, "uht_milk", "特仑苏纯牛奶", ["纯牛奶", "纯奶"], "箱", "250ml*12", 6590),
    item(7, "fresh_milk", "每日鲜牛奶", ["鲜牛奶", "鲜奶"], "瓶", "950ml", 1590),
    item(8, "peanut_oil", "鲁花花生油", ["花生油"], "桶", "5L", 15990),
]}

# Two more, for the probes of the third session: two pork cuts again but other names, a tofu by the 块 beside
# a milk by the 950ml 瓶; and a fruit stall where the dictionary's 樱桃,车厘子 reaches two items.
BREAKFAST = {"campaign": "2026-12-20", "items": [
    item(1, "dumplings", "手工韭菜水饺", ["水饺", "饺子"], "袋", "1kg", 2590),
    item(2, "xiaolongbao", "鲜肉小笼包", ["小笼包"], "袋", "20只", 1990),
    item(3, "soy_milk", "原磨豆浆", ["豆浆"], "瓶", "500ml", 590),
    item(4, "spare_ribs", "黑猪肋排", ["肋排", "排骨"], "斤", "", 3880),
    item(5, "pork_shoulder", "黑猪梅花肉", ["梅花肉"], "斤", "", 2980),
    item(6, "fish_head", "千岛湖鱼头", ["鱼头"], "个", "约2斤", 3990),
    item(7, "rice", "五常大米", ["大米"], "袋", "10斤", 6990),
    item(8, "soft_tofu", "内酯嫩豆腐", ["嫩豆腐", "豆腐"], "块", "400g", 250),
    item(9, "fresh_milk", "光明鲜牛奶", ["鲜牛奶", "鲜奶"], "瓶", "950ml", 1890),
]}

ORCHARD = {"campaign": "2026-12-21", "items": [
    item(1, "strawberry", "丹东红颜草莓", ["草莓"], "盒", "500g", 3990),
    item(2, "cherry", "智利车厘子", ["车厘子"], "盒", "J级 1kg", 8990),
    item(3, "big_cherry", "山东大樱桃", ["大樱桃"], "斤", "", 3590),
    item(4, "navel_orange", "赣南脐橙", ["脐橙"], "斤", "", 690),
    item(5, "mandarin", "广西沃柑", ["沃柑"], "斤", "", 590),
    item(6, "mango", "海南贵妃芒", ["贵妃芒", "芒果"], "斤", "", 1290),
    item(7, "watermelon", "麒麟西瓜", ["西瓜"], "个", "约5斤", 2590),
    item(8, "durian", "金枕榴莲", ["榴莲"], "个", "3-4斤", 19900),
]}

CATALOGS = {"veg": VEG, "fruit": FRUIT, "house": HOUSE, "breakfast": BREAKFAST, "orchard": ORCHARD}
