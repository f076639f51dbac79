#!/usr/bin/env python3
"""Writes a synthetic TaskQL dataset file (JSON Lines, the format `taskql
import -o` writes) with N tasks, for `make bench`.

Deterministic: the same N gives the same bytes on every machine. The data is
made to behave like real decompositions, because interning, alias lookup and
text search all depend on it:
- texts recombine real task sentences cut from the five seed documents
  (Sources/TaskQL/Resources/seeds), 80-250 characters each;
- units are real department names in several spellings (市发改委, 发展改革委,
  发展和改革委员会 …, all one unit to `has` and `unit()`), plus a long tail
  of rarely seen offices;
- 300 cities, leaders drawn from real surnames, three years, the three kinds,
  the deadlines seen in the seeds (some with no due date).
"""
import glob, json, os, random, re, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "bench-data/tasks.jsonl"
rng = random.Random(2020)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# Real sentences: the seeds split at sentence ends, kept when they are long
# enough to be a task's clause and free of table layout.
sentences = []
for path in sorted(glob.glob(os.path.join(root, "Sources/TaskQL/Resources/seeds/*.txt"))):
    with open(path, encoding="utf-8") as f:
        cells = re.split(r"[\t\n]+", f.read())
    for s in (s.replace(" ", "").replace("\u3000", "") for c in cells for s in re.split(r"[。；;！]", c)):
        if 12 <= len(s) <= 120 and not re.search(r"[A-Za-z]{6,}|附件|序号|责任|单位[:：]", s):
            sentences.append(s)
sentences = sorted(set(sentences))
# A few ASCII-bearing phrases, as real texts have (5G, PM2.5, AI).
sentences += ["推进5G基站建设，新建5G基站1200个", "PM2.5平均浓度下降5%", "建设AI算力中心和IDC数据中心"]

# Each canonical unit with spellings seen in real documents; the first is
# the canonical name (BuiltInUnitAliases), the others map to it.
spellings = [
    ["发改委", "市发改委", "发展改革委", "市发展改革委", "发展和改革委员会", "发改局"],
    ["住建局", "市住建局", "住房城乡建设局", "住房和城乡建设局", "建设局"],
    ["人社局", "市人社局", "人力资源社会保障局", "人力资源和社会保障局"],
    ["工信局", "市工信局", "工业和信息化局"],
    ["卫健委", "市卫健委", "卫生健康委", "卫生健康委员会"],
    ["市场监管局", "市市场监管局", "市场监督管理局"],
    ["教育局", "市教育局"], ["财政局", "市财政局"], ["科技局", "市科技局", "科学技术局"],
    ["商务局", "市商务局"], ["公安局", "市公安局"], ["民政局", "市民政局"], ["水利局", "市水利局"],
    ["交通局", "市交通局", "交通运输局", "市交通运输局"], ["农业农村局", "市农业农村局", "农业农村委"],
    ["生态环境局", "市生态环境局"], ["自然资源规划局", "自然资源和规划局", "资规局"],
    ["应急局", "市应急局", "应急管理局"], ["文旅局", "文化广电旅游局", "文广旅局", "文化和旅游局"],
    ["行政审批局", "审批局", "市行政审批局"], ["城管局", "城市管理局", "市城管局"],
    ["统计局", "市统计局"], ["医保局", "医疗保障局"], ["政务办", "政务服务办"],
    ["大数据局", "大数据管理局"],
]
common = [s for group in spellings for s in group]
tail = [f"{a}{b}办" for a in "东南西北中" for b in ["开发区管委", "产业园", "新城", "科创园", "港区", "高新区"]]
tail += [f"{c}镇人民政府" for c in "甲乙丙丁戊己庚辛壬癸"] + [f"专项工作组{i:03d}" for i in range(300)]
leaders = [a + b for a in "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗" for b in
           ["国强", "勇", "静", "敢", "旭东", "晓东", "智宏", "超震", "建", "捷", "飚", "建初", "香元", "纲", "六顺", "云"]]
cities = [f"{a}{b}" for a in "江河湖海山川平安宁远" for b in
          "东南西北中阳城州门兴桥口泉林港关沙坪宁丰华昌德仁和顺庆源台渚"][:295]
cities += ["海门", "宜兴", "湖州", "太仓", "南通"]
deadlines = [("全年", "12-31"), ("12月底前", "12-31"), ("6月底前", "06-30"), ("上半年", "06-30"),
             ("9月底前", "09-30"), ("长期", None), ("3月底前", "03-31"), ("年底前", "12-31"),
             ("持续推进", None), ("10月底前", "10-31")]
kinds = ["key"] * 7 + ["livelihood"] * 2 + ["indicator"]
sections = ["一、推动高质量发展", "二、深化改革开放", "三、建设现代化城市", "四、保障和改善民生",
            "五、加强生态文明建设", "六、推进政府自身建设", "七、实施乡村振兴", "八、扩大有效投资"]


def text():
    parts, length = [], 0
    target = rng.randint(80, 250)
    while length < target:
        s = rng.choice(sentences)
        parts.append(s)
        length += len(s) + 1
    t = "，".join(parts)
    return t[:250].rstrip("，") + "。"


def units(k):
    return [rng.choice(common) if rng.random() < 0.85 else rng.choice(tail) for _ in range(k)]


with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps({"format": "taskql-dataset", "version": 1, "dataset": "bench", "records": n, "documents": []},
                       ensure_ascii=False) + "\n")
    for i in range(n):
        city = rng.choice(cities)
        kind = rng.choice(kinds)
        year = rng.choice([2019, 2020, 2021])
        lead = list(dict.fromkeys(units(rng.choice([1, 1, 1, 2, 2, 3]))))
        co = [u for u in dict.fromkeys(units(rng.randint(0, 4))) if u not in lead]
        deadline, due = rng.choice(deadlines)
        record = {
            "id": f"bench-{year}-{kind}-{i}", "dataset": "bench", "city": city, "year": year, "kind": kind,
            "section": rng.choice(sections), "subsection": None, "number": str(i % 60 + 1),
            "title": None, "text": text(), "leaders": rng.sample(leaders, rng.randint(1, 2)),
            "lead_units": lead, "co_units": co, "units": lead + co, "deadline": deadline,
            "due": f"{year}-{due}" if due else None,
            "source": f"bench.txt:{i + 1}",
        }
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
