// CPU seconds (user + system) a process has used so far, read from /proc/<pid>/stat (utime and stime, fields
// 14 and 15, in clock ticks of 1/100 s on Linux), so a benchmark can report each process's share of a phase:
// under load wall time mostly measures the other work on the machine, CPU seconds barely move.
import { readFileSync } from 'node:fs';

const ticksPerSecond = 100;

export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  if (pid === process.pid) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}
