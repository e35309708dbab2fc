/**
 * The layers of src/, each importing only its own and those below it. An
 * import that runs upward (the store reaching into the engine, the lesson
 * model into the checker) fails here, naming the file and the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Bottom first. A folder of src/ (or a file at its top) not listed here fails the test. */
const LAYERS: readonly (readonly string[])[] = [
  // The kubectl reader knows no lesson: it reads a command line, as text utilities read text.
  ['text', 'kubectl', 'lesson', 'errors.ts', 'clock.ts', 'package-root.ts', 'stop.ts'],
  ['manifest'],
  ['progress'],
  ['tutor'],
  ['terminal'],
  ['commands', 'run.ts'],
  ['cli.ts', 'program.ts', 'lesson-start.ts'],
];

interface Arrow {
  from: string;
  to: string;
  line: number;
}

/** The relative imports of a source file (static, dynamic, type-only and re-exports), as paths under src/. */
function importsOf(file: string, text: string): Arrow[] {
  const arrows: Arrow[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;
  for (const m of text.matchAll(re)) {
    const to = posix.normalize(posix.join(posix.dirname(file), m[2]!)).replace(/\.js$/, '.ts');
    arrows.push({ from: file, to, line: text.slice(0, m.index).split('\n').length });
  }
  return arrows;
}

/** The layer of a path under src/: its top folder, or the file itself at the top. */
function layerOf(path: string): number {
  const top = path.split('/')[0]!;
  return LAYERS.findIndex((names) => names.includes(top));
}

/** The arrows that point to a higher layer, as `from:line -> to`. */
function upward(arrows: readonly Arrow[]): string[] {
  return arrows.filter((a) => layerOf(a.to) > layerOf(a.from)).map((a) => `${a.from}:${a.line} -> ${a.to}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

describe('the layers of src/', () => {
  const files = sourceFiles(SRC);

  it('place every folder', () => {
    expect(files.filter((f) => layerOf(f) === -1)).toEqual([]);
  });

  it('are imported only downward or within', () => {
    const arrows = files.flatMap((f) => importsOf(f, readFileSync(join(SRC, f), 'utf8')));
    expect(arrows.length).toBeGreaterThan(100);
    expect(upward(arrows)).toEqual([]);
  });

  it('catch an upward import of any kind', () => {
    const text = [
      "import type { StepOutcome } from '../tutor/outcome.js';",
      "export { wrap } from '../terminal/plain.js';",
      "const m = await import('../commands/start.js');",
      "import './store.js';",
    ].join('\n');
    expect(upward(importsOf('progress/x.ts', text))).toEqual([
      'progress/x.ts:1 -> tutor/outcome.ts',
      'progress/x.ts:2 -> terminal/plain.ts',
      'progress/x.ts:3 -> commands/start.ts',
    ]);
  });
});
