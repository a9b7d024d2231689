// The renderer end to end on the calling thread: real fonts, satori and sharp.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CardError } from '../../src/card/errors.ts';
import { CardRenderer, DEFAULT_CARD_TEMPLATES_DIR } from '../../src/card/render.ts';
import type { CardBrand } from '../../src/card/types.ts';

const brand: CardBrand = { name: '杭州悦澜医疗美容诊所有限公司', shortName: '悦澜医美', colours: { primary: '#8C6A5D', secondary: '#F3E9E2', text: '#2B2B2B' } };
const fields = { title: '水光针｜做之前先了解', points: ['术后 24 小时内避免沾水', '存在个体差异，以面诊为准', '有疑问，找专业医生面诊'], footer: '悦澜医美 · 林晓雨' };

let renderer: CardRenderer;
beforeAll(async () => {
  renderer = await CardRenderer.create();
});

describe('CardRenderer', () => {
  it('renders a 1080×1440 PNG whose hash is its content', async () => {
    const card = await renderer.render({ template: 'knowledge_card', fields, brand });
    const meta = await sharp(card.image).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1080, height: 1440 });
    expect(card.sha256).toBe(createHash('sha256').update(card.image).digest('hex'));
    expect(card.warnings).toEqual([]);
    // The brand's background colour fills the corner; the title's colour appears in the card.
    const { data, info } = await sharp(card.image).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0xf3, 0xe9, 0xe2]);
    let titlePixels = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i] === 0x8c && data[i + 1] === 0x6a && data[i + 2] === 0x5d) titlePixels++;
    expect(titlePixels).toBeGreaterThan(5000);
  });

  it('renders the same card to the same bytes', async () => {
    const a = await renderer.render({ template: 'knowledge_card', fields, brand });
    const b = await renderer.render({ template: 'knowledge_card', fields, brand });
    expect(a.sha256).toBe(b.sha256);
  });

  it('writes JPEG at the quality asked and scales to a same-aspect size', async () => {
    const low = await renderer.render({ template: 'knowledge_card', fields, brand, format: 'jpeg', quality: 30 });
    const high = await renderer.render({ template: 'knowledge_card', fields, brand, format: 'jpeg', quality: 95 });
    expect((await sharp(low.image).metadata()).format).toBe('jpeg');
    expect(low.image.byteLength).toBeLessThan(high.image.byteLength);
    const small = await renderer.render({ template: 'knowledge_card', fields, brand, size: { width: 540, height: 720 } });
    expect(await sharp(small.image).metadata()).toMatchObject({ width: 540, height: 720 });
  });

  it('warns when text had to be cut', async () => {
    const card = await renderer.render({
      template: 'knowledge_card',
      fields: { ...fields, title: '水光针做之前一定要先了解的注意事项和适合人群，还有术后护理的每一个细节'.repeat(1), points: Array.from({ length: 5 }, () => '术后护理要点：'.concat('避免沾水、注意防晒、清淡饮食、按时复诊、'.repeat(4))) },
      brand,
    });
    expect(card.warnings.join('\n')).toMatch(/要点太长.*省略号/);
    expect(card.warnings.join('\n')).not.toMatch(/版式问题/);
  });

  it('refuses an unreadable logo and fonts satori cannot read, naming the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-card-'));
    const notImage = path.join(dir, 'logo.png');
    await writeFile(notImage, 'not a picture');
    await expect(renderer.render({ template: 'knowledge_card', fields, brand: { ...brand, logo: notImage } })).rejects.toThrow(/机构标志图片无法读取：.*logo\.png/);
    await expect(renderer.render({ template: 'knowledge_card', fields, brand: { ...brand, logo: path.join(dir, 'missing.png') } })).rejects.toThrow(/文件不存在/);
    const woff2 = path.join(dir, 'brand.woff2');
    await writeFile(woff2, Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)]));
    await expect(renderer.render({ template: 'knowledge_card', fields, brand: { ...brand, fonts: { regular: woff2, bold: woff2 } } })).rejects.toThrow(/WOFF2.*TTF、OTF 或 WOFF/);
  });

  it('draws a readable logo', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-card-'));
    const logo = path.join(dir, 'logo.png');
    await sharp({ create: { width: 200, height: 200, channels: 3, background: '#00ff00' } }).png().toFile(logo);
    const card = await renderer.render({ template: 'knowledge_card', fields, brand: { ...brand, logo } });
    const { data, info } = await sharp(card.image).raw().toBuffer({ resolveWithObject: true });
    let green = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 10 && data[i + 1]! > 245 && data[i + 2]! < 10) green++;
    expect(green).toBeGreaterThan(1000);
  });

  it('embeds a large photo avatar scaled to the drawn size, as JPEG', async () => {
    // A 1,200 px PNG photo made a quote card take ~95 s in satori before pictures were scaled.
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-card-'));
    const photo = path.join(dir, 'photo.png');
    const w = 1200;
    const raw = Buffer.alloc(w * w * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (Math.sin(i / 977) * 127 + 128 + ((i * 2654435761) >>> 24) % 40) & 255;
    await sharp(raw, { raw: { width: w, height: w, channels: 3 } }).png().toFile(photo);
    const { svg } = await renderer.svg({
      template: 'quote_card',
      fields: { quote: '好好吃饭，好好睡觉。', name: '林晓雨', role: '皮肤管理顾问', avatar: photo },
      brand,
    });
    const uris = [...svg.matchAll(/href="data:image\/(png|jpeg);base64,([^"]+)"/g)];
    expect(uris.map((m) => m[1])).toContain('jpeg');
    const embedded = Buffer.from(uris.find((m) => m[1] === 'jpeg')![2]!, 'base64');
    const meta = await sharp(embedded).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(320);
    expect(embedded.byteLength).toBeLessThan(60_000);
  });

  it('refuses prices on a layout that needs the ad-review certificate, unless there is one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siyu-layouts-'));
    await mkdir(path.join(dir, 'cards', 'layouts'), { recursive: true });
    const layout = (await readFile(path.join(DEFAULT_CARD_TEMPLATES_DIR, 'cards', 'layouts', 'knowledge_card.hbs'), 'utf8')).replace(
      'description: 知识卡片',
      'description: 活动海报\npricesNeedCertificate: true',
    );
    await writeFile(path.join(dir, 'cards', 'layouts', 'poster.hbs'), layout);
    await mkdir(path.join(dir, 'cards', 'layouts', 'partials'));
    for (const p of ['lines', 'brand_mark']) {
      await writeFile(path.join(dir, 'cards', 'layouts', 'partials', `${p}.hbs`), await readFile(path.join(DEFAULT_CARD_TEMPLATES_DIR, 'cards', 'layouts', 'partials', `${p}.hbs`)));
    }
    const r = await CardRenderer.create({ templatesDir: dir });
    const priced = { ...fields, points: ['周年庆 ¥2980 起', '所有项目需先面诊', '具体以院内公告为准'] };
    await expect(r.render({ template: 'poster', fields: priced, brand })).rejects.toThrow(CardError);
    await expect(r.render({ template: 'poster', fields: priced, brand })).rejects.toThrow(/没有医疗广告审查证明文号/);
    const ok = await r.render({ template: 'poster', fields: priced, brand: { ...brand, adReviewCertificate: '浙医广【2026】第 0001 号' } });
    expect(ok.image.byteLength).toBeGreaterThan(0);
  });
});
