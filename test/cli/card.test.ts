// `siyu card` as a person runs it: a PNG on success; on bad input one Chinese message, exit 1 and
// no file — not even a temporary one — left behind.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

const execFileP = promisify(execFile);
const BIN = path.resolve('bin/siyu.mjs');

async function siyu(args: string[], cwd: string) {
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '' };
    delete env.SIYU_WORKSPACE; // ./workspace is the clinic's
    const { stdout, stderr } = await execFileP(process.execPath, [BIN, ...args], { cwd, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const good = { title: '光子嫩肤｜面诊前必看', points: ['治疗前后一周注意防晒', '敏感期先修护，再评估', '孕期、哺乳期不建议做'], footer: '林晓雨｜皮肤管理顾问' };

describe('siyu card', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-card-cli-'));
    await cp('examples/workspace', path.join(dir, 'workspace'), { recursive: true });
    await writeFile(path.join(dir, 'good.json'), JSON.stringify(good));
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ title: 3, points: ['一条'], colour: 'red' }));
    await writeFile(path.join(dir, 'broken.json'), '{\n  "title": "x",\n}');
  });

  it('renders a PNG with the workspace brand, and a scaled JPEG', async () => {
    const r = await siyu(['card', '--template', 'knowledge_card', '--data', 'good.json', '--out', 'out/k.png'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已生成 out\/k\.png（1080×1440，PNG/);
    expect(await sharp(path.join(dir, 'out/k.png')).metadata()).toMatchObject({ format: 'png', width: 1080, height: 1440 });
    // the example clinic's background colour, not the neutral one used without a workspace
    const { data } = await sharp(path.join(dir, 'out/k.png')).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0xf3, 0xe9, 0xe2]);
    const j = await siyu(['card', '--template', 'knowledge_card', '--data', 'good.json', '--out', 'k.jpg', '--size', '540x720', '--quality', '70'], dir);
    expect(j.code).toBe(0);
    expect(await sharp(path.join(dir, 'k.jpg')).metadata()).toMatchObject({ format: 'jpeg', width: 540, height: 720 });
  }, 60_000);

  it('lists the templates with their fields and sizes', async () => {
    const r = await siyu(['card', '--list'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/knowledge_card：知识卡片\n\s+字段：title（标题）/);
  }, 60_000);

  const bad: [string, string[], RegExp][] = [
    ['wrong fields', ['--template', 'knowledge_card', '--data', 'bad.json'], /字段 title（标题）：必须是文字[\s\S]*至少 3 条[\s\S]*未知字段 colour/],
    ['invalid JSON', ['--template', 'knowledge_card', '--data', 'broken.json'], /broken\.json 不是有效的 JSON：第 3 行/],
    ['missing data file', ['--template', 'knowledge_card', '--data', 'nope.json'], /数据文件 nope\.json 无法读取（文件不存在）/],
    ['unknown template', ['--template', 'poster_x', '--data', 'good.json'], /没有名为 poster_x 的卡片模板[\s\S]*可用模板：.*knowledge_card/],
    ['size out of range', ['--template', 'knowledge_card', '--data', 'good.json', '--size', '1080x500'], /尺寸 1080x500 超出卡片模板 knowledge_card 允许的范围/],
    ['size not a size', ['--template', 'knowledge_card', '--data', 'good.json', '--size', 'huge'], /--size “huge” 格式不对/],
  ];
  for (const [name, args, message] of bad) {
    it.concurrent(`refuses ${name} with a message and writes nothing`, async () => {
      const outDir = await mkdtemp(path.join(dir, 'o-'));
      const r = await siyu(['card', ...args, '--out', path.join(outDir, 'card.png')], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      expect(await readdir(outDir)).toEqual([]);
    }, 60_000);
  }

  it('reads only brand.yaml of the workspace, and refuses a broken one with its line', async () => {
    const ws = await mkdtemp(path.join(dir, 'ws-'));
    await cp('examples/workspace', ws, { recursive: true });
    // Another file being broken does not stop a card: only the brand is read.
    await writeFile(path.join(ws, 'campaigns.yaml'), 'campaigns: [');
    const ok = await siyu(['card', '--workspace', ws, '--template', 'knowledge_card', '--data', 'good.json', '--out', path.join(ws, 'a.png')], dir);
    expect(ok.code).toBe(0);
    const brand = (await readFile(path.join(ws, 'brand.yaml'), 'utf8')).replace(/^shortName: .*$/m, 'shortName: [悦澜');
    await writeFile(path.join(ws, 'brand.yaml'), brand);
    const r = await siyu(['card', '--workspace', ws, '--template', 'knowledge_card', '--data', 'good.json', '--out', path.join(ws, 'b.png')], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/brand\.yaml.*第 \d+ 行/);
    expect((await readdir(ws)).filter((f) => f.endsWith('.png'))).toEqual(['a.png']);
  }, 60_000);

  it('refuses an output that is not PNG or JPEG', async () => {
    const r = await siyu(['card', '--template', 'knowledge_card', '--data', 'good.json', '--out', 'k.gif'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/扩展名应为 \.png、\.jpg 或 \.jpeg/);
  }, 60_000);
});
