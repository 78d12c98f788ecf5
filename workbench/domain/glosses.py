"""What the characters of a Chinese name mean in English: a company or place is often named in
English by translating its name rather than spelling it (长城汽车 Great Wall Motor, 光明乳业
Bright Dairy, 白鹭 Egret), so "checked before?" ties an English name to a Chinese one by its
meaning as well as by its pinyin (`domain.romanise`).

A table of the characters and words most used in names of companies, brands and places, each
with the English words that translate it: written for this project from common dictionary
senses, not from any list of names. A character it does not hold ties nothing by meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache

from workbench.domain.romanise import readings

# Two-character words whose meaning is not that of their characters (白鹭 is an egret, not a
# white heron; 云杉 a spruce).
_WORDS: dict[str, tuple[str, ...]] = {
    "白鹭": ("egret",),
    "苍鹭": ("grey heron", "gray heron", "heron"),
    "云雀": ("skylark", "lark"),
    "云杉": ("spruce",),
    "长城": ("great wall",),
    "光明": ("bright", "brightness"),
    "凤凰": ("phoenix",),
    "麒麟": ("kylin", "qilin"),
    "蝴蝶": ("butterfly",),
    "琥珀": ("amber",),
    "珊瑚": ("coral",),
    "翡翠": ("jade", "emerald"),
    "玫瑰": ("rose",),
    "葡萄": ("grape", "vine"),
    "芙蓉": ("hibiscus", "lotus"),
    "杜鹃": ("azalea", "cuckoo"),
    "海鸥": ("seagull", "gull"),
    "天鹅": ("swan",),
    "孔雀": ("peacock",),
    "鸳鸯": ("mandarin duck",),
    "骆驼": ("camel",),
    "熊猫": ("panda",),
    "彩虹": ("rainbow",),
    "闪电": ("lightning",),
    "黎明": ("dawn",),
    "晨曦": ("dawn", "daybreak"),
    "星辰": ("stars",),
    "宇宙": ("universe", "cosmos"),
    "海洋": ("ocean",),
    "森林": ("forest",),
    "草原": ("prairie", "grassland"),
    "沙漠": ("desert",),
    "冰川": ("glacier",),
    "瀑布": ("waterfall", "falls"),
    "灯塔": ("lighthouse",),
    "长江": ("yangtze",),
    "黄河": ("yellow river",),
    "未来": ("future",),
    "先锋": ("pioneer", "vanguard"),
    "希望": ("hope",),
    "和平": ("peace",),
    "胜利": ("victory",),
    "友谊": ("friendship",),
    "永恒": ("eternal",),
}

# Single characters, each with its most common senses in a name.
_CHARS: dict[str, tuple[str, ...]] = {
    # sky, weather, light
    "天": ("sky", "heaven", "heavenly"),
    "日": ("sun",),
    "阳": ("sun", "sunny", "yang"),
    "月": ("moon",),
    "星": ("star", "stars"),
    "辰": ("star", "stars"),
    "云": ("cloud", "clouds"),
    "雨": ("rain",),
    "雪": ("snow", "snowy"),
    "霜": ("frost",),
    "雷": ("thunder",),
    "电": ("lightning", "electric"),
    "风": ("wind",),
    "虹": ("rainbow",),
    "霞": ("rosy cloud", "glow", "sunset"),
    "晨": ("morning", "dawn"),
    "曦": ("dawn", "sunlight", "daybreak"),
    "晴": ("clear", "sunny", "fair"),
    "光": ("light", "bright"),
    "明": ("bright", "light"),
    "辉": ("radiance", "glory", "brilliance"),
    "耀": ("shine", "shining", "radiant"),
    "晓": ("dawn", "daybreak"),
    "暮": ("dusk", "evening"),
    "夜": ("night",),
    "春": ("spring",),
    "夏": ("summer",),
    "秋": ("autumn", "fall"),
    "冬": ("winter",),
    # land and water
    "山": ("mountain", "hill", "mount"),
    "岭": ("ridge", "range"),
    "峰": ("peak", "summit"),
    "岩": ("rock", "crag", "cliff"),
    "岫": ("crag", "cave"),
    "石": ("stone", "rock"),
    "崖": ("cliff",),
    "谷": ("valley", "grain"),
    "原": ("plain", "field", "origin"),
    "野": ("wild", "field"),
    "田": ("field",),
    "林": ("forest", "wood", "woods"),
    "森": ("forest",),
    "木": ("wood", "tree"),
    "树": ("tree",),
    "江": ("river",),
    "河": ("river",),
    "川": ("river", "stream"),
    "溪": ("brook", "stream", "creek"),
    "泉": ("spring", "fountain"),
    "湖": ("lake",),
    "海": ("sea", "ocean"),
    "洋": ("ocean",),
    "湾": ("bay",),
    "港": ("harbour", "harbor", "port"),
    "洲": ("isle", "island", "continent"),
    "岛": ("island", "isle"),
    "屿": ("islet", "island", "isle"),
    "滩": ("beach", "shoal"),
    "潮": ("tide",),
    "波": ("wave",),
    "浪": ("wave", "waves"),
    "澜": ("billow", "wave", "waves"),
    "涛": ("wave", "billow"),
    "沙": ("sand", "sandy"),
    "泥": ("mud", "clay"),
    "冰": ("ice",),
    "水": ("water",),
    "火": ("fire",),
    "土": ("earth", "soil"),
    "地": ("earth", "land", "ground"),
    "桥": ("bridge",),
    "塔": ("tower", "pagoda"),
    "城": ("city", "town", "wall"),
    "门": ("gate", "door"),
    "路": ("road", "way"),
    "道": ("way", "road", "path"),
    "园": ("garden", "park"),
    "泽": ("marsh", "lake", "pool"),
    "渚": ("islet", "isle"),
    "汀": ("islet", "shoal", "isle"),
    "坡": ("slope",),
    "苑": ("garden", "park"),
    "峡": ("gorge", "canyon"),
    "涧": ("ravine", "brook"),
    "潭": ("pool", "deep pool"),
    "渊": ("abyss", "deep"),
    "渡": ("ferry", "crossing"),
    "岚": ("mist", "haze"),
    "雾": ("fog", "mist"),
    "漪": ("ripple",),
    "泓": ("deep pool",),
    "澈": ("clear",),
    # plants
    "松": ("pine",),
    "柏": ("cypress", "cedar"),
    "杉": ("fir", "spruce"),
    "竹": ("bamboo",),
    "梅": ("plum",),
    "兰": ("orchid",),
    "菊": ("chrysanthemum",),
    "莲": ("lotus",),
    "荷": ("lotus",),
    "桃": ("peach",),
    "李": ("plum",),
    "杏": ("apricot",),
    "梨": ("pear",),
    "橘": ("orange", "tangerine"),
    "桂": ("osmanthus", "laurel", "cassia"),
    "枫": ("maple",),
    "柳": ("willow",),
    "桐": ("paulownia", "tung"),
    "榕": ("banyan",),
    "樱": ("cherry",),
    "栗": ("chestnut",),
    "禾": ("grain", "rice", "crop"),
    "稻": ("rice", "paddy"),
    "麦": ("wheat", "barley"),
    "穗": ("ear", "ears", "spike"),
    "草": ("grass",),
    "花": ("flower", "blossom"),
    "叶": ("leaf",),
    "芽": ("sprout", "bud"),
    "苗": ("seedling", "sprout"),
    "茶": ("tea",),
    "桑": ("mulberry",),
    "苇": ("reed",),
    "芦": ("reed",),
    "蒲": ("cattail", "rush"),
    "藤": ("vine", "rattan"),
    "果": ("fruit",),
    "橡": ("oak",),
    "棠": ("crabapple", "begonia"),
    "檀": ("sandalwood",),
    "桦": ("birch",),
    "杨": ("poplar",),
    "槐": ("locust", "pagoda tree"),
    "椰": ("coconut",),
    "苔": ("moss",),
    "蕉": ("banana", "plantain"),
    # animals
    "龙": ("dragon",),
    "凤": ("phoenix",),
    "虎": ("tiger",),
    "狮": ("lion",),
    "豹": ("leopard", "panther"),
    "狼": ("wolf",),
    "熊": ("bear",),
    "鹿": ("deer",),
    "马": ("horse",),
    "牛": ("ox", "cow", "bull"),
    "羊": ("sheep", "goat", "ram"),
    "鹰": ("eagle", "hawk"),
    "雕": ("eagle", "vulture"),
    "鹤": ("crane",),
    "鹭": ("heron", "egret"),
    "雁": ("goose", "wild goose"),
    "燕": ("swallow",),
    "鸥": ("gull", "seagull"),
    "鹊": ("magpie",),
    "鸦": ("crow", "raven"),
    "鸮": ("owl",),
    "枭": ("owl",),
    "隼": ("falcon",),
    "鹏": ("roc",),
    "羽": ("feather", "plume"),
    "翼": ("wing", "wings"),
    "骏": ("steed",),
    "鸿": ("swan", "goose"),
    "雀": ("sparrow", "finch"),
    "莺": ("oriole", "warbler"),
    "鸽": ("dove", "pigeon"),
    "鲸": ("whale",),
    "鲨": ("shark",),
    "鱼": ("fish",),
    "鲤": ("carp",),
    "龟": ("turtle", "tortoise"),
    "蜂": ("bee",),
    "蝶": ("butterfly",),
    "蚁": ("ant",),
    "狐": ("fox",),
    "兔": ("rabbit", "hare"),
    "猫": ("cat",),
    "犬": ("dog", "hound"),
    "驼": ("camel",),
    "麟": ("kylin", "unicorn"),
    # colours and precious things
    "红": ("red",),
    "赤": ("red", "crimson", "scarlet"),
    "丹": ("red", "cinnabar"),
    "朱": ("vermilion", "red"),
    "橙": ("orange",),
    "黄": ("yellow",),
    "金": ("gold", "golden"),
    "银": ("silver",),
    "铜": ("copper", "bronze"),
    "铁": ("iron",),
    "钢": ("steel",),
    "绿": ("green",),
    "碧": ("jade", "emerald", "azure"),
    "翠": ("jade", "emerald", "green"),
    "青": ("green", "blue", "azure", "cyan"),
    "蓝": ("blue",),
    "紫": ("purple", "violet"),
    "赭": ("ochre", "ocher"),
    "白": ("white",),
    "素": ("plain", "white"),
    "黑": ("black",),
    "玄": ("black", "dark", "mystic"),
    "墨": ("ink",),
    "灰": ("grey", "gray"),
    # 苍 is dark green or grey-blue: 苍鹭 is the grey heron, 苍松 a green pine
    "苍": ("grey", "gray", "green", "azure"),
    "玉": ("jade",),
    "珠": ("pearl",),
    "宝": ("treasure", "jewel"),
    "晶": ("crystal",),
    "钻": ("diamond",),
    "琥": ("amber",),
    # things made
    "舟": ("boat", "ark"),
    "船": ("ship", "boat"),
    "帆": ("sail",),
    "筏": ("raft",),
    "灯": ("lantern", "lamp", "light"),
    "镜": ("mirror",),
    "钟": ("bell", "clock"),
    "鼎": ("tripod", "cauldron"),
    "剑": ("sword",),
    "弓": ("bow",),
    "箭": ("arrow",),
    "盾": ("shield",),
    "锚": ("anchor",),
    "轮": ("wheel",),
    "屋": ("house",),
    "堂": ("hall",),
    "楼": ("tower", "house"),
    "亭": ("pavilion",),
    "阁": ("pavilion", "tower"),
    "琴": ("harp", "zither", "lute"),
    "笛": ("flute",),
    "鼓": ("drum",),
    "书": ("book",),
    "笔": ("pen", "brush"),
    "纸": ("paper",),
    "丝": ("silk",),
    "锦": ("brocade",),
    "织": ("weave", "loom"),
    "冠": ("crown",),
    "旗": ("flag", "banner"),
    "桨": ("oar", "paddle"),
    # qualities and acts
    "大": ("great", "big", "grand"),
    "长": ("long",),
    "高": ("high", "tall"),
    "远": ("far", "distant"),
    "新": ("new",),
    "古": ("ancient", "old"),
    "老": ("old",),
    "东": ("east", "eastern"),
    "西": ("west", "western"),
    "南": ("south", "southern"),
    "北": ("north", "northern"),
    "中": ("central", "middle"),
    "华": ("splendid", "cathay"),  # (not "China": English claims say it of anything Chinese)
    "安": ("peace", "safe", "secure"),
    "平": ("peace", "flat", "level"),
    "和": ("harmony", "peace"),
    "宁": ("peace", "tranquil"),
    "静": ("quiet", "still", "calm"),
    "泰": ("peace", "grand"),
    "康": ("health", "healthy"),
    "福": ("fortune", "blessing", "lucky"),
    "吉": ("lucky", "auspicious"),
    "祥": ("auspicious", "lucky"),
    "瑞": ("auspicious",),
    "喜": ("joy", "happy"),
    "乐": ("joy", "happy", "music"),
    "美": ("beauty", "beautiful"),
    "丽": ("beauty", "beautiful"),
    "雅": ("elegant", "grace"),
    "秀": ("elegant", "fine"),
    "清": ("clear", "pure"),
    "澄": ("clear", "limpid"),
    "纯": ("pure",),
    "洁": ("clean", "pure"),
    "净": ("clean", "pure"),
    "香": ("fragrant", "fragrance", "sweet"),
    "甜": ("sweet",),
    "鲜": ("fresh",),
    "飞": ("flying", "fly"),
    "鸣": ("singing", "sing", "song", "call"),
    "歌": ("song", "singing"),
    "声": ("sound", "voice"),
    "行": ("travel", "walk"),
    "跃": ("leap", "leaping"),
    "腾": ("soaring", "rising"),
    "翔": ("soaring", "soar"),
    "升": ("rising", "rise"),
    "兴": ("prosper", "prosperity", "rise"),
    "盛": ("prosper", "abundant", "flourishing"),
    "荣": ("glory", "flourish"),
    "昌": ("prosper", "prosperous"),
    "隆": ("prosper", "grand"),
    "富": ("rich", "wealth", "fortune"),
    "强": ("strong",),
    "力": ("power", "force", "strength"),
    "智": ("wisdom", "wise", "smart"),
    "慧": ("wisdom", "wise"),
    "信": ("trust", "faith"),
    "诚": ("honest", "sincere"),
    "德": ("virtue",),
    "仁": ("benevolence", "kind"),
    "义": ("justice", "righteous"),
    "勇": ("brave", "courage"),
    "恒": ("constant", "eternal", "everlasting"),
    "久": ("lasting", "long"),
    "永": ("forever", "eternal", "ever"),
    "先": ("first", "pioneer"),
    "创": ("create", "pioneer"),
    "达": ("reach", "success"),
    "通": ("through", "connect"),
    "联": ("union", "link", "united"),
    "合": ("union", "unite"),
    "驰": ("gallop", "speed"),
    "拓": ("explore", "pioneer"),
    "卓": ("outstanding", "eminent"),
    "越": ("beyond", "surpass"),
    "卫": ("guard", "guardian"),
    "航": ("voyage", "navigation"),
    "恩": ("grace", "kindness"),
    "瑶": ("jasper", "precious jade"),
    "嘉": ("fine", "excellent"),
    "景": ("view", "scene", "vista"),
    "昊": ("sky", "vast sky"),
    "宇": ("universe", "space"),
    "一": ("one", "first"),
    "双": ("twin", "double"),
    "三": ("three", "triple"),
    "五": ("five",),
    "七": ("seven",),
    "九": ("nine",),
    "十": ("ten",),
    "百": ("hundred",),
    "千": ("thousand",),
    "万": ("myriad", "ten thousand"),
    "心": ("heart",),
    "梦": ("dream",),
    "灵": ("spirit", "spiritual"),
    "神": ("god", "divine"),
    "仙": ("immortal", "fairy"),
    "圣": ("holy", "sacred", "saint"),
    "王": ("king", "royal"),
    "皇": ("emperor", "imperial"),
    "帝": ("emperor", "imperial"),
    "君": ("lord", "gentleman"),
    "家": ("home", "family"),
    "国": ("nation", "national", "country"),
    "民": ("people",),
    "人": ("people", "man"),
}


def glossed(
    chinese: str,
    latin: Collection[str],
    stem: Callable[[str], str] = lambda w: w,
) -> bool:
    """Whether the Chinese name `chinese` is translated by the Latin words `latin` (lower-case,
    cut by `stem` as they were when kept): the name as a word of the table (白鹭: egret), or each
    of its characters by one of its senses, each by words of its own (鸣沙: Singing Sand; 岫云:
    Cloud Crag, in either order; not 平安 by "Peace" alone, a sense of both characters). A name
    with a character the table does not hold is translated by nothing."""
    if not chinese or not latin:
        return False
    known = frozenset(latin)

    def said(senses: tuple[str, ...]) -> list[frozenset[str]]:
        # each sense the words give, as the words that give it
        out = []
        for sense in senses:
            words = frozenset(stem(w) for w in sense.split())
            if words <= known:
                out.append(words)
        return out

    whole = _WORDS.get(chinese)
    if whole is not None and said(whole):
        return True
    if not all(ch in _CHARS for ch in chinese):
        return False
    return _apart([said(_CHARS[ch]) for ch in chinese], frozenset())


def _apart(choices: list[list[frozenset[str]]], used: frozenset[str]) -> bool:
    """Whether one sense of each character can be picked with no word used twice."""
    if not choices:
        return True
    return any(not (words & used) and _apart(choices[1:], used | words) for words in choices[0])


# A pinyin name against a translated one, where neither claim gives the Chinese: Yuanjing
# Shipping and Far Whale Shipping are 远鲸航运 both, since yuan is the reading of a character
# that means far (远) and jing of one that means whale (鲸). Each syllable of the pinyin is
# matched to the senses of the characters of the table read that way.
@lru_cache(maxsize=1)
def _senses_by_reading() -> dict[str, frozenset[str]]:
    by_reading: dict[str, set[str]] = {}
    for ch, senses in _CHARS.items():
        for reading in readings(ch):
            by_reading.setdefault(reading, set()).update(senses)
    return {r: frozenset(s) for r, s in by_reading.items()}


# The most pieces the search for a pinyin name's translation tries: a name of a few syllables
# needs a few dozen; hostile input (yuyuyuyu... against as many senses of yu) would otherwise
# take time exponential in its length.
_SEARCH_STEPS = 300


def pinyin_translated(
    pinyin: str, english: Collection[str], stem: Callable[[str], str] = lambda w: w
) -> frozenset[str]:
    """The words of `english` (lower-case, cut by `stem`) that translate the pinyin name
    `pinyin` (lower-case, perhaps cut by `stem` too: yuanjing kept as "yuanj") syllable by
    syllable, each syllable by a word of its own and every syllable translated; or an empty set
    when they do not (see above). Two syllables at least: one is too often a chance."""
    senses = _senses_by_reading()
    words = frozenset(english)
    seen: dict[tuple[str, bool], list[str]] = {}

    def glosses(syllable: str, last: bool) -> list[str]:
        # the words of `english` that a character read `syllable` means (for the last piece of
        # a stemmed name, any reading it begins); each piece looked up once
        key = (syllable, last)
        if key not in seen:
            readings_of = [syllable] if not last else [r for r in senses if r.startswith(syllable)]
            seen[key] = sorted(
                {
                    stem(sense)
                    for reading in readings_of
                    for sense in senses.get(reading, ())
                    if " " not in sense and stem(sense) in words
                }
            )
        return seen[key]

    budget = [_SEARCH_STEPS]

    def split(at: int, used: frozenset[str]) -> frozenset[str] | None:
        budget[0] -= 1
        if budget[0] < 0:
            return None  # (a name that many readings and words fit ties nothing)
        if at == len(pinyin):
            return used
        for end in range(len(pinyin), at, -1):
            piece = pinyin[at:end]
            last = end == len(pinyin)
            if not last and piece not in senses:
                continue
            for word in glosses(piece, last):
                if word not in used:
                    found = split(end, used | {word})
                    if found is not None:
                        return found
        return None

    if len(pinyin) > 24:  # (a name, not a sentence run together)
        return frozenset()
    found = split(0, frozenset())
    return found if found is not None and len(found) >= 2 else frozenset()
