/**
 * The progress store: reading, and saving without ever losing a step.
 *
 * - Reading needs no lock: files are only ever replaced whole (./atomic.ts).
 * - Every save takes the lock, re-reads the file, applies its one change to
 *   what it read (so the steps another process saved meanwhile stay) and
 *   replaces the file atomically. When the file holds exactly what this
 *   store last wrote, what it wrote is used again instead of parsing and
 *   checking the whole file, and only the lessons the change touched are
 *   encoded again (./encoded-file.ts): a save then costs about the same
 *   with one lesson of progress as with the whole course.
 * - A corrupt file is moved aside (never overwritten) and reported as a value;
 *   a newer format is never touched.
 */
import { accessSync, constants, lstatSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { now as clockNow } from '../clock.js';
import { CheckFailed } from '../errors.js';
import type { EarlierTries, StepOutcome } from '../lesson/outcome.js';
import { Abandoned, removeOrphans, writeFileAtomic } from './atomic.js';
import type { Scheduler } from './cards.js';
import { encodeFile, sameBytes, type EncodedFile, type Touched } from './encoded-file.js';
import { decode } from './format.js';
import { FileReader, identityOf, type RawFile } from './file-reader.js';
import { readLesson } from './lesson-read.js';
import { storageError } from './fs-errors.js';
import { withLock, type LockOptions } from './lock.js';
import { applyDraft, applyFinished, applyOutcome, applyReset, applyTries } from './records.js';
import { progressPath } from './paths.js';
import { corruptName, keepOldFormat } from './set-aside.js';
import { stateFolder } from './state-folder.js';
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

/** load() for one lesson (loadLesson): with `dueElsewhere` when only that lesson was read. */
export interface LessonLoaded extends Loaded {
  /** When each card of every other lesson falls due (ms since the epoch), by lesson id. */
  dueElsewhere?: ReadonlyMap<string, readonly number[]>;
}

/** What a save has to say: nothing, or that a corrupt file was moved aside. */
export interface Saved {
  notice?: string;
}

type Read =
  | { kind: 'missing' }
  | { kind: 'ok'; progress: Progress; migratedFrom?: number; identity: string }
  | { kind: 'corrupt'; reason: string };

/** The file as this store last wrote it, and the progress it encodes (which the next save changes in place). */
interface Written {
  file: EncodedFile;
  progress: Progress;
}

/**
 * What a change says it did to the progress: the ids of the lessons it
 * changed, and only those; false, nothing (as an empty set); true or
 * nothing at all, anything.
 */
export type Change = boolean | void | ReadonlySet<string>;

/** The lessons to encode again after a change, or undefined for all of them. */
const touchedBy = (change: Change): Touched => (typeof change === 'object' ? change : change === false ? new Set() : undefined);

/** A change to `lessonId` alone. */
const only = (lessonId: string): ReadonlySet<string> => new Set([lessonId]);

/** How many times a save starts over when another save replaced the file under it. */
const SAVE_TRIES = 3;

export class ProgressStore {
  private learner: string | undefined;
  private written: Written | undefined;
  /**
   * The lesson loadLesson read alone and a copy of the bytes it read it
   * from, until a save reads the whole file: kept if the rest of the file
   * turns out unreadable (read again from the copy then, which nothing changed).
   */
  private readAlone: { lessonId: string; bytes: Buffer } | undefined;
  private readonly reader: FileReader;
  readonly lockPath: string;

  constructor(
    readonly path: string,
    private readonly options: StoreOptions = {},
  ) {
    this.lockPath = `${path}.lock`;
    this.reader = new FileReader(path, MAX_BYTES);
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
   * What a lesson start needs: the learner and `lessonId`'s progress alone,
   * with when the other lessons' cards fall due, read without parsing the
   * other lessons (./lesson-read.ts); or, for a file not laid out as this
   * version writes it, all of it, as load() reads it.
   */
  async loadLesson(lessonId: string): Promise<LessonLoaded> {
    let raw: RawFile;
    try {
      raw = this.readBytes();
    } catch (err) {
      throw storageError(err, 'read progress from', this.path);
    }
    if (raw.kind !== 'bytes') return this.load();
    const read = readLesson(raw.bytes, lessonId);
    if (!read) return this.load();
    const progress = emptyProgress();
    if (read.learner !== undefined) progress.learner = read.learner;
    if (read.record) {
      progress.lessons.set(lessonId, read.record);
      // The reader's buffer is used again by the next read.
      this.readAlone = { lessonId, bytes: Buffer.from(raw.bytes) };
    }
    return { progress, dueElsewhere: read.dueElsewhere };
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
      stateFolder(dirname(this.path), { create: true });
      accessSync(dirname(this.path), constants.W_OK | constants.X_OK);
    } catch (err) {
      throw storageError(err, 'save progress to', this.path, SAVE_FAILED);
    }
  }

  /**
   * Applies `change` to the file as it is now, under the lock, and saves it.
   * `change` says what it changed (Change): nothing, and then nothing is
   * written, or the lessons it changed, and then only those are encoded again.
   */
  async update(change: (progress: Progress) => Change): Promise<Saved> {
    for (let attempt = 1; ; attempt++) {
      try {
        stateFolder(dirname(this.path), { create: true });
        return await withLock(
          this.lockPath,
          (held) => {
            // Taken, not peeked: `change` edits it in place, so it is valid again only once written.
            const written = this.written;
            this.written = undefined;
            const { loaded: current, identity, file } = this.readForUpdate(written);
            const touched = touchedBy(change(current.progress));
            // The learner id goes in with the first save; a file that already has one (another first run won) keeps it.
            const adopted = this.learner !== undefined && current.progress.learner === undefined;
            if (adopted) current.progress.learner = this.learner;
            if (touched?.size === 0 && !adopted) {
              if (file !== undefined) this.written = { file, progress: current.progress };
              return current.notice === undefined ? {} : { notice: current.notice };
            }
            // A save that stalled past the stale limit may have lost its lock, and another
            // save may have replaced the file meanwhile: then this one starts over from
            // that file instead of replacing its newer steps.
            const stillValid = () => held() && this.identity() === identity;
            const encoded = encodeFile(current.progress, file?.entries, touched);
            writeFileAtomic(this.path, encoded.parts, { stillValid });
            this.written = { file: encoded, progress: current.progress };
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
    return this.update((p) => {
      applyDraft(p, lessonId, stepId, answer, this.now());
      return only(lessonId);
    });
  }

  /** Keeps the wrong tries at a step not settled yet, before the learner is asked again. */
  saveTries(lessonId: string, stepId: string, tries: EarlierTries): Promise<Saved> {
    return this.update((p) => {
      applyTries(p, lessonId, stepId, tries, this.now());
      return only(lessonId);
    });
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
    return this.update((p) => {
      applyFinished(p, lessonId, this.now());
      return only(lessonId);
    });
  }

  /** Clears one lesson; false when it had no progress. */
  async reset(lessonId: string): Promise<boolean> {
    let cleared = false;
    await this.update((p) => {
      cleared = applyReset(p, lessonId);
      return cleared && only(lessonId);
    });
    return cleared;
  }

  private read(): Read {
    const raw = this.readBytes();
    return raw.kind === 'bytes' ? this.decodeBytes(raw.bytes, raw.identity) : raw;
  }

  /** The file's bytes, unparsed; valid until the next read. */
  private readBytes(): RawFile {
    return stateFolder(dirname(this.path), { create: false }) ? this.reader.read() : { kind: 'missing' };
  }

  private decodeBytes(bytes: Buffer, identity: string): Read {
    const decoded = decode(bytes.toString('utf8'));
    if (decoded.kind === 'newer') {
      throw new CheckFailed(
        `progress file ${this.path} was written by a newer kube-learn (format ${decoded.version}; this one reads up to ${FORMAT_VERSION}): upgrade kube-learn to continue`,
      );
    }
    if (decoded.kind === 'corrupt') return decoded;
    return decoded.migratedFrom === undefined
      ? { kind: 'ok', progress: decoded.progress, identity }
      : { kind: 'ok', progress: decoded.progress, migratedFrom: decoded.migratedFrom, identity };
  }

  /**
   * With the lock held: the current progress, a corrupt file moved aside, an
   * old format kept; the identity of the file read (none when there is no file now)
   * and, when it is byte for byte what this store wrote last, what it wrote.
   */
  private readForUpdate(written?: Written): { loaded: Loaded; identity?: string; file?: EncodedFile } {
    const raw = this.readBytes();
    // No other save came between: no need to parse the file again, nor to encode its other lessons.
    if (raw.kind === 'bytes' && written !== undefined && sameBytes(written.file, raw.bytes)) {
      return { loaded: { progress: written.progress }, identity: raw.identity, file: written.file };
    }
    const read = raw.kind === 'bytes' ? this.decodeBytes(raw.bytes, raw.identity) : raw;
    const alone = this.readAlone;
    this.readAlone = undefined;
    if (read.kind === 'missing') return { loaded: { progress: emptyProgress() } };
    if (read.kind === 'ok') {
      if (read.migratedFrom !== undefined) keepOldFormat(this.path, read.migratedFrom);
      return { loaded: { progress: read.progress }, identity: read.identity };
    }
    const aside = corruptName(this.path, this.now());
    renameSync(this.path, aside);
    // The lesson being taken was read and checked alone at its start: the learner resumed from it, so it stays.
    const progress = emptyProgress();
    const record = alone && readLesson(alone.bytes, alone.lessonId)?.record;
    if (alone && record) progress.lessons.set(alone.lessonId, record);
    const kept = alone && record ? `, keeping your progress in ${alone.lessonId}` : '';
    return {
      loaded: {
        progress,
        notice: `progress file ${this.path} could not be read (${read.reason}); moved it to ${aside} and started fresh${kept}`,
      },
    };
  }
}
