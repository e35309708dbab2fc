import { describe, expect, it } from 'vitest';
import { optionOrder } from '../../src/tutor/option-order.js';

const four = { id: 'q', choices: [{}, {}, {}, {}] };

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

  it("differs between a learner's questions: one seed per lesson does not give every question the same order", () => {
    const orders = new Set<string>();
    for (let n = 0; n < 24; n++) orders.add(optionOrder({ ...four, id: `q${n}` }, 'learner:day4').join());
    // 24 orders of 4 are possible; 24 questions drawing them at random hit at least 8 distinct ones
    // unless the step is left out of the seed, which gives exactly 1.
    expect(orders.size).toBeGreaterThanOrEqual(8);
  });

  it('keeps pin: last options last, in written order', () => {
    const step = { id: 'q', choices: [{}, { pin: 'last' as const }, {}, {}, { pin: 'last' as const }] };
    for (let n = 0; n < 50; n++) {
      const order = optionOrder(step, `l${n}`);
      expect(order.slice(-2)).toEqual([1, 4]);
      expect([...order.slice(0, 3)].sort()).toEqual([0, 2, 3]);
    }
  });
});
