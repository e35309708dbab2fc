import { describe, expect, it } from 'vitest';
import type { CommandStep, TextStep } from '../../src/lesson/schema.js';
import { isRightText, judgeCommandAnswer, rightAnswers } from '../../src/tutor/answers.js';

const text: TextStep = {
  id: 'q',
  type: 'text',
  question: 'Which image?',
  accept: ['nginx:1.30'],
  accept_pattern: 'nginx:1\\.30(\\.\\d+)?',
};

const command: CommandStep = { id: 'c', type: 'command', question: 'Logs?', expect: ['kubectl logs web'] };

describe('text answers', () => {
  it('accept what `accept` lists, after normalisation', () => {
    expect(isRightText(text, '  NGINX:1.30 ')).toBe(true);
  });

  it('accept what the anchored `accept_pattern` matches, and nothing around it', () => {
    expect(isRightText(text, 'nginx:1.30.3')).toBe(true);
    expect(isRightText(text, 'nginx:1.30.3-alpine')).toBe(false);
    expect(isRightText(text, 'my-nginx:1.30')).toBe(false);
  });
});

describe('command answers', () => {
  it('are read as kubectl reads them, and the first expected one is revealed', async () => {
    expect(await judgeCommandAnswer(command, 'kubectl   logs pod/web')).toEqual({ right: true });
    expect(rightAnswers(command)).toEqual(['kubectl logs web']);
  });

  it('say what differs: one line alone, several as a list', async () => {
    expect(await judgeCommandAnswer(command, 'kubectl describe pod web')).toEqual({
      right: false,
      feedback: "`describe` shows one object's details and events; this question asks to read a container's logs",
    });
    expect(await judgeCommandAnswer({ ...command, expect: ['kubectl logs web -c sidecar -p'] }, 'kubectl logs db')).toEqual({
      right: false,
      feedback: '- the name should be `web`, not `db`\n- `--container` is missing: add `-c sidecar`\n- `--previous` is missing: add `-p`',
    });
  });
});
