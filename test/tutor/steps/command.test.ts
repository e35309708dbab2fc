import { describe, expect, it } from 'vitest';
import type { CommandStep } from '../../../src/lesson/schema.js';
import { kindOf } from '../../../src/tutor/step-kinds.js';
import { judgeCommandAnswer } from '../../../src/tutor/steps/command.js';

const command: CommandStep = { id: 'c', type: 'command', question: 'Logs?', expect: ['kubectl logs web'] };

describe('command answers', () => {
  it('are read as kubectl reads them, and the first expected one is revealed', async () => {
    expect(await judgeCommandAnswer(command, 'kubectl   logs pod/web')).toEqual({ right: true });
    expect(kindOf(command).rightAnswers(command)).toEqual(['kubectl logs web']);
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
