import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const TICKS = 100;

/** Fields of /proc/<pid>/stat after the command name: state is [0], utime [11], stime [12], cutime [13], cstime [14]. */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone meanwhile
  }
}

function parentOf(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

/**
 * CPU seconds (user + system) used so far by a PostgreSQL server: its postmaster (found by its
 * data directory on the command line), every live child, and the children that already exited
 * (the postmaster's cutime/cstime). Linux only; null elsewhere or when not found. Unlike wall
 * time, this hardly depends on what else the machine runs.
 */
export function postgresCpuSeconds(dataDir: string): number | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return null;
  }
  const postmaster = pids.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir);
    } catch {
      return false;
    }
  });
  if (postmaster === undefined) return null;
  let ticks = 0;
  for (const pid of pids) {
    if (pid !== postmaster && parentOf(pid) !== postmaster) continue;
    const fields = statFields(pid);
    if (!fields) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
    if (pid === postmaster) ticks += Number(fields[13]) + Number(fields[14]);
  }
  return ticks / TICKS;
}

/** CPU seconds (user + system) of this process so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export const CORES = cpus().length;
