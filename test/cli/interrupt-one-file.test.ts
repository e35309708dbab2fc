/**
 * Ctrl-C while kube-learn works on ONE large file: a lesson near the 1 MiB
 * limit takes seconds to parse and validate, in one synchronous stretch. A
 * lesson start loads such a file in a worker thread, so its signal handler
 * runs at once; lint and check install no handler, so the signal ends them
 * as it ends any program. "At once" is judged by behaviour, as in
 * ./interrupt.test.ts: nothing of the lesson, or of a verdict, was printed.
 * The milliseconds are a bench figure ("SIGINT during a long load").
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuMs, hasOpen, LOADING_CPU_MS } from '../helpers/proc.js';
import { CliProcess } from '../helpers/spawn.js';

const LIMIT = 1000 * 1024;

function bigLesson(): string {
  let text = 'id: big\ntitle: Big\nsummary: One large lesson.\nsteps:\n';
  for (let i = 0; text.length < LIMIT; i++)
    text += `  - id: s${i}\n    type: explain\n    title: Step ${i}\n    body: |\n      A paragraph with \`code\` in step ${i}, long enough to take the parser a moment.\n`;
  return text;
}

function bigManifest(): string {
  const docs: string[] = [];
  for (let i = 0, size = 0; size < LIMIT; i++) {
    const doc = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.30\n`;
    docs.push(doc);
    size += doc.length + 4;
  }
  return docs.join('---\n');
}

let folder: string;
let bigFolder: string;
let manifest: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kube-learn-one-big-'));
  writeFileSync(join(folder, 'big.yaml'), bigLesson());
  // lint parses one such file in ~30 ms, too short to be seen reading it and interrupt it: twenty take ~0.5 s.
  bigFolder = mkdtempSync(join(tmpdir(), 'kube-learn-big-lessons-'));
  for (let i = 0; i < 20; i++) writeFileSync(join(bigFolder, `big-${i}.yaml`), bigLesson().replace('id: big', `id: big${i}`));
  manifest = join(mkdtempSync(join(tmpdir(), 'kube-learn-big-manifest-')), 'big.yaml');
  writeFileSync(manifest, bigManifest());
});

/** Whether the child has one of the files open: it is reading it, to parse it next. */
const reading = (pid: number, files: string | RegExp) =>
  hasOpen(pid, (path) => (typeof files === 'string' ? path === files : files.test(path)));

/**
 * SIGINT once the child is seen reading `file` (looked for at every turn of
 * the event loop: the read itself takes milliseconds, the parse after it
 * seconds), or, should a busy machine hide the read, once its CPU time says
 * it is parsing; and a moment more. A run that got to its output anyway is
 * tried again.
 */
async function interruptWhileParsing(args: string[], file: string | RegExp) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const cli = new CliProcess(args);
    const pid = cli.child.pid!;
    while (!reading(pid, file) && cpuMs(pid) < LOADING_CPU_MS && cli.child.exitCode === null && cli.stdout === '')
      await new Promise((r) => setImmediate(r));
    if (cli.child.exitCode !== null || cli.stdout !== '') {
      await cli.closed;
      continue;
    }
    // Past the read, into the parse (a signal that comes with the read's end was handled before the parse began).
    await new Promise((r) => setTimeout(r, 30));
    cli.kill('SIGINT');
    const { code, signal } = await cli.closed;
    return { code, signal, stdout: cli.stdout, stderr: cli.stderr };
  }
  throw new Error(`never saw ${file} being read`);
}

describe.runIf(existsSync('/proc/self/fd'))('SIGINT while one large file is parsed', { timeout: 60_000 }, () => {
  it('ends a lesson start with --lessons before the lesson shows, exit 130', async () => {
    const { code, stdout, stderr } = await interruptWhileParsing(['big', '--plain', '--lessons', folder], join(folder, 'big.yaml'));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^kube-learn: Interrupted\. To pick up where you left off, run: kube-learn big --lessons /);
    expect(stdout).toBe('');
  });

  it('ends lint of such files before its verdict, as a shell sees it: 130 (death by SIGINT)', async () => {
    const { code, signal, stdout } = await interruptWhileParsing(['lint', bigFolder], /\/big-\d+\.yaml$/);
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(stdout).toBe('');
  });

  it('ends check of a 1 MB manifest before its verdict, as a shell sees it: 130 (death by SIGINT)', async () => {
    const { code, signal, stdout } = await interruptWhileParsing(['check', manifest], manifest);
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(stdout).toBe('');
  });
});
