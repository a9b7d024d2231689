// A clinic's own compliance.yaml: extra terms become rules with the pack's law for their
// category; allow-listed phrases silence hits inside them; a bad file is reported by path.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecker } from '../../src/check/index.ts';
import { EXAMPLE_WORKSPACE_DIR } from '../../src/workspace/init.ts';
import { loadWorkspace } from '../../src/workspace/load.ts';

describe('workspace compliance extras', () => {
  it('adds the clinic’s own terms as rules of the named category, with that category’s law', async () => {
    const plain = await loadChecker();
    const text = '比隔壁那家做得细致多了';
    expect(plain.check(text).findings.some((f) => f.rule.startsWith('R07-workspace'))).toBe(false);
    const checker = await loadChecker(undefined, {
      terms: [{ category: 'R07', severity: 'block', terms: ['隔壁那家'] }],
      allow: [],
    });
    const f = checker.check(text).findings.find((x) => x.rule === 'R07-workspace-1');
    expect(f).toMatchObject({ category: 'R07', severity: 'block', match: '隔壁那家', rulePackVersion: checker.version });
    expect(f?.basis).toMatch(/广告法/);
  });

  it('catches the clinic’s terms through evasions like the pack’s own', async () => {
    const checker = await loadChecker(undefined, { terms: [{ category: 'R07', severity: 'review', terms: ['隔壁那家'] }], allow: [] });
    expect(checker.check('隔 壁 那 家').verdict).toBe('review');
  });

  it('drops hits inside an allow-listed phrase, and only there', async () => {
    const text = '我们是全国最好的诊所';
    const plain = await loadChecker();
    expect(plain.check(text).verdict).toBe('block');
    const checker = await loadChecker(undefined, { terms: [], allow: ['全国最好的诊所'] });
    expect(checker.check(text).verdict).toBe('pass');
    expect(checker.check('效果最好').verdict).toBe('block');
  });

  it('loads the example workspace’s compliance.yaml, and defaults when the file is absent', async () => {
    const ws = await loadWorkspace(EXAMPLE_WORKSPACE_DIR);
    expect(ws.compliance.terms.length).toBeGreaterThan(0);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'siyu-ws-'));
    await cp(EXAMPLE_WORKSPACE_DIR, dir, { recursive: true });
    await rm(path.join(dir, 'compliance.yaml'));
    expect((await loadWorkspace(dir)).compliance).toEqual({ terms: [], allow: [] });
  });

  it('reports a bad compliance.yaml by file, line and field', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'siyu-ws-'));
    await cp(EXAMPLE_WORKSPACE_DIR, dir, { recursive: true });
    await writeFile(path.join(dir, 'compliance.yaml'), 'terms:\n  - category: R99\n    severity: block\n    terms: [某词]\n');
    const error = (await loadWorkspace(dir).then(
      () => new Error('loaded'),
      (e: unknown) => e,
    )) as Error & { details?: string[] };
    const text = [error.message, ...(error.details ?? [])].join('\n');
    expect(text).toMatch(/compliance\.yaml/);
    expect(text).toMatch(/R01 … R21/);
  });
});
