#!/usr/bin/env python3
"""Generates the `generated/` fixtures of the import corpus (see ../README.md).

Run it from anywhere:  python3 make_fixtures.py   (needs `pip install python-docx`)

Every document is written together with its `<slug>.json` of expected records.
Nothing depends on the clock or on randomness: the docx core properties carry a
fixed date and the docx zip members are rewritten with a fixed timestamp, so a
re-run gives byte-identical files.

Fixtures
  jiangcheng-2024-merged.docx      one big table, vertical merges across a page
                                   break and across a category, a full-width
                                   (gridSpan) banner row, repeating header row
  jiangcheng-2024-mergedhtml.html  the same table as a government web page
                                   (rowspan/colspan, tag soup); its own slug,
                                   because one slug has one .json and the test
                                   opens .docx before .html
  jiangcheng-2024-gbk.html         small GB18030 page declaring charset=gb2312
  jiangcheng-2024-labels.docx      no table: headings, Word auto-numbered items
                                   ('List Number'), label paragraphs
  jiangcheng-2024-gridbefore.docx  small table with a w:gridBefore row and a
                                   nested table inside a cell
"""

import datetime
import html
import json
import os
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DATE = datetime.datetime(2024, 3, 1, 9, 0, 0)
ZIP_DATE = (2024, 3, 1, 9, 0, 0)
PLACE = "湖南省江城市"
AUTHOR = "江城市人民政府办公室"

# ---------------------------------------------------------------------------
# Fixture 1 / 2 data: 江城市2024年政府工作报告重点工作任务分解表
# ---------------------------------------------------------------------------

MERGED_TITLE = "江城市2024年政府工作报告重点工作任务分解表"
MERGED_NOTICE = (
    "为确保市政府工作报告确定的各项目标任务落到实处，经市政府同意，现将2024年重点工作任务分解如下，"
    "请各牵头单位会同配合单位制定具体推进方案，每季度末将进展情况报市政府督查室。"
)
MERGED_CAPTION = "附表：重点工作任务分解明细（共3大类45项）"
MERGED_HEADER = ["序号", "重点工作", "主要任务", "责任领导", "牵头单位", "配合单位", "完成时限", "进展情况"]
# column widths in cm (A4 landscape, 2 cm side margins -> 25.7 cm; 2.54 cm top/bottom
# leaves ~451 pt of body, less than rows 20-30 need even at 4 lines of 10.5 pt each)
MERGED_WIDTHS = [1.2, 2.4, 8.4, 1.9, 3.2, 3.8, 2.2, 2.6]

# (title as printed in the 重点工作 column, first row, last row)
CATEGORIES = [
    ("一、坚持创新驱动", 1, 15),
    ("二、推进城乡融合", 16, 31),
    ("三、增进民生福祉", 32, 45),
]
# category 三 is also announced by a full-width (gridSpan 8 / colspan 8) row
# printed just before its first task row
BANNER_BEFORE_ROW = 32

# 责任领导 cells: (first row, last row, names); a range of more than one row is
# ONE vertically merged cell.  13-19 crosses the 一/二 category boundary,
# 20-30 (11 tall rows) is taller than a page, so it runs across a page break.
LEADER_CELLS = [
    (1, 4, ["陈志刚"]),
    (5, 9, ["李文博"]),
    (10, 11, ["周海涛"]),
    (12, 12, ["周海涛", "李文博"]),
    (13, 19, ["王立新"]),
    (20, 30, ["刘晓燕"]),
    (31, 31, ["赵建华"]),
    (32, 36, ["孙卫东"]),
    (37, 40, ["吴静"]),
    (41, 41, ["郑国强"]),
    (42, 45, ["黄敏"]),
]

# 完成时限 ranges printed as ONE vertically merged cell (values must agree below)
DEADLINE_MERGES = [(22, 24), (35, 39)]

# rows whose 配合单位 cell has one unit per paragraph (docx) / per <br> (html)
CO_UNITS_ONE_PER_LINE = {21}

# One entry per data row, 序号 = position (1..45):
# (主要任务, 牵头单位, 配合单位, 完成时限 or None)
# An empty list / None is a genuinely empty, unmerged cell.
MERGED_ROWS = [
    # 一、坚持创新驱动 (1-15)
    ("深入实施创新驱动发展战略，加快建设江城科学城，新建省级以上重点实验室、工程技术研究中心等创新平台10家以上，全社会研发投入强度达到2.6%，推动科技创新和产业创新深度融合。",
     ["市科技局"], ["市发展改革委", "市财政局"], "2024年12月底前"),
    ("实施高新技术企业倍增计划，完善科技型中小企业梯度培育体系，全年新认定高新技术企业200家以上，科技型中小企业评价入库突破1500家，落实研发费用加计扣除等优惠政策。",
     ["市科技局"], ["市税务局", "市财政局"], "2024年12月底前"),
    ("推进国家知识产权强市建设试点，完善知识产权快速协同保护机制，全年发明专利授权量增长15%以上，每万人口高价值发明专利拥有量达到8件，打造区域知识产权保护高地。",
     ["市市场监管局"], ["市科技局", "市公安局"], "2024年11月底前"),
    ("深化产学研用协同创新，支持驻江高校、科研院所与本地龙头企业共建新型研发机构5家以上，促进科技成果在本地转化落地，技术合同成交额突破80亿元，建设概念验证中心和中试基地3个。",
     ["市科技局"], ["市教育局", "市工业和信息化局"], "2024年12月底前"),
    ("实施制造业高质量发展行动，围绕装备制造、新材料、生物医药三大主导产业开展延链补链强链，新增规模以上工业企业80家，规模以上工业增加值增长7%左右，打造千亿级先进制造业集群。",
     ["市工业和信息化局"], ["市发展改革委", "市商务局", "市统计局"], "2024年12月底前"),
    ("加快推进传统产业智能化改造和数字化转型，实施技术改造项目150个以上，新建省级智能工厂和数字化车间20个，工业技改投资增长10%以上，推动规模以上工业企业数字化改造全覆盖。",
     ["市工业和信息化局"], ["市财政局"], "2024年10月底前"),
    ("大力发展数字经济，推进5G基站、千兆光网和算力中心等新型基础设施建设，新建5G基站1200个，数字经济核心产业增加值占地区生产总值比重提高到9%，培育省级数字经济示范园区2个。",
     ["市数据局", "市工业和信息化局"], ["市通信发展管理办公室"], "2024年12月底前"),
    ("推进江城高新区扩区调位和体制机制改革，完善“管委会+公司”运营模式，力争高新区在全省综合排名前移两位，园区规模以上工业产值突破1000亿元，打造全市高质量发展主引擎。",
     ["江城高新区管委会"], [], "2024年12月底前"),
    ("持续优化营商环境，深化“高效办成一件事”改革，推行企业开办、工程建设项目审批等事项全流程网上办理，政务服务事项网上可办率稳定在98%以上，营商环境评价保持全省第一方阵。",
     ["市政务服务和大数据管理局"], ["市市场监管局", "市住房城乡建设局"], "2024年6月底前"),
    ("全面落实结构性减税降费政策，清理规范涉企收费，开展拖欠企业账款专项清理行动，健全政企常态化沟通机制，切实减轻经营主体负担，全年为经营主体减负20亿元以上。",
     ["市财政局", "市税务局"], ["市发展改革委", "市工业和信息化局"], "持续推进"),
    ("加大金融支持实体经济力度，扩大普惠小微贷款和制造业中长期贷款投放，新增企业上市挂牌10家以上，政府性融资担保业务规模突破60亿元，有效缓解中小微企业融资难融资贵问题。",
     ["市地方金融管理局"], ["人民银行江城市分行", "国家金融监督管理总局江城监管分局"], "2024年12月底前"),
    ("深入实施“江城英才计划”，全年引进高层次人才和急需紧缺人才500名以上，新建人才公寓2000套，吸引高校毕业生来江留江就业创业3万人以上，构建人才引育留用全链条服务体系。",
     ["市人力资源社会保障局"], ["市住房城乡建设局", "团市委"], "2024年12月底前"),
    ("扩大高水平对外开放，积极参与共建“一带一路”，支持企业开拓国际市场，培育外贸新业态新模式，全年外贸进出口总额增长8%以上，实际使用外资增长5%，推动江城港开放口岸提档升级。",
     ["市商务局"], ["江城海关", "市发展改革委"], "2024年12月底前"),
    ("加快发展现代服务业，推动生产性服务业向专业化和价值链高端延伸，培育省级服务业集聚区3个，服务业增加值增长6.5%左右，推动现代服务业同先进制造业、现代农业深度融合。",
     ["市发展改革委"], ["市商务局", "市文化广电旅游局"], "2024年12月底前"),
    ("实施质量强市战略，推进标准化建设，鼓励企业参与制定国际标准、国家标准和行业标准，新增“江城品牌”认定产品30个以上，培育中国质量奖提名企业1家，全力争创全国质量强市示范城市。",
     ["市市场监管局"], ["市工业和信息化局"], "2024年11月底前"),
    # 二、推进城乡融合 (16-31)
    ("深入推进以人为核心的新型城镇化，深化户籍制度改革，推动符合条件的农业转移人口在城镇便捷落户，常住人口城镇化率提高1个百分点以上，推动城镇基本公共服务覆盖全部常住人口。",
     ["市发展改革委"], ["市公安局", "市人力资源社会保障局"], "2024年12月底前"),
    ("大力发展县域经济，支持各县（市、区）立足资源禀赋培育特色主导产业，力争新增地区生产总值过500亿元县（市）1个，县域经济总量占全市比重达到60%，形成各具特色、竞相发展的县域经济格局。",
     ["市发展改革委"], ["各县（市、区）人民政府"], "持续推进"),
    ("推动城乡基础设施一体化规划建设管护，加快城市供水、燃气、污水管网向乡镇和中心村延伸，新改建农村公路500公里，实施农村供水保障工程30处，推动城乡基础设施互联互通、共建共享。",
     ["市交通运输局", "市水利局"], ["市住房城乡建设局"], "2024年12月底前"),
    ("推进城乡基本公共服务均等化，统筹县域义务教育学校、医疗卫生机构和养老服务设施布局，推动优质公共服务资源向农村延伸覆盖，让城乡居民共享发展成果。",
     ["市发展改革委"], ["市教育局", "市卫生健康委", "市民政局"], "持续推进"),
    ("全面落实粮食安全党政同责，严守耕地保护红线，新建和改造提升高标准农田25万亩，粮食播种面积稳定在420万亩以上，总产量保持在30亿斤以上，坚决扛稳粮食安全政治责任。",
     ["市农业农村局"], ["市自然资源和规划局", "市财政局"], "2024年10月底前"),
    ("深入实施乡村振兴战略，学习运用“千万工程”经验，建设宜居宜业和美乡村示范村100个，农村生活垃圾收运处置体系实现行政村全覆盖，农村卫生厕所普及率达到92%以上。",
     ["市农业农村局"], ["市住房城乡建设局", "市生态环境局", "各县（市、区）人民政府"], "2024年12月底前"),
    ("培育壮大乡村特色产业，打造优质稻米、特色水产、高山蔬菜等农业全产业链，新增国家级农业产业化龙头企业2家、省级农业产业化龙头企业15家，农产品加工业产值增长8%以上。",
     ["市农业农村局"], ["市商务局", "市市场监管局"], "2024年底前"),
    ("巩固拓展脱贫攻坚成果，健全防止返贫动态监测和帮扶机制，落实各项帮扶政策，确保不发生规模性返贫，脱贫人口人均纯收入增长10%以上，持续推进帮扶产业提质增效。",
     ["市农业农村局"], ["市民政局", "市医保局"], "2024年底前"),
    ("深化农村集体产权制度改革，稳慎推进农村宅基地制度改革试点，发展新型农村集体经济，年经营收入10万元以上的村集体经济组织占比达到85%，激发农村发展内生动力。",
     ["市农业农村局"], ["市自然资源和规划局"], "2024年底前"),
    ("实施城市更新行动，改造城镇老旧小区120个，同步推进加装电梯、停车设施和充电桩等配套建设，完成城中村改造项目8个，新增城市公园绿地50公顷，持续提升城市品质和人居环境。",
     ["市住房城乡建设局"], ["市自然资源和规划局", "市城市管理局"], "2024年12月底前"),
    ("加快构建综合立体交通网络，推进江城至临川高速公路、城市轨道交通2号线一期等重大项目建设，全年完成交通固定资产投资150亿元以上，加快建设全国性综合交通枢纽城市。",
     ["市交通运输局"], ["市发展改革委", "市自然资源和规划局"], "2024年12月底前"),
    ("推进城市精细化管理，开展市容环境综合整治和背街小巷改造提升行动，完成背街小巷改造200条，新建改造城市公厕60座，生活垃圾分类覆盖率达到95%，推动城市管理向精细化、智能化转变。",
     ["市城市管理局"], ["各县（市、区）人民政府"], "2024年11月底前"),
    ("深入打好蓝天、碧水、净土保卫战，加强细颗粒物和臭氧协同控制，全市空气质量优良天数比率达到85%以上，国控断面水质优良比例保持100%，持续改善全市生态环境质量。",
     ["市生态环境局"], ["市发展改革委", "市住房城乡建设局", "市交通运输局"], "2024年12月底前"),
    ("全面推行河湖长制，实施长江干流及主要支流岸线保护修复工程，持续巩固长江十年禁渔成效，完成重点湖泊生态修复治理面积20平方公里，守护好一江碧水。",
     ["市水利局"], ["市农业农村局", "市生态环境局"], "2024年12月底前"),
    ("积极稳妥推进碳达峰碳中和，推动能耗双控逐步转向碳排放双控，推广分布式光伏发电，新增新能源装机容量50万千瓦，单位地区生产总值能耗下降3%，加快发展方式绿色低碳转型。",
     ["市发展改革委"], ["国网江城供电公司"], "2024年12月底前"),
    ("加强国土空间规划实施管理，完成乡镇国土空间总体规划编制，推进全域土地综合整治试点，盘活批而未供和闲置土地1.5万亩以上，保障重大项目用地需求，节约集约用地水平持续提升。",
     ["市自然资源和规划局"], ["各县（市、区）人民政府"], "2024年9月底前"),
    # 三、增进民生福祉 (32-45)
    ("实施就业优先战略，落实稳岗扩岗政策，全年城镇新增就业6万人以上，城镇调查失业率控制在5.5%以内，加强高校毕业生、退役军人、农民工等重点群体就业帮扶，确保零就业家庭动态清零。",
     ["市人力资源社会保障局"], ["市教育局", "市退役军人事务局"], "2024年12月底前"),
    ("促进城乡居民持续增收，健全工资合理增长机制，深入开展根治欠薪行动，城乡居民人均可支配收入增长与经济增长基本同步，多渠道增加城乡居民财产性收入，持续扩大中等收入群体。",
     ["市人力资源社会保障局"], ["市发展改革委", "市农业农村局"], "持续推进"),
    ("推进基础教育扩优提质，新建改扩建中小学和幼儿园30所，新增学位2.5万个，深化“双减”工作，推动义务教育优质均衡发展和城乡一体化，持续扩大普惠性学前教育资源供给。",
     ["市教育局"], ["市发展改革委", "市自然资源和规划局"], "2024年8月底前"),
    ("加快建设现代职业教育体系，推进产教融合、校企合作，支持江城职业技术学院创建高水平高职学校，建设市域产教联合体2个，培养高素质技术技能人才2万人以上，更好服务地方产业发展。",
     ["市教育局"], ["市人力资源社会保障局"], "12月底前"),
    ("深化医药卫生体制改革，推进紧密型县域医疗卫生共同体建设，加快市第一人民医院新院区、市妇幼保健院迁建等项目建设，提升基层医疗服务能力，每千人口执业（助理）医师数达到3.5人。",
     ["市卫生健康委"], ["市医保局", "市发展改革委"], "12月底前"),
    ("健全多层次社会保障体系，扩大企业职工基本养老保险、失业保险和工伤保险覆盖面，全面实施个人养老金制度，基本医疗保险参保率稳定在95%以上，织密扎牢社会保障网。",
     ["市人力资源社会保障局", "市医保局"], ["市税务局"], "12月底前"),
    ("积极应对人口老龄化，完善居家社区机构相协调、医养康养相结合的养老服务体系，新建社区嵌入式养老服务设施40个、老年助餐点100个，全市养老机构护理型床位占比达到65%。",
     ["市民政局"], ["市卫生健康委"], "12月底前"),
    ("加强住房保障体系建设，筹集保障性租赁住房3000套，加快推进配售型保障性住房建设，稳步推进已售逾期难交付住宅项目处置工作，着力解决新市民、青年人等群体住房困难问题。",
     ["市住房城乡建设局"], ["市自然资源和规划局", "市财政局"], "12月底前"),
    ("加强妇女、儿童、残疾人等群体权益保障，完善困难群众救助帮扶机制，及时足额发放城乡低保、特困供养等各类救助资金，兜牢民生底线，确保困难群众基本生活得到有效保障。",
     ["市民政局"], ["市妇联", "市残联"], None),
    ("繁荣发展文化事业和文化产业，推进城市书房、文化驿站等新型公共文化空间建设，举办江城国际马拉松等群众性文体活动，接待游客人次增长10%以上，全力建设区域性文化旅游目的地。",
     ["市文化广电旅游局"], ["市体育局"], "2024年11月底前"),
    ("统筹发展和安全，深入开展安全生产治本攻坚三年行动，加强燃气、自建房、消防等重点领域隐患排查整治，坚决遏制重特大事故发生，确保全市安全生产形势持续稳定。",
     ["市应急管理局"], ["市住房城乡建设局", "市消防救援支队"], "长期坚持"),
    ("加强食品药品安全监管，实施食品安全放心工程，完善从农田到餐桌全过程监管体系，食品安全评价性抽检合格率保持在98%以上，切实保障人民群众“舌尖上的安全”。",
     ["市市场监管局"], ["市农业农村局", "市卫生健康委"], "2024年12月底前"),
    ("推进更高水平平安江城建设，坚持和发展新时代“枫桥经验”，常态化开展扫黑除恶斗争，依法严厉打击电信网络诈骗等违法犯罪活动，群众安全感和满意度保持在98%以上。",
     ["市公安局"], ["市司法局"], "长期坚持"),
    ("高质量办好十件民生实事，统筹推进老年助餐、托育服务、城市停车、背街小巷整治等项目建设，确保年度民生实事项目全部按期完成，不断增强群众获得感、幸福感、安全感。",
     ["市政府办公室"], ["各县（市、区）人民政府"], "2024年12月底前"),
]

# 进展情况 (free text, not part of the records), cycled over the rows
PROGRESS = [
    "已制定年度工作方案，正在按计划推进。",
    "一季度完成年度目标的22%。",
    "相关项目已开工建设，进度符合预期。",
    "已召开专题推进会，明确责任分工。",
    "正在开展前期调研和方案论证。",
    "累计完成年度任务的35%，总体进展顺利。",
    "已出台配套政策文件1个。",
]

# ---------------------------------------------------------------------------
# Fixture 3 data: GB18030 page
# ---------------------------------------------------------------------------

GBK_TITLE = "江城市2024年优化营商环境重点任务分解表"
GBK_HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时间"]
# (工作任务, 牵头单位, 责任单位, 完成时间); rows 4-5 share one 牵头单位 cell (rowspan 2)
GBK_ROWS = [
    ("推行经营主体登记“一网通办”，企业开办时间压缩至1个工作日以内。",
     ["市市场监管局"], ["市政务服务和大数据管理局", "市税务局"], "2024年6月底前"),
    ("深化工程建设项目审批制度改革，社会投资一般工业项目审批时间压缩至30个工作日以内。",
     ["市住房城乡建设局"], ["市自然资源和规划局", "市生态环境局"], "2024年9月底前"),
    ("推进不动产登记、交易和缴税“一窗受理、并行办理”，一般登记业务办理时间压缩至3个工作日。",
     ["市自然资源和规划局"], ["市税务局", "市住房城乡建设局"], "2024年12月底前"),
    ("全面推行“双随机、一公开”监管，对企业实施信用风险分类管理，减少对经营主体正常生产经营的干扰。",
     ["市市场监管局"], ["市直各行政执法部门"], "长期坚持"),
    ("建立涉企行政处罚“首违不罚”清单制度，推行包容审慎监管，避免以罚代管。",
     ["市市场监管局"], ["市司法局"], "2024年12月底前"),
    ("开展惠企政策“免申即享”改革，年内实现50项以上惠企政策免申即享、直达快享。",
     ["市发展改革委"], ["市财政局", "市工业和信息化局"], "2024年10月底前"),
]
GBK_ROWSPAN = (4, 5)  # 牵头单位 rows 4-5

# ---------------------------------------------------------------------------
# Fixture 4 data: label paragraphs under auto-numbered items
# ---------------------------------------------------------------------------

LABELS_TITLE = "江城市2024年扩大有效需求和深化改革开放重点任务分工方案"
LABELS_NOTICE = "各县（市、区）人民政府，市政府各部门：现将本方案印发给你们，请结合实际认真贯彻落实。"
# [(section heading, [(subsection heading, [(item, lead, co, deadline)])])]
LABELS_SECTIONS = [
    ("一、着力扩大有效需求", [
        ("（一）扩大有效投资", [
            ("实施重大项目攻坚行动，全年安排市级重大项目300个以上，完成投资1200亿元以上。",
             ["市发展改革委"], ["市财政局", "市自然资源和规划局"], "2024年12月底前"),
            ("用好用足政府专项债券和超长期特别国债，争取中央和省预算内投资50亿元以上。",
             ["市财政局", "市发展改革委"], ["各县（市、区）人民政府"], "2024年10月底前"),
        ]),
        ("（二）促进消费扩容提质", [
            ("开展“江城消费季”系列促消费活动，推动汽车、家电、家装等大宗消费以旧换新。",
             ["市商务局"], ["市财政局", "市市场监管局"], "持续推进"),
            ("培育夜间经济集聚区和特色商业街区，社会消费品零售总额增长6%以上。",
             ["市商务局"], ["市文化广电旅游局", "市城市管理局"], "2024年12月底前"),
        ]),
    ]),
    ("二、持续深化改革开放", [
        ("（一）深化重点领域改革", [
            ("深化国资国企改革，推动市属国有企业聚焦主责主业，完成市属企业战略性重组2户。",
             ["市国资委"], ["市财政局"], "2024年11月底前"),
            ("落实“两个毫不动摇”，健全民营企业诉求直达机制，促进民营经济发展壮大。",
             ["市工商联", "市工业和信息化局"], ["市发展改革委", "市市场监管局"], "长期坚持"),
        ]),
        ("（二）推动高水平开放", [
            ("加快江城综合保税区建设，推动保税加工、保税物流等业态集聚发展。",
             ["市商务局"], ["江城海关", "江城高新区管委会"], "2024年12月底前"),
            ("办好第三届江城国际投资贸易洽谈会，全年招商引资到位资金增长10%以上。",
             ["市投资促进局"], ["各县（市、区）人民政府", "市商务局"], "2024年9月底前"),
        ]),
    ]),
]

# ---------------------------------------------------------------------------
# Fixture 5 data: gridBefore row and a nested table
# ---------------------------------------------------------------------------

GRID_TITLE = "江城市2024年城市更新重点任务清单"
GRID_HEADER = ["序号", "工作任务", "责任单位", "完成时限"]
GRID_WIDTHS = [1.5, 8.5, 4.0, 2.5]
# (序号 or None for the gridBefore row, 工作任务, 责任单位, nested units, 完成时限)
GRID_ROWS = [
    ("1", "改造城镇老旧小区120个，同步实施加装电梯、雨污分流和停车设施建设。",
     ["市住房城乡建设局"], [], "2024年12月底前"),
    ("2", "推进城中村改造，完成城中村改造项目8个，新建安置房3000套。",
     ["市住房城乡建设局", "市自然资源和规划局"], [], "2024年11月底前"),
    (None, "同步推进城市燃气、供水、排水等老化管网更新改造，完成改造管网120公里。",
     ["市城市管理局", "市水务集团"], [], "2024年10月底前"),
    ("3", "建设“口袋公园”和街角绿地30处，新增城市公园绿地50公顷。",
     ["市城市管理局"], ["各县（市、区）人民政府", "江城高新区管委会"], "2024年9月底前"),
    ("4", "完成背街小巷改造提升200条，整治架空管线乱拉乱挂问题。",
     ["市城市管理局"], [], "持续推进"),
]
GRID_BEFORE_INDEX = 2  # index in GRID_ROWS of the row that starts with w:gridBefore
NESTED_INDEX = 3  # index in GRID_ROWS whose 责任单位 cell holds a nested table


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def prefix(text, length=20):
    """The record `text`: the first characters of the item, copied exactly."""
    return text[:length].rstrip("，、；。：“")


def strip_ordinal(heading):
    """`一、坚持创新驱动` -> `坚持创新驱动`."""
    return heading.split("、", 1)[1]


def record(number, text, leaders, lead, co, deadline, section):
    return {
        "number": number,
        "text": text,
        "leaders": list(leaders),
        "lead_units": list(lead),
        "co_units": list(co),
        "deadline": deadline,
        "section": section,
    }


def write_json(slug, title, layout, notes, records):
    data = {
        "url": "generated",
        "query": "generated",
        "title": title,
        "place": PLACE,
        "level": "city",
        "year": 2024,
        "script": "simplified",
        "layout": layout,
        "notes": notes,
        "records": records,
    }
    with open(os.path.join(HERE, slug + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def new_document(title, landscape=False, font_size=10.5):
    doc = docx.Document()
    props = doc.core_properties
    props.title = title
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = ""
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(font_size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.54)
    return doc


def add_paragraph(doc, text, size=None, bold=False, center=False, font=None, indent=False):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if font:
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        p.paragraph_format.first_line_indent = Pt(2 * (size or 10.5))
    p.paragraph_format.space_after = Pt(6)
    return p


def set_cell(cell, lines, bold=False, center=False):
    """Writes `lines` (a string or a list of paragraphs) into an empty cell."""
    if isinstance(lines, str):
        lines = [lines]
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        if line:
            p.add_run(line).bold = bold or None
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def mark_header_row(row):
    """<w:trPr><w:tblHeader/></w:trPr>: Word repeats the row on every page."""
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


def set_widths(table, widths):
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def save_docx(doc, name):
    """Saves and rewrites the zip with fixed member timestamps (deterministic bytes)."""
    path = os.path.join(HERE, name)
    doc.save(path)
    with zipfile.ZipFile(path) as z:
        members = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for filename, blob in members:
            info = zipfile.ZipInfo(filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, blob)


# ---------------------------------------------------------------------------
# Fixtures 1 and 2: the merged table
# ---------------------------------------------------------------------------

def merged_model():
    """Rows of the merged table as the reader sees them, plus the merges.

    Returns (rows, spans): rows[n] = dict of column values for 序号 n (1-based,
    index n-1); spans = {(column, first row): last row} for every vertical merge.
    """
    assert len(MERGED_ROWS) == 45
    leaders_of = {}
    spans = {}
    for first, last, names in LEADER_CELLS:
        for n in range(first, last + 1):
            leaders_of[n] = names
        if last > first:
            spans[(3, first)] = last
    assert sorted(leaders_of) == list(range(1, 46))
    section_of = {}
    for title, first, last in CATEGORIES:
        spans[(1, first)] = last
        for n in range(first, last + 1):
            section_of[n] = title
    rows = []
    for n, (task, lead, co, deadline) in enumerate(MERGED_ROWS, start=1):
        assert 60 <= len(task) <= 120, (n, len(task))
        rows.append({
            "number": str(n), "category": section_of[n], "task": task, "leaders": leaders_of[n],
            "lead": lead, "co": co, "deadline": deadline, "progress": PROGRESS[(n - 1) % len(PROGRESS)],
        })
    for first, last in DEADLINE_MERGES:
        values = {rows[n - 1]["deadline"] for n in range(first, last + 1)}
        assert len(values) == 1 and None not in values, (first, last, values)
        spans[(6, first)] = last
    # no merge may run through the full-width banner row
    for (column, first), last in spans.items():
        assert not (first < BANNER_BEFORE_ROW <= last), (column, first, last)
    # the two genuinely empty cells stay outside every merge
    for n, row in enumerate(rows, start=1):
        for column, empty in ((5, not row["co"]), (6, row["deadline"] is None)):
            if empty:
                assert not any(c == column and f <= n <= l for (c, f), l in spans.items()), (n, column)
    return rows, spans


def covered(spans, column, n):
    """True when row n's cell in `column` is a continuation of a merge above."""
    return any(c == column and f < n <= l for (c, f), l in spans.items())


def merged_records():
    rows, _ = merged_model()
    return [
        record(r["number"], prefix(r["task"]), r["leaders"], r["lead"], r["co"], r["deadline"],
               strip_ordinal(r["category"]))
        for r in rows
    ]


MERGED_NOTES = (
    "Generated by make_fixtures.py. One 8-column table (序号 重点工作 主要任务 责任领导 牵头单位 配合单位 完成时限 进展情况), "
    "45 task rows; the same table is jiangcheng-2024-merged.docx (w:vMerge / w:gridSpan, header row marked w:tblHeader) "
    "and jiangcheng-2024-mergedhtml.html (rowspan / colspan, <th> header, the header row printed again once before the "
    "三 banner row as a page-break artefact, layout table, comments, script, &nbsp; padding). "
    "Vertical merges: 重点工作 over each category (1-15, 16-31, 32-45); 责任领导 over 1-4, 5-9, 10-11, 13-19 (crosses the "
    "一/二 category boundary), 20-30 (11 tall rows, runs across a page break in the docx), 32-36, 37-40, 42-45; "
    "完成时限 over 22-24 (2024年底前) and 35-39 (12月底前). A merged cell's value applies to every row it covers. "
    "Category 三 is also announced by a full-width row 三、增进民生福祉 (gridSpan/colspan 8) before row 32: not a record. "
    "Genuinely empty, unmerged cells: 配合单位 of row 8 (co_units []) and 完成时限 of row 40 (deadline null; it sits "
    "right under the 35-39 merge but is not part of it). Row 21's 配合单位 has one unit per line (docx paragraphs, html <br>). "
    "Row 12's 责任领导 cell names two leaders. 进展情况 is an extra column, not in the records. "
    "text = first 20 characters of 主要任务."
)


def fixture_merged_docx():
    rows, spans = merged_model()
    doc = new_document(MERGED_TITLE, landscape=True)
    add_paragraph(doc, MERGED_TITLE, size=18, bold=True, center=True, font="方正小标宋简体")
    add_paragraph(doc, MERGED_NOTICE, size=12, indent=True)
    add_paragraph(doc, MERGED_CAPTION, size=12, bold=True, center=True, font="黑体")

    banner_title = CATEGORIES[2][0]
    table = doc.add_table(rows=1 + len(rows) + 1, cols=len(MERGED_HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, MERGED_WIDTHS)

    header = table.rows[0]
    for cell, text in zip(header.cells, MERGED_HEADER):
        set_cell(cell, text, bold=True, center=True)
    mark_header_row(header)

    def table_row(n):  # table row index of task row n (the banner shifts rows 32..45)
        return n if n < BANNER_BEFORE_ROW else n + 1

    for n, r in enumerate(rows, start=1):
        cells = table.rows[table_row(n)].cells
        values = [
            r["number"], r["category"], r["task"], "、".join(r["leaders"]), "、".join(r["lead"]),
            list(r["co"]) if n in CO_UNITS_ONE_PER_LINE else "、".join(r["co"]),
            r["deadline"] or "", r["progress"],
        ]
        for column, (cell, value) in enumerate(zip(cells, values)):
            if covered(spans, column, n):
                continue  # continuation cell: stays empty, becomes w:vMerge (continue)
            set_cell(cell, value, center=column in (0, 1, 3, 6))

    # the full-width banner row before category 三
    banner = table.rows[BANNER_BEFORE_ROW]
    merged = banner.cells[0].merge(banner.cells[-1])
    set_cell(merged, banner_title, bold=True)

    # vertical merges (content sits in the top cell only)
    for (column, first), last in sorted(spans.items()):
        top = table.cell(table_row(first), column)
        bottom = table.cell(table_row(last), column)
        top.merge(bottom)

    save_docx(doc, "jiangcheng-2024-merged.docx")
    write_json("jiangcheng-2024-merged", MERGED_TITLE, ["docx"], MERGED_NOTES, merged_records())


def fixture_merged_html():
    rows, spans = merged_model()
    pad = "&nbsp;"

    def esc(text):
        return html.escape(text, quote=False)

    def td(column, n, value):
        attrs = ""
        if (column, n) in spans:
            attrs += ' rowspan="%d"' % (spans[(column, n)] - n + 1)
        if column == 0:
            return '<td align="center" valign="middle"%s>%s%s%s</td>' % (attrs, pad, esc(value), pad)
        if column == 1:
            return ('<td align="center" valign="middle"%s><font face="黑体">%s</font></td>'
                    % (attrs, esc(value)))
        if column == 2:
            return ('<td valign="middle"%s><span style="font-family:仿宋_GB2312;font-size:10.5pt">%s</span></td>'
                    % (attrs, esc(value)))
        if column == 3:
            return '<td align="center"%s><span style="font-size:10.5pt">%s%s</span></td>' % (attrs, pad, esc(value))
        if column == 5 and isinstance(value, list):
            return '<td%s>%s</td>' % (attrs, "<br>\n".join(pad + esc(v) for v in value))
        if column == 6:
            return '<td align="center"%s><font size="2">%s</font></td>' % (attrs, esc(value) if value else pad)
        if not value:
            return "<td%s>%s</td>" % (attrs, pad)
        return "<td%s>%s%s%s</td>" % (attrs, pad, esc(value), pad)

    header_tr = "<tr style=\"height:28px\">" + "".join(
        '<th bgcolor="#d9d9d9"><strong>%s</strong></th>' % h for h in MERGED_HEADER) + "</tr>"
    lines = [header_tr]
    for n, r in enumerate(rows, start=1):
        if n == BANNER_BEFORE_ROW:
            lines.append("<!-- 分页 -->")
            lines.append(header_tr)
            lines.append('<tr><td colspan="%d" style="padding-left:8px"><b><font face="黑体">%s</font></b></td></tr>'
                         % (len(MERGED_HEADER), esc(CATEGORIES[2][0])))
        values = [
            r["number"], r["category"], r["task"], "、".join(r["leaders"]), "、".join(r["lead"]),
            list(r["co"]) if n in CO_UNITS_ONE_PER_LINE else "、".join(r["co"]),
            r["deadline"] or "", r["progress"],
        ]
        cells = [td(c, n, v) for c, v in enumerate(values) if not covered(spans, c, n)]
        lines.append("<tr>\n" + "\n".join(cells) + "\n</tr>")
    table_html = "\n".join(lines)

    page = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>江城市人民政府办公室关于印发%(title)s的通知_通知公告_江城市人民政府</title>
<link href="/images/2019/style.css" rel="stylesheet" type="text/css">
<script type="text/javascript">
function doZoom(size) {
  var el = document.getElementById('zoom');
  if (size < 12) { size = 12; }
  el.style.fontSize = size + 'px';
}
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.example.cn/hm.js?0f3a9c";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
</script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="top"><img src="/images/2019/banner.jpg" width="1000" height="120" alt="江城市人民政府"></td></tr>
<tr><td class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></td></tr>
<tr>
<td valign="top" class="main">
<div class="article">
<h1 style="font-size:22px;text-align:center">江城市人民政府办公室关于印发%(title)s的通知</h1>
<div class="info">来源：江城市人民政府办公室&nbsp;&nbsp;&nbsp;字号：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a></div>
<!-- TRS_Editor 正文开始 -->
<div class="TRS_Editor" id="zoom">
<p align="center"><font size="4"><b>%(title)s</b></font>
<p style="text-indent:2em"><span style="font-family:仿宋_GB2312;font-size:16px">%(notice)s</span>
<p align="center"><strong>%(caption)s</strong>
<table border="1" cellspacing="0" cellpadding="0" width="100%%" style="border-collapse:collapse;font-size:14px">
<tbody>
%(table)s
</tbody>
</table>
<p>&nbsp;
</div>
<!-- TRS_Editor 正文结束 -->
<div class="share">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
</td>
</tr>
<tr><td class="foot" align="center">主办：江城市人民政府办公室&nbsp;&nbsp;承办：江城市政务服务和大数据管理局<br>网站标识码：4399000000&nbsp;&nbsp;湘ICP备00000000号</td></tr>
</table>
</body>
</html>
""" % {"title": esc(MERGED_TITLE), "notice": esc(MERGED_NOTICE), "caption": esc(MERGED_CAPTION),
       "table": table_html}
    with open(os.path.join(HERE, "jiangcheng-2024-mergedhtml.html"), "w", encoding="utf-8", newline="\n") as f:
        f.write(page)
    write_json("jiangcheng-2024-mergedhtml", MERGED_TITLE, ["html"], MERGED_NOTES, merged_records())


# ---------------------------------------------------------------------------
# Fixture 3: GB18030 bytes, charset=gb2312
# ---------------------------------------------------------------------------

def fixture_gbk_html():
    first, last = GBK_ROWSPAN
    assert len({tuple(GBK_ROWS[n - 1][1]) for n in range(first, last + 1)}) == 1
    trs = ["<tr>" + "".join("<td align=\"center\"><b>%s</b></td>" % h for h in GBK_HEADER) + "</tr>"]
    for n, (task, lead, co, deadline) in enumerate(GBK_ROWS, start=1):
        cells = ['<td align="center">%d</td>' % n, "<td>%s</td>" % html.escape(task, quote=False)]
        if n == first:
            cells.append('<td align="center" rowspan="%d">%s</td>' % (last - first + 1, "、".join(lead)))
        elif not (first < n <= last):
            cells.append('<td align="center">%s</td>' % "、".join(lead))
        cells.append("<td>%s</td>" % "、".join(co))
        cells.append('<td align="center">%s</td>' % deadline)
        trs.append("<tr>" + "".join(cells) + "</tr>")
    page = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>%(title)s</title>
</head>
<body>
<div class="content">
<h2 align="center">%(title)s</h2>
<p>为持续打造市场化、法治化、国际化一流营商环境，现将2024年优化营商环境重点任务分解如下。</p>
<table border="1" cellspacing="0" cellpadding="4" width="96%%">
%(rows)s
</table>
<p align="right">江城市优化营商环境工作领导小组办公室</p>
</div>
</body>
</html>
""" % {"title": GBK_TITLE, "rows": "\n".join(trs)}
    page.encode("gb2312")  # every character is in GB2312, so the declared charset is honest
    with open(os.path.join(HERE, "jiangcheng-2024-gbk.html"), "wb") as f:
        f.write(page.encode("gb18030"))
    records = [record(str(n), prefix(task), [], lead, co, deadline, None)
               for n, (task, lead, co, deadline) in enumerate(GBK_ROWS, start=1)]
    notes = ("Generated by make_fixtures.py. GB18030 bytes (only GB2312 characters) with "
             "<meta ... charset=gb2312>. Table 序号 工作任务 牵头单位 责任单位 完成时间, 6 rows; the 牵头单位 cell of "
             "rows 4-5 is one rowspan=2 cell (市市场监管局 applies to both). 责任单位 printed beside a separate 牵头单位 "
             "column = co_units. No section headings (section null). text = first 20 characters of 工作任务.")
    write_json("jiangcheng-2024-gbk", GBK_TITLE, ["html"], notes, records)


# ---------------------------------------------------------------------------
# Fixture 4: label paragraphs, Word automatic numbering
# ---------------------------------------------------------------------------

def fixture_labels_docx():
    doc = new_document(LABELS_TITLE, font_size=12)
    add_paragraph(doc, LABELS_TITLE, size=18, bold=True, center=True, font="方正小标宋简体")
    add_paragraph(doc, LABELS_NOTICE, size=12)
    records = []
    number = 0
    for heading, subsections in LABELS_SECTIONS:
        add_paragraph(doc, heading, size=14, font="黑体")
        for subheading, items in subsections:
            add_paragraph(doc, subheading, size=12, bold=True, font="楷体_GB2312")
            for task, lead, co, deadline in items:
                number += 1
                # the number comes from numbering.xml through the style (numId 5 -> "%1." decimal)
                doc.add_paragraph(task, style="List Number")
                doc.add_paragraph("牵头单位：" + "、".join(lead))
                doc.add_paragraph("配合单位：" + "、".join(co))
                doc.add_paragraph("完成时限：" + deadline)
                records.append(record(str(number), prefix(task), [], lead, co, deadline, strip_ordinal(heading)))
    save_docx(doc, "jiangcheng-2024-labels.docx")
    notes = ("Generated by make_fixtures.py. No table. Headings 一、/（一） are plain paragraphs; the 8 items are "
             "paragraphs in style 'List Number' whose number is NOT in the text: the style's w:numPr (numId 5 -> "
             "abstractNum 7, numFmt decimal, lvlText %1., start 1) numbers them, and since all items share numId 5 "
             "with no restart Word prints 1. to 8. continuously across both sections. Each item is followed by "
             "paragraphs 牵头单位：/配合单位：/完成时限：. section = the 一、 heading; the （一） headings are subsections.")
    write_json("jiangcheng-2024-labels", LABELS_TITLE, ["docx"], notes, records)


# ---------------------------------------------------------------------------
# Fixture 5: w:gridBefore row and a nested table
# ---------------------------------------------------------------------------

def fixture_gridbefore_docx():
    doc = new_document(GRID_TITLE, font_size=10.5)
    add_paragraph(doc, GRID_TITLE, size=16, bold=True, center=True, font="方正小标宋简体")
    table = doc.add_table(rows=1 + len(GRID_ROWS), cols=len(GRID_HEADER))
    table.style = "Table Grid"
    set_widths(table, GRID_WIDTHS)
    for cell, text in zip(table.rows[0].cells, GRID_HEADER):
        set_cell(cell, text, bold=True, center=True)
    mark_header_row(table.rows[0])
    for i, (number, task, units, nested, deadline) in enumerate(GRID_ROWS):
        cells = table.rows[1 + i].cells
        set_cell(cells[0], number or "", center=True)
        set_cell(cells[1], task)
        set_cell(cells[2], "、".join(units))
        set_cell(cells[3], deadline, center=True)
        if nested:
            inner = cells[2].add_table(rows=len(nested), cols=1)
            inner.style = "Table Grid"
            for inner_row, unit in zip(inner.rows, nested):
                set_cell(inner_row.cells[0], unit)
    # the gridBefore row: <w:trPr><w:gridBefore w:val="1"/><w:wBefore .../></w:trPr>, first w:tc removed
    tr = table.rows[1 + GRID_BEFORE_INDEX]._tr
    trPr = tr.get_or_add_trPr()
    grid_before = OxmlElement("w:gridBefore")
    grid_before.set(qn("w:val"), "1")
    w_before = OxmlElement("w:wBefore")
    w_before.set(qn("w:w"), str(int(GRID_WIDTHS[0] / 2.54 * 1440)))
    w_before.set(qn("w:type"), "dxa")
    trPr.insert(0, grid_before)
    trPr.insert(1, w_before)
    tr.remove(tr.tc_lst[0])
    save_docx(doc, "jiangcheng-2024-gridbefore.docx")

    records = []
    for number, task, units, nested, deadline in GRID_ROWS:
        # 责任单位 is the only unit label: every listed unit leads; the nested table is ignored
        records.append(record(number, prefix(task), [], units, [], deadline, None))
    notes = ("Generated by make_fixtures.py. Table 序号 工作任务 责任单位 完成时限, header + 5 rows. The third data row "
             "(no 序号, a follow-on task of item 2) starts with <w:gridBefore w:val=\"1\"/> (+ w:wBefore) and has only "
             "3 w:tc, so its first cell is 工作任务: number null. Item 3's 责任单位 cell holds 市城市管理局 and then a "
             "nested 1-column table with two rows (各县（市、区）人民政府 / 江城高新区管委会); by choice the nested "
             "table's text is NOT part of the outer cell's value, so lead_units is only 市城市管理局. 责任单位 is the "
             "only unit label, so its units are lead_units and co_units are empty. No headings (section null).")
    write_json("jiangcheng-2024-gridbefore", GRID_TITLE, ["docx"], notes, records)


def main():
    fixture_merged_docx()
    fixture_merged_html()
    fixture_gbk_html()
    fixture_labels_docx()
    fixture_gridbefore_docx()


if __name__ == "__main__":
    main()
