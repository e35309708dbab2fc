/** `kube-learn list`: the lessons a learner can start. */
import { loadCatalog } from '../lesson/catalog.js';
import { formatProblem } from '../lesson/load.js';

export async function list(opts: { json?: boolean; lessons?: string }): Promise<number> {
  const catalog = await loadCatalog({ lessonsDir: opts.lessons });
  for (const problem of catalog.problems) process.stderr.write(`kube-learn: skipped ${formatProblem(problem)}\n`);
  const rows = catalog.lessons.map((l) => ({ id: l.id, title: l.title, steps: l.steps.length, summary: l.summary }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
  const titleWidth = Math.max(5, ...rows.map((r) => r.title.length));
  for (const r of rows) {
    process.stdout.write(`${r.id.padEnd(idWidth)}  ${r.title.padEnd(titleWidth)}  ${r.steps} steps\n`);
  }
  if (rows.length === 0) process.stdout.write('No lessons found.\n');
  return 0;
}
