// Every category R01–R21: sentences in the style of clinic copy that must be caught (with the
// expected severity) and nearby compliant sentences that must not produce that category at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type CheckContext, type Checker } from '../../src/check/index.ts';
import type { Severity } from '../../src/domain/types.ts';
import { certifiedClinic, clinic, salon, services } from './helpers.ts';

interface Case {
  category: string;
  ctx?: CheckContext;
  positive: [text: string, severity: Severity][];
  negative: string[];
}

const CASES: Case[] = [
  {
    category: 'R01',
    positive: [
      ['脸大显胖还显老？不变美就找不到男朋友，颜值就是生产力！', 'block'],
      ['别再做黄脸婆了，姐妹们冲！', 'block'],
      ['素颜不敢出门的姐妹看过来', 'review'],
    ],
    negative: ['秋冬换季，皮肤容易干燥，记得多喝水、做好保湿。', '每个人都有自己的美，适合自己的才是最舒服的状态。'],
  },
  {
    category: 'R02',
    positive: [
      ['溶脂针打完就瘦，双下巴拜拜', 'block'],
      ['玻尿酸丰胸，不用开刀', 'block'],
      ['水光针补水，让皮肤水润透亮', 'review'],
    ],
    negative: ['光子嫩肤术后一周内注意防晒，不要去桑拿。'],
  },
  {
    category: 'R03',
    positive: [
      ['衡力瘦脸针，打完脸小一圈', 'block'],
      ['保妥适除皱，抚平抬头纹', 'block'],
      ['BOTOX 进口原装正品', 'block'],
    ],
    negative: ['咬肌肥大的朋友，可以面诊后由医生评估适合的方案。'],
  },
  {
    category: 'R04',
    ctx: { brand: clinic, services },
    positive: [['双眼皮术后的恢复期一般是一到两周', 'review']],
    negative: ['光子嫩肤术后注意防晒，一周内不要去角质。'],
  },
  {
    category: 'R05',
    positive: [
      ['热玛吉保证效果，一次见效，永不反弹', 'block'],
      ['做完年轻十岁，无副作用零风险', 'block'],
      ['全程无痛，睡一觉就做完了', 'review'],
    ],
    negative: ['效果因人而异，存在个体差异，请理性选择。', '术后要保证充足睡眠，多喝温水。', '任何医美项目都不是零风险的，术前请和医生充分沟通。'],
  },
  {
    category: 'R06',
    positive: [
      ['有效率高达98%，顾客满意率99%', 'block'],
      ['96%的顾客反馈皮肤明显提亮', 'block'],
      ['本院已累计服务10000+求美者', 'review'],
    ],
    negative: ['今天是周末，98%的时间都在睡觉哈哈', '每个人的皮肤状况不同，方案需面诊后制定。'],
  },
  {
    category: 'R07',
    positive: [
      ['效果媲美手术，比传统拉皮更安全', 'block'],
      ['传统手术恢复期长，不如来试试我们的新方法', 'block'],
    ],
    negative: ['选择机构时，请查看《医疗机构执业许可证》和医生的执业证书。'],
  },
  {
    category: 'R08',
    positive: [
      ['术前术后对比，真人案例分享', 'block'],
      ['小美的变美日记第7天：消肿了好多', 'block'],
      ['顾客反馈说环境很舒服', 'review'],
    ],
    negative: ['做完之后记得冷敷，第3天可以正常洗脸。', '术后护理小贴士：避免暴晒，多补水。'],
  },
  {
    category: 'R09',
    positive: [
      ['中国整形美容协会推荐品牌', 'block'],
      ['本项目由XX医学会认证', 'block'],
    ],
    negative: ['协会组织了一场关于消费者权益保护的公益讲座。'],
  },
  {
    category: 'R10',
    positive: [
      ['明星同款鼻子，网红推荐的医院', 'block'],
      ['招募体验官，名额有限', 'block'],
    ],
    negative: ['周末和闺蜜去看了一场电影，很放松。'],
  },
  {
    category: 'R11',
    positive: [
      ['院长亲诊，专家坐诊', 'block'],
      ['王院长亲自操刀，放心交给我们', 'block'],
    ],
    negative: ['我们的医生都持有医师执业证书，可在国家卫健委网站查询。'],
  },
  {
    category: 'R12',
    positive: [
      ['原三甲医院主任，独家专利技术', 'review'],
      ['本院荣获国际金奖', 'block'],
    ],
    negative: ['门诊时间：周一至周日 9:00–18:00，地址：XX路 88 号。'],
  },
  {
    category: 'R13',
    positive: [
      ['我们是全市最好的医美机构', 'block'],
      ['顶级专家团队，国家级技术', 'block'],
      ['首家引进第五代热玛吉', 'block'],
      ['最喜欢秋天的银杏', 'warn'],
    ],
    negative: ['第一次来院请带上身份证。', '最近天气转凉，注意保湿。', '术后最好不要化妆。'],
  },
  {
    category: 'R14',
    ctx: { contentType: 'knowledge' },
    positive: [
      ['科普：光子嫩肤的原理是强脉冲光。想了解更多请扫码，电话 138-1234-5678', 'review'],
      ['防晒干货｜戳链接 https://example.com/a 预约面诊', 'review'],
    ],
    negative: ['科普：透明质酸是人体本来就有的成分，可以帮助皮肤保持水分。'],
  },
  {
    category: 'R15',
    ctx: { brand: clinic, contentType: 'promotion' },
    positive: [['国庆特惠，光子嫩肤体验价 299 元', 'block']],
    negative: ['本周六下午两点，社群里有护肤小课堂，欢迎参加。'],
  },
  {
    category: 'R16',
    positive: [
      ['原价3980，今日秒杀价999', 'review'],
      ['0元体验补水护理，仅限前10名', 'review'],
    ],
    negative: ['护理时长约60分钟，结束后可以正常上班。'],
  },
  {
    category: 'R17',
    ctx: { brand: salon },
    positive: [['本店新到热玛吉，注射玻尿酸也可以做', 'block']],
    negative: ['深层清洁补水护理，周末约起。'],
  },
  {
    category: 'R18',
    positive: [
      ['这款面膜可以祛斑，还能治疗痘痘', 'block'],
      ['药妆品牌大促', 'block'],
    ],
    negative: ['光子嫩肤可用于改善色斑，具体请面诊后由医生评估。', '面膜一周敷两三次就够了，别天天敷。'],
  },
  {
    category: 'R19',
    positive: [
      ['学生党福利，高考后变美正当时', 'block'],
      ['暑假变美计划，双眼皮提前约', 'review'],
    ],
    negative: ['本院不接诊未成年人，谢谢理解。', '未成年人禁止进行医疗美容项目。'],
  },
  {
    category: 'R20',
    positive: [['隆鼻改运势，旺夫鼻了解一下', 'block']],
    negative: ['今天运动了一小时，整个人都精神了。'],
  },
  {
    category: 'R21',
    ctx: { contentType: 'word_of_mouth' },
    positive: [
      ['亲测好用！水光体验分享，点击链接下单', 'review'],
      ['转发朋友圈集赞送面膜一片', 'review'],
    ],
    negative: ['【广告】亲测好用！水光体验分享，点击链接下单', '感谢大家的信任，我们会继续用心服务。'],
  },
];

const RANK: Record<Severity, number> = { warn: 0, review: 1, block: 2 };

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

it('covers every category R01–R21', () => {
  expect(CASES.map((c) => c.category)).toEqual(Array.from({ length: 21 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`));
});

describe.each(CASES)('$category', ({ category, ctx, positive, negative }) => {
  it.each(positive)('catches “%s” as %s', (text, severity) => {
    const found = checker.check(text, ctx).findings.filter((f) => f.category === category);
    // The strongest finding of the category is exactly the expected one: a review example must
    // not be blocked, a warning must not escalate, a block must not be softened.
    const strongest = found.map((f) => f.severity).sort((a, b) => RANK[b] - RANK[a])[0];
    expect(strongest).toBe(severity);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
  });

  it.each(negative)('lets “%s” through', (text) => {
    const found = checker.check(text, ctx).findings.filter((f) => f.category === category);
    const serious = found.filter((f) => f.severity !== 'warn');
    expect(serious).toEqual([]);
    // Only R13 and the soft-claim warnings may remain, and only as warnings.
    if (category !== 'R13') expect(found).toEqual([]);
  });
});

it('R15 with a certificate shown in the text passes the promotion', () => {
  const text = '国庆特惠，光子嫩肤体验价 299 元。（沪）医广【2026】第12-34-5678号';
  const r = checker.check(text, { brand: certifiedClinic, contentType: 'promotion' });
  expect(r.findings.filter((f) => f.category === 'R15')).toEqual([]);
});
