/** Small pieces of English the messages share, so each is written once. */

/** "1 step", "3 steps". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The calendar day of an ISO time, as 2026-11-25 in the learner's time zone
 * (what toLocaleDateString('en-CA') says, without loading ICU's date
 * formats: ~25 ms on the dev machine, before the first prompt of a lesson
 * finished earlier).
 */
export function day(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** When `iso` comes, seen from `now`: "now", "within a day", "in 3 days", the latter two with the day (2026-12-05). */
export function dueWhen(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  if (ms <= 0) return 'now';
  const days = Math.ceil(ms / 86_400_000);
  return `${days === 1 ? 'within a day' : `in ${days} days`} (${day(iso)})`;
}

export type Unreadable = 'file' | 'folder' | 'program';

/**
 * Why a file, folder or program could not be opened, from the error's code,
 * in the words every message uses; undefined for codes with no words here
 * (each caller says those its own way).
 */
export function whyNot(code: string | undefined, thing: Unreadable = 'file'): string | undefined {
  switch (code) {
    case 'ENOENT':
      return `no such ${thing}`;
    case 'ENOTDIR':
      return thing === 'folder' ? 'not a folder' : undefined;
    case 'EISDIR':
      return thing === 'file' ? 'is a folder, not a file' : undefined;
    case 'EACCES':
      return thing === 'program' ? 'permission denied (is it executable?)' : 'permission denied';
    default:
      return undefined;
  }
}
