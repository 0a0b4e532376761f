import { z } from 'zod';
import { contract, isMethod, type Method } from '../../shared/contract';
import { GainsayError, fail, ok, type Result } from '../../shared/errors';
import type { Handler, HandlerContext, Handlers } from './context';
import { isDiskFull } from './disk-full';

/**
 * The one entry point of the backend for every host (IPC, HTTP, CLI): checks the method name,
 * validates the input against the contract, runs the handler, and returns a Result. Nothing is
 * thrown across the boundary; unexpected errors are logged here and reported without internals.
 */
export async function dispatch(
  handlers: Handlers,
  ctx: HandlerContext,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return fail('unknown_method', `There is no backend method called “${String(method).slice(0, 80)}”.`);
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return fail('invalid_input', `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`);
  }
  const changes = contract[method].changes;
  try {
    const handler = handlers[method] as Handler<Method>;
    if (changes) ctx.project.assertFileInPlace();
    const value = await handler(parsed.data as never, ctx);
    if (!changes) return ok(value);
    // Also after: a change made while the file was being moved landed where no one will find it.
    ctx.project.assertFileInPlace();
    return { ok: true, value, changed: true };
  } catch (error) {
    if (error instanceof GainsayError) return fail(error.code, error.message);
    if (isDiskFull(error, ctx.project.path)) {
      return fail('disk_full', 'The disk is full: nothing from this step was saved, and the project is intact. Free some space and try again.');
    }
    console.error(`[gainsay] ${method} failed:`, error);
    return fail('internal', `Something went wrong while running ${method}; the details are in the log.`);
  }
}
