import autocannon from 'autocannon';

export interface LoadSettings {
  connections: number;
  durationS: number;
  warmupS: number;
}

/** CPU time used so far by the server side, sampled before and after the measured run. */
export type CpuSampler = () => { kindredMs: number; postgresMs: number };

export interface RouteResult {
  label: string;
  path: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and answers other than 2xx: anything but 0 makes the run invalid. */
  failures: number;
  statusCodes: string;
  /** Server CPU per request, in µs: steadier than req/s when something else is using the machine. */
  kindredCpuUs: number;
  postgresCpuUs: number;
}

/** Checks the route answers 200 before loading it, so a broken route fails loudly instead of measuring errors. */
async function expectOk(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
}

/** Loads one route with autocannon in this (the harness) process: a warm-up, then the measured run. */
export async function loadRoute(
  baseUrl: string,
  route: { label: string; path: string; headers?: Record<string, string> },
  settings: LoadSettings,
  sampleCpu: CpuSampler,
): Promise<RouteResult> {
  const headers = route.headers ?? {};
  const url = baseUrl + route.path;
  await expectOk(url, headers);
  await autocannon({ url, connections: settings.connections, duration: settings.warmupS, headers });
  const before = sampleCpu();
  const result = await autocannon({ url, connections: settings.connections, duration: settings.durationS, headers });
  const after = sampleCpu();
  const requests = result.requests.total;
  return {
    label: route.label,
    path: route.path,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    failures: result.errors + result.timeouts + result.non2xx,
    statusCodes: Object.entries(result.statusCodeStats)
      .map(([code, { count }]) => `${code}×${count}`)
      .join(' '),
    kindredCpuUs: ((after.kindredMs - before.kindredMs) * 1000) / requests,
    postgresCpuUs: ((after.postgresMs - before.postgresMs) * 1000) / requests,
  };
}
