// The card texts the visual tests render and `npm run cards:refs` draws the references from: every
// layout × every size it declares × normal, long and very long Chinese text. Very long text is at
// (or near) each field's maxLength so that the fitter must truncate.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardTemplates } from '../../src/card/template/load.ts';
import type { CardSizeName } from '../../src/card/sizes.ts';
import type { CardBrand, CardRenderRequest } from '../../src/card/types.ts';

export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const REFS_DIR = path.join(REPO_DIR, 'test/fixtures/cards');
/** Relative to REPO_DIR (the renders' baseDir), as a workspace's persona avatar would be. */
export const AVATAR = 'test/fixtures/cards/avatar.png';

/** The example clinic (examples/workspace/brand.yaml): no 医疗广告审查证明文号. */
export const TEST_BRAND: CardBrand = {
  name: '杭州悦澜医疗美容诊所有限公司',
  shortName: '悦澜医美',
  colours: { primary: '#8C6A5D', secondary: '#F3E9E2', text: '#2B2B2B' },
  adReviewCertificate: null,
};

/** A made-up certificate number, for posters that show a price. */
export const TEST_CERTIFICATE = '浙医广【2026】第 0000 号';

export const CASE_NAMES = ['normal', 'long', 'very_long'] as const;
export type CaseName = (typeof CASE_NAMES)[number];

interface CaseText {
  fields: Record<string, string | string[]>;
  /** Render for a clinic that has a certificate (posters with a price). */
  certificate?: boolean;
}

/**
 * `sentences` repeated and joined up to `max` characters, ending at the last full stop or comma
 * that fits (so text that is not truncated still reads as finished), with 。 at the end.
 */
function fill(max: number, ...sentences: string[]): string {
  let out = '';
  for (let i = 0; Array.from(out).length < max; i++) out += sentences[i % sentences.length];
  const chars = Array.from(out).slice(0, max);
  const end = chars.findLastIndex((c) => '。；，！？'.includes(c));
  return end >= max * 0.7 ? [...chars.slice(0, end), '。'].join('') : chars.join('');
}

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

const SKIN = [
  '洁面时水温接近体温就好，太烫会带走皮肤表面的油脂；',
  '洗完脸后三分钟内涂上保湿霜，帮助减少水分流失。',
  '出现刺痛、泛红或脱皮（尤其是换季时），先停用新产品，',
  '并及时到正规医疗机构就诊，由医生判断原因。',
  '防晒要足量涂抹，户外每两到三小时补涂一次；',
];

export const CARD_CASES: Record<string, Record<CaseName, CaseText>> = {
  knowledge_card: {
    normal: {
      fields: {
        title: '换季皮肤干燥，先做好这三件事',
        points: ['洁面时水温接近体温就好，不要太烫', '洗完脸三分钟内涂保湿霜，帮助锁住水分', '出现刺痛、泛红或脱皮，先停用新产品并及时就医'],
        footer: '悦澜医美 · 林医生｜存在个体差异，以面诊为准',
      },
    },
    long: {
      fields: {
        title: '光子嫩肤前后的护理要点：术前准备、术后防晒和日常保湿，一次讲清楚',
        points: [
          '术前一周停用含维A酸、果酸等成分的护肤品，近期有晒伤或皮肤破损的，请提前告诉医生。',
          '术后当天避免热水洗脸，24小时内不化妆；如有轻微泛红，一般会慢慢消退。',
          '术后一到两周注意严格防晒：帽子、遮阳伞等物理防晒和防晒霜配合使用。',
          '保湿以温和、成分简单的产品为主，不要同时叠加多种功效型护肤品。',
          '治疗次数和间隔因人而异，具体方案以医生面诊评估为准。',
        ],
        footer: '悦澜医美 · 林医生（美容皮肤科）｜存在个体差异，以面诊为准',
      },
    },
    very_long: {
      fields: {
        title: fill(60, '换季皮肤干燥、敏感、泛红怎么办？', '从洁面、保湿到防晒，医生把日常护理的要点一次讲清楚，'),
        points: times(5, (i) => fill(120, ...SKIN.slice(i), ...SKIN.slice(0, i))),
        footer: fill(60, '悦澜医美 · 林医生（美容皮肤科主治医师）｜', '存在个体差异，具体方案以医生面诊评估为准。'),
      },
    },
  },
  campaign_poster: {
    normal: {
      fields: {
        title: '悦澜医美十二月会员日',
        points: ['12月12日至14日，全天开放预约', '到院先面诊评估，再确定适合自己的方案', '老客户可预约专属顾问一对一沟通'],
        footer: '杭州悦澜医疗美容诊所有限公司｜存在个体差异，以面诊为准',
      },
    },
    long: {
      certificate: true,
      fields: {
        title: '悦澜医美周年庆 · 皮肤管理体验周（12月12日—18日）',
        points: [
          '活动时间：12月12日至12月18日，每天09:30–19:00',
          '所有项目需先由医生面诊评估，不适合的不做',
          '名额按预约先后安排，请提前通过顾问预约到院时间',
          '具体安排以院内公告为准，如有调整会提前通知',
        ],
        price: '皮肤检测体验价 ¥199 起',
        footer: '杭州悦澜医疗美容诊所有限公司｜浙江省杭州市西湖区文三路 388 号',
      },
    },
    very_long: {
      certificate: true,
      fields: {
        title: '悦澜医美周年庆 · 皮肤管理体验周暨冬季护理公益讲座（12月12日至18日）',
        points: times(4, (i) =>
          fill(60, ...['活动期间每天09:30–19:00开放预约，', '所有项目均需先由医生面诊评估，', '名额按预约先后安排，', '具体以院内公告为准。'].slice(i), '请提前联系顾问确认到院时间，谢谢配合。'),
        ),
        price: '会员专享体验价 ¥1980 起，限首次到院的客户',
        footer: fill(60, '杭州悦澜医疗美容诊所有限公司｜浙江省杭州市西湖区文三路 388 号悦澜大厦 2 层｜', '电话 0571-8765 4321'),
      },
    },
  },
  quote_card: {
    normal: {
      fields: {
        title: '生活碎片',
        quote: '好好吃饭，好好睡觉，日子会慢慢变好。',
        name: '林小雨',
        role: '悦澜医美 · 皮肤管理顾问',
        footer: '—— 林小雨｜随手记',
      },
    },
    long: {
      fields: {
        title: '十一月的某个周末',
        quote: '周末去西湖边走了一圈，银杏叶黄了，风也刚刚好。慢一点也没关系，把时间留给让自己开心的事，认真生活的人，眼里会有光。',
        name: '欧阳若曦',
        role: '悦澜医美 · 资深皮肤管理顾问（美容皮肤科）',
        avatar: AVATAR,
        footer: '欧阳若曦｜周末随手记 · 写给每一位认真生活的你',
      },
    },
    very_long: {
      fields: {
        title: '十一月的某个周末，西湖边的银杏和一杯热茶，还有慢慢变短的白天',
        quote: fill(
          200,
          '周末去西湖边走了一圈，银杏叶黄了，风也刚刚好。',
          '慢一点也没关系，走得稳就好；',
          '好好吃饭，好好睡觉，把时间留给让自己开心的事。',
          '生活不必完美，舒服就好，认真生活的人，眼里会有光。',
        ),
        name: '欧阳若曦（悦澜医美皮肤管理中心）',
        role: '悦澜医美 · 资深皮肤管理顾问（美容皮肤科）· 从业八年',
        avatar: AVATAR,
        footer: fill(60, '欧阳若曦｜周末随手记 · 写给每一位认真生活的你，', '愿你被这个世界温柔以待。'),
      },
    },
  },
  topic_card: {
    normal: {
      fields: {
        title: '今日话题',
        question: '说到「水光针」，你更在意哪一点？',
        options: ['需要花多长时间', '之后要注意什么', '自己适不适合'],
        footer: '评论区告诉小林 👇 Q&A 每周五统一回复',
      },
    },
    long: {
      fields: {
        title: '每日一题 · 冬季皮肤护理',
        question: '天气一冷，皮肤就容易干燥起皮。换季的时候，你最常用的护理方法是哪一种？',
        options: ['换一款更滋润的面霜，早晚各涂一次', '每周敷两到三次补水面膜', '减少洁面次数，晚上只用清水洗脸', '多喝水、早点睡，调整作息', '去医院面诊，听听医生的建议'],
        footer: '评论区留下你的选项，小林会挑几条问题请医生统一解答',
      },
    },
    very_long: {
      fields: {
        title: '每日一题 · 冬季皮肤护理小调查（第十二期）',
        question: fill(80, '天气一冷，皮肤就容易干燥、起皮，甚至泛红发痒。', '换季的时候，你最常用、也觉得最适合自己的护理方法是下面哪一种？'),
        options: times(5, (i) =>
          fill(40, ...['换一款更滋润的面霜，', '每周敷两到三次补水面膜，', '减少洁面次数，', '多喝水、早点睡，', '去医院面诊，'].slice(i), '并且坚持一段时间后再看看皮肤状态的变化。'),
        ),
        footer: fill(60, '评论区留下你的选项和理由，', '小林会挑几条大家最关心的问题，请医生在周五的直播里统一解答。'),
      },
    },
  },
  article_cover: {
    normal: { fields: { title: '换季皮肤干燥，先做好这三件事', subtitle: '悦澜医美 · 皮肤管理小课堂' } },
    long: {
      fields: {
        title: '光子嫩肤前后的护理要点：术前准备、术后防晒和日常保湿',
        subtitle: '皮肤管理小课堂第 12 期 · 林医生（美容皮肤科）',
      },
    },
    very_long: {
      fields: {
        title: fill(64, '光子嫩肤前后的护理要点：术前准备、术后防晒和日常保湿，', '医生把大家最常问的十个问题一次讲清楚'),
        subtitle: fill(60, '皮肤管理小课堂第 12 期 · 林医生（美容皮肤科）｜', '存在个体差异，具体方案以医生面诊评估为准。'),
      },
    },
  },
};

export interface CardRenderCase {
  template: string;
  size: CardSizeName;
  name: CaseName | 'required_only';
  /** Reference image: test/fixtures/cards/<template>-<size>-<case>.png */
  ref: string;
  request: CardRenderRequest;
}

function requestFor(template: string, size: CardSizeName, text: CaseText): CardRenderRequest {
  return {
    template,
    size,
    fields: text.fields,
    brand: { ...TEST_BRAND, adReviewCertificate: text.certificate ? TEST_CERTIFICATE : null },
    baseDir: REPO_DIR,
  };
}

/** Every layout × every size it declares × every case, in a stable order. */
export function cardRenderCases(templates: CardTemplates): CardRenderCase[] {
  const out: CardRenderCase[] = [];
  for (const [name, template] of [...templates].sort(([a], [b]) => a.localeCompare(b))) {
    const cases = CARD_CASES[name];
    if (!cases) throw new Error(`test/card/cases.ts has no texts for the layout ${name}`);
    for (const size of template.supportedSizes) {
      for (const caseName of CASE_NAMES) {
        out.push({ template: name, size, name: caseName, ref: path.join(REFS_DIR, `${name}-${size}-${caseName}.png`), request: requestFor(name, size, cases[caseName]) });
      }
    }
  }
  return out;
}

/**
 * The normal text with only the required fields (lists at their minimum length): the layouts must
 * still look finished and stay inside the margin when optional parts are missing. No references.
 */
export function requiredOnlyCases(templates: CardTemplates): CardRenderCase[] {
  return cardRenderCases(templates)
    .filter((c) => c.name === 'normal')
    .map((c) => {
      const normal = c.request.fields as Record<string, string | string[]>;
      const fields: Record<string, string | string[]> = {};
      for (const [name, spec] of Object.entries(templates.get(c.template)!.fields)) {
        const value = normal[name];
        if (!spec.required || value === undefined) continue;
        fields[name] = Array.isArray(value) && spec.type === 'list' ? value.slice(0, Math.max(1, spec.min)) : value;
      }
      return { ...c, name: 'required_only' as const, ref: '', request: { ...c.request, fields } };
    });
}

/**
 * The same card with every text field cut to one character and lists to their minimum length: the
 * safe-area test compares each case with it, and anything that differs must lie inside the margin.
 */
export function minimalRequest(templates: CardTemplates, c: CardRenderCase): CardRenderRequest {
  const template = templates.get(c.template)!;
  const fields: Record<string, string | string[]> = {};
  for (const [name, spec] of Object.entries(template.fields)) {
    const value = (c.request.fields as Record<string, string | string[]>)[name];
    if (value === undefined) continue;
    if (spec.type === 'text') fields[name] = '一';
    else if (spec.type === 'list') fields[name] = times(Math.max(1, spec.min), () => '一');
    else fields[name] = value;
  }
  return { ...c.request, fields };
}
