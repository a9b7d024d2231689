// R05 (efficacy, incl. softened), R06 (rates and numbers), R07 (comparison), R08 (testimony) and R18
// (products claiming medical effects): wider phrase families written for these tests — different
// verbs, Chinese and Arabic numbers, durations, results, testimony sources, product use — and the
// nearby everyday or compliant phrasings that must pass or at most warn.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type CheckContext, type Checker } from '../../src/check/index.ts';
import { categoryExpectations, clinic, services } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const example: CheckContext = { brand: clinic, services };

const { ofCategory, expectHit, expectNoClaim } = categoryExpectations(() => checker, example);

describe('R05 efficacy: onset, duration, softened verbs, results', () => {
  it.each([
    '做完热玛吉，3天见效',
    '黄金微针两个疗程就能看到效果',
    '超声炮一次能管五年',
    '玻尿酸填充效果可以维持十八个月',
    '我们的光子嫩肤能有效淡化色斑',
    '皮秒祛斑，轻松去除顽固斑点',
    '线雕帮你彻底告别法令纹',
    '做完水光，皮肤白了两个度',
    '吸脂以后瘦了8斤，腰围小了一圈',
    '隆鼻后鼻子高了3mm',
    '热玛吉做完整个人年轻了十岁',
    '打完嗨体，颈纹淡了一大半',
    '光子嫩肤百分百有效，肉眼可见',
  ])('blocks 「%s」', (text) => expectHit(text, 'R05'));
  it.each([
    '跑步一个月瘦了5斤，效果还不错',
    '度假回来皮肤白了好几个度',
    '术后需要维持3个月的防晒',
    '科普：光子嫩肤可以改善色斑，效果存在个体差异，请理性选择',
    '这次健身计划坚持了三个月，腰围小了一圈',
  ])('does not block 「%s」', (text) => expectNoClaim(text, 'R05'));
});

describe('R06 rates and numbers attached to efficacy', () => {
  it.each([
    '热玛吉满意度高达98%',
    '我院双眼皮3000例无一失败',
    '十个人里有九个满意，欢迎来面诊热玛吉',
    '水光针做完9成以上的顾客都满意',
    '自体脂肪存活率高，面诊预约',
    '皮秒做完色斑改善了87%',
    '超声炮的效果是普通射频的3倍',
    '五百位姐妹做完热玛吉全部满意',
  ])('blocks 「%s」', (text) => expectHit(text, 'R06'));
  it.each([
    '满意度调查：请为本次服务打分',
    '这个包九成新，朋友转让',
    '十个人里有九个喜欢吃火锅',
  ])('does not block 「%s」', (text) => expectNoClaim(text, 'R06'));
});

describe('R07 comparison', () => {
  it.each([
    '水光针效果是普通补水的3倍',
    '这款光电项目有热玛吉级效果',
    '超声刀平替，价格只要一半',
    '别家要做三次，我们一次搞定，光子嫩肤预约中',
    '大医院都不如我们专业，欢迎面诊双眼皮',
    '我们的皮秒效果远超进口设备',
  ])('blocks 「%s」', (text) => expectHit(text, 'R07'));
  it.each(['这家面馆远超我的预期', '今天跑步比昨天快了两分钟'])('does not block 「%s」', (text) => expectNoClaim(text, 'R07'));
});

describe('R08 testimony: cases, feedback pictures, screenshots, diaries', () => {
  it.each([
    '姐妹返图来啦，做完双眼皮第7天',
    '宝子发来的照片，鼻子真的翘了',
    '客户私信截图，水光做完皮肤透亮',
    '她说做完热玛吉同事都以为她换了脸',
    '变美日记第15天，消肿了',
    '评论区姐妹都在问热玛吉',
    '素人案例：下颌线出来了',
    '原相机直出，无滤镜，做完光子皮肤的样子',
    '亲测，打完水光皮肤真的变嫩了',
  ])('blocks 「%s」', (text) => expectHit(text, 'R08'));
  it.each([
    '跑步日记第30天，今天跑了十公里',
    '装修返图来啦，客厅终于完工',
    '術後第3天可以洗臉，注意防晒',
    '评论区告诉我你想了解什么',
  ])('does not block 「%s」', (text) => expectNoClaim(text, 'R08'));
  it('reviews a customer who only praises the service', () => {
    expectHit('宝子们都说我们环境很舒服', 'R08', 'review');
  });
});

describe('R18 products: drink / eat / apply + cure or remove a condition', () => {
  it.each([
    '喝了一个月，斑全没了',
    '每天吃两粒，脱发好了',
    '这个精华涂三天痘印全消',
    '敷完能修复激素脸',
    '刷了两周牙结石没了',
    '这款胶原蛋白饮每天一瓶，喝了三个月皱纹淡了',
    '这款生发液坚持用，头发长出来了，治脱发',
  ])('blocks 「%s」', (text) => expectHit(text, 'R18'));
  it.each([
    '术后按时吃消炎药，炎症会慢慢好',
    '少吃甜食，痘痘好了很多',
    '吃了三天药，过敏好了',
    '多喝水，少熬夜，皮肤自然好',
    '刷酸以后闭口少了，光子嫩肤预约中',
  ])('does not block 「%s」', (text) => expectNoClaim(text, 'R18'));
});

describe('R05 softened claims, downtime; R07 不像; R08 bystanders and staff; R18 product terms', () => {
  it.each(['光子嫩肤可以逐步改善色斑，欢迎预约', '热玛吉有助于刺激胶原，预约享优惠', '做完水光皮肤越来越亮了', '第二天就能上班，热玛吉预约'])(
    'R05 blocks 「%s」',
    (text) => expectHit(text, 'R05'),
  );
  it('R05 softened claim in 科普 with a disclaimer is only a warning', () => {
    expect(ofCategory('科普：光子嫩肤可以逐步改善色斑，效果存在个体差异', 'R05').map((f) => f.severity)).toEqual(['warn']);
  });
  it.each(['多运动有助于改善睡眠', '术后第2天就能化妆吗？不建议'])('R05 does not block 「%s」', (text) => expectNoClaim(text, 'R05'));
  it('R07 blocks 「不像传统手术要恢复一个月」 in an ad', () => expectHit('不像传统手术要恢复一个月，热玛吉预约中', 'R07'));
  it.each(['同事都以为我换了脸，做完热玛吉', '我自己也打了水光，皮肤真的嫩'])('R08 blocks 「%s」', (text) => expectHit(text, 'R08'));
  it('R08 ignores 「老公说今晚吃火锅」', () => expectNoClaim('老公说今晚吃火锅', 'R08'));
  it.each(['这款代餐一周瘦身5斤', '这款眼霜能去眼袋', '生发液坚持用白发转黑'])('R18 blocks 「%s」', (text) => expectHit(text, 'R18'));
});

describe('more phrasings and their everyday neighbours', () => {
  it('R06 blocks 「热玛吉做完皱纹减少一半」', () => expectHit('热玛吉做完皱纹减少一半', 'R06'));
  it('R07 blocks 「乔雅登比普通玻尿酸多维持半年」', () => expectHit('乔雅登比普通玻尿酸多维持半年', 'R07'));
  it.each(['更多案例私我，双眼皮预约', '她说做完水光效果特别好'])('R08 blocks 「%s」', (text) => expectHit(text, 'R08'));
  it.each(['她说下周再来复诊，我们已经帮她预约了', '评论区留言抽三位姐妹送面膜'])('R08 ignores 「%s」', (text) => expectNoClaim(text, 'R08'));
  it('R05 duration in 科普 with a disclaimer only warns', () => {
    expectNoClaim('热玛吉的效果一般维持一到两年，因人而异', 'R05');
    expectHit('超声炮一次能管五年，预约', 'R05');
  });
  it('R06 ratio in everyday text only warns', () => expectNoClaim('家里的工作减少了一半', 'R06'));
});

// Round 5 (broad-round5.yaml): families written for phrasings in other voices — customer-service
// replies, a doctor's own account, group chats — and their everyday neighbours.
describe('round 5: R05 small-pain similes, unnoticed downtime, duration as a state', () => {
  it.each(['打玻尿酸就像被蚊子咬一下', '怕痛的宝子放心，水光打起来很快'])('R05 reviews 「%s」', (text) => expectHit(text, 'R05', 'review'));
  it.each(['做完热玛吉老公都没发现', '午休来打水光，晚上就能上镜', '玻尿酸打进去，半年都是饱满的'])('R05 blocks 「%s」', (text) =>
    expectHit(text, 'R05'),
  );
  it.each(['我剪了刘海，同事根本没发现', '夏天被蚊子咬了好几个包', '这盆绿萝半年都是水润的'])('R05 does not block 「%s」', (text) =>
    expectNoClaim(text, 'R05'),
  );
});

describe('round 5: R06 N-in-M counts, 十有八九 among customers, in-house statistics', () => {
  it.each(['我们做的鼻综合，两百例里头需要修复的不到三例', '打过水光的顾客里十有八九会回购', '根据我们的回访数据，做完三次以后斑点明显淡了', '做完超声炮下颌线平均提升三成'])(
    'R06 blocks 「%s」',
    (text) => expectHit(text, 'R06'),
  );
  it.each(['一百个人里有一个人中奖', '这场雨十有八九要下到晚上', '根据我们的回访数据，前台服务还要改进'])('R06 does not block 「%s」', (text) =>
    expectNoClaim(text, 'R06'),
  );
});

describe('round 5: R07 not-the-same-level, outdated methods, elsewhere vs here', () => {
  it.each([
    '和我们的水光相比，外面那些团购根本不是一回事',
    '跟那些美容院的光子压根不在一个层面上',
    '电波拉皮早就过时了，现在都做超声炮',
    '埋线提升顶多撑半年，热玛吉才是长久之计',
    '在别家打的玻尿酸都吸收了，来我们这补一针',
    '这台皮秒一次顶过去三次激光',
  ])('R07 blocks 「%s」', (text) => expectHit(text, 'R07'));
  it.each(['知道和做到根本不是一回事', '翻盖手机早就过时了，现在都用智能机', '在别家吃过饭再来我们这喝茶'])('R07 does not block 「%s」', (text) =>
    expectNoClaim(text, 'R07'),
  );
});

describe('round 5: R08 case photos sent to a customer, “this is one I did”, customers named by their treatment', () => {
  it.each([
    '您的情况我们很常见，把之前的术后照发您看看',
    '这是我上个月修的一个鼻子，之前在别处做歪了',
    '上周来做热玛吉的那位姐姐今天发来自拍，脸小了一圈',
    '晒晒会员群里的好评，都是做完光子的姐妹自己发的',
  ])('R08 blocks 「%s」', (text) => expectHit(text, 'R08'));
  it.each(['姐妹们说句实话，今天的火锅好吃吗', '这是我上个月做的一个蛋糕，照片发你看看', '想来做光子的姐妹私信我'])('R08 does not block 「%s」', (text) =>
    expectNoClaim(text, 'R08'),
  );
});

// Round 5b (broad-round5b.yaml): a second fresh batch written after the round-5 families, in still
// other voices (live-stream scripts, subtitles, posters, voice-to-text); what it showed missing.
describe('round 5b: R07 the other place and us contrasted in one sentence', () => {
  it.each([
    '外面工作室给你打的是水货，我们这边用的都是正品玻尿酸',
    '做过我们家的热玛吉，再去别家做，你就知道差距了',
    '同样的价格，别人给你的是国产针剂',
    '拒绝开刀，一台仪器改善眼袋',
  ])('R07 blocks 「%s」', (text) => expectHit(text, 'R07'));
  it.each(['别家医院的检查报告也可以带来，医生会参考', '人家都下班了，我们还在开会', '这次感冒不用打针，吃药就行'])('R07 does not block 「%s」', (text) =>
    expectNoClaim(text, 'R07'),
  );
});

describe('round 5b: R05 越做越年轻, 做完就是你自己的; R06 回头的占一大半, N个人……有M个; R08 diaries and customers on camera', () => {
  it.each(['光子嫩肤越做越透亮', '隆鼻做完就是你自己的，不用维护', '填充后跟你原本长这样一模一样'])('R05 blocks 「%s」', (text) => expectHit(text, 'R05'));
  it('R05 passes 「没有哪种项目能保证效果」', () => expectNoClaim('没有哪种项目能保证效果，做之前问清风险', 'R05'));
  it.each(['这个项目去年做了八千多单，回头的占一大半', '十个姐妹来做水光，有八个都会跟我说皮肤亮了'])('R06 blocks 「%s」', (text) => expectHit(text, 'R06'));
  it.each(['第1天 肿得睁不开眼\n第5天 拆线\n第30天 自然多了', '镜头给到我们的老顾客李姐，李姐你跟大家说说做完的感受'])('R08 blocks 「%s」', (text) =>
    expectHit(text, 'R08'),
  );
  it.each(['第1天 到达大理\n第3天 洱海骑行\n第7天 舍不得走', '院长跟大家说说术后注意事项'])('R08 does not block 「%s」', (text) => expectNoClaim(text, 'R08'));
});
