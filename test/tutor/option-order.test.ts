import { describe, expect, it } from 'vitest';
import { optionOrder } from '../../src/tutor/option-order.js';

const four = { choices: [{}, {}, {}, {}] };

describe('the order of options', () => {
  it('is the written order without a learner, or with shuffle: false', () => {
    expect(optionOrder(four, undefined)).toEqual([0, 1, 2, 3]);
    expect(optionOrder({ ...four, shuffle: false }, 'learner:day4:q')).toEqual([0, 1, 2, 3]);
  });

  it('is a permutation, the same for the same seed every time', () => {
    for (let n = 0; n < 50; n++) {
      const seed = `learner${n}:day4:q`;
      const order = optionOrder(four, seed);
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      expect(optionOrder(four, seed)).toEqual(order);
    }
  });

  it('puts the written first option first about a quarter of the time over many learners (chance, not the author)', () => {
    let first = 0;
    const runs = 2000;
    for (let n = 0; n < runs; n++) if (optionOrder(four, `${n.toString(16).padStart(16, '0')}:day4:q`)[0] === 0) first++;
    // Binomial(2000, 0.25): mean 500, sd ~19; 5 sd either way.
    expect(first).toBeGreaterThan(400);
    expect(first).toBeLessThan(600);
  });

  it('keeps pin: last options last, in written order', () => {
    const step = { choices: [{}, { pin: 'last' as const }, {}, {}, { pin: 'last' as const }] };
    for (let n = 0; n < 50; n++) {
      const order = optionOrder(step, `l${n}`);
      expect(order.slice(-2)).toEqual([1, 4]);
      expect([...order.slice(0, 3)].sort()).toEqual([0, 2, 3]);
    }
  });
});
