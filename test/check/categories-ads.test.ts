// R01, R14, R15, R16, R19, R21: phrasings written for these tests (not the labelled fixtures) that
// must be caught with the expected category and severity, and nearby compliant phrasings that must
// not produce the category — so the rules are checked for the phrase family, not one sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type CheckContext, type Checker } from '../../src/check/index.ts';
import type { Severity, Verdict } from '../../src/domain/types.ts';
import { CERTIFICATE, certifiedClinic, clinic, services } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const ofCategory = (text: string, category: string, ctx: CheckContext = {}) =>
  checker.check(text, ctx).findings.filter((f) => f.category === category);

function expectHit(text: string, category: string, severity: Severity, ctx: CheckContext = {}): void {
  const found = ofCategory(text, category, ctx);
  expect(found.length, `${category} in「${text}」`).toBeGreaterThan(0);
  expect(found.map((f) => f.severity), `${category} severity in「${text}」`).toContain(severity);
}

function expectNone(text: string, category: string, ctx: CheckContext = {}): void {
  expect(ofCategory(text, category, ctx).map((f) => f.match), `no ${category} in「${text}」`).toEqual([]);
}

function expectVerdict(text: string, verdict: Verdict, ctx: CheckContext = {}): void {
  const report = checker.check(text, ctx);
  expect(report.verdict, `${text}\n${report.findings.map((f) => `${f.category} ${f.severity} ${f.match}`).join('\n')}`).toBe(verdict);
}

const example: CheckContext = { brand: clinic, services };
const certified: CheckContext = { brand: certifiedClinic, services };

describe('R01 appearance anxiety', () => {
  it.each([
    '胖成这样再不减，老公迟早出轨。',
    '单眼皮小眼睛，难怪没人爱你。',
    '皮肤又黑又糙，看起来就很穷酸。',
    '法令纹这么深，说白了就是懒。',
    '一脸痘痘都是懒出来的，怪不得别人。',
    '外貌就是竞争力，别不信。',
    '长得漂亮的女生面试更吃香，这是事实。',
  ])('blocks 「%s」', (text) => expectHit(text, 'R01', 'block'));

  it.each([
    '周末没人约，在家追剧也挺好😄',
    '我太懒了，今天没去健身房。',
    '今天懒得化妆，素颜出门买菜。',
    '这件大衣显得很有气质，颜色也百搭。',
    '每个人的长相都有自己的特点，适合自己的就是最好的。',
  ])('leaves 「%s」 alone', (text) => expectNone(text, 'R01'));
});

describe('R14 科普 with contact details', () => {
  it.each([
    '【护肤小课堂】为什么换季容易泛红？多和屏障受损有关。预约热线 400-123-4567',
    '玻尿酸和胶原蛋白有什么区别？简单说一个是保水，一个是支撑。有疑问的朋友欢迎私信咨询。',
    '问：光子能天天做吗？\n答：不能，一般间隔四周左右。vx：meiyan888 备注面诊',
    '医生提醒：刷酸后一周内要严格防晒。想约面诊的扫码添加顾问～',
    '行业快讯：今年轻医美消费持续增长。了解详情请致电 138 1234 5678',
    '干货｜激光祛斑后为什么会返黑？加我微信看更多案例解读',
  ])('reviews 「%s」', (text) => expectHit(text, 'R14', 'review'));

  it('reviews declared knowledge content with a WeChat id', () => {
    expectHit('秋冬皮肤干燥，角质层含水量下降是主因。添加顾问微信 skin2026 领取护理清单', 'R14', 'review', { contentType: 'knowledge' });
  });

  it.each([
    '如需改约，请拨打前台电话 021-6543 2100（09:00–18:00）。',
    '防晒小知识：阴天也要涂防晒，户外每两小时补涂一次。',
    '为什么术后要冰敷？冰敷可以减轻肿胀。如有持续疼痛请及时就医。',
    '门诊地址：上海市徐汇区漕溪北路100号，电话 021-6543 2100。',
  ])('leaves 「%s」 alone', (text) => expectNone(text, 'R14'));
});

describe('R15 medical ads without a review certificate', () => {
  it.each([
    '国庆福利：水光针第二支半价，名额有限先到先得。',
    '带朋友一起来做光子，两人各送一次皮肤检测。',
    '下单即送价值298元的修复面膜一盒。',
    '周年庆储值3000送500，送完即止。',
    '双眼皮限量20个名额，报满即止。',
    '到院做项目就能抽奖，大奖是一台扫地机器人。',
    '会员日全场护理7.5折。',
  ])('blocks the promotion 「%s」 for a clinic without a certificate', (text) => expectHit(text, 'R15', 'block', example));

  it.each([
    '热玛吉已经到院啦，由医生面诊评估后再决定方案，欢迎来院了解。',
    '超声炮新设备上线啦，面部、下颌缘都能做。',
  ])('reviews the project pitch 「%s」 without a promotion', (text) => {
    expectHit(text, 'R15', 'review', example);
    expectVerdict(text, 'review', example);
  });

  it('lets objective service information pass: name, departments, address, hours, phone', () => {
    const text = '上海悦澜医疗美容门诊部\n诊疗科目：美容皮肤科、美容外科\n地址：上海市徐汇区漕溪北路100号\n门诊时间：周一至周日 09:00–18:00\n电话：021-6543 2100';
    expectVerdict(text, 'pass', example);
  });

  it('does not take a mention of future 优惠信息 for a promotion', () => {
    expectNone('节后公众号会陆续发布门诊安排和优惠信息，大家留意即可。', 'R15', example);
  });

  it('does not take a sale at a bookstore or supermarket in a life post for a clinic promotion', () => {
    expectNone('双十一活动开始了，书店全场图书五折，囤了一摞小说📚', 'R15', example);
    expectNone('楼下超市周末全场八折，顺手买了一箱牛奶。', 'R15', example);
    // …but a sale that names a project is the clinic's, whatever else the text mentions.
    expectHit('逛完书店顺路来院，光子嫩肤全场五折，名额有限。', 'R15', 'block', example);
    expectHit('双十一全场项目五折，详情到店咨询。', 'R15', 'block', example);
  });

  it('stays silent when the certified clinic shows its number, and without a brand', () => {
    const text = `光子嫩肤限时特价，活动期间预约享首次体验价。\n${CERTIFICATE}`;
    expectNone(text, 'R15', certified);
    expectNone('光子嫩肤限时特价，活动期间预约享首次体验价。', 'R15');
  });

  it('treats a care follow-up about a project as no ad', () => {
    expectNone('周女士您好，您上周做完光子后皮肤有没有发红？有不舒服随时告诉我。', 'R15', example);
  });
});

describe('R16 price inducement and unclear gifts', () => {
  const withCert = (s: string) => `${s}\n${CERTIFICATE}`;
  it.each([
    '今日下单交200抵800，活动仅此一天。',
    '会员日全场护理7.5折起。',
    '储值2万送3千，额满即止。',
    '活动最后一天，明天恢复原价。',
    '到店即送精美礼品一份。',
    '水光针第二支半价。',
    '仅剩3个名额，手慢就没了。',
    '秒杀倒计时3小时，抓紧下单。',
  ])('reviews 「%s」', (text) => expectHit(withCert(text), 'R16', 'review', certified));

  it.each([
    '今天是值班的最后一天，明天开始休假。',
    '最后一天上班啦，节后见～',
    '今天是今年最后一个工作日，谢谢大家一年的照顾。',
    '高考倒计时100天，侄子每天学到很晚。',
    '新买的折叠屏手机用着还不错。',
    '大厦地下停车场前两小时免费。',
  ])('leaves 「%s」 alone', (text) => {
    expectNone(text, 'R16', certified);
    expectNone(text, 'R15', example);
  });
});

describe('R19 minors', () => {
  it.each([
    '不满十八岁想做玻尿酸？父母签字同意就可以～',
    '招募校园代理，推荐同学来做水光针返现。',
    '女儿的单眼皮趁暑假割了吧，开学就是新样子。',
    '趁孩子小做个隆鼻，长大更自然。',
    '在校生凭学生证做光子更划算。',
  ])('blocks 「%s」', (text) => expectHit(text, 'R19', 'block'));

  it.each([
    '未满18周岁谢绝接诊医美项目，敬请谅解。',
    '本院不为未满十八岁人员提供医疗美容服务。',
    '孩子牙齿排列不齐，建议带去口腔科做个检查。',
    '家长陪同孩子来看痘痘，记得带上病历本。',
    '外甥中考完了，周末全家去爬山庆祝。',
    '学生党那几年最爱食堂的煎饺，现在想起来还流口水。',
  ])('leaves 「%s」 alone', (text) => expectNone(text, 'R19'));
});

describe('R21 private-domain duties', () => {
  it.each([
    '亲测好用的一款防晒霜，清爽不油，点击链接购买 https://shop.example.com/a1',
    '我的自用好物，不是广告哈，小程序直接下单就行。',
  ])('reviews experience sharing with a purchase route and no 广告 label: 「%s」', (text) => expectHit(text, 'R21', 'review'));

  it('accepts the 广告 label on experience sharing', () => {
    expectNone('【广告】自用好物分享：这款修护霜很温和，点击链接购买 https://shop.example.com/a1', 'R21');
  });

  it('reviews a bulk commercial message without an opt-out, and passes it with one', () => {
    const msg = '尊敬的会员：本月会员日积分翻倍，可兑换护理小样一份。';
    expectHit(msg, 'R21', 'review');
    expectNone(`${msg}如不想再收到此类消息，回复T退订。`, 'R21');
    expectNone('亲爱的顾客，本周日门诊正常开放，请合理安排时间。', 'R21');
  });

  it('reviews contacts added in bulk from phone numbers', () => {
    expectHit('已经把大家的手机号批量添加了，以后会定期发活动信息。', 'R21', 'review');
    expectNone('新买的数据线到了，充电快多了。', 'R21');
  });

  it('does not treat bring-a-friend offers as message forwarding', () => {
    const text = '老带新到院做检测，两人各送一次清洁护理。';
    expectNone(text, 'R21', example);
    expectHit(text, 'R15', 'block', example);
  });
});
