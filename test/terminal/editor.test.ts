// The learner's editor: how $VISUAL/$EDITOR are read, and real editor
// programs (small shell scripts) run on the manifest, failing in each way.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Cancelled } from '../../src/errors.js';
import { editorCommand, editText, splitCommand } from '../../src/terminal/editor.js';

const dir = mkdtempSync(join(tmpdir(), 'kube-learn-editor-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An executable shell script in the temp folder (`sub` may hold spaces). */
function script(name: string, body: string, sub = ''): string {
  mkdirSync(join(dir, sub), { recursive: true });
  const path = join(dir, sub, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('splitCommand', () => {
  it('splits at blanks, keeps quoted blanks, takes backslash escapes', () => {
    expect(splitCommand('code --wait')).toEqual(['code', '--wait']);
    expect(splitCommand('  vim   -f  ')).toEqual(['vim', '-f']);
    expect(splitCommand('"/opt/My Editor/ed" -w')).toEqual(['/opt/My Editor/ed', '-w']);
    expect(splitCommand("'/opt/My Editor/ed' --title 'a \"b\"'")).toEqual(['/opt/My Editor/ed', '--title', 'a "b"']);
    expect(splitCommand('/opt/My\\ Editor/ed')).toEqual(['/opt/My Editor/ed']);
    expect(splitCommand('"a \\"q\\" \\\\ \\n"')).toEqual(['a "q" \\ \\n']);
    expect(splitCommand('ed"it"or x""')).toEqual(['editor', 'x']);
    expect(splitCommand('"unclosed path/ed')).toEqual(['unclosed path/ed']);
    expect(splitCommand('')).toEqual([]);
  });

  it('keeps backslashes of Windows paths', () => {
    expect(splitCommand('"C:\\Program Files\\ed.exe" /w', true)).toEqual(['C:\\Program Files\\ed.exe', '/w']);
  });
});

describe('editorCommand', () => {
  const none = () => false;

  it('prefers $VISUAL to $EDITOR, ignores blank values, and names the program by its file name', () => {
    expect(editorCommand({ VISUAL: 'code --wait', EDITOR: 'vi' }, none)).toEqual({
      program: 'code',
      args: ['--wait'],
      variable: 'VISUAL',
      name: 'code',
    });
    expect(editorCommand({ VISUAL: '  ', EDITOR: '"/opt/My Editor/ed" -s' }, none)).toEqual({
      program: '/opt/My Editor/ed',
      args: ['-s'],
      variable: 'EDITOR',
      name: 'ed',
    });
    expect(editorCommand({}, none)).toBeUndefined();
    expect(editorCommand({ EDITOR: '""' }, none)).toBeUndefined();
  });

  it('takes an unquoted path with spaces whole when that file exists', () => {
    const ed = script('ed', 'exit 0', 'Unquoted Editor');
    expect(editorCommand({ EDITOR: ed })).toMatchObject({ program: ed, args: [] });
    expect(editorCommand({ EDITOR: '/no such/ed -w' })).toMatchObject({ program: '/no', args: ['such/ed', '-w'] });
  });

  it('never puts a control character in the name it shows', () => {
    expect(editorCommand({ EDITOR: '/bin/e\u001b]8;;x\u0007d' }, none)!.name).toBe('e\u241b]8;;x\u2407d');
  });
});

describe('editText', () => {
  it('runs the editor with its arguments on a private copy and returns what it saved', async () => {
    const log = join(dir, 'args.log');
    const ed = script('ed', `printf '%s\\n' "$@" > '${log}'; ls -l "$3" | cut -c1-10 >> '${log}'; printf 'edited\\n' >> "$3"`, 'My Editor');
    const result = await editText(editorCommand({ VISUAL: `"${ed}" --title 'two words'` })!, 'start\n');
    expect(result).toEqual({ ok: true, text: 'start\nedited\n' });
    const [a1, a2, file, mode] = readFileSync(log, 'utf8').trim().split('\n');
    expect([a1, a2]).toEqual(['--title', 'two words']);
    expect(file).toMatch(/manifest\.yaml$/);
    expect(mode).toBe('-rw-------');
  });

  it('an editor that exits non-zero: one line, nothing taken, the temp file removed', async () => {
    const log = join(dir, 'file.log');
    const ed = script('quit-with-error', `echo "$1" > '${log}'; echo 'half-written: [' > "$1"; exit 3`);
    const result = await editText(editorCommand({ EDITOR: ed })!, 'start\n');
    expect(result).toEqual({ ok: false, message: 'Your editor (quit-with-error) exited with status 3; its changes were not taken.' });
    const file = readFileSync(log, 'utf8').trim();
    expect(file).toMatch(/kube-learn-edit-/);
    expect(existsSync(dirname(file))).toBe(false);
  });

  it('an editor killed by a signal, one that is missing or not executable, one that deletes the file', async () => {
    const killed = script('killed', 'kill -9 $$');
    expect(await editText(editorCommand({ EDITOR: killed })!, 'x')).toEqual({
      ok: false,
      message: 'Your editor (killed) was stopped by SIGKILL; its changes were not taken.',
    });
    expect(await editText(editorCommand({ EDITOR: '/nonexistent/kube-learn-ed --wait' })!, 'x')).toEqual({
      ok: false,
      message: 'Could not start your editor ($EDITOR): /nonexistent/kube-learn-ed: no such program.',
    });
    const plainFile = join(dir, 'not-executable');
    writeFileSync(plainFile, 'text');
    const denied = await editText(editorCommand({ VISUAL: plainFile })!, 'x');
    expect(denied).toEqual({
      ok: false,
      message: `Could not start your editor ($VISUAL): ${plainFile}: permission denied (is it executable?).`,
    });
    const deleter = script('deleter', 'rm "$1"');
    expect(await editText(editorCommand({ EDITOR: deleter })!, 'x')).toEqual({
      ok: false,
      message: 'Your editor (deleter) left no file to read (ENOENT).',
    });
  });

  it('an editor that leaves a FIFO or a huge file: one line, at once, and the temp folder removed', async () => {
    const log = join(dir, 'fifo.log');
    const fifo = script('fifo-maker', `echo "$1" > '${log}'; rm "$1"; mkfifo "$1"`);
    expect(await editText(editorCommand({ EDITOR: fifo })!, 'x')).toEqual({
      ok: false,
      message: 'Your editor (fifo-maker) left something that is not a file; its changes were not taken.',
    });
    expect(existsSync(dirname(readFileSync(log, 'utf8').trim()))).toBe(false);
    // Sparse: 100 MB on paper, nothing on disk.
    const huge = script('huge', 'truncate -s 100M "$1"');
    expect(await editText(editorCommand({ EDITOR: huge })!, 'x')).toEqual({
      ok: false,
      message: 'Your editor (huge) left a file larger than 1 MiB; its changes were not taken.',
    });
  });

  it('a signal while the editor runs stops the editor and cancels', async () => {
    const started = join(dir, 'started');
    const slow = script('slow', `touch '${started}'; exec sleep 30`);
    const stop = new AbortController();
    const editing = editText(editorCommand({ EDITOR: slow })!, 'x', { signal: stop.signal });
    for (let i = 0; i < 200 && !readdirSync(dir).includes('started'); i++) await new Promise((r) => setTimeout(r, 25));
    stop.abort();
    await expect(editing).rejects.toEqual(new Cancelled('signal'));
  });
});
