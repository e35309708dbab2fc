import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonFiles } from '../../src/lesson/catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'kube-learn-lesson-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lessonFiles', () => {
  it('takes .yaml and .yml files in any letter case, in name order, and nothing else', async () => {
    const taken = ['a.yaml', 'b.yml', 'c.YAML', 'd.Yml', 'e.yAmL'];
    const left = ['f.yaml.txt', 'g.yamll', 'h.ymal', 'i.json', 'yaml', 'j.y ml'];
    for (const name of [...left, ...taken].reverse()) writeFileSync(join(dir, name), 'id: x\n');
    mkdirSync(join(dir, 'k.yaml'));
    expect((await lessonFiles(dir)).map((f) => basename(f))).toEqual(taken);
  });
});
