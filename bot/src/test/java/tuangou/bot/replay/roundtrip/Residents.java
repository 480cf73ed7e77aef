package tuangou.bot.replay.roundtrip;

import java.util.List;

/** The people of the generated groups: sender ids, nicknames and where they live. */
final class Residents {
  record Resident(String sender, String name, String room, String building) {}

  static final List<Resident> ALL = List.of(
      new Resident("u1", "张姐", "3-1-201", "5号楼1单元301"),
      new Resident("u2", "小周", "7-402", "12栋302"),
      new Resident("u3", "王阿姨", "12-2-1101", "8号楼602"),
      new Resident("u4", "老李", "5-603", "3栋2单元501"),
      new Resident("u5", "Linda", "2-1-302", "6号楼1103"),
      new Resident("u6", "刘奶奶", "9-101", "1号楼2单元202"),
      new Resident("u7", "阿伟", "11-1-502", "10栋1单元801"),
      new Resident("u8", "陈老师", "4-2-701", "2号楼401"),
      new Resident("u9", "小梅", "6-1-1502", "7号楼3单元1201"),
      new Resident("u10", "何姐", "1-3-402", "15栋602"),
      new Resident("u11", "老钟", "8-2-301", "4号楼1单元101"),
      new Resident("u12", "Amy", "10-1-1001", "9栋2单元302"));

  /** Nicknames with emoji, as WeChat shows them. */
  static final List<String> EMOJI_NAMES = List.of("🌸小美", "🍀Cici", "阳光☀️", "🐟鱼儿", "A💕燕子", "🌈彩虹妈妈");

  private Residents() {}
}
