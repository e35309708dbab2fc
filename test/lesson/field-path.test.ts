import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFieldPath, parseFieldPath } from '../../src/lesson/field-path.js';

describe('field paths', () => {
  it('parses keys, indices, [*] and quoted keys', () => {
    expect(parseFieldPath('spec.containers[0].image')).toEqual({
      ok: true,
      segments: [{ key: 'spec' }, { key: 'containers' }, { index: 0 }, { key: 'image' }],
    });
    expect(parseFieldPath('spec.containers[*].ports[*].containerPort')).toEqual({
      ok: true,
      segments: [{ key: 'spec' }, { key: 'containers' }, { any: true }, { key: 'ports' }, { any: true }, { key: 'containerPort' }],
    });
    expect(parseFieldPath('metadata.labels["app.kubernetes.io/name"]')).toEqual({
      ok: true,
      segments: [{ key: 'metadata' }, { key: 'labels' }, { key: 'app.kubernetes.io/name' }],
    });
    expect(parseFieldPath("metadata.labels['a.b']")).toEqual({
      ok: true,
      segments: [{ key: 'metadata' }, { key: 'labels' }, { key: 'a.b' }],
    });
  });

  it('says what is wrong with a bad path', () => {
    expect(parseFieldPath('')).toEqual({ ok: false, error: 'the path is empty' });
    expect(parseFieldPath('.spec')).toMatchObject({ ok: false, error: expect.stringMatching(/cannot start with "\."/) });
    expect(parseFieldPath('spec..x')).toMatchObject({ ok: false, error: expect.stringMatching(/expected a field name at character 6/) });
    expect(parseFieldPath('spec.containers[0')).toMatchObject({ ok: false, error: expect.stringMatching(/never closed/) });
    expect(parseFieldPath('spec.containers[x]')).toMatchObject({ ok: false, error: expect.stringMatching(/not an index/) });
    expect(parseFieldPath('spec.containers[0]image')).toMatchObject({ ok: false, error: expect.stringMatching(/expected "\." or "\["/) });
  });

  it('the paths problems are reported under parse back to the same segments', () => {
    const segment = fc.oneof(fc.string({ minLength: 1 }), fc.nat({ max: 99 }));
    fc.assert(
      fc.property(fc.tuple(fc.string({ minLength: 1 }), fc.array(segment, { maxLength: 6 })), ([first, rest]) => {
        const path = [first, ...rest];
        const parsed = parseFieldPath(formatFieldPath(path));
        if (!parsed.ok) return false;
        return JSON.stringify(parsed.segments.map((s) => ('key' in s ? s.key : 'index' in s ? s.index : '*'))) === JSON.stringify(path);
      }),
    );
  });

  it('a parsed path writes back to an equivalent path', () => {
    for (const path of ['spec.containers[*].image', 'metadata.labels["app.kubernetes.io/name"]', 'a[0][1].b']) {
      const parsed = parseFieldPath(path);
      expect(parsed.ok && formatFieldPath(parsed.segments)).toBe(path);
    }
  });
});
