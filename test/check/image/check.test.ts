// checkImages end to end on a folder of drawn images: verdicts and evidence per rule, reuse against
// a library, ELA heat-maps for the reviewer, and bad files reported one by one without stopping
// the others or leaving heat-maps behind.
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkImages, elaHeat, heatColour, ImageLibrary, type ImageCheckReport } from '../../../src/check/image/index.ts';
import { SiyuError } from '../../../src/shared/errors.ts';
import { composite, faceLike, photoLike, save } from './fixtures.ts';

let dir: string;
let library: string;
const f = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'siyu-check-image-'));
  library = path.join(dir, 'image-library');
  await mkdir(path.join(library, 'stock'), { recursive: true });
  const stock = await photoLike(1000, 750, 21);
  await save(stock, path.join(library, 'stock', 'spa.jpg'));
  await save(await faceLike(400, 500, { seed: 30 }), path.join(library, 'used-2025.png'));
  await writeFile(path.join(library, 'notes.txt'), '图片来源说明');

  await save(await photoLike(800, 600, 22), f('clean.jpg'));
  await save(await composite(await faceLike(), { split: 'vertical', bar: 8, afterBrightness: 1.1 }), f('before-after.jpg'));
  await save(await composite(await faceLike(360, 300), { split: 'horizontal', bar: 8 }), f('stacked.png'));
  await sharp(await photoLike(640, 480, 23)).jpeg().withExif({ IFD0: { Software: 'Adobe Photoshop 25.0' } }).toFile(f('photoshop.jpg'));
  await sharp(await photoLike(640, 480, 24))
    .jpeg()
    .withExif({ IFD0: { Software: 'Meitu' }, IFD2: { UserComment: '{"FaceLift":1,"SkinSmooth":70}' } })
    .toFile(f('meitu.jpg'));
  // Library copies: re-encoded small, and slightly cropped.
  await sharp(stock).resize(600).jpeg({ quality: 60 }).toFile(f('stock-copy.jpg'));
  await sharp(stock).extract({ left: 25, top: 20, width: 950, height: 715 }).jpeg({ quality: 80 }).toFile(f('stock-cropped.jpg'));
  // Bad input.
  await writeFile(f('notes.jpg'), '这不是图片，只是改了扩展名的文本文件\n');
  const png = await sharp(await photoLike(300, 200, 25)).png().toBuffer();
  await writeFile(f('truncated.png'), png.subarray(0, Math.floor(png.length / 2)));
  await writeFile(f('empty.jpg'), '');
});

const byName = (reports: ImageCheckReport[], name: string) => reports.find((r) => path.basename(r.file) === name)!;

describe('checkImages', () => {
  it('gives each file its verdict and evidence', async () => {
    const ela = path.join(dir, 'ela-1');
    const files = ['clean.jpg', 'before-after.jpg', 'stacked.png', 'photoshop.jpg', 'meitu.jpg', 'stock-copy.jpg', 'stock-cropped.jpg'].map(f);
    const reports = await checkImages(files, { libraryDir: library, elaDir: ela });
    expect(reports.map((r) => r.file)).toEqual(files);

    expect(byName(reports, 'clean.jpg')).toMatchObject({ verdict: 'pass', findings: [] });

    const ba = byName(reports, 'before-after.jpg');
    expect(ba.verdict).toBe('block');
    expect(ba.findings).toHaveLength(1);
    expect(ba.findings[0]).toMatchObject({ rule: 'R08-before-after', category: 'R08', severity: 'block', evidence: { split: 'vertical', panels: 2, dividers: [0.5] } });
    expect(ba.findings[0]!.basis).toContain('《医疗美容广告执法指南》五（五）');
    expect(ba.findings[0]!.basis).toContain('《医疗广告管理办法》第七条第（六）项');
    expect(ba.findings[0]!.explanation).toMatch(/术前术后对比/);

    expect(byName(reports, 'stacked.png').findings[0]).toMatchObject({ rule: 'R08-before-after', evidence: { split: 'horizontal' } });

    const ps = byName(reports, 'photoshop.jpg');
    expect(ps.verdict).toBe('review');
    expect(ps.findings).toEqual([
      expect.objectContaining({ rule: 'R08-retouched', severity: 'review', evidence: { software: 'Adobe Photoshop', field: 'ifd0.Software', value: 'Adobe Photoshop 25.0' } }),
    ]);
    expect(ps.findings[0]!.basis).toContain('《广告法》第二十八条第二款第（四）项');

    const mt = byName(reports, 'meitu.jpg');
    expect(mt.verdict).toBe('review');
    expect(mt.findings.map((x) => x.evidence)).toEqual([
      { software: '美图秀秀（Meitu）', field: 'ifd0.Software', value: 'Meitu' },
      { trace: '人脸美化 / 瘦脸标记', field: 'userComment', value: '{"FaceLift":1,"SkinSmooth":70}' },
    ]);

    for (const name of ['stock-copy.jpg', 'stock-cropped.jpg']) {
      const r = byName(reports, name);
      expect(r.verdict, name).toBe('review');
      expect(r.findings[0]).toMatchObject({ rule: 'R08-reused', severity: 'review' });
      const ev = r.findings[0]!.evidence as { match: string; distance: number };
      expect(ev.match).toMatch(/image-library[/\\]stock[/\\]spa\.jpg$/);
      expect(ev.distance).toBeLessThanOrEqual(10);
    }

    // One heat-map per file, named after it, and reported.
    expect((await readdir(ela)).sort()).toEqual(files.map((x) => `${path.basename(x, path.extname(x))}-ela.png`).sort());
    for (const r of reports) expect(r.elaHeatmap).toMatch(/-ela\.png$/);
    const meta = await sharp(path.resolve(ba.elaHeatmap!)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 808, height: 500 });
  });

  it('reports bad files one by one in Chinese and keeps going, with no heat-map for them', async () => {
    const ela = path.join(dir, 'ela-2');
    const files = [f('notes.jpg'), f('clean.jpg'), f('truncated.png'), f('missing.jpg'), dir, f('empty.jpg'), f('photoshop.jpg')];
    const reports = await checkImages(files, { elaDir: ela });
    expect(reports).toHaveLength(7);
    const errors = Object.fromEntries(reports.map((r) => [path.basename(r.file), r.error]));
    expect(errors['notes.jpg']).toBe(`${f('notes.jpg')} 不是可识别的图片文件（支持 JPEG、PNG、WebP、GIF、TIFF、AVIF）`);
    expect(errors['truncated.png']).toMatch(/truncated\.png 图片数据不完整或已损坏/);
    expect(errors['missing.jpg']).toBe(`找不到文件 ${f('missing.jpg')}`);
    expect(errors[path.basename(dir)]).toBe(`${dir} 是目录，不是图片文件`);
    expect(errors['empty.jpg']).toBe(`${f('empty.jpg')} 是空文件`);
    for (const r of reports.filter((x) => x.error)) expect(r).toMatchObject({ verdict: 'block', findings: [] });
    expect(byName(reports, 'clean.jpg')).toMatchObject({ verdict: 'pass' });
    expect(byName(reports, 'photoshop.jpg')).toMatchObject({ verdict: 'review' });
    expect((await readdir(ela)).sort()).toEqual(['clean-ela.png', 'photoshop-ela.png']);
  });

  it('refuses a picture over the pixel limit by its size, before decoding it, and draws big heat-maps at 2048', async () => {
    const huge = f('huge.png');
    await sharp({ create: { width: 9000, height: 8000, channels: 3, background: '#f4e4d8' } }).png().toFile(huge); // 72 MP
    const wide = f('wide.jpg');
    await sharp({ create: { width: 4200, height: 1000, channels: 3, background: '#d8e4f4' } }).jpeg().toFile(wide);
    const ela = path.join(dir, 'ela-3');
    const [tooBig, fine] = await checkImages([huge, wide], { elaDir: ela });
    expect(tooBig!.error).toBe(`${huge} 像素过多（9000×8000），超过 6400 万像素的上限，请缩小后再检查`);
    expect(fine).toMatchObject({ verdict: 'pass' });
    expect(await sharp(path.resolve(fine!.elaHeatmap!)).metadata()).toMatchObject({ width: 1400, height: 334 }); // blocks of 3 × 3
  });

  it('does not match a library image against itself, and skips unreadable library files with a warning', async () => {
    const warnings: string[] = [];
    const lib = path.join(dir, 'lib-with-bad');
    await mkdir(lib);
    await save(await photoLike(500, 400, 40), path.join(lib, 'a.jpg'));
    await writeFile(path.join(lib, 'broken.jpg'), 'not an image');
    const loaded = await ImageLibrary.load(lib, (m) => warnings.push(m));
    expect(loaded.entries).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/图片库中的文件已跳过：.*broken\.jpg 不是可识别的图片文件/)]);
    const [self] = await checkImages([path.join(lib, 'a.jpg')], { library: loaded });
    expect(self!.findings).toEqual([]);
  });

  it('names a missing library folder', async () => {
    await expect(checkImages([f('clean.jpg')], { libraryDir: path.join(dir, 'no-such-library') })).rejects.toThrow(SiyuError);
    await expect(checkImages([f('clean.jpg')], { libraryDir: path.join(dir, 'no-such-library') })).rejects.toThrow(/图片库目录 .*no-such-library 不存在/);
  });

  it('gives two same-named files from different folders different heat-maps', async () => {
    const other = path.join(dir, 'other');
    await mkdir(other);
    await save(await photoLike(300, 200, 41), path.join(other, 'clean.jpg'));
    const reports = await checkImages([f('clean.jpg'), path.join(other, 'clean.jpg')], { elaDir: path.join(dir, 'ela-3') });
    expect(reports.map((r) => path.basename(r.elaHeatmap!))).toEqual(['clean-ela.png', 'clean-2-ela.png']);
  });
});

describe('ELA (pure)', () => {
  it('maps no change to black and large changes towards white', () => {
    expect(heatColour(0)).toEqual([0, 0, 0]);
    expect(heatColour(255)).toEqual([255, 255, 255]);
    const heat = elaHeat(Uint8Array.from([10, 10, 10, 100, 100, 100]), Uint8Array.from([10, 10, 10, 100, 106, 100]), 2, 1);
    expect(heat).toMatchObject({ width: 2, height: 1 });
    expect([...heat.rgb.subarray(0, 3)]).toEqual([0, 0, 0]);
    expect(heat.rgb[3]).toBeGreaterThan(100); // 6 levels × gain 20 = 120
  });

  it('shows a large picture in blocks as bright as their brightest pixel', () => {
    // 10 × 4 pixels, one changed pixel; at most 5 pixels a side → blocks of 2 × 2.
    const original = new Uint8Array(10 * 4 * 3).fill(50);
    const resaved = original.slice();
    resaved[(3 * 10 + 7) * 3 + 1] = 60; // x 7, y 3: block (3, 1)
    const heat = elaHeat(original, resaved, 10, 4, 20, 5);
    expect(heat).toMatchObject({ width: 5, height: 2 });
    const lit = [...Array(10).keys()].filter((b) => heat.rgb[b * 3]! > 0);
    expect(lit).toEqual([1 * 5 + 3]);
    expect([...heat.rgb.subarray(8 * 3, 8 * 3 + 3)]).toEqual(heatColour(10 * 20));
  });
});
