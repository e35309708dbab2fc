import { describe, expect, it } from 'vitest';
import type { CommandStep } from '../../../src/lesson/schema.js';
import { kindOf } from '../../../src/tutor/step-kinds.js';
import { isRightCommand } from '../../../src/tutor/steps/command.js';

const command: CommandStep = { id: 'c', type: 'command', question: 'Logs?', expect: ['kubectl logs web'] };

describe('command answers', () => {
  it('match an expected command after normalisation, and reveal the first one', () => {
    expect(isRightCommand(command, 'kubectl   logs WEB')).toBe(true);
    expect(isRightCommand(command, 'kubectl describe pod web')).toBe(false);
    expect(kindOf(command).rightAnswers(command)).toEqual(['kubectl logs web']);
  });
});
