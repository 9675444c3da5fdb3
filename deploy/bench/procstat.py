"""CPU use of the local stack's processes from /proc, for the benches: by process (named after the stack's part) and a
JVM's compiler threads (to tell a warm service from one still compiling). Linux only; unknown pids count as nothing."""
import os

TICK = os.sysconf("SC_CLK_TCK")


def _ms(stat_line):
    fields = stat_line.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // TICK  # user + system time


def _name(pid, cmd):
    if cmd.startswith("postgres"):
        return "PostgreSQL"
    if "quarkus-run" in cmd:  # a service runs from <module>/target/quarkus-app
        return os.path.basename(os.path.dirname(os.path.dirname(os.readlink(f"/proc/{pid}/cwd"))))
    if "kafka.Kafka" in cmd:
        return "Kafka"
    if cmd.startswith("wrk"):
        return "wrk"
    return "other"


def process_cpu():
    """{pid: (part, CPU ms so far)} for every process."""
    used = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                ms = _ms(f.read())
            with open(f"/proc/{pid}/cmdline") as f:
                used[pid] = (_name(pid, f.read().replace("\0", " ")), ms)
        except (OSError, IndexError):
            continue
    return used


def cpu_between(before, after):
    """{part: CPU ms} used between two process_cpu() readings (processes present in both)."""
    by_part = {}
    for pid, (part, ms) in after.items():
        if pid in before:
            by_part[part] = by_part.get(part, 0) + ms - before[pid][1]
    return by_part


def thread_cpu(pid):
    """(CPU ms so far of the whole JVM, {thread id: CPU ms so far} of its JIT compiler threads), or None when there is no
    such process. The whole comes from the process's own counter, which keeps the time of threads that have ended."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            total = _ms(f.read())
        tasks = os.listdir(f"/proc/{pid}/task")
    except (OSError, TypeError, IndexError):
        return None
    compilers = {}
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                if not f.read().startswith(("C1 Compiler", "C2 Compiler")):
                    continue
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                compilers[tid] = _ms(f.read())
        except (OSError, IndexError):
            continue
    return total, compilers


def jit_share(before, after):
    """The compiler threads' share of the JVM's CPU between two thread_cpu() readings (a compiler thread started in
    between counts from zero); None when either reading is None."""
    if before is None or after is None:
        return None
    jit = sum(ms - before[1].get(tid, 0) for tid, ms in after[1].items())
    return jit / max(after[0] - before[0], 1)
