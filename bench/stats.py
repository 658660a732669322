#!/usr/bin/env python3
"""Helpers of bench/run.sh (python3 standard library only).

  stats.py hyperfine2tsv ROUND.json...      hyperfine --export-json files -> "case<TAB>ms" lines
  stats.py slope TIMES.tsv                  least-squares ms per function over "validate N fns" cases
  stats.py table CASES.tsv TIMES.tsv REF PLAIN [RSS.tsv]
      CASES.tsv: "case<TAB>command" in table order; TIMES.tsv: "case<TAB>ms[<TAB>cpu ms]" per run
      (cpu: user + system time of the process);
      REF: the hello-world case ratios are taken against; PLAIN: a second hello-world case
      (its ratio column is printed too); RSS.tsv: optional "case<TAB>KB" peak resident size.
"""
import json
import statistics
import sys


def hyperfine2tsv(files):
    for path in files:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for result in data["results"]:
            # one run per command and file (run.sh rounds), so user/system are that run's
            cpu = (result["user"] + result["system"]) * 1000.0 if len(result["times"]) == 1 else ""
            for seconds in result["times"]:
                print("%s\t%.3f\t%s" % (result["command"], seconds * 1000.0, cpu if cpu == "" else "%.0f" % cpu))


def read_tsv(path, columns=2):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                cells = line.split("\t", columns - 1)
                rows.append(cells + [""] * (columns - len(cells)))
    return rows


def table(cases_path, times_path, ref, plain, rss_path=None):
    cases = read_tsv(cases_path)
    times = {}
    cpu = {}
    for name, ms, cpu_ms in read_tsv(times_path, 3):
        times.setdefault(name, []).append(float(ms))
        if cpu_ms:
            cpu.setdefault(name, []).append(float(cpu_ms))
    rss = {}
    if rss_path:
        for name, kb in read_tsv(rss_path):
            rss[name] = int(kb) / 1024.0
    ref_median = statistics.median(times[ref])
    plain_median = statistics.median(times[plain]) if plain in times else None
    header = ["case", "runs", "median ms", "min ms", "max ms", "x hello"]
    if plain_median and plain != ref:
        header.append("x plain hello")
    if cpu:
        header.append("CPU median ms")
    if rss:
        header.append("peak RSS MB")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join([" --- "] + [" ---: "] * (len(header) - 1)) + "|")
    for name, _ in cases:
        t = times.get(name)
        if not t:
            continue
        median = statistics.median(t)
        row = [name, str(len(t)), "%.0f" % median, "%.0f" % min(t), "%.0f" % max(t), "%.2f" % (median / ref_median)]
        if plain_median and plain != ref:
            row.append("%.2f" % (median / plain_median))
        if cpu:
            row.append("%.0f" % statistics.median(cpu[name]) if name in cpu else "")
        if rss:
            row.append("%.0f" % rss[name] if name in rss else "")
        print("| " + " | ".join(row) + " |")
    print()
    print("x hello: median / median of '%s'%s." % (ref, "; x plain hello: median / median of '%s'" % plain
                                                   if plain_median and plain != ref else ""))
    if cpu:
        print("CPU: user + system time of the process (all threads, JIT compiler included).")
    print()
    print("Commands (STRATO_TODAY=2026-11-27; paths shortened):")
    print()
    for name, command in cases:
        print("- %s: `%s`" % (name, command))


def slope(times_path):
    medians = {}
    samples = {}
    for name, ms, _ in read_tsv(times_path, 3):
        samples.setdefault(name, []).append(float(ms))
    for name, values in samples.items():
        words = name.split()
        if len(words) == 3 and words[0] == "validate" and words[2] == "fns" and words[1].isdigit():
            medians[int(words[1])] = statistics.median(values)
    ns = sorted(medians)
    if len(ns) < 2:
        return
    mean_n = sum(ns) / len(ns)
    mean_t = sum(medians[n] for n in ns) / len(ns)
    b = sum((n - mean_n) * (medians[n] - mean_t) for n in ns) / sum((n - mean_n) ** 2 for n in ns)
    a = mean_t - b * mean_n
    print("Cold: median ms = %.0f + %.3f x functions (least squares over %s);" % (a, b, ", ".join(map(str, ns))))
    print("residuals: " + ", ".join("%d: %+.0f ms" % (n, medians[n] - (a + b * n)) for n in ns))
    print("added cost per function between neighbours: " + ", ".join(
        "%d->%d: %.3f ms" % (p, q, (medians[q] - medians[p]) / (q - p)) for p, q in zip(ns, ns[1:])))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if sys.argv[1] == "hyperfine2tsv":
        hyperfine2tsv(sys.argv[2:])
    elif sys.argv[1] == "slope":
        slope(sys.argv[2])
    elif sys.argv[1] == "table":
        table(*sys.argv[2:])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
