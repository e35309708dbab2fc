/**
 * The kube-learn command names: no lesson may take one (./rules.ts), and a
 * first word close to one is a mistyped command (src/commands/start.ts).
 * Its own module so a lesson start can read it without the lint rules.
 */
export const RESERVED_IDS = ['list', 'lint', 'schema', 'check', 'progress', 'reset', 'help', 'continue', 'review'];
