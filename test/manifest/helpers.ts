import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, checkManifests, type ManifestProblem } from '../../src/manifest/check.js';
import type { ManifestCheck } from '../../src/lesson/schema.js';

export const fixturePath = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'manifests', name);
export const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

/** The lesson step's check (one document) on a fixture. */
export const checkFixture = (name: string, checks?: ManifestCheck[]) => checkManifest(fixture(name), checks ? { checks } : {});
/** `kube-learn check`'s (many documents) on a fixture. */
export const checkFixtureMulti = (name: string) => checkManifests(fixture(name));

/** Where and what a problem is about, compactly: `7:5 spec.containers[0].image`, with ` (warning)` for warnings. */
export const where = (p: ManifestProblem) => `${p.line}:${p.col} ${p.path}${p.severity === 'warning' ? ' (warning)' : ''}`;
