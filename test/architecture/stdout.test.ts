/**
 * src/terminal/stdout.ts is the one way src/ writes standard output: it
 * knows whether Node's stream has been made, and puts the error listeners
 * on it. Code that took process.stdout itself would make the stream behind
 * its back: output out of order, an EPIPE nobody listens for. (console
 * would too: Biome's noConsole rule keeps it out of src/, biome.jsonc.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const OWNER = 'terminal/stdout.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** The lines (1-based) of `text` that take process.stdout, comments left out. */
function linesTakingStdout(text: string): number[] {
  // Comments become spaces, line breaks kept, so line numbers stay right.
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
  const uses = /\bprocess\s*(?:\.\s*stdout\b|\[\s*['"`]stdout['"`]\s*\])|\{[^}]*\bstdout\b[^}]*\}\s*=\s*process\b/g;
  return [...code.matchAll(uses)].map((m) => code.slice(0, m.index).split('\n').length);
}

describe('standard output', () => {
  it('is taken as process.stdout only by src/terminal/stdout.ts', () => {
    const files = sourceFiles(SRC);
    expect(files).toContain(OWNER);
    const takers = files
      .filter((f) => f !== OWNER)
      .flatMap((f) => linesTakingStdout(readFileSync(join(SRC, f), 'utf8')).map((line) => `${f}:${line}`));
    expect(takers).toEqual([]);
    expect(linesTakingStdout(readFileSync(join(SRC, OWNER), 'utf8')).length).toBeGreaterThan(0);
  });

  it('is caught however it is taken, and not in a comment', () => {
    const text = [
      '// process.stdout in a comment',
      'process.stdout.write(text);',
      "const s = process['stdout'];",
      'const { stdout, env } = process;',
      '/* process.stdout */ const x = 1;',
      'const out = stdout.stream();',
    ].join('\n');
    expect(linesTakingStdout(text)).toEqual([2, 3, 4]);
  });
});
