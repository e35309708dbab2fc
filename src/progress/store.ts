/**
 * The progress store: reading, and saving without ever losing a step.
 *
 * - Reading needs no lock: files are only ever replaced whole (./atomic.ts).
 * - Every save takes the lock, re-reads the file, applies its one change to
 *   what it read (so the steps another process saved meanwhile stay) and
 *   replaces the file atomically. When the file holds exactly what this
 *   store last wrote, what it wrote is used again instead of parsing and
 *   checking the whole file: a save then costs the same with one lesson
 *   of progress as with the whole course.
 * - A corrupt file is moved aside (never overwritten) and reported as a value;
 *   a newer format is never touched.
 */
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  type Stats,
} from 'node:fs';
import { dirname } from 'node:path';
import { now as clockNow } from '../clock.js';
import { CheckFailed } from '../errors.js';
import type { EarlierTries, StepOutcome } from '../lesson/outcome.js';
import { Abandoned, removeOrphans, writeFileAtomic } from './atomic.js';
import type { Scheduler } from './cards.js';
import { decode, encode } from './format.js';
import { storageError } from './fs-errors.js';
import { withLock, type LockOptions } from './lock.js';
import { applyDraft, applyFinished, applyOutcome, applyReset, applyTries } from './records.js';
import { progressPath } from './paths.js';
import { emptyProgress, FORMAT_VERSION, type Progress } from './types.js';

/** Bigger than any real progress file by far; anything larger is not ours. */
const MAX_BYTES = 32 * 1024 * 1024;
const SAVE_FAILED = '; your earlier progress is unchanged';

export interface StoreOptions {
  lock?: LockOptions;
  now?: () => Date;
  /** Temp files older than this, left by a killed writer, are removed on save. */
  orphanAgeMs?: number;
}

export interface Loaded {
  progress: Progress;
  /** One line for the learner, e.g. that a corrupt file was moved aside. */
  notice?: string;
}

/** What a save has to say: nothing, or that a corrupt file was moved aside. */
export interface Saved {
  notice?: string;
}

type Read =
  | { kind: 'missing' }
  | { kind: 'ok'; progress: Progress; migratedFrom?: number; text: string; identity: string }
  | { kind: 'corrupt'; reason: string };

/** The file's text as this store last wrote it, and the progress it encodes (which the next save changes in place). */
interface Written {
  text: string;
  progress: Progress;
}

/** Which file this is: every save renames a new one into place, so any save changes it. */
const identityOf = (st: Stats) => `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/** How many times a save starts over when another save replaced the file under it. */
const SAVE_TRIES = 3;

export class ProgressStore {
  private learner: string | undefined;
  private written: Written | undefined;
  readonly lockPath: string;

  constructor(
    readonly path: string,
    private readonly options: StoreOptions = {},
  ) {
    this.lockPath = `${path}.lock`;
  }

  /** The store at `$XDG_STATE_HOME/kube-learn/progress.json`. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, options: StoreOptions = {}): ProgressStore {
    return new ProgressStore(progressPath(env), options);
  }

  private now(): Date {
    return this.options.now?.() ?? clockNow();
  }

  /** Missing file: empty progress. Corrupt: moved aside, reported in `notice`. Newer: CheckFailed. */
  async load(): Promise<Loaded> {
    let read: Read;
    try {
      read = this.read();
    } catch (err) {
      throw storageError(err, 'read progress from', this.path);
    }
    if (read.kind === 'missing') return { progress: emptyProgress() };
    if (read.kind === 'ok') return { progress: read.progress };
    try {
      return await withLock(this.lockPath, () => this.readForUpdate().loaded, this.options.lock);
    } catch (err) {
      throw storageError(err, 'move aside the unreadable progress file', this.path);
    }
  }

  /**
   * Fails now, with the one-line error, if progress could not be saved later:
   * better than after the learner's first answer. The folder is made and
   * checked, and asked whether it takes new files (permissions, a read-only
   * file system); the lock is not taken: that is a file written, linked and
   * removed before the first prompt, and a wait for another session's save
   * belongs to the save. A disk that fills up shows at the save, in one line.
   */
  async ensureWritable(): Promise<void> {
    try {
      this.folder(true);
      accessSync(dirname(this.path), constants.W_OK | constants.X_OK);
    } catch (err) {
      throw storageError(err, 'save progress to', this.path, SAVE_FAILED);
    }
  }

  /**
   * Applies `change` to the file as it is now, under the lock, and saves it.
   * `change` returns false when it changed nothing, and then nothing is written.
   */
  async update(change: (progress: Progress) => boolean | void): Promise<Saved> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.folder(true);
        return await withLock(
          this.lockPath,
          (held) => {
            // Taken, not peeked: `change` edits it in place, so it is valid again only once written.
            const written = this.written;
            this.written = undefined;
            const { loaded: current, identity, text } = this.readForUpdate(written);
            const changed = change(current.progress) !== false;
            // The learner id goes in with the first save; a file that already has one (another first run won) keeps it.
            const adopted = this.learner !== undefined && current.progress.learner === undefined;
            if (adopted) current.progress.learner = this.learner;
            if (!changed && !adopted) {
              if (text !== undefined) this.written = { text, progress: current.progress };
              return current.notice === undefined ? {} : { notice: current.notice };
            }
            // A save that stalled past the stale limit may have lost its lock, and another
            // save may have replaced the file meanwhile: then this one starts over from
            // that file instead of replacing its newer steps.
            const stillValid = () => held() && this.identity() === identity;
            const encoded = encode(current.progress);
            writeFileAtomic(this.path, encoded, { stillValid });
            this.written = { text: encoded, progress: current.progress };
            removeOrphans(this.path, this.options.orphanAgeMs ?? 60_000);
            return current.notice === undefined ? {} : { notice: current.notice };
          },
          this.options.lock,
        );
      } catch (err) {
        if (!(err instanceof Abandoned)) throw storageError(err, 'save progress to', this.path, SAVE_FAILED);
        if (attempt >= SAVE_TRIES) {
          throw new CheckFailed(
            `could not save progress to ${this.path}: another kube-learn replaced it while this one was saving, ${attempt} times over${SAVE_FAILED}`,
          );
        }
      }
    }
  }

  /** The progress file's identity now, or undefined when there is none. */
  private identity(): string | undefined {
    try {
      return identityOf(lstatSync(this.path));
    } catch {
      return undefined;
    }
  }

  /** With the scheduler, the question's review card is saved with it (./records.ts). */
  record(lessonId: string, outcome: StepOutcome, spentMs = 0, scheduler?: Scheduler): Promise<Saved> {
    return this.update((p) => applyOutcome(p, lessonId, outcome, this.now(), spentMs, scheduler));
  }

  /** Keeps an answer to a step not settled yet (a wrong manifest), to start from next time. */
  saveDraft(lessonId: string, stepId: string, answer: string): Promise<Saved> {
    return this.update((p) => applyDraft(p, lessonId, stepId, answer, this.now()));
  }

  /** Keeps the wrong tries at a step not settled yet, before the learner is asked again. */
  saveTries(lessonId: string, stepId: string, tries: EarlierTries): Promise<Saved> {
    return this.update((p) => applyTries(p, lessonId, stepId, tries, this.now()));
  }

  /**
   * The learner id to store with the next save, when the file has none yet.
   * Not written at once: a first start would pay a locked, synced write
   * before its first prompt. Two first runs at the same moment: the first
   * save wins, and the other run keeps its own id until it ends.
   */
  useLearner(id: string): void {
    this.learner = id;
  }

  finish(lessonId: string): Promise<Saved> {
    return this.update((p) => applyFinished(p, lessonId, this.now()));
  }

  /** Clears one lesson; false when it had no progress. */
  async reset(lessonId: string): Promise<boolean> {
    let cleared = false;
    await this.update((p) => (cleared = applyReset(p, lessonId)));
    return cleared;
  }

  /**
   * The state folder, created private (0700) when `create`; whether it is
   * there. Refused when it is a symbolic link (kube-learn would write where
   * it points), not the learner's, or writable by group or others: whoever
   * can write there can delete or forge the progress (XDG_STATE_HOME may
   * point into a shared folder, where a neighbour can make it first).
   */
  private folder(create: boolean): boolean {
    const dir = dirname(this.path);
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    let st: Stats;
    try {
      st = lstatSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return false;
      throw err;
    }
    const refuse = (why: string) =>
      new CheckFailed(`progress folder ${dir} ${why}; kube-learn keeps progress only in a folder that only you can write`);
    if (st.isSymbolicLink()) throw refuse('is a symbolic link');
    // A file in the way: no progress to read, and saving says so (ENOTDIR).
    if (!st.isDirectory()) return false;
    if (process.getuid !== undefined && st.uid !== process.getuid()) throw refuse(`belongs to another user (uid ${st.uid})`);
    if (process.getuid !== undefined && (st.mode & 0o022) !== 0) {
      throw refuse(
        `can be written by ${st.mode & 0o002 ? 'other users' : 'its group'} (mode ${(st.mode & 0o777).toString(8)}; chmod 700 it if it is yours)`,
      );
    }
    return true;
  }

  private read(): Read {
    const raw = this.readText();
    return raw.kind === 'text' ? this.decodeText(raw.text, raw.identity) : raw;
  }

  /** The file's text, unparsed. */
  private readText(): { kind: 'missing' } | { kind: 'text'; text: string; identity: string } | { kind: 'corrupt'; reason: string } {
    let text: string;
    let identity: string;
    let fd: number;
    if (!this.folder(false)) return { kind: 'missing' };
    try {
      // Non-blocking, so a pipe planted in its place cannot hang us before fstat says what it is.
      fd = openSync(this.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // No file, or no folder at all (a file in its place is reported when saving).
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      throw err;
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw Object.assign(new Error(`${this.path} is a folder`), { code: 'EISDIR' });
      if (!st.isFile()) return { kind: 'corrupt', reason: 'not a regular file' };
      if (st.size > MAX_BYTES) return { kind: 'corrupt', reason: `too large (${st.size} bytes)` };
      text = readFileSync(fd, 'utf8');
      identity = identityOf(st);
    } finally {
      closeSync(fd);
    }
    return { kind: 'text', text, identity };
  }

  private decodeText(text: string, identity: string): Read {
    const decoded = decode(text);
    if (decoded.kind === 'newer') {
      throw new CheckFailed(
        `progress file ${this.path} was written by a newer kube-learn (format ${decoded.version}; this one reads up to ${FORMAT_VERSION}): upgrade kube-learn to continue`,
      );
    }
    if (decoded.kind === 'corrupt') return decoded;
    return decoded.migratedFrom === undefined
      ? { kind: 'ok', progress: decoded.progress, text, identity }
      : { kind: 'ok', progress: decoded.progress, migratedFrom: decoded.migratedFrom, text, identity };
  }

  /**
   * With the lock held: the current progress, a corrupt file moved aside, an
   * old format kept; and the identity of the file read (none when there is no file now).
   */
  private readForUpdate(written?: Written): { loaded: Loaded; identity?: string; text?: string } {
    const raw = this.readText();
    // Byte for byte what this store wrote last (no other save came between): no need to parse it again.
    if (raw.kind === 'text' && written !== undefined && raw.text === written.text) {
      return { loaded: { progress: written.progress }, identity: raw.identity, text: raw.text };
    }
    const read = raw.kind === 'text' ? this.decodeText(raw.text, raw.identity) : raw;
    if (read.kind === 'missing') return { loaded: { progress: emptyProgress() } };
    if (read.kind === 'ok') {
      if (read.migratedFrom !== undefined) {
        this.keepOldFormat(read.migratedFrom);
        return { loaded: { progress: read.progress }, identity: read.identity };
      }
      return { loaded: { progress: read.progress }, identity: read.identity, text: read.text };
    }
    const aside = this.asideName(`corrupt-${stamp(this.now())}`);
    renameSync(this.path, aside);
    return {
      loaded: {
        progress: emptyProgress(),
        notice: `progress file ${this.path} could not be read (${read.reason}); moved it to ${aside} and started fresh`,
      },
    };
  }

  /** Before an old format is first overwritten, a copy stays, in case the migration is wrong. */
  private keepOldFormat(version: number): void {
    const copy = `${this.path}.v${version}.bak`;
    if (!existsSync(copy)) copyFileSync(this.path, copy, constants.COPYFILE_EXCL);
  }

  private asideName(suffix: string): string {
    let name = `${this.path}.${suffix}`;
    for (let i = 1; existsSync(name); i++) name = `${this.path}.${suffix}-${i}`;
    return name;
  }
}

/** A timestamp that is a valid file name everywhere (no colons). */
function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}
