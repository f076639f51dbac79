/// Chinese city names with their pinyin, used to find the city a document
/// is about and to name datasets and ids (`南通` → `nantong`).
///
/// It lists the municipalities, the provincial capitals, the prefecture- and
/// county-level cities of Jiangsu and Zhejiang and other large cities.
/// Documents from elsewhere still import: their city comes from the issuing
/// authority, and ids fall back to the file name.
enum CityGazetteer {
    /// Name → pinyin.
    static let pinyin: [String: String] = {
        var table: [String: String] = [:]
        for entry in entries.split(separator: " ") {
            let parts = entry.split(separator: ":")
            if parts.count == 2 { table[String(parts[0])] = String(parts[1]) }
        }
        return table
    }()

    /// Names, longest first (so `张家港` is tried before shorter names).
    static let names: [String] = pinyin.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }

    private static let entries = """
        北京:beijing 上海:shanghai 天津:tianjin 重庆:chongqing \
        南京:nanjing 无锡:wuxi 徐州:xuzhou 常州:changzhou 苏州:suzhou 南通:nantong 连云港:lianyungang \
        淮安:huaian 盐城:yancheng 扬州:yangzhou 镇江:zhenjiang 泰州:taizhou 宿迁:suqian \
        江阴:jiangyin 宜兴:yixing 新沂:xinyi 邳州:pizhou 溧阳:liyang 常熟:changshu 张家港:zhangjiagang \
        昆山:kunshan 太仓:taicang 海门:haimen 启东:qidong 如皋:rugao 海安:haian 东台:dongtai 仪征:yizheng \
        高邮:gaoyou 丹阳:danyang 扬中:yangzhong 句容:jurong 兴化:xinghua 靖江:jingjiang 泰兴:taixing \
        杭州:hangzhou 宁波:ningbo 温州:wenzhou 嘉兴:jiaxing 湖州:huzhou 绍兴:shaoxing 金华:jinhua 衢州:quzhou \
        舟山:zhoushan 台州:taizhou 丽水:lishui 建德:jiande 余姚:yuyao 慈溪:cixi 瑞安:ruian 乐清:yueqing \
        龙港:longgang 海宁:haining 平湖:pinghu 桐乡:tongxiang 诸暨:zhuji 嵊州:shengzhou 兰溪:lanxi 义乌:yiwu \
        东阳:dongyang 永康:yongkang 江山:jiangshan 温岭:wenling 临海:linhai 玉环:yuhuan 龙泉:longquan \
        石家庄:shijiazhuang 太原:taiyuan 呼和浩特:huhehaote 沈阳:shenyang 长春:changchun 哈尔滨:haerbin \
        合肥:hefei 福州:fuzhou 南昌:nanchang 济南:jinan 郑州:zhengzhou 武汉:wuhan 长沙:changsha 广州:guangzhou \
        南宁:nanning 海口:haikou 成都:chengdu 贵阳:guiyang 昆明:kunming 拉萨:lasa 西安:xian 兰州:lanzhou \
        西宁:xining 银川:yinchuan 乌鲁木齐:wulumuqi 深圳:shenzhen 厦门:xiamen 青岛:qingdao 大连:dalian \
        东莞:dongguan 佛山:foshan 珠海:zhuhai 泉州:quanzhou 烟台:yantai 潍坊:weifang 芜湖:wuhu 蚌埠:bengbu \
        马鞍山:maanshan 安庆:anqing 滁州:chuzhou 宣城:xuancheng 洛阳:luoyang 宜昌:yichang 襄阳:xiangyang \
        株洲:zhuzhou 岳阳:yueyang 赣州:ganzhou 九江:jiujiang 绵阳:mianyang 唐山:tangshan 保定:baoding \
        邯郸:handan 临沂:linyi 济宁:jining 淄博:zibo 威海:weihai 日照:rizhao 中山:zhongshan 惠州:huizhou \
        江门:jiangmen 汕头:shantou 湛江:zhanjiang 漳州:zhangzhou 莆田:putian 宁德:ningde 龙岩:longyan \
        三明:sanming 南平:nanping
        """

    /// Traditional forms of characters in city names, so that `蘇州` is `苏州`.
    static let simplifiedCharacters: [Character: Character] = [
        "蘇": "苏", "錫": "锡", "東": "东", "紹": "绍", "寧": "宁", "溫": "温", "麗": "丽", "陽": "阳", "廣": "广",
        "門": "门", "莊": "庄", "島": "岛", "連": "连", "雲": "云", "揚": "扬", "鎮": "镇", "興": "兴", "臺": "台",
        "鹽": "盐", "遷": "迁", "崑": "昆", "張": "张", "倉": "仓", "啟": "启", "儀": "仪", "鄭": "郑", "漢": "汉",
        "長": "长", "慶": "庆", "瀋": "沈", "濟": "济", "烏": "乌", "魯": "鲁", "齊": "齐", "蘭": "兰", "華": "华", "義": "义", "樂": "乐",
        "龍": "龙", "淵": "渊", "陰": "阴", "與": "与",
        "鄲": "郸", "濰": "潍", "蕪": "芜", "馬": "马", "贛": "赣", "綿": "绵", "湯": "汤",
        "寶": "宝", "萊": "莱", "臨": "临", "諸": "诸",
        "順": "顺", "頭": "头", "廈": "厦", "號": "号", "爾": "尔", "濱": "滨", "陸": "陆", "銀": "银",
    ]

    /// `name` in simplified characters when that spelling is in the gazetteer (`蘇州` → `苏州`).
    static func simplified(_ name: String) -> String {
        let converted = String(name.map { simplifiedCharacters[$0] ?? $0 })
        return pinyin[converted] != nil ? converted : name
    }

    /// The gazetteer name occurring most often in `text` (at least `minimum` times).
    static func mostFrequent(in text: String, minimum: Int = 2, where accept: (String) -> Bool = { _ in true })
        -> String?
    {
        var best: (name: String, count: Int)?
        for (name, count) in occurrences(in: text) where count >= minimum && accept(name) {
            if count > (best?.count ?? 0) || (count == best?.count && name < best!.name) { best = (name, count) }
        }
        return best?.name
    }

    /// Names by their first character, longest first.
    private static let namesByFirstCharacter: [Character: [[Character]]] = Dictionary(
        grouping: names.map(Array.init), by: { $0[0] })

    /// How often each gazetteer name occurs in `text`, in one pass.
    static func occurrences(in text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard let candidates = namesByFirstCharacter[chars[i]] else {
                i += 1
                continue
            }
            var matched = 1
            for name in candidates where i + name.count <= chars.count {
                if (1..<name.count).allSatisfy({ chars[i + $0] == name[$0] }) {
                    counts[String(name), default: 0] += 1
                    matched = name.count
                    break
                }
            }
            i += matched
        }
        return counts
    }
}
