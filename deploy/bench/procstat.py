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
    """(CPU ms so far of all threads, of the JIT's compiler threads) of a JVM; (0, 0) when there is no such process."""
    total = jit = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except (OSError, TypeError):
        return 0, 0
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                ms = _ms(f.read())
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                compiler = f.read().startswith(("C1 Compiler", "C2 Compiler"))
        except (OSError, IndexError):
            continue
        total += ms
        jit += ms if compiler else 0
    return total, jit


def jit_share(before, after):
    """The compiler threads' share of the JVM's CPU between two thread_cpu() readings."""
    return (after[1] - before[1]) / max(after[0] - before[0], 1)
