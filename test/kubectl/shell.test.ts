import { describe, expect, it } from 'vitest';
import { splitLine } from '../../src/kubectl/shell.js';

const words = (line: string) => splitLine(line).words.map((w) => w.text);
const operators = (line: string) => splitLine(line).operators.map((o) => o.text);

describe('splitting a line like a POSIX shell', () => {
  it('splits at runs of blanks and keeps where each word starts and ends', () => {
    expect(splitLine('  kubectl\tget   pods ').words).toEqual([
      { text: 'kubectl', start: 2, end: 9 },
      { text: 'get', start: 10, end: 13 },
      { text: 'pods', start: 16, end: 20 },
    ]);
  });

  it('removes quotes: single quotes keep everything, double quotes honour \\ before $ ` " \\', () => {
    expect(words(`kubectl exec web -- sh -c 'echo "hi" > /tmp/x'`)).toEqual([
      'kubectl',
      'exec',
      'web',
      '--',
      'sh',
      '-c',
      'echo "hi" > /tmp/x',
    ]);
    expect(words('a "b \\"c\\" \\d" e')).toEqual(['a', 'b "c" \\d', 'e']);
    expect(words(`-l'app=web'",tier=fe"`)).toEqual(['-lapp=web,tier=fe']);
  });

  it('reads a backslash outside quotes as an escape of the next character', () => {
    expect(words('a\\ b c\\"d')).toEqual(['a b', 'c"d']);
  });

  it('reports pipes, lists, redirects and command substitution, and does not run them', () => {
    expect(operators('kubectl get pods | grep web')).toEqual(['|']);
    expect(operators('kubectl get pods && kubectl get svc; echo')).toEqual(['&&', ';']);
    expect(operators('kubectl logs web > out.txt 2>&1')).toEqual(['>', '2>&']);
    expect(operators('kubectl logs $(kubectl get pods -o name)')).toEqual(['$(', '(', ')']);
    expect(operators('kubectl logs "`hostname`"')).toEqual(['`', '`']);
    expect(operators('kubectl get pods -l app=web')).toEqual([]);
  });

  it('reports a quote left open, where it opens', () => {
    expect(splitLine('kubectl get "pods').unclosed).toEqual({ quote: '"', start: 12 });
    expect(splitLine("kubectl get 'pods").unclosed).toEqual({ quote: "'", start: 12 });
  });

  it('takes a digit before > as a file descriptor only at the start of a word', () => {
    expect(words('a2>b')).toEqual(['a2', 'b']);
    expect(operators('a2>b')).toEqual(['>']);
    expect(operators('a 2>b')).toEqual(['2>']);
  });
});
