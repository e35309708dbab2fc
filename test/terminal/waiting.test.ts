import { afterEach, expect, it } from 'vitest';
import { WAITING_EVENT, waitingForLearner } from '../../src/terminal/waiting.js';

const heard: number[] = [];
const listener = () => heard.push(heard.length);
afterEach(() => {
  process.off(WAITING_EVENT, listener);
});

it('says once per process that the learner is waited for, whoever calls it how often', () => {
  process.on(WAITING_EVENT, listener);
  waitingForLearner();
  waitingForLearner();
  waitingForLearner();
  expect(heard).toEqual([0]);
});
