/** The course's kubectl commands (test/fixtures/kubectl-commands.txt), for the property tests. */
import { readFileSync } from 'node:fs';

export const COURSE_COMMANDS: string[] = readFileSync('test/fixtures/kubectl-commands.txt', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));
