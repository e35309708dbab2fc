/** `kube-learn list`: the lessons a learner can start. */
import { loadCatalog } from '../lesson/catalog.js';
import { formatFileProblem } from '../lesson/file-problem.js';
import { listProgress } from '../progress/list-progress.js';
import { progressColumn } from '../progress/summary.js';
import { jsonForTerminal } from '../text/json.js';
import { neutralize } from '../text/sanitize.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/width.js';
import { plural } from '../text/words.js';
import { stdout } from '../terminal/stdout.js';

/**
 * The widest a title may make its column: one long title (a stranger's
 * lesson) must not pad every row of the list to its length.
 */
const MAX_TITLE_COLUMNS = 60;

export async function list(opts: { json?: boolean; lessons?: string }): Promise<number> {
  const catalog = await loadCatalog({ lessonsDir: opts.lessons });
  for (const problem of catalog.problems) process.stderr.write(`kube-learn: skipped ${formatFileProblem(problem)}\n`);
  const { summaries, due, warning } = await listProgress(catalog.lessons);
  if (warning) process.stderr.write(`kube-learn: ${neutralize(warning)}\n`);
  const rows = catalog.lessons.map((l) => {
    const p = summaries.get(l.id);
    const d = due.get(l.id);
    return {
      id: l.id,
      title: l.title,
      steps: l.steps.length,
      summary: l.summary,
      ...(p && { settled: p.settled, complete: p.complete }),
      // The review figures: questions due now, and when the next one falls due (null: none scheduled).
      due: d?.due ?? 0,
      nextDue: d?.next ?? null,
    };
  });
  if (opts.json) {
    stdout.write(`${jsonForTerminal(rows, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const titles = rows.map((r) => truncateToWidth(r.title, MAX_TITLE_COLUMNS));
  const titleWidth = Math.max(5, ...titles.map(displayWidth));
  const started = [...summaries.values()].filter((p) => p.settled > 0);
  const countWidth = Math.max(0, ...started.map((p) => `${p.settled}/${p.total}`.length));
  const columns = rows.map((r) => {
    const p = summaries.get(r.id);
    return p && p.settled > 0 ? progressColumn(p, countWidth) : plural(r.steps, 'step');
  });
  // The due column, lined up, only when some question is due.
  const dueWidth = rows.some((r) => r.due > 0) ? Math.max(...columns.map(displayWidth)) : 0;
  for (const [i, r] of rows.entries()) {
    const column = r.due > 0 ? `${padToWidth(columns[i]!, dueWidth)}  ${r.due} due` : columns[i]!;
    stdout.write(`${r.id.padEnd(idWidth)}  ${padToWidth(titles[i]!, titleWidth)}  ${column}\n`);
  }
  if (rows.length === 0) stdout.write('No lessons found.\n');
  return 0;
}
