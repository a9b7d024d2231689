// Sample data for the card benchmark: fields for any layout, built from what its front matter
// declares, so a layout added later is benchmarked without touching the bench. Text fields get a
// Chinese sentence, lists 3–4 Chinese items (within the declared min/max), image fields are left
// out unless required. `variant` rotates the wording so consecutive cards are not identical (satori
// caches shaped text runs; a batch of one repeated card would flatter it).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { CardTemplate } from '../../src/card/template/load.ts';
import type { CardBrand } from '../../src/card/types.ts';

const TITLES = [
  '换季皮肤干燥，先做好这三件事',
  '光子嫩肤前，你需要知道的几件事',
  '防晒霜怎么选？一次讲清楚',
  '水光项目术后护理要点',
  '敏感肌日常护理的三个误区',
  '熬夜之后，皮肤需要什么',
];

const SENTENCES = [
  '洁面时水温不要太高，接近体温的温水就好',
  '保湿霜在洗完脸三分钟内涂上，锁水效果更好',
  '出现刺痛、泛红或脱皮，先停用新产品并及时就医',
  '术后一周内避免蒸桑拿、泡温泉和剧烈运动',
  '防晒要足量涂抹，户外每两到三小时补涂一次',
  '不要同时叠加多种功效型护肤品，先从简单开始',
  '每个人的皮肤状况不同，方案以医生面诊为准',
  '作息规律、饮食清淡，对皮肤状态同样重要',
];

const SHORT_ITEMS = ['温水洁面', '热水洗脸', '冷水冲洗', '只用卸妆水', '早晚各一次', '每周一次'];

const FOOTERS = ['悦澜医美 · 林医生｜存在个体差异，以面诊为准', '悦澜医美 · 皮肤科｜以面诊为准', '—— 小悦，美容顾问'];

/** The clinic the bench renders for (the example workspace's colours and names). */
export const BENCH_BRAND: CardBrand = {
  name: '杭州悦澜医疗美容诊所有限公司',
  shortName: '悦澜医美',
  colours: { primary: '#8C6A5D', secondary: '#F3E9E2', text: '#2B2B2B' },
  adReviewCertificate: null,
};

/** Cuts to at most `max` characters (code points, as the validator's length check is close enough
 *  for Chinese without surrogate pairs). */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

const pick = <T>(list: readonly T[], i: number): T => list[((i % list.length) + list.length) % list.length]!;

/** For a price-like field: wording without a price, so it renders without a 审查证明文号. */
const PRICE_NOTES = ['到院面诊后定方案', '详询当班顾问', '名额有限，先到先约'];

const NAMES = ['林医生', '小悦', '陈顾问'];
const ROLES = ['皮肤科主治医师', '美容顾问', '护理部护士长'];
const QUESTIONS = ['换季时洗脸，哪种水温更合适？', '做完光子嫩肤，多久可以化妆？', '防晒霜在户外应该多久补涂一次？'];

/** Wording by the field's name, with sentences for anything unrecognised. */
const TEXT_POOLS: [RegExp, readonly string[]][] = [
  [/price|cost|fee/i, PRICE_NOTES],
  [/^(title|heading|headline|theme|topic)$/i, TITLES],
  [/question/i, QUESTIONS],
  [/^(name|author|signature)$/i, NAMES],
  [/role|position/i, ROLES],
  [/footer|byline|credit/i, FOOTERS],
];

function textFor(name: string, maxLength: number, variant: number): string {
  const pool = TEXT_POOLS.find(([re]) => re.test(name))?.[1] ?? SENTENCES;
  return clip(pick(pool, variant), maxLength);
}

function listFor(name: string, spec: { min: number; max: number; maxLength: number }, variant: number): string[] {
  const wanted = 3 + (variant % 2); // 3 or 4 items
  const count = Math.max(spec.min, Math.min(spec.max, wanted));
  const pool = spec.maxLength < 12 || /option|choice|answer/i.test(name) ? SHORT_ITEMS : SENTENCES;
  return Array.from({ length: count }, (_, k) => clip(pick(pool, variant + k), spec.maxLength));
}

export interface SampleOptions {
  /** Used for image fields the layout requires (e.g. an avatar); others are left out. */
  imagePath?: string | undefined;
}

/** Field data that validates against `template`'s declared fields. */
export function sampleFields(template: CardTemplate, variant = 0, opts: SampleOptions = {}): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, spec] of Object.entries(template.fields)) {
    switch (spec.type) {
      case 'text':
        out[name] = textFor(name, spec.maxLength, variant);
        break;
      case 'list':
        out[name] = listFor(name, spec, variant);
        break;
      case 'image':
        if (spec.required) {
          if (!opts.imagePath) throw new Error(`${template.name}: field ${name} needs an image; pass imagePath`);
          out[name] = opts.imagePath;
        }
        break;
    }
  }
  return out;
}

/** A small square PNG (a filled circle) for logos and required avatars, written once to a temp folder. */
export async function benchImage(dir: string = path.join(os.tmpdir(), 'siyu-bench-cards')): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'avatar.png');
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" fill="#F3E9E2"/><circle cx="120" cy="120" r="110" fill="#8C6A5D"/><circle cx="120" cy="95" r="42" fill="#F3E9E2"/><ellipse cx="120" cy="200" rx="70" ry="50" fill="#F3E9E2"/></svg>';
  await writeFile(file, await sharp(Buffer.from(svg)).png().toBuffer());
  return file;
}
