/** `kube-learn list`: the lessons a learner can start. */
import { loadCatalog } from '../lesson/catalog.js';
import { formatFileProblem } from '../lesson/file-problem.js';
import { listProgress } from '../progress/list-progress.js';
import { progressColumn } from '../progress/summary.js';
import { plural } from '../text/words.js';

export async function list(opts: { json?: boolean; lessons?: string }): Promise<number> {
  const catalog = await loadCatalog({ lessonsDir: opts.lessons });
  for (const problem of catalog.problems) process.stderr.write(`kube-learn: skipped ${formatFileProblem(problem)}\n`);
  const { summaries, warning } = await listProgress(catalog.lessons);
  if (warning) process.stderr.write(`kube-learn: ${warning}\n`);
  const rows = catalog.lessons.map((l) => {
    const p = summaries.get(l.id);
    return { id: l.id, title: l.title, steps: l.steps.length, summary: l.summary, ...(p && { settled: p.settled, complete: p.complete }) };
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const titleWidth = Math.max(5, ...rows.map((r) => r.title.length));
  const started = [...summaries.values()].filter((p) => p.settled > 0);
  const countWidth = Math.max(0, ...started.map((p) => `${p.settled}/${p.total}`.length));
  for (const r of rows) {
    const p = summaries.get(r.id);
    const column = p && p.settled > 0 ? progressColumn(p, countWidth) : plural(r.steps, 'step');
    process.stdout.write(`${r.id.padEnd(idWidth)}  ${r.title.padEnd(titleWidth)}  ${column}\n`);
  }
  if (rows.length === 0) process.stdout.write('No lessons found.\n');
  return 0;
}
