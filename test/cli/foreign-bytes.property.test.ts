/**
 * Random text with every C0, C1 and bidirectional control in it, put where
 * a stranger or a neighbour can put it: lesson file names, folder names,
 * option names and lesson ids on the command line, saved progress. Whatever
 * kube-learn prints, the only control characters on stdout and stderr are
 * newlines, tabs and its own colour and cursor sequences. fast-check prints
 * the seed of a failure. `npm run build` first.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/spawn.js';
import { tempStateHome } from '../helpers/state.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** Every C0 control a file name or an argument can hold (not NUL, not "/"), DEL, every C1, the bidi controls, the separators. */
const CONTROLS = [
  ...range(0x01, 0x1f),
  '\u007f',
  ...range(0x80, 0x9f),
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  '\u200e',
  '\u200f',
  '\u061c',
  '\u2028',
  '\u2029',
];
const foreign = (minLength = 1) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...CONTROLS),
        fc.constantFrom('a', 'b', '[', ']', ';', '0', '\u001b[2J', '\u001b]0;owned\u0007', '\u009b31m'),
      ),
      { minLength, maxLength: 12 },
    )
    .map((a) => a.join(''));

const ANY_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\s\S]?)/g;
/** What the program itself sends: SGR colours, cursor moves and erases, cursor hide/show. */
const OWN_SEQUENCE = /^\u001b\[(?:[\d;]*[mABCDGHJK]|\?25[hl])$/;
// C0 but newline and tab, DEL, C1, line and paragraph separators, bidi controls.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The output with the program's own sequences taken out: what must hold no control character. */
function withoutOwnSequences(out: string): string {
  return out.replace(ANY_SEQUENCE, (s) => (OWN_SEQUENCE.test(s) ? '' : s));
}

function expectClean(r: { stdout: string; stderr: string }, what: string): void {
  for (const [name, out] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const match = RAW.exec(withoutOwnSequences(out));
    if (match)
      throw new Error(
        `${what}: U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')} reached ${name} raw in ${JSON.stringify(out.slice(Math.max(0, match.index - 40), match.index + 40))}`,
      );
  }
}

const lesson = (id: string) => `id: ${id}\ntitle: T\nsummary: S.\nsteps:\n  - id: a\n    type: explain\n    title: A\n    body: B\n`;
const RUNS = { numRuns: 8 };

describe('foreign bytes never reach the terminal raw', { timeout: 120_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kube-learn-foreign-'));
  let n = 0;

  it('in lesson file names and folder names (lint, list, a lesson)', async () => {
    await fc.assert(
      fc.asyncProperty(foreign(), foreign(), async (fileName, folderName) => {
        const folder = join(tmp, `${n++}${folderName}`);
        mkdirSync(folder);
        writeFileSync(join(folder, `${fileName}.yaml`), 'id: [broken\n');
        writeFileSync(join(folder, `ok${fileName}.yaml`), lesson(`ok${n}`));
        expectClean(await runCli(['lint', folder]), 'lint');
        expectClean(await runCli(['list', '--lessons', folder]), 'list');
        expectClean(await runCli(['day4', '--plain', '--lessons', folder], { input: '\n' }), 'a lesson, to the end of input');
        expectClean(await runCli(['check', join(folder, `${fileName}.yaml`)]), 'check');
      }),
      RUNS,
    );
  });

  it('in option names, lesson ids and paths on the command line', async () => {
    await fc.assert(
      fc.asyncProperty(foreign(), async (text) => {
        expectClean(await runCli(['list', `--${text}`]), 'an unknown option');
        expectClean(await runCli(['check', '-q', `--${text}`, 'x.yaml']), "check's unknown option");
        expectClean(await runCli([`day${text}`]), 'an unknown lesson');
        expectClean(await runCli(['progress', text]), 'progress of an unknown lesson');
        expectClean(await runCli(['check', join(tmp, text)]), 'check of a missing file');
        expectClean(await runCli(['list', '--lessons', join(tmp, `none${text}`)]), 'list of a missing folder');
      }),
      RUNS,
    );
  });

  it('in saved progress (progress, progress --json, list, a lesson)', async () => {
    const base = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/progress/v1.json'), 'utf8'));
    await fc.assert(
      fc.asyncProperty(foreign(), foreign(), async (key, answer) => {
        const saved = structuredClone(base);
        const day4 = saved.lessons.day4;
        for (const step of Object.values(day4.steps) as { answer?: unknown }[]) if ('answer' in step) step.answer = answer;
        day4.steps[`step${key}`] = { ...day4.steps['pod-smallest-unit'], answer };
        saved.lessons[`gone${key}`] = day4;
        const home = tempStateHome().home;
        mkdirSync(join(home, 'kube-learn'), { recursive: true, mode: 0o700 });
        writeFileSync(join(home, 'kube-learn', 'progress.json'), JSON.stringify(saved));
        const env = { XDG_STATE_HOME: home };
        expectClean(await runCli(['progress'], { env }), 'progress');
        const json = await runCli(['progress', '--json'], { env });
        expectClean(json, 'progress --json');
        expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(`gone${key}`).slice(1, -1));
        expectClean(await runCli(['list'], { env }), 'list');
        expectClean(await runCli(['day4', '--plain'], { env, input: 'q\n' }), 'a lesson resumed');
      }),
      RUNS,
    );
  });
});
