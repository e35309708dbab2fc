import { describe, expect, it } from 'vitest';
import type { CommandStep, TextStep } from '../../src/lesson/schema.js';
import { isRightCommand, isRightText, rightAnswers } from '../../src/tutor/answers.js';

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
  it('match an expected command after normalisation, and reveal the first one', () => {
    expect(isRightCommand(command, 'kubectl   logs WEB')).toBe(true);
    expect(isRightCommand(command, 'kubectl describe pod web')).toBe(false);
    expect(rightAnswers(command)).toEqual(['kubectl logs web']);
  });
});
