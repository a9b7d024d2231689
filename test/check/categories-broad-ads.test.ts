// R01 (appearance anxiety), R15 (unreviewed medical ads), R16 (price inducement), R19 (minors) and
// R21 (private-domain duties): wider phrase families — the many ways a consultant pitches a project,
// low-price and deadline wording, school grades and student documents, looks tied to 不配/丑/嫌弃/
// 被比下去, mass-message markers and "silence is consent" — and the everyday or objective posts
// next to them that must pass.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type CheckContext, type Checker } from '../../src/check/index.ts';
import { categoryExpectations, clinic, services } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const example: CheckContext = { brand: clinic, services };

const { ofCategory, expectHit, expectNoClaim: expectNone } = categoryExpectations(() => checker, example);

describe('R15 pitch of a medical project without promotion → review', () => {
  it.each([
    '热玛吉最近很多姐妹在做，适合你的话可以来做一次',
    '需要的姐妹私我，光子嫩肤安排上',
    '推荐你试试水光针，来院了解',
    '热玛吉做脸部提升，想做的宝子戳我',
    '超声炮可约，本周还有档期',
    '水光针一周可做一次，周末来店体验',
    '皮秒祛斑，私信了解详情',
    '玻尿酸填充苹果肌，了解一下',
  ])('reviews “%s”', (text) => expectHit(text, 'R15', 'review'));

  it.each([
    '姐妹们早呀～这周在做热玛吉的咨询，想了解的可以来找我聊聊，具体方案需要面诊评估。\n效果因人而异，具体请到院面诊评估。',
    '热玛吉是什么？医生提醒：术后注意防晒',
    '本院开展光子嫩肤、激光脱毛项目，地址XX路88号，营业时间9:00-18:00',
  ])('passes “%s”', (text) => expectNone(text, 'R15'));
});

describe('R15 promotion (R16 price wording included) → block', () => {
  it.each([
    '水光针只要199，快来',
    '价格美丽，水光针约起来',
    '仅需99，体验小气泡',
    '闺蜜同行一人免单',
    '到院即领面膜一盒',
    '预约就送皮肤检测',
    '活动今晚截止，明天恢复原价',
    '女神节水光专场开启',
    '宠粉福利：热玛吉',
    '超声炮限今天，第二人半价',
  ])('blocks “%s”', (text) => expectHit(text, 'R15', 'block'));

  it.each([
    '今天是今年最后一个工作日，大家辛苦了',
    '下周二截止报名的是春季马拉松',
    '到院领取体检报告请带身份证',
    '本月员工福利发放通知',
    '我们的地址：XX路88号，营业时间9:00-18:00',
    '原来的价格表已经更新',
    '还不到30岁就开始长白头发了',
  ])('passes “%s”', (text) => {
    expectNone(text, 'R15');
    expectNone(text, 'R16');
  });
});

describe('R16 price inducement → review', () => {
  it.each(['水光针只要199', '闺蜜同行一人免单', '活动今晚截止', '热玛吉限今天', '到院即领面膜一盒', '骨折价热玛吉，捡漏', '一杯奶茶钱就能做水光'])(
    'reviews “%s”',
    (text) => expectHit(text, 'R16', 'review'),
  );
});

describe('R19 minors: grades, student documents, school seasons', () => {
  it.each([
    '高一的妹妹暑假来割双眼皮吧',
    '学生党凭学生证做水光立减200',
    '准考证打8折，光子嫩肤走起',
    '大学新生开学季，美白针安排上',
    '初三学妹专享水光针',
    '中学生祛痘项目特惠',
    '给孩子的升学礼物：双眼皮',
  ])('blocks “%s”', (text) => expectHit(text, 'R19', 'block'));

  it('reviews a school-season pitch', () => expectHit('毕业季来做水光，开学换个新形象', 'R19', 'review'));

  it.each([
    '毕业季来拍毕业照啦，记得带上学生证',
    '鼻梁高一点会更好看，玻尿酸隆鼻了解一下',
    '侄子中考完去旅游了',
    '高三学生减压方法，家长必看',
    '初三毕业啦，恭喜同学们，暑假愉快',
    '医院春节放假到初三，初四正常接诊',
    '本院谢绝接诊未成年人，做双眼皮须年满18周岁',
    '今天喝了一杯奶茶，好开心',
  ])('passes “%s”', (text) => expectNone(text, 'R19'));
});

describe('R01 appearance anxiety: 不配, 丑, 嫌弃, 被比下去, 自卑 + looks', () => {
  it.each([
    '颜值不够，相亲总是被比下去，热玛吉帮你',
    '塌鼻子显得特别丑，玻尿酸垫一下',
    '因为法令纹被同事嘲笑，快来做填充',
    '单眼皮让我自卑了十年，一次双眼皮告别',
    '皮肤黑就拿不出手？光子嫩肤安排',
    '婆婆嫌你老？超声炮了解一下',
    '胖的人不配穿好看的衣服',
    '老公嫌弃你脸黄？来做光子嫩肤',
    '单眼皮真的好丑，做个双眼皮吧',
    '满脸痘印不敢出门？果酸换肤了解一下',
    '单眼皮没自信？双眼皮安排上',
    '单眼皮就没人多看你一眼',
  ])('blocks “%s”', (text) => expectHit(text, 'R01', 'block'));

  it.each(['这款精华我用完真的不配回购', '今天的合照大家都笑得好开心', '同学聚会定在周六晚上', '满脸痘印不敢出门，后来坚持护肤好多了'])('passes “%s”', (text) =>
    expectNone(text, 'R01'),
  );

  it('keeps a personal story without a pitch at review', () => {
    const found = ofCategory('脸上的痘印让我很自卑，后来坚持护肤好多了', 'R01');
    expect(found.map((f) => f.severity)).not.toContain('block');
  });
});

describe('R21 private-domain: mass-message markers, silence as consent', () => {
  it.each([
    '【群发】亲们，本月水光针活动价399',
    '此条为群发消息，打扰了，光子嫩肤特惠进行中',
    '批量发送：新年福利来啦，会员积分翻倍',
    '不回复即视为同意接收优惠信息',
    '未回复视为同意接收本院活动通知',
  ])('reviews “%s”', (text) => expectHit(text, 'R21', 'review'));

  it.each([
    '亲爱的会员，积分兑换活动开始啦，回复T退订',
    '打扰了，您的预约时间改到周三下午3点',
    '不回复也没关系，有空再聊',
    '门诊通知：国庆期间正常营业，欢迎咨询',
  ])('passes “%s”', (text) => expectNone(text, 'R21'));
});

// Round 5 (broad-round5.yaml): families for phrasings in other voices, with their neighbours.
describe('round 5: R01 judged by looks — discounted, turned away, 身份证, partner cold, 喊你奶奶', () => {
  it.each([
    '法令纹一深，客户心里就给你减分了',
    '双下巴挂在脸上，相亲对象直接劝退',
    '面试官一看你气色不好，就觉得你不自律',
    '颜值就是你的第一张名片',
    '一身赘肉，怪不得老公对你越来越冷淡',
    '出门买菜，小孩都喊你奶奶了',
    '老公看你的眼神是不是越来越敷衍了？',
    '同学聚会没人愿意跟你合影？',
  ])('R01 blocks 「%s」', (text) => expectHit(text, 'R01'));
  it.each(['考试粗心被扣分了，下次注意', '小朋友叫我阿姨，我还挺开心的', '老公最近不回家吃饭，原来在赶项目', '这张照片是我的第二张名片吗哈哈'])(
    'R01 passes 「%s」',
    (text) => expectNone(text, 'R01'),
  );
});

describe('round 5: R14 avatars, homepages, one-to-one consultants in 科普', () => {
  it.each([
    '科普：光子和激光有什么不同？想了解更多，戳我主页',
    '小百科：玻尿酸为什么会被吸收？具体情况可以咨询我们的顾问',
    '干货：敏感肌怎么护理？需要的话可以预约1对1分析',
  ])('R14 reviews 「%s」', (text) => expectHit(text, 'R14', 'review'));
  it('R14 ignores a contact line outside 科普', () => expectNone('门诊时间调整，请联系客服确认', 'R14'));
});

describe('round 5: R15/R16 promotions without a price figure; the writer’s own shopping', () => {
  it.each(['光子嫩肤这周按老价格走，想做的姐妹抓紧', '转发截图送一次小气泡'])('R15 blocks 「%s」', (text) => expectHit(text, 'R15'));
  it('R16 reviews a lottery that needs a purchase', () => expectHit('做项目满3000即可抽奖，人人有奖', 'R16', 'review'));
  it.each([
    '这件大衣原价1299，到手599，果断下单了',
    '楼下奶茶第二杯半价，办公室又拼单了',
    '网上买的加湿器才59块，效果还行',
    '今晚8点群内抽奖，奖品是定制帆布袋3个',
  ])('R15 and R16 pass 「%s」', (text) => {
    expectNone(text, 'R15');
    expectNone(text, 'R16');
  });
  it('a purchase post that names a medical project is still a promotion', () => expectHit('团购买了热玛吉，原价19800，到手9800', 'R15'));
  it('R15 does not read a negated 能做 as a pitch', () => expectNone('孕期能不能做光子？不能，哺乳期也不建议', 'R15'));
});

describe('round 5: R19 measure-word procedures, negated advice; R21 added to a group', () => {
  it.each(['暑假带女儿割个双眼皮', '给儿子垫个鼻子，开学更精神'])('R19 blocks 「%s」', (text) => expectHit(text, 'R19'));
  it('R19 passes advice against it', () => expectNone('医生不建议未成年人做双眼皮手术', 'R19'));
  it('R21 reviews 「已经帮您加进福利群」', () => expectHit('已经帮您加进会员福利群啦，每周都有特价', 'R21', 'review'));
  it('R21 passes 「您刚才加入的群」', () => expectNone('您刚才问的问题，医生下午回复您', 'R21'));
});

describe('round 5b: R01 credibility and love tied to looks; R16 拍一发二, 今晚; R21 转到群', () => {
  it.each(['脸垮的人站在台上讲话，说话谁信', '你以为他变心了，其实是因为你的脸垮了', '眼角的细纹都在告诉别人你有多累'])('R01 blocks 「%s」', (text) =>
    expectHit(text, 'R01'),
  );
  it.each(['他说话谁信啊，上次就放了鸽子', '你以为他变心了，其实他只是工作太忙'])('R01 passes 「%s」', (text) => expectNone(text, 'R01'));
  it.each(['水光针拍一发二', '热玛吉仅限今晚'])('R16 reviews 「%s」', (text) => expectHit(text, 'R16', 'review'));
  it('R21 reviews 「海报转到三个群，截图给客服」', () => expectHit('把海报转到三个群，截图给客服领一次皮肤检测', 'R21', 'review'));
  it('R15 passes a fruit stand’s price', () => expectNone('水果店榴莲特价，19.9一斤', 'R15'));
});
