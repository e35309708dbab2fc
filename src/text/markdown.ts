/**
 * The lesson Markdown subset, laid out in columns: paragraphs wrapped to the
 * width, "- " bullets with a hanging indent, fenced code blocks set apart
 * and never wrapped, and `code` styled (kept in backticks when styles are
 * off, so it still stands out). How a style looks is the caller's: a
 * terminal palette fits `MarkdownStyle`.
 */
import { bulletItem, codeSpans, headingText } from './markdown-scan.js';
import { neutralize } from './sanitize.js';
import { wrapPieces, type Piece } from './width.js';

/** The styles the layout asks for; each returns its text, decorated or not. */
export interface MarkdownStyle {
  /** False when every style returns its text unchanged. */
  readonly enabled: boolean;
  readonly code: (text: string) => string;
  readonly bold: (text: string) => string;
}

type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'bullet'; level: number; text: string }
  | { kind: 'code'; lines: string[] };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function expandTabs(line: string): string {
  const [head, ...parts] = line.split('\t');
  let out = head!;
  for (const part of parts) out += ' '.repeat(4 - (out.length % 4)) + part;
  return out;
}

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = neutralize(markdown).split('\n').map(expandTabs);
  let open: Extract<Block, { text: string }> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const indent = line.length - line.trimStart().length;
      const closing = marker[0]!.repeat(marker.length);
      const code: string[] = [];
      for (i++; i < lines.length; i++) {
        const l = lines[i]!;
        const trimmed = l.trim();
        if (trimmed.startsWith(closing) && /^(`+|~+)$/.test(trimmed)) break;
        code.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
      }
      blocks.push({ kind: 'code', lines: code });
      open = undefined;
      continue;
    }
    if (line.trim() === '') {
      open = undefined;
      continue;
    }
    const heading = headingText(line);
    const bullet = bulletItem(line);
    if (heading !== undefined) {
      blocks.push({ kind: 'heading', text: heading });
      open = undefined;
    } else if (bullet) {
      open = { kind: 'bullet', level: Math.floor(bullet.indent.length / 2), text: bullet.text };
      blocks.push(open);
    } else if (open) {
      open.text += ` ${line.trim()}`;
    } else {
      open = { kind: 'paragraph', text: line.trim() };
      blocks.push(open);
    }
  }
  return blocks;
}

/** Inline `code` spans as styled pieces. A lone backtick stays as text. */
export function inlinePieces(text: string, colors: MarkdownStyle, base?: (s: string) => string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const span of codeSpans(text)) {
    if (span.index > last) pieces.push({ text: text.slice(last, span.index), style: base });
    const code = span.content.trim();
    pieces.push(colors.enabled ? { text: code, style: colors.code } : { text: span.fence + code + span.fence });
    last = span.end;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), style: base });
  return pieces;
}

export interface RenderOptions {
  width: number;
  colors: MarkdownStyle;
  /** Indent of every line (for text nested under something). */
  indent?: string;
}

/** The Markdown as terminal lines (no trailing newline). */
export function renderMarkdown(markdown: string, opts: RenderOptions): string {
  const { colors } = opts;
  const indent = opts.indent ?? '';
  const width = Math.max(20, opts.width);
  const out: string[] = [];
  let previous: Block['kind'] | undefined;
  for (const block of parseBlocks(markdown)) {
    const tight = block.kind === 'bullet' && previous === 'bullet';
    if (previous !== undefined && !tight) out.push('');
    previous = block.kind;
    switch (block.kind) {
      case 'paragraph':
        out.push(...wrapPieces(inlinePieces(block.text, colors), width, indent));
        break;
      case 'heading':
        out.push(...wrapPieces(inlinePieces(block.text, colors, colors.bold), width, indent));
        break;
      case 'bullet': {
        const lead = indent + '  '.repeat(block.level);
        out.push(...wrapPieces(inlinePieces(block.text, colors), width, `${lead}- `, `${lead}  `));
        break;
      }
      case 'code':
        // Never wrapped: a wrapped YAML line would teach the wrong indentation.
        for (const line of block.lines) out.push(`${indent}    ${colors.enabled ? colors.code(line) : line}`.trimEnd());
        break;
    }
  }
  return out.join('\n');
}

/** A fenced code block holding `text`, with a fence no line of the text can close. */
export function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text.replace(/\n$/, '')}\n${fence}`;
}
