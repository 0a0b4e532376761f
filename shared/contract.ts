/**
 * The one contract between the renderer and the backend. Every backend method is listed here with
 * its zod input schema and its output type. The Electron main process, the browser-mode server and
 * the CLI dispatch into one handler table typed from this object; the renderer's client is typed
 * from it too. Adding a method means: an entry here, its handler, and the UI that calls it.
 */
import { z } from 'zod';
import { ACTOR_KINDS, type Actor, type ProjectInfo } from './domain';

/** Declares a method: `method<Output>()(inputSchema)`. The output exists only as a type. */
function method<Output>() {
  return <Schema extends z.ZodType>(input: Schema) => ({ input, output: undefined as unknown as Output });
}

/** A short human-entered name: trimmed, not empty, no control characters. */
const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300, 'must be at most 300 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

const noInput = z.object({}).strict();

export const contract = {
  'project.info': method<ProjectInfo>()(noInput),

  'actors.list': method<Actor[]>()(noInput),
  'actors.create': method<Actor>()(
    z
      .object({
        name,
        kind: z.enum(ACTOR_KINDS),
        role: z.string().trim().max(300).default(''),
      })
      .strict(),
  ),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller sends (before defaults are applied). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
