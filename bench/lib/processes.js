'use strict';
/** Child processes, temp dirs and the small waits around them. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new temp dir the `postgres` system user can enter (embedded PostgreSQL runs as it under root). */
function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Keeps the last `max` characters of a child's output, for error messages. */
function outputTail(max = 20_000) {
  let text = '';
  return {
    push(chunk) {
      text = (text + chunk.toString('utf8')).slice(-max);
    },
    get text() {
      return text;
    },
  };
}

/**
 * `node <nodeArgs> <script> <args>` in its own process group (detached). Its output goes to stderr
 * with `verbose`, otherwise into `child.out` (the last `tailChars` characters). `nodeArgs` are
 * Node's own options (`--cpu-prof` is not allowed in NODE_OPTIONS).
 */
function spawnNode(script, args, { cwd, env, verbose, tailChars = 20_000, nodeArgs = [] }) {
  const out = outputTail(tailChars);
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const forward = (chunk) => (verbose ? process.stderr.write(chunk) : out.push(chunk));
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  child.out = out;
  return child;
}

/** Signals the child's process group (it was spawned detached), else the child itself. */
function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Resolves true when the child has exited, false after `ms`. */
function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** VmRSS and VmHWM (peak) in MB from /proc/<pid>/status (Linux; throws elsewhere). */
function memoryMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return m ? Number(m[1]) / 1024 : null;
  };
  return { rssMb: kb('VmRSS'), hwmMb: kb('VmHWM') };
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux build we run on). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system, every thread: the JS thread, GC helpers, libuv's pool) the process has
 * used so far, in ms, from fields 14 and 15 of /proc/<pid>/stat (Linux; throws elsewhere). The
 * resolution is one clock tick (10 ms). Unlike wall time it barely depends on how busy the machine
 * is: a process waiting for a core does not accumulate it.
 */
function cpuTimeMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: count after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * CPU time in ms of the process's main thread alone (/proc/<pid>/task/<pid>/stat): for Node the
 * JS thread, whose time per request bounds the throughput of one process; GC helpers, the
 * optimising compiler and libuv's pool run on other threads (and, with a spare core, in parallel).
 */
function mainThreadCpuTimeMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

module.exports = { sleep, makeTempDir, outputTail, spawnNode, killGroup, waitExit, memoryMb, cpuTimeMs, mainThreadCpuTimeMs };
