/** The progress store: what a learner has done, kept safe. No terminal code here. */
export { FORMAT_VERSION, emptyProgress } from './types.js';
export type { Draft, LessonRecord, Progress, StepRecord, StepStatus } from './types.js';
export { decode, encode } from './format.js';
export { progressPath, stateDir } from './paths.js';
export { ProgressStore, type Loaded, type StoreOptions } from './store.js';
export { draftAnswers, previousOutcomes, type LessonShape } from './outcomes.js';
export { formatDuration, progressBar, progressColumn, progressSummary, resumeLine, summarize, type LessonSummary } from './summary.js';
export { settleRecorder, type RecorderOptions } from './session.js';
export { lessonReport, orphanReport, progressReport, type LessonReport } from './report.js';
export { openLessonSession, type LessonSession, type SessionOptions, type SessionPort } from './lesson-session.js';
export { listProgress, type ListProgress } from './list-progress.js';
