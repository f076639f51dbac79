#!/usr/bin/env python3
"""Writes a synthetic TaskQL dataset file (JSON Lines, the format `taskql
import -o` writes) with N tasks, for `make bench`. Deterministic: the same N
gives the same bytes. Units, leaders and texts are drawn from realistic pools
so that interning and text search behave as on real data."""
import json, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "bench-data/tasks.jsonl"
rng = random.Random(2020)

cities = [f"城市{i:03d}" for i in range(300)] + ["海门", "宜兴", "湖州", "太仓", "南通"]
bureaus = ["发改委", "市发展改革委", "发展改革委", "住建局", "住房城乡建设局", "交通局", "商务局", "财政局",
           "教育局", "卫健委", "民政局", "人社局", "自然资源局", "生态环境局", "水利局", "农业农村局",
           "工信局", "科技局", "公安局", "文广旅局", "市场监管局", "审批局", "城管局", "应急局", "统计局"]
bureaus += [f"专项办{i:03d}" for i in range(400)]
leaders = [a + b for a in "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗" for b in
           ["国强", "勇", "静", "敢", "旭东", "晓东", "智宏", "超震", "建", "捷", "飚", "建初", "香元", "纲", "六顺", "云"]]
phrases = ["推进5G基站建设", "完善公共服务体系", "加快老旧小区改造", "新增公共停车位3000个", "建设通州湾新出海口",
           "提升营商环境", "推动长三角一体化", "完成河道疏浚20公里", "新建改建农村公路100公里", "新增高标准农田2.55万亩",
           "改造老旧小区25个", "实施既有住宅加装电梯50部", "建成投用数字经济产业园", "培育高新技术企业120家"]
deadlines = ["全年", "12月底前", "6月底前", "上半年", "9月底前", "长期", "3月底前", "年底前"]
due_of = {"全年": "12-31", "12月底前": "12-31", "6月底前": "06-30", "上半年": "06-30", "9月底前": "09-30",
          "3月底前": "03-31", "年底前": "12-31"}
kinds = ["key"] * 7 + ["livelihood"] * 2 + ["indicator"]

with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps({"format": "taskql-dataset", "version": 1, "dataset": "bench", "records": n, "documents": []},
                       ensure_ascii=False) + "\n")
    for i in range(n):
        city = rng.choice(cities)
        kind = rng.choice(kinds)
        lead = rng.sample(bureaus[:25], rng.randint(1, 2)) if rng.random() < 0.7 else [rng.choice(bureaus)]
        co = rng.sample(bureaus, rng.randint(0, 4))
        deadline = rng.choice(deadlines)
        year = rng.choice([2019, 2020, 2021])
        text = "，".join(rng.sample(phrases, rng.randint(1, 4))) + "。"
        record = {
            "id": f"bench-{year}-{kind}-{i}", "dataset": "bench", "city": city, "year": year, "kind": kind,
            "section": f"第{rng.randint(1, 10)}方面", "subsection": None, "number": str(i % 200 + 1),
            "title": None, "text": text, "leaders": rng.sample(leaders, rng.randint(1, 2)),
            "lead_units": lead, "co_units": co, "units": lead + co, "deadline": deadline,
            "due": f"{year}-{due_of[deadline]}" if deadline in due_of else None,
            "source": f"bench.txt:{i + 1}",
        }
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
