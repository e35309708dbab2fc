import { describe, expect, it } from 'vitest';
import { isQuantity, quantitySuggestions, quantityValue } from '../../src/manifest/quantity.js';

describe('quantities, as resource.ParseQuantity reads them', () => {
  it.each([
    ['128Mi', 128 * 2 ** 20],
    ['500m', 0.5],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2k', 2000],
    ['1E', 1e18],
    ['1e3', 1000],
    ['1E3', 1000],
    ['5e-3', 0.005],
    ['.5', 0.5],
    ['5.', 5],
    ['+1', 1],
    ['-2Ki', -2048],
    ['0', 0],
  ])('%s is %d', (text, value) => {
    expect(isQuantity(text)).toBe(true);
    expect(quantityValue(text)).toBeCloseTo(value);
  });

  it.each(['1GB', '512mb', '500 m', '1K', '1gi', '2g', '1KiB', '1.5.2', '', 'lots', 'Mi', '1e', '1e1.5', '0x10'])(
    '%j is not a quantity',
    (text) => {
      expect(isQuantity(text)).toBe(false);
      expect(quantityValue(text)).toBeUndefined();
    },
  );

  it.each([
    ['1GB', ['1G', '1Gi']],
    ['10MB', ['10M', '10Mi']],
    ['512mb', ['512Mi']],
    ['500 m', ['500m']],
    ['1 Gi', ['1Gi']],
    ['1K', ['1k', '1Ki']],
    ['1gi', ['1Gi']],
    ['1GiB', ['1Gi']],
    ['lots', []],
    ['1Xb', []],
  ])('did you mean, for %j: %j', (text, meant) => {
    expect(quantitySuggestions(text)).toEqual(meant);
  });
});
