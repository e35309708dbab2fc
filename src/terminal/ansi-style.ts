/**
 * Chalk's styling of text (chalk 5's applyStyle), for the named styles the
 * palette uses (./colors.ts), which are the same escapes at every colour
 * level. Loading chalk in a terminal start cost ~0.2 MB of allocation before
 * the first prompt (its styles tables, its two default instances and their
 * colour detection, which loads node:os), enough to bring a garbage
 * collection there. test/terminal/ansi-style.test.ts holds this to chalk.
 */

const ESC = '\u001b';

interface Styler {
  open: string;
  close: string;
  openAll: string;
  closeAll: string;
  parent?: Styler;
}

/** Each line break closes every style before it and opens them again after it (\r\n kept together), as chalk does. */
function encaseLineBreaks(text: string, closeAll: string, openAll: string): string {
  return text.replace(/\r?\n/g, (lineBreak) => closeAll + lineBreak + openAll);
}

/**
 * A style of SGR codes, each `[open, close]`, outermost first (chalk's
 * `bold.underline` is `[[1, 22], [4, 24]]`).
 */
export function ansiStyle(...codes: readonly (readonly [number, number])[]): (text: string) => string {
  let styler: Styler | undefined;
  for (const [open, close] of codes) {
    const o = `${ESC}[${open}m`;
    const c = `${ESC}[${close}m`;
    styler = { open: o, close: c, openAll: (styler?.openAll ?? '') + o, closeAll: c + (styler?.closeAll ?? ''), parent: styler };
  }
  const last = styler;
  if (last === undefined) throw new Error('ansiStyle needs at least one code');
  return (text) => {
    if (!text) return text;
    let out = text;
    // A style already closed inside the text is opened again there, or the rest of the text would lose it.
    if (out.includes(ESC))
      for (let s: Styler | undefined = last; s !== undefined; s = s.parent) out = out.replaceAll(s.close, s.close + s.open);
    if (out.includes('\n')) out = encaseLineBreaks(out, last.closeAll, last.openAll);
    return last.openAll + out + last.closeAll;
  };
}
