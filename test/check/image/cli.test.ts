// `siyu check-image` as a person runs it: Chinese output per file, JSON lines with --json, the
// workspace's image-library/ by default, bad files reported while the rest are checked, and the
// exit code (non-zero when any file is blocked or could not be checked).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { composite, faceLike, photoLike, save } from './fixtures.ts';

const execFileP = promisify(execFile);
const BIN = path.resolve('bin/siyu.mjs');

async function siyu(args: string[], cwd: string) {
  // The workspace is found from the working directory, as for a person in their project folder.
  const { SIYU_WORKSPACE: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await execFileP(process.execPath, [BIN, ...args], { cwd, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'siyu-cli-image-'));
  await save(await photoLike(640, 480, 31), path.join(dir, 'clean.jpg'));
  await save(await composite(await faceLike(), { split: 'vertical', bar: 8 }), path.join(dir, 'compare.jpg'));
  await writeFile(path.join(dir, 'text.jpg'), '术前术后对比，这是一个文本文件\n');
  const png = await sharp(await photoLike(300, 200, 32)).png().toBuffer();
  await writeFile(path.join(dir, 'broken.png'), png.subarray(0, Math.floor(png.length / 2)));
});

describe('siyu check-image', () => {
  it('prints a Chinese report per file, keeps going past bad files, and exits 1', async () => {
    const r = await siyu(['check-image', 'compare.jpg', 'text.jpg', 'clean.jpg', 'broken.png', '--ela-dir', 'heat'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('【禁止】compare.jpg');
    expect(r.stdout).toContain('R08-before-after（禁止）');
    expect(r.stdout).toContain('依据：《医疗美容广告执法指南》五（五）');
    expect(r.stdout).toContain('建议：删除对比图');
    expect(r.stdout).toMatch(/ELA 热力图：heat[/\\]compare-ela\.png/);
    expect(r.stdout).toContain('【无法检查】text.jpg\n  text.jpg 不是可识别的图片文件');
    expect(r.stdout).toContain('【通过】clean.jpg');
    expect(r.stdout).toContain('【无法检查】broken.png\n  broken.png 图片数据不完整或已损坏');
    expect(r.stdout).toContain('共检查 4 张图片：通过 1，需审核 0，禁止 1，无法检查 2');
    expect(r.stderr).toContain('有 2 个文件无法检查');
    expect((await readdir(path.join(dir, 'heat'))).sort()).toEqual(['clean-ela.png', 'compare-ela.png']);
  });

  it('--json prints one JSON line per file', async () => {
    const r = await siyu(['check-image', 'clean.jpg', 'text.jpg', 'compare.jpg', '--json', '--ela-dir', 'heat-json'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ file: 'clean.jpg', verdict: 'pass', findings: [], elaHeatmap: path.join('heat-json', 'clean-ela.png') });
    expect(lines[1]).toMatchObject({ file: 'text.jpg', verdict: 'block', error: expect.stringContaining('不是可识别的图片文件') });
    expect(lines[2].findings[0]).toMatchObject({ rule: 'R08-before-after', evidence: { split: 'vertical', dividers: [0.5] } });
  });

  it("uses the workspace's image-library/ by default and exits 0 when nothing is blocked", async () => {
    const ws = path.join(dir, 'with-workspace');
    await mkdir(path.join(ws, 'workspace', 'image-library'), { recursive: true });
    const stock = await photoLike(900, 600, 33);
    await save(stock, path.join(ws, 'workspace', 'image-library', 'stock-clinic.jpg'));
    await sharp(stock).resize(450).jpeg({ quality: 70 }).toFile(path.join(ws, 'post.jpg'));
    const r = await siyu(['check-image', 'post.jpg'], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【需审核】post.jpg');
    expect(r.stdout).toMatch(/R08-reused（需审核）图片与图片库中的 workspace[/\\]image-library[/\\]stock-clinic\.jpg 几乎相同/);
    // Default heat-map folder.
    expect(existsSync(path.join(ws, '.siyu', 'ela', 'post-ela.png'))).toBe(true);
  });

  it('names a missing --library folder', async () => {
    const r = await siyu(['check-image', 'clean.jpg', '--library', 'nope', '--ela-dir', 'heat-x'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：图片库目录 nope 不存在');
  });

  it('documents the exit code and the OCR limitation in --help', async () => {
    const r = await siyu(['check-image', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('退出码');
    expect(r.stdout).toContain('OCR');
  });
});
