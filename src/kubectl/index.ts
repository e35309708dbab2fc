/**
 * The kubectl command reader: splits a line like a shell, reads it the way
 * kubectl does, and judges it against expected commands. It knows no
 * terminal and no lesson; the tutor and the lesson linter load it lazily
 * (dist/lazy/kubectl.cjs) when a command is judged or a lesson is checked.
 */
export { judgeCommand, type Judgement } from './judge.js';
export { allowProblem, expectProblem } from './lint.js';
export { readCommand, type Reading, type ReadProblem, type ReadResult } from './read.js';
export { spell } from './spell.js';
