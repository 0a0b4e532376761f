import type { JobSnapshot } from '../../shared/jobs';

/** A job's end, asked of browser mode as a page would (the page hears it on the event stream; a test polls jobs.list). */
export async function jobEnd(invoke: (method: string, input: unknown) => Promise<{ ok: boolean; value?: any }>, id: string): Promise<JobSnapshot> {
  for (;;) {
    const listed = await invoke('jobs.list', {});
    const job = (listed.value as JobSnapshot[]).find((j) => j.id === id);
    if (!job) throw new Error(`job ${id} is not listed`);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Export ▸ FORMAT in browser mode, as the page does it: exports.start, the job's end, then the
 * download at api/downloads/ID. Returns the file's name and bytes.
 */
export async function exportOverHttp(origin: string, token: string, format: string, options: Record<string, unknown> = {}): Promise<{ name: string; bytes: Buffer; job: JobSnapshot }> {
  const headers = { 'Content-Type': 'application/json', 'X-Gainsay-Token': token };
  const invoke = async (method: string, input: unknown) => (await (await fetch(`${origin}/api/invoke`, { method: 'POST', headers, body: JSON.stringify({ method, input }) })).json()) as { ok: boolean; value?: any; error?: { message: string } };
  const started = await invoke('exports.start', { format, ...options });
  if (!started.ok) throw new Error(started.error!.message);
  const job = await jobEnd(invoke, (started.value as JobSnapshot).id);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.message}`);
  const response = await fetch(`${origin}/api/downloads/${job.id}`, { headers: { 'X-Gainsay-Token': token } });
  if (response.status !== 200) throw new Error(`download answered ${response.status}: ${await response.text()}`);
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') ?? '')![1]!);
  return { name, bytes: Buffer.from(await response.arrayBuffer()), job };
}
