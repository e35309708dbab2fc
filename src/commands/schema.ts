import { stdout } from '../terminal/stdout.js';

/** `kube-learn schema`: the JSON Schema of lesson files, for editors. */
export async function schema(): Promise<number> {
  const { lessonJsonSchema } = await import('../lesson/schema.js');
  stdout.write(`${JSON.stringify(lessonJsonSchema(), null, 2)}\n`);
  return 0;
}
