extension UnitAliases {
    /// The built-in table of common departments (see `builtInTable`).
    public static let builtIn: UnitAliases = {
        // The table is a constant in the alias-file format; a parse failure
        // is a programming error caught by the tests.
        (try? UnitAliasFile.parse(builtInTable, file: "<built-in>", into: UnitAliases(pairs: [])))
            ?? UnitAliases(pairs: [])
    }()

    /// The built-in aliases, in the alias-file format (`canonical = alias, …`).
    ///
    /// Names are written without a city prefix: `市`, `南通市`, `宜兴` in front
    /// of a printed name are ignored when looking it up. Each line lists the
    /// spellings of one organ. Organs that were renamed or re-scoped are not
    /// merged (`经信局` ≠ `工信局`, `文体广电旅游局` ≠ `文化广电旅游局`, `卫健局` ≠ `卫健委`), and
    /// the supervision commission (`监委`, `市监委`) stays apart from market
    /// regulation (`市场监管局`, `市监局`). One judgement call: `建设局` is an
    /// alias of `住建局`, because documents (Huzhou's) use `市建设局` for the
    /// city's 住房和城乡建设局 and no city has both organs since the 2019 reform.
    package static let builtInTable = """
        # Government departments
        发改委 = 发展改革委, 发展和改革委员会, 发展和改革委, 发展改革委员会, 发改局, 发展改革局, 发展和改革局
        住建局 = 住房城乡建设局, 住房和城乡建设局, 建设局, 住建委, 住房城乡建设委, 住房和城乡建设委员会
        人社局 = 人力资源社会保障局, 人力资源和社会保障局, 人力社保局, 人力资源社保局
        工信局 = 工业和信息化局, 工业信息化局
        经信局 = 经济和信息化局, 经济信息化局, 经信委, 经济和信息化委员会
        卫健委 = 卫生健康委, 卫生健康委员会, 卫生和健康委员会
        卫健局 = 卫生健康局
        市场监管局 = 市场监督管理局, 市监局
        教育局 = 教育局
        财政局 = 财政局
        税务局 = 税务局
        科技局 = 科学技术局
        商务局 = 商务局
        公安局 = 公安局
        司法局 = 司法局
        民政局 = 民政局
        审计局 = 审计局
        统计局 = 统计局
        水利局 = 水利局
        交通局 = 交通运输局
        农业农村局 = 农业农村局, 农业农村委, 农业农村委员会
        生态环境局 = 生态环境局
        自然资源规划局 = 自然资源和规划局, 自然资源与规划局, 资规局
        自然资源局 = 自然资源局
        应急局 = 应急管理局
        医保局 = 医疗保障局
        退役军人局 = 退役军人事务局
        文旅局 = 文化广电旅游局, 文化广电和旅游局, 文化和旅游局, 文广旅局, 文广旅游局
        文体旅局 = 文体广电旅游局, 文体广电和旅游局, 文化体育广电旅游局
        体育局 = 体育局
        行政审批局 = 审批局
        政务办 = 政务服务办, 政务服务管理办公室, 政务服务办公室
        大数据局 = 大数据发展管理局, 大数据管理局
        城管局 = 城市管理局, 城市管理行政执法局
        综合执法局 = 综合行政执法局
        国资委 = 国有资产监督管理委员会, 国资监管委
        国资办 = 国有资产管理办公室
        金融办 = 金融工作办公室, 地方金融工作办公室
        地方金融监管局 = 地方金融监督管理局
        投促中心 = 投资促进中心
        公积金中心 = 住房公积金管理中心, 公积金管理中心
        信访局 = 信访局
        气象局 = 气象局
        外事办 = 外事办公室, 外办
        政府办 = 政府办公室, 人民政府办公室, 政府办公厅
        安委办 = 安全生产委员会办公室, 安委会办公室
        人行 = 人民银行, 中国人民银行
        银保监局 = 银保监分局, 银行保险监督管理分局
        消防救援支队 = 消防支队
        消防救援大队 = 消防大队

        # Party organs and other bodies (listed with their 市委 prefix)
        组织部 = 市委组织部
        宣传部 = 市委宣传部
        统战部 = 市委统战部
        政法委 = 市委政法委
        编办 = 市委编办, 机构编制委员会办公室, 编委办
        老干部局 = 市委老干部局
        文明办 = 精神文明建设指导委员会办公室, 文明委办公室
        纪委监委 = 纪委监委, 纪委市监委
        监委 = 监察委员会, 监委, 市监委
        """
}
