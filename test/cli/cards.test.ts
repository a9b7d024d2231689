// Card drafts at the command line: `plan` renders them into the media folder next to the data,
// `drafts` and `show` tell the editor about the image and the renderer's warnings, and
// `edit --card` changes the card's fields and renders it again.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const execFileP = promisify(execFile);
const BIN = path.resolve('bin/siyu.mjs');

describe('siyu with card drafts', () => {
  let dir: string;
  let args: string[];

  async function siyu(more: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await execFileP(process.execPath, [BIN, ...args, ...more], { env: { ...process.env, DATABASE_URL: '', SIYU_MEDIA_DIR: '', ...env }, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siyu-cli-cards-'));
    await cp('examples/workspace', path.join(dir, 'workspace'), { recursive: true });
    args = ['--workspace', path.join(dir, 'workspace'), '--data', path.join(dir, 'data')];
  });

  it('plans, lists, shows and edits a card with its image', async () => {
    const plan = await siyu(['plan', '--from', '2026-12-01', '--days', '1', '--mode', 'template']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/卡片图片 \d+ 张/);
    // The media folder sits next to the data folder.
    const media = path.join(dir, 'media');
    const pngs = (await readdir(media)).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
    for (const f of pngs) expect(createHash('sha256').update(await readFile(path.join(media, f))).digest('hex')).toBe(f.slice(0, -4));

    const list = await siyu(['drafts', '--kind', 'card', '--status', 'in_review']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('卡片图片');
    const row = list.stdout.split('\n').find((l) => /1 张/.test(l))!;
    const id = /[0-9a-f]{8}/.exec(row)![0];

    const show = await siyu(['show', id]);
    expect(show.stdout).toMatch(new RegExp(`卡片图片：${media.replace(/[/\\]/g, '.')}.[0-9a-f]{64}\\.png（1080×1440`));

    expect((await siyu(['user', 'add', 'li.editor', '--role', 'editor', '--name', '李编辑'])).code).toBe(0);
    const cardFile = path.join(dir, 'card.json');
    await writeFile(cardFile, JSON.stringify({ title: '换季护理，先面诊再决定' }));
    const edited = await siyu(['edit', id, '--card', cardFile, '--as', 'li.editor']);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('已保存为第 2 版');
    expect(edited.stdout).toMatch(/卡片图片：.*\.png（1080×1440）/);
    const shown = await siyu(['show', id]);
    expect(shown.stdout).toContain('版本：第 2 版');
    expect(shown.stdout).toMatch(/卡片字段（模板 \w+；用 siyu edit [0-9a-f]{8} --card 文件\.json 修改）：\n {2}title：换季护理，先面诊再决定/);

    // Bad card data: a clear message, nothing saved.
    await writeFile(cardFile, JSON.stringify({ points: '不是列表', colour: 'red' }));
    const bad = await siyu(['edit', id, '--card', cardFile, '--as', 'li.editor']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('未知字段 colour');
    expect(bad.stderr).toContain('字段 points：必须是文字列表');
    expect((await siyu(['show', id])).stdout).toContain('版本：第 2 版');
  }, 300_000);
});
