// What /proc says about the Kindred process and its PostgreSQL cluster: the process tree, memory and CPU time.
import fs from 'node:fs';

export interface ProcessMemory {
  pid: number;
  name: string;
  rssKb: number;
  /** Proportional set size: shared pages divided among the processes sharing them. Undefined if unreadable. */
  pssKb: number | undefined;
}

export interface Footprint {
  processes: ProcessMemory[];
  rssKb: number;
  pssKb: number | undefined;
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const kbField = (text: string | undefined, field: string): number | undefined => {
  const match = text?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : undefined;
};

/** pid -> parent pid for every process visible in /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may contain spaces: the fields after it are space-separated.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    map.set(Number(entry), ppid);
  }
  return map;
}

/** The roots and all their descendants (the Kindred process, its PostgreSQL postmaster and the backends it forks). */
export function processTree(roots: number[]): number[] {
  const ppids = parents();
  const found = new Set(roots.filter((pid) => ppids.has(pid)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of ppids) {
      if (found.has(ppid) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * CPU time (user + system) a process has used, in ms; with `reaped`, plus that of its children that have exited and
 * been waited for. /proc counts in USER_HZ ticks, which Linux fixes at 100/s.
 */
function cpuMs(pid: number, reaped = false): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks * 10;
}

/**
 * CPU time of the Kindred process and, separately, of everything under its PostgreSQL postmaster. The postmaster's
 * count includes the backends that have exited (a pool connection closed as idle, an autovacuum worker): without them
 * a difference over a window lost the whole history of any backend that exited inside it (bench/README.md, ninth
 * messaging round).
 */
export function cpuTime(kindredPid: number, postmasterPid: number | undefined) {
  const postgres = postmasterPid === undefined ? [] : processTree([postmasterPid]);
  return { kindredMs: cpuMs(kindredPid), postgresMs: postgres.reduce((sum, pid) => sum + cpuMs(pid, pid === postmasterPid), 0) };
}

/** RSS and PSS of the roots and all their descendants. */
export function memoryFootprint(roots: number[]): Footprint {
  const processes: ProcessMemory[] = [];
  for (const pid of processTree(roots)) {
    const rssKb = kbField(read(`/proc/${pid}/status`), 'VmRSS');
    if (rssKb === undefined) continue; // exited meanwhile, or a kernel thread
    const name = read(`/proc/${pid}/comm`)?.trim() ?? '?';
    processes.push({ pid, name, rssKb, pssKb: kbField(read(`/proc/${pid}/smaps_rollup`), 'Pss') });
  }
  const sum = (values: Array<number | undefined>) => (values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, v) => a + v!, 0));
  return { processes, rssKb: sum(processes.map((p) => p.rssKb))!, pssKb: sum(processes.map((p) => p.pssKb)) };
}
