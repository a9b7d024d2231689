// R05 (efficacy/safety claims), R06 (rates/statistics), R07 (comparison), R13 (absolute terms):
// phrasings written for these tests (not the labelled fixtures) that must be caught with the
// expected category and severity, and nearby everyday or compliant phrasings that must not be — so
// the rules are checked for the phrase family, not for one sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type CheckContext, type Checker } from '../../src/check/index.ts';
import { categoryExpectations, clinic, services } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const example: CheckContext = { brand: clinic, services };

const { ofCategory, expectHit, expectNoClaim } = categoryExpectations(() => checker, example);

describe('R05 guarantees need an object: 保证/包你 + efficacy, safety or satisfaction', () => {
  it.each(['做完水光我们保证皮肤变白两个度', '超声炮抗衰，包你满意再付尾款', '祛斑效果绝对有保证，放心交给我们', '热拉提做完保证不反弹', 'bao证有效，欢迎来面诊'])(
    'blocks 「%s」',
    (text) => expectHit(text, 'R05'),
  );
  it.each(['今晚早点睡，保证明天精神好', '跑完十公里，我保证今晚睡得香', '这家的牛肉面我保证你会喜欢', '我能保证的，是每一步都提前跟你讲清楚', '术后饮食清淡，保证充足的休息'])(
    'does not block 「%s」',
    (text) => expectNoClaim(text, 'R05'),
  );
  it('warns about a guarantee without an object', () => {
    expect(ofCategory('周末爬山，保证腿软', 'R05').map((f) => f.severity)).toEqual(['warn']);
  });
});

describe('R05 conditional refunds', () => {
  it.each(['祛痘套餐不好不要钱，没效果全额退', '腰腹吸脂瘦不了双倍退', '美白做完不满意免费重做'])('blocks 「%s」', (text) => expectHit(text, 'R05'));
  it.each(['买的外套不合适，七天内可以退款', '奶茶不好喝可以找店员重做'])('does not block 「%s」', (text) => expectNoClaim(text, 'R05'));
});

describe('R05 softened claims still count as claims', () => {
  it.each([
    // hedge + negated risk
    '埋线提升基本没有什么恢复期，周一就能上班',
    '这款玻尿酸通常不会有不良反应',
    '超声刀大部分人不会出现红肿',
    '点阵激光做完一般不用休养期',
    // hedge without negation
    '溶脂针打完极少复发',
    '热玛吉做完不大会有副作用',
    '隆鼻之后很难留疤',
    // risk + degree
    '光子嫩肤的风险非常低，放心做',
    '吸脂的并发症发生率极低',
    '皮秒祛斑复发的概率微乎其微',
    '水光针恢复时间很短，午休就能做',
    '热玛吉没多大风险',
    // safety degree
    '我们的童颜针相当安全',
    '超皮秒安全系数非常高',
    // duration
    '玻尿酸填充效果能保持两年多',
    '线雕的效果非常持久',
    '热玛吉打一针管一年半',
    // instant effect, weight
    '黄金微针做完当天就能看到明显的变化',
    '抽脂一次就瘦8斤',
    // cure-all, infallible, majority, invisible
    '黄褐斑痘印统统搞定，来做皮秒',
    '我们院长做双眼皮从未失手',
    '十拿九稳的鼻综合方案',
    '做过超声炮的绝大多数顾客都很满意',
    '开眼角之后谁都看不出动过刀',
  ])('blocks 「%s」', (text) => expectHit(text, 'R05'));

  it.each([
    // everyday uses of the same phrase families
    '这次搬家准备得十拿九稳',
    '体重不容易反弹的秘诀是坚持运动',
    '这个小区晚上相当安全',
    '周末大扫除，一次性搞定',
    '这支口红颜色很持久',
    // disclaimers and warnings
    '别信什么几乎没有恢复期的说法，任何手术都需要恢复',
    '不能说风险很低，每个人的情况都不一样',
    '恢复时间长短因人而异，请遵医嘱',
    '所谓基本没有副作用的宣传，大家要警惕',
    '防晒霜通常需要每两小时补涂一次',
    '双眼皮一般10天左右就过了恢复期，具体看个人体质',
    '周女士，看您术后恢复得特别快，继续保持哦',
  ])('does not block 「%s」', (text) => expectNoClaim(text, 'R05'));
});

describe('R05 pain and stacked negations', () => {
  it.each(['热玛吉疼痛感很低', '水光针几乎感觉不到疼'])('reviews 「%s」', (text) => expectHit(text, 'R05', 'review'));
  it.each(['激光祛斑无痛无痕', '零痛无创的埋线提升'])('blocks 「%s」', (text) => expectHit(text, 'R05'));
  it.each(['这部电影不痛不痒的', '术后可能会有轻微疼痛，属于正常反应'])('does not block 「%s」', (text) => expectNoClaim(text, 'R05'));
});

describe('R05 younger by N years', () => {
  it.each(['做完热玛吉，朋友都说我年轻了十几岁', '超声炮做完看着小了好几岁'])('blocks 「%s」', (text) => expectHit(text, 'R05'));
  it.each(['我妹妹比我小好几岁', '旅行回来，感觉心态年轻了好几岁'])('does not block 「%s」', (text) => expectNoClaim(text, 'R05'));
});

describe('R06 shares of people and volumes', () => {
  it.each([
    '八十八%的顾客做完水光都回购了',
    '七成做过超声炮的姐妹都会推荐给闺蜜',
    '十个人里有八个做完皮秒都说斑淡了',
    '八成以上的求美者选择了热玛吉',
  ])('blocks 「%s」', (text) => expectHit(text, 'R06'));
  it('reviews a case count', () => expectHit('悦澜已完成5000余例鼻部手术', 'R06', 'review'));
  it.each(['这块牛排我要七成熟的', '这台二手相机九成新', '今天的西湖，90%的人都在拍荷花', '今年已经累计跑了1200公里', '群里已经有300位小伙伴啦，欢迎新朋友'])(
    'does not block 「%s」',
    (text) => expectNoClaim(text, 'R06'),
  );
});

describe('R07 comparison', () => {
  it.each([
    '我们的皮秒比隔壁家效果强多了',
    'bi同行便宜还更安全，热玛吉认准我们',
    '我们家医生的水平不比公立医院差',
    '这款国产玻尿酸不输进口大牌',
    '相较于传统拉皮，埋线提升恢复更快',
    '和其他机构比起来，我们的超声炮更专业',
    '打一次水光针等于敷50张面膜',
    '传统吸脂创伤大恢复慢，来试试我们的新技术',
    '很多工作室打的都是水货玻尿酸，来正规医院才放心',
    '只有我们敢把光子嫩肤的每一支耗材拆给你看',
    '这套抗衰方案，别家根本做不了',
    '效果不亚于开刀，还不用住院的热玛吉',
  ])('blocks 「%s」', (text) => expectHit(text, 'R07'));
  it.each([
    '今天比昨天冷多了，出门多穿点',
    '这家火锅比别家好吃太多了',
    '敏感肌比普通肌肤更容易泛红，护肤要温和',
    '术后别跟别人比恢复速度，每个人都不一样',
    '选择医美机构，先查执业许可证和医生资质',
    '牙线比牙签更适合清理牙缝',
  ])('does not block 「%s」', (text) => expectNoClaim(text, 'R07'));
});

describe('R13 absolute terms', () => {
  it.each([
    '我们是本市最权威的抗衰机构',
    '国内首家引进这台超声炮的诊所',
    // 极限词 lists: 标杆, 顶配, 独一份 …; project names count as claim targets
    '悦澜是本地医美行业标杆',
    '顶配的热玛吉设备，只在我们这里',
    '全市独一份的线雕技术',
    '双眼皮做得无与伦比',
  ])('blocks 「%s」', (text) => expectHit(text, 'R13'));
  it.each(['最近降温了，大家多穿点', '第一次来院记得带身份证', '他一直是我们跑团的标杆', '这款手机的顶配版卖断货了'])('does not block 「%s」', (text) =>
    expectNoClaim(text, 'R13'),
  );
});

describe('R05 more softened forms', () => {
  it.each([
    '果酸焕肤后痘痘复发率很低',
    '超声炮的风险其实可以忽略不计',
    '打完水光当场就能看到效果',
    '腰腹吸脂做完直接小两个码',
    '开业五年零医疗事故，双眼皮放心做',
  ])('blocks 「%s」', (text) => expectHit(text, 'R05'));
  it.each(['风险大小因人而异，术前请充分沟通', '出门跑步一小时，回来裤子小了一个码都不到'])('does not block 「%s」', (text) =>
    expectNoClaim(text, 'R05'),
  );
});
