/**
 * The plain-mode contract, on the built CLI: answers piped in, output read
 * back. `npm run build` first (npm test does).
 */
import { describe, expect, it } from 'vitest';
import { CliProcess, runCli, type Env } from '../helpers/spawn.js';

const LESSON = ['tiny', '--plain', '--lessons', 'test/fixtures/lessons-tutor'];
const ESC = /\u001b/;

/** Enter past the explanation, then one line per answer. */
const answers = (...lines: string[]) => ['', ...lines].map((l) => `${l}\n`).join('');
const ALL_RIGHT = answers('2', '1,3', 'kubectl');

function run(input: string, env?: Env) {
  return runCli(LESSON, { input, env });
}

/** The lines from the one starting with `from` up to (not including) the next blank line. */
function block(stdout: string, from: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf(from);
  expect(start, `no line "${from}" in:\n${stdout}`).toBeGreaterThan(-1);
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('kube-learn <lesson> --plain', () => {
  it('all right: explanation, "? " questions with "  1) " options, Right!, and Score: 3/3', async () => {
    const r = await run(ALL_RIGHT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Step 1 of 4\nImages and containers\n');
    expect(r.stdout).toContain('\n[Enter] to continue\n');
    expect(r.stdout).toContain('Step 2 of 4: Images\n');
    expect(block(r.stdout, '? What is a container image?')).toEqual([
      '? What is a container image?',
      '  1) A running process',
      '  2) A read-only template',
      '  3) A virtual machine',
      'Right!',
    ]);
    expect(r.stdout).toContain('? Which are true of a Pod? (one or more)\n  1) It can hold several containers\n');
    expect(r.stdout).toContain('? Which command-line tool talks to the Kubernetes API server?\nRight!\n');
    expect(r.stdout.split('\n')).toContain('Score: 3/3');
    expect(r.stdout).toContain('Next: Go on with `kube-learn day5`.');
    expect(r.stdout).not.toMatch(ESC);
  });

  it('shows the why of the chosen option and the explanation once a question is settled', async () => {
    const r = await run(ALL_RIGHT);
    expect(r.stdout).toContain(
      'Right!\n\n- "A read-only template" is right: Containers start from it.\n\nAn image is the template that containers start from.\n',
    );
  });

  it('wrong then right: not quite, the hint, one more try; the score does not count it', async () => {
    const r = await run(answers('1', '2', '1,3', 'kubectl'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '  3) A virtual machine\nNot quite. Try once more.\n\n"A running process": That is a container.\n\nHint: Think of a template.\n\n? What is a container image?\n',
    );
    expect(r.stdout.split('\n')).toContain('Score: 2/3');
    expect(r.stdout).toContain(
      'Not right at the first try:\n\n- What is a container image? (right after a retry)\n  - Answer: A read-only template\n  - An image is the template that containers start from.\n',
    );
  });

  it('two wrong answers: the right answer is shown and the lesson goes on', async () => {
    const r = await run(answers('1', '3', '1,3', 'kubectl'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not quite. The answer: A read-only template\n');
    expect(r.stdout).toContain(
      '- "A read-only template" is right: Containers start from it.\n- "A virtual machine" is wrong: Containers share the host\'s kernel.',
    );
    expect(r.stdout.split('\n')).toContain('Score: 2/3');
    expect(r.stdout).toContain(
      'Worth another look:\n\n- You may still think: "A container is a small virtual machine."\n  - A container is an ordinary process that the kernel isolates.\n',
    );
  });

  it('two wrong text answers reveal the accepted answer', async () => {
    const r = await run(answers('2', '1,3', 'docker', 'kubelet'));
    expect(r.stdout).toContain('Not quite. The answer: kubectl\n');
    expect(r.stdout.split('\n')).toContain('Score: 2/3');
  });

  it('h and hint print the hint and ask the same question again, without costing the score', async () => {
    const r = await run(answers('h', 'hint', '2', '1,3', 'h', 'kubectl'));
    expect(r.code).toBe(0);
    expect(r.stdout.match(/Hint: Think of a template\./g)).toHaveLength(2);
    expect(r.stdout).toContain('No hint for this one.\n\n? Which command-line tool talks to the Kubernetes API server?');
    expect(r.stdout.split('\n')).toContain('Score: 3/3');
  });

  it('s and skip skip a question: it counts as missed and its answer is shown', async () => {
    const r = await run(answers('s', 'skip', 'kubectl'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Skipped. The answer: A read-only template\n');
    expect(r.stdout).toContain('Skipped. The answers:\n\n- It can hold several containers\n- Its containers share an IP address\n');
    expect(r.stdout.split('\n')).toContain('Score: 1/3');
  });

  it('input that is not an answer gets one line and the same question, and is not an attempt', async () => {
    const r = await run(answers('7', 'abc', '', '2', '1,9', 'x y', '1,3', 'kubectl'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '  3) A virtual machine\nThere is no option 7: answer with a number from 1 to 3.\n? What is a container image?\n',
    );
    expect(r.stdout).toContain(
      '\n"abc" is not one of the options: answer with a number from 1 to 3 (h for a hint, s to skip, q to save and quit).\n? What is a container image?\n',
    );
    expect(r.stdout).toContain(
      '\nAnswer with a number from 1 to 3 (h for a hint, s to skip, q to save and quit).\n? What is a container image?\n',
    );
    expect(r.stdout).toContain(
      '\nThere is no option 9: answer with numbers from 1 to 4, separated by commas or spaces.\n? Which are true of a Pod? (one or more)\n',
    );
    expect(r.stdout).toContain('\n"x" is not a number: answer with numbers from 1 to 4, separated by commas or spaces.\n');
    expect(r.stdout).not.toContain('Not quite');
    expect(r.stdout.split('\n')).toContain('Score: 3/3');
  });

  it('an option may be answered by its exact text', async () => {
    const r = await run(answers('A read-only template', '1 3', 'kubectl'));
    expect(r.stdout.split('\n')).toContain('Score: 3/3');
  });

  it('q quits at a question: exit 0, a line saying how to resume, nothing more asked', async () => {
    const r = await run(answers('2', 'q', '1,3', 'kubectl'));
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(-3)).toEqual([
      'Stopped. To pick up where you left off, run:',
      '',
      '    kube-learn tiny --lessons test/fixtures/lessons-tutor',
    ]);
    expect(r.stdout).not.toContain('Step 4 of 4');
    expect(r.stdout).not.toContain('Score:');
    expect(r.stderr).toBe('');
  });

  it('quit works at an explanation too', async () => {
    const r = await runCli(LESSON, { input: 'quit\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('? What is a container image?');
    expect(r.stdout).toContain('Stopped.');
  });

  it('end of input: exit 0, and stderr says how to resume', async () => {
    const r = await run(answers('2'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'kube-learn: end of input; to pick up where you left off, run: kube-learn tiny --lessons test/fixtures/lessons-tutor\n',
    );
    expect(r.stdout).toContain('? Which are true of a Pod?');
    expect(r.stdout).not.toContain('Score:');
  });

  it('end of input with nothing at all read', async () => {
    const r = await run('');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^kube-learn: end of input; .*kube-learn tiny/);
  });

  it('reads Windows line endings and a last line without a newline', async () => {
    const r = await run('\r\n2\r\n1,3\r\nkubectl');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toContain('Score: 3/3');
  });

  it('wraps at 80 columns without a terminal', async () => {
    const r = await run(answers('s', 's', 's'));
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(lines).toContain('An image is a read-only template; a container is a process started from it. Run');
  });

  it('NO_COLOR=1: no escapes at all', async () => {
    const r = await run(ALL_RIGHT, { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(ESC);
  });

  it('FORCE_COLOR=1: colours, but still no cursor movement, and the same lines', async () => {
    const r = await run(ALL_RIGHT, { FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\u001b\[3\dm/);
    // Only SGR (colour) sequences: nothing that moves the cursor or clears.
    expect(r.stdout.replace(/\u001b\[[\d;]*m/g, '')).not.toMatch(ESC);
    const plainRun = await run(ALL_RIGHT);
    expect(r.stdout.replace(/\u001b\[[\d;]*m/g, '')).toBe(plainRun.stdout.replaceAll('`', ''));
  });

  it('NO_COLOR wins over FORCE_COLOR', async () => {
    const r = await run(ALL_RIGHT, { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.stdout).not.toMatch(ESC);
  });

  it('an unknown lesson is a usage error: one line, exit 2', async () => {
    const r = await runCli(['no-such-lesson', '--plain', '--lessons', 'test/fixtures/lessons-tutor'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('the manifest step in plain mode', () => {
  const POD = ['tiny-pod', '--plain', '--lessons', 'test/fixtures/lessons-tutor'];
  const wrong = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: webb\nspec:\n  container:\n    - name: web\nEOF\n';
  const right = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\nEOF\n';

  it('shows the task and the starter, lists every problem with its line and column, then takes a right one', async () => {
    const r = await runCli(POD, { input: wrong + right });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Write a Pod named `web` that runs the image `nginx:1.27`.');
    expect(r.stdout).toContain(
      '? Your manifest\nType it line by line, then a line with just EOF; or @file.yaml reads a file.\nStart from:\n\n    apiVersion: v1\n    kind: Pod\n',
    );
    // In line order, whichever step of the checker found them.
    expect(r.stdout).toContain('Problems found:\n\n- 4:9 metadata.name: expected "web", got "webb"\n- 5:1 spec.containers: required\n');
    expect(r.stdout).toContain('\n- 6:3 spec.container: unknown field "container"; did you mean "containers"?\n');
    expect(r.stdout).toContain('Not quite. Try once more.\n\nHint: The name goes under metadata, the image under spec.containers.');
    expect(r.stdout).toContain('Right!\n\nA Pod needs a name and at least one container with an image.');
    expect(r.stdout.split('\n')).toContain('Score: 0/1');
    // The starter is not shown again once the learner has written something.
    expect(r.stdout.match(/Start from:/g)).toHaveLength(1);
  });

  it('reads the manifest from @file', async () => {
    const r = await runCli(POD, { input: '@test/fixtures/lessons-tutor/manifests/pod.yaml\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Right!');
    expect(r.stdout.split('\n')).toContain('Score: 1/1');
  });

  it('after two wrong attempts offers the solution', async () => {
    const r = await runCli(POD, { input: `${wrong}${wrong}y\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('? Show the solution? (Y/n)\n');
    expect(r.stdout).toContain('Not quite. A solution:\n\n    apiVersion: v1\n    kind: Pod\n    metadata:\n      name: web\n');
    expect(r.stdout.split('\n')).toContain('Score: 0/1');
  });

  it('skip shows the solution', async () => {
    const r = await runCli(POD, { input: 's\n' });
    expect(r.stdout).toContain('Skipped. A solution:\n\n    apiVersion: v1\n');
    expect(r.stdout.split('\n')).toContain('Score: 0/1');
  });
});

describe('signals in plain mode', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} while waiting for an answer: exit 130 and one line on stderr`, async () => {
      const cli = new CliProcess(LESSON);
      try {
        cli.write('\n');
        await cli.waitForOutput('  3) A virtual machine\n');
        cli.kill(signal);
        const { code } = await cli.closed;
        expect(code).toBe(130);
        expect(cli.stderr).toBe(
          'kube-learn: Interrupted. To pick up where you left off, run: kube-learn tiny --lessons test/fixtures/lessons-tutor\n',
        );
      } finally {
        cli.kill();
      }
    });
  }

  it('answers typed one at a time, as a person would, work like piped ones', async () => {
    const cli = new CliProcess(LESSON);
    try {
      await cli.waitForOutput('[Enter] to continue\n');
      cli.write('\n');
      await cli.waitForOutput('  3) A virtual machine\n');
      cli.write('2\n');
      await cli.waitForOutput('  4) It is a node\n');
      cli.write('1 3\n');
      await cli.waitForOutput('? Which command-line tool');
      cli.write('kubectl\n');
      expect((await cli.closed).code).toBe(0);
      expect(cli.stdout.split('\n')).toContain('Score: 3/3');
    } finally {
      cli.kill();
    }
  });
});
