// R08–R12 (testimony, institution endorsement, endorsers, doctors, qualifications): phrase
// families beyond the literal terms — customer stories, named doctors with praise, societies and
// universities with 推荐/认证/联合研发, celebrities with 同款 across a comma, verifiable honours — and
// the nearby wordings that must stay quiet (schedules, running progress, a T-shirt, a licence).
// The sentences are written for these tests, not copied from the labelled set.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChecker, type CheckContext, type Checker } from '../../src/check/index.ts';
import type { Severity } from '../../src/domain/types.ts';
import { clinic } from './helpers.ts';

let checker: Checker;
beforeAll(async () => {
  checker = await loadChecker();
});

const RANK: Record<Severity, number> = { warn: 0, review: 1, block: 2 };

/** The strongest severity the category reaches in the text, or undefined when it has no finding. */
function strongest(text: string, category: string, ctx: CheckContext = { brand: clinic }): Severity | undefined {
  const sev = checker
    .check(text, ctx)
    .findings.filter((f) => f.category === category)
    .map((f) => f.severity);
  return sev.length === 0 ? undefined : sev.reduce((a, b) => (RANK[a] >= RANK[b] ? a : b));
}

/** Neither a block nor a review of the category (a warning is allowed). */
const quiet = (text: string, category: string, ctx?: CheckContext) => {
  const s = strongest(text, category, ctx);
  return s === undefined || s === 'warn';
};

describe('R08 customer stories and comparisons', () => {
  it.each([
    ['上周有位宝妈来做热玛吉，今天发来反馈说法令纹浅了好多', 'block'],
    ['这位小姐姐做完鼻综合后来晒图：朋友都说像换了个人', 'block'],
    ['一个顾客把做完超皮秒后的变化拍成了视频，大家可以去看看', 'block'],
    ['有位姐妹私信说，打完水光第三天皮肤就透亮了', 'block'],
    ['老客户李姐说我们的前台特别贴心', 'review'],
    ['同一个人，前后差别大到认不出，姐妹们自己看图', 'block'],
    ['隆鼻三个月的效果对比来了', 'block'],
  ] as const)('catches “%s” as %s', (text, severity) => {
    expect(strongest(text, 'R08')).toBe(severity);
  });

  it.each([
    '已预约的顾客请按时到院，如需改期请提前告知。',
    '每位顾客的照片都会加密保存，不会外传。',
    '【悦澜】尊敬的顾客，国庆期间门诊照常开放。',
    '跑步三个月前后对比，体能真的不一样了。',
    '装修前后对比图太明显了，新家终于完工！',
    '很多顾客问，光子能不能天天做？答案是不能。',
    '姐妹们，做完光子第二天有点发红是正常的，记得冷敷。',
    '顾客满意度调查已经开始，欢迎填写问卷。',
  ])('leaves “%s” alone', (text) => {
    expect(quiet(text, 'R08')).toBe(true);
  });

  it('reads “N周就能看出变化” as an efficacy promise, not as a patient diary', () => {
    expect(quiet('打完两周就能看到轮廓变化', 'R08')).toBe(true);
    expect(strongest('做完第5天效果已经很自然了', 'R08')).toBe('block');
  });
});

describe('R09 societies, research bodies and universities', () => {
  it.each([
    '本款修复方案获皮肤病学会专家组一致认可',
    '我们和某医学院合作研发的抗衰疗程正式上线',
    '获省整形美容协会授牌的示范机构',
    '这套方案经过某研究院权威鉴定，放心选择',
    '携手知名大学实验室共同研发的修护配方',
    '中科院某研究中心推荐的皮肤管理方法',
  ])('blocks “%s”', (text) => {
    expect(strongest(text, 'R09')).toBe('block');
  });

  it.each([
    '协会组织了一场关于消费者权益保护的公益讲座。',
    '孩子学会了自己刷牙，推荐大家试试这个方法。',
    '教你学会辨别正品认证标志。',
    '大学同学推荐的餐厅很好吃。',
    '我们的医生都持有医师执业证书，可在国家卫健委网站查询。',
  ])('leaves “%s” alone', (text) => {
    expect(quiet(text, 'R09')).toBe(true);
  });
});

describe('R10 celebrities and influencers', () => {
  it.each([
    '网/红/同/款 鼻子，想要的私我',
    '爱/豆/推/荐的水光',
    '这位明星的下巴就是在我们这做的',
    '某爱豆的眉形，想要同款可以来面诊',
    '顶流女团成员的少女感，同款项目本月开放预约',
  ])('blocks “%s”', (text) => {
    expect(strongest(text, 'R10')).toBe('block');
  });

  it.each(['我最喜欢的明星出新歌了，买了同款T恤。', '今晚的电影里那位女星演技真好。', 'https://example.com/a/b 网址里的斜杠不受影响'])(
    'leaves “%s” alone',
    (text) => {
      expect(quiet(text, 'R10')).toBe(true);
    },
  );
});

describe('R11 named doctors', () => {
  it.each([
    ['孙医生从医18年，做鼻子特别有审美', 'block'],
    ['黄主任执刀上万例，经验丰富，这个月还有名额', 'block'],
    ['想做下颌角的姐妹，直接预约黄院长', 'block'],
    ['小王医生手法温柔，打针几乎不疼', 'block'],
    ['罗教授亲自设计方案', 'block'],
    ['吴医生说：把脸交给我，你就等着变美吧', 'block'],
    ['韩国医生团队坐镇，技术放心', 'block'],
  ] as const)('catches “%s” as %s', (text, severity) => {
    expect(strongest(text, 'R11')).toBe(severity);
  });

  it('reviews a 科普 text that names a doctor with a title, and one that praises the doctor', () => {
    expect(strongest('【科普】皮肤科周敏医生（主治医师）讲讲防晒霜怎么选', 'R11')).toBe('review');
    expect(strongest('防晒误区：钱医生从业十年，总结了三个常见问题', 'R11')).toBe('review');
    expect(strongest('周医生讲讲敏感肌的屏障修护', 'R11', { brand: clinic, contentType: 'knowledge' })).toBe('review');
  });

  it('blocks a 科普 text that calls readers to choose or book the doctor', () => {
    expect(strongest('科普：玫瑰痤疮怎么护理？想面诊的认准赵医生', 'R11')).toBe('block');
  });

  it.each([
    '王医生周三出诊，周四休息。',
    '李医生下周一外出学习，停诊一天，已预约的顾客会另行通知。',
    '术后有任何不适请及时联系医生。',
    '高年资医生会根据你的情况评估是否适合。',
    '直播中李医生说：本场不做任何项目推荐。',
    '我们的医生都持有医师执业证书。',
    '副主任医师和主治医师的区别是什么？',
  ])('does not block or review “%s” (a warning at most)', (text) => {
    expect(quiet(text, 'R11')).toBe(true);
    expect(checker.check(text, { brand: clinic }).verdict).not.toBe('block');
  });
});

describe('R12 qualifications and honours', () => {
  it.each([
    ['荣登2024年度长三角十大口碑诊所榜单', 'review'],
    ['我们与本市某公立医院是技术协作关系', 'review'],
    ['激光设备通过FDA认证', 'review'],
    ['每位医生都持有国际认证证书', 'review'],
    ['本院被评为年度示范单位', 'review'],
    ['行业公认的抗衰技术', 'block'],
    ['本院荣获国际大奖', 'block'],
  ] as const)('catches “%s” as %s', (text, severity) => {
    expect(strongest(text, 'R12')).toBe(severity);
  });

  it.each(['我们的医生均持有医师执业证书。', '产品已取得国家药监局医疗器械注册证。', '本周六门诊正常开放。'])('leaves “%s” alone', (text) => {
    expect(quiet(text, 'R12')).toBe(true);
  });
});

// Round 5 (broad-round5.yaml): families for other voices — a doctor's nickname and renown,
// paid recommenders, singers who came to the clinic, association member units, patents, “没有之一”.
describe('round 5: R11 nicknames, renown, people coming for the doctor', () => {
  it.each([
    ['我们的注射主任，同行都叫她“玻尿酸女王”', 'block'],
    ['刘医生是出了名的细致，一台眼睛做三个小时', 'block'],
    ['不少外地顾客是慕名院长的手艺而来', 'block'],
    ['我是陈医生，做眼睛这行十五年了，经手的双眼皮上千例', 'block'],
  ] as const)('R11 catches “%s” as %s', (text, severity) => {
    expect(strongest(text, 'R11')).toBe(severity);
  });
  it.each(['李医生周三上午出诊，下午停诊', '大家都叫她K歌之王，每次聚会都唱到最后'])('R11 leaves “%s” alone', (text) => {
    expect(quiet(text, 'R11')).toBe(true);
  });
});

describe('round 5: R10 paid recommenders and singers; 同款 goods are not endorsements', () => {
  it.each(['变美分享官火热招募，做完项目发笔记就能拿现金奖励', '某女歌手上周偷偷来我们这打了水光', '百万粉丝的美妆博主特地来体验了热玛吉'])(
    'R10 blocks “%s”',
    (text) => {
      expect(strongest(text, 'R10')).toBe('block');
    },
  );
  it.each(['这双鞋是明星同款，穿着一般', '公司招募周末志愿者，发朋友圈就能拿到纪念品'])('R10 leaves “%s” alone', (text) => {
    expect(quiet(text, 'R10')).toBe(true);
  });
});

describe('round 5: R03 nicknames and injection areas; R09 member units; R12 patents; R13 没有之一', () => {
  it.each(['小棕瓶现货', '肩颈可以打一针，线条更好看'])('R03 blocks “%s”', (text) => expect(strongest(text, 'R03')).toBe('block'));
  it('R09 blocks an association member unit', () => expect(strongest('本院是省整形美容协会理事单位', 'R09')).toBe('block'));
  it('R12 reviews a patent without its number', () => expect(strongest('我们的埋线技术已获多项专利', 'R12')).toBe('review'));
  it('R13 blocks “没有之一” about a clinic, and warns about a song', () => {
    expect(strongest('做鼻子就认我们家，全城最好，没有之一', 'R13')).toBe('block');
    expect(quiet('这是我最爱的一首歌，没有之一', 'R13')).toBe(true);
  });
  it('R13 ignores 第1 inside a number (第1234号)', () => {
    expect(quiet('（沪）医广【2026】第1234号 光子嫩肤原价1980', 'R13')).toBe(true);
  });
});
