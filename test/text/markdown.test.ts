import { describe, expect, it } from 'vitest';
import { noColor, palette } from '../../src/terminal/colors.js';
import { fenced, renderMarkdown } from '../../src/text/markdown.js';
import { displayWidth, stripAnsi } from '../../src/text/width.js';

const plain = (md: string, width = 40) => renderMarkdown(md, { width, colors: noColor });

describe('renderMarkdown', () => {
  it('joins the lines of a paragraph and wraps it to the width', () => {
    expect(plain('A Pod is the smallest\nthing you deploy in Kubernetes, holding one or more containers.', 30)).toBe(
      'A Pod is the smallest thing\nyou deploy in Kubernetes,\nholding one or more\ncontainers.',
    );
  });

  it('separates paragraphs by one blank line', () => {
    expect(plain('One.\n\n\n\nTwo.')).toBe('One.\n\nTwo.');
  });

  it('renders bullets with a hanging indent, nested ones further in', () => {
    expect(plain('Intro:\n\n- a container runs one process from an image\n  - nested item\n- short', 30)).toBe(
      ['Intro:', '', '- a container runs one process', '  from an image', '  - nested item', '- short'].join('\n'),
    );
  });

  it('sets code blocks apart, indented and never wrapped', () => {
    const md = 'Write:\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a-very-long-name-that-does-not-fit-in-twenty\n```\nDone.';
    expect(plain(md, 20)).toBe(
      [
        'Write:',
        '',
        '    apiVersion: v1',
        '    kind: Pod',
        '    metadata:',
        '      name: a-very-long-name-that-does-not-fit-in-twenty',
        '',
        'Done.',
      ].join('\n'),
    );
  });

  it('keeps code fences inside a longer fence', () => {
    expect(plain(fenced('a\n```\nb'))).toBe('    a\n    ```\n    b');
  });

  it('keeps `code` in backticks without colour, and colours it (no backticks) with colour', async () => {
    expect(plain('Run `kubectl get pods` now.')).toBe('Run `kubectl get pods` now.');
    const coloured = renderMarkdown('Run `kubectl get pods` now.', { width: 40, colors: await palette(1) });
    expect(coloured).toBe('Run \u001b[36mkubectl get pods\u001b[39m now.');
  });

  it('has no escape sequences at all without colour', () => {
    const out = plain('# Title\n\nSome `code` and\n\n- a bullet\n\n```\nblock\n```');
    expect(out).not.toMatch(/\u001b/);
  });

  it('wraps by display width when colour is on', async () => {
    const md = 'Use `kubectl apply -f pod.yaml` to create the `web` Pod from the file you wrote.';
    const out = renderMarkdown(md, { width: 30, colors: await palette(3) });
    expect(stripAnsi(out)).toBe(plain(md.replaceAll('`', ''), 30));
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it('neutralises control characters so lesson text cannot drive the terminal', () => {
    expect(plain('evil \u001b[2J text')).toBe('evil ␛[2J text');
  });

  it('shows headings as their text', () => {
    expect(plain('## Containers\nbody')).toBe('Containers\n\nbody');
  });
});
