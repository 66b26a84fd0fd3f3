#!/usr/bin/env python3
"""Monte Carlo monthly downtime of a nines model, vectorised with numpy (issue 11).

    sim_numpy.py FILE.json --trials N --seed S [--month-days 30]

Simulates N independent months and prints one JSON line:
  {"tool": "numpy", "numpy", "trials", "seconds", "mean_unavailability",
   "mean_unavailability_stderr", "downtime_seconds": {"mean", "p50", "p90",
   "p99", "p999"}, "breach_probability", "target", "processes",
   "component_months_per_second", ...}

seconds is the simulation's wall time: drawing the outages, the interval
algebra and the statistics; not Python start-up, the numpy import or reading
and checking the model. component_months_per_second = processes x trials /
seconds, a process being each component, shared component and failure
domain reachable from the root. Single process, single core: the BLAS/OpenMP
thread pools are pinned to one thread before numpy is imported (the work is
sorting and element-wise arithmetic anyway, which numpy does on one thread).

The stochastic model. Every component, shared component and domain is one
alternating renewal process: up periods ~ Exponential(rate lam), down periods
~ D with mean m, so its long-run unavailability u = 1 - availability/100 is
lam*m / (1 + lam*m), i.e. lam = u / (m (1 - u)).
- m: outage_minutes, else the model's default_outage_minutes, else 60; with
  incidents_per_year y instead: lam = y / 8760 per hour and m = u/(lam(1-u));
  a lognormal D sets m itself (and then neither may be given).
- D: "exponential" (default) with mean m; "fixed" = m; {"lognormal":
  {"median_minutes": M, "p90_minutes": P}}: mu = ln M, sigma = ln(P/M) / z90,
  m = exp(mu + sigma^2/2).
- Stationary start: each month is an independent sample of the process in
  equilibrium. At t = 0 the process is down with probability u; if up, the
  first failure is Exponential(lam) away; if down, the rest of the outage is
  the equilibrium residual: exponential -> Exponential(mean m), fixed ->
  Uniform(0, m), lognormal -> U * LogNormal(mu + sigma^2, sigma) (U uniform:
  a uniform point in a length-biased outage). Then up and down alternate
  until T (30 days unless --month-days).
- serial: down if any child is down; parallel: if all are; k_of_n: if more
  than n - k are. A node with "domains" is also down whenever one of its
  domains is. A shared component is one process wherever it is used.
- A month's downtime is the root's total down time in [0, T); it breaches
  the target when it exceeds (1 - target/100) T.
Percentiles are numpy's default (linear interpolation between order
statistics) over the N monthly downtimes.

How it is vectorised. A set of down intervals for all trials at once is a
pair of int64 arrays (start, end) of positions trial << TIME_BITS | time,
time in integer microseconds (T is exact at that resolution; a drawn time is
truncated to it, far below the second that is reported). A process is drawn
for all trials together, one outage slot per loop pass: every trial still
short of T draws its next outage and up period, and the ones that pass T
drop out, so the pass count is the most outages any trial has (about 10 for
100,000 months) and no trial ever overflows a fixed width. A gate's intervals
come from its children's by a sweep over all trials at once: each child
interval gives a +1 event at its start and a -1 event at its end, encoded in
the low bit of the position so that one sort of int64 keys orders by (trial,
time, end before start); the cumulative sum is the number of children down
(each trial's events sum to 0, so the count restarts at 0 at every trial),
and the gate is down where it reaches its threshold: 1 for serial, n for
parallel, n - k + 1 for k_of_n. Only the trials where at least that many
children (and at least 2) are down at some time are swept: a bincount per
child finds them; in a serial gate the intervals of a trial with a single
child down pass through as they are. Domains are a serial gate over the node
and its domains. The root's intervals give each trial's downtime by np.bincount.
The loops are over processes, gates and outage slots, never trials or events.
"""

import argparse
import json
import math
import os
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import numpy as np  # (after the thread pools are pinned)

Z90 = 1.2815515655446004  # the standard normal's 90th percentile
DAY = 86400.0
US = 1_000_000  # time unit of the interval algebra: microseconds
CHUNK = 1 << 17  # most trials simulated together
CHUNK_INTERVALS = 1 << 22  # ... and about how many process outages they may hold
EMPTY = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))


# ---- the model ---------------------------------------------------------------

class Process:
    """One alternating renewal process: lam (per second), the down-period law."""

    def __init__(self, name, spec, default_minutes):
        self.name = name
        extra = set(spec) - {"id", "name", "availability", "outage_minutes",
                             "incidents_per_year", "outage_distribution", "domains",
                             "monthly_fee"}
        if extra or "availability" not in spec:
            raise ValueError(f"{name}: the simulation needs an availability "
                             f"(and no {sorted(extra)})")
        a = float(spec["availability"])
        if not 0 <= a <= 100:
            raise ValueError(f"{name}: availability {a} is not a percentage")
        self.u = u = (100 - a) / 100
        dist = spec.get("outage_distribution", "exponential")
        minutes = spec.get("outage_minutes")
        per_year = spec.get("incidents_per_year")
        if minutes is not None and per_year is not None:
            raise ValueError(f"{name}: give outage_minutes or incidents_per_year, not both")
        if isinstance(dist, dict) and set(dist) == {"lognormal"}:
            if minutes is not None or per_year is not None:
                raise ValueError(f"{name}: a lognormal outage sets its own mean")
            median = float(dist["lognormal"]["median_minutes"]) * 60
            p90 = float(dist["lognormal"]["p90_minutes"]) * 60
            if not 0 < median < p90:
                raise ValueError(f"{name}: lognormal needs 0 < median_minutes < p90_minutes")
            self.kind = "lognormal"
            self.mu = math.log(median)
            self.sigma = math.log(p90 / median) / Z90
            self.mean = math.exp(self.mu + self.sigma ** 2 / 2)
        elif dist in ("exponential", "fixed"):
            self.kind = dist
            if per_year is not None:
                lam = float(per_year) / (8760 * 3600)
                self.mean = u / (lam * (1 - u)) if 0 < u < 1 else 3600.0
            else:
                self.mean = float(minutes if minutes is not None else default_minutes) * 60
        else:
            raise ValueError(f"{name}: unknown outage_distribution {dist!r}")
        if not self.mean > 0:
            raise ValueError(f"{name}: the mean outage must be positive")
        # Up periods: Exponential(lam); u = 0 never fails, u = 1 never recovers.
        self.lam = u / (self.mean * (1 - u)) if 0 < u < 1 else 0.0

    def outages(self, rng, n):
        """n draws of a full outage's length in seconds."""
        if self.kind == "exponential":
            return rng.exponential(self.mean, n)
        if self.kind == "fixed":
            return np.full(n, self.mean)
        return rng.lognormal(self.mu, self.sigma, n)

    def residuals(self, rng, n):
        """n draws of the rest of an outage in progress at a random time."""
        if self.kind == "exponential":
            return rng.exponential(self.mean, n)
        if self.kind == "fixed":
            return rng.uniform(0, self.mean, n)
        return rng.uniform(0, 1, n) * rng.lognormal(self.mu + self.sigma ** 2, self.sigma, n)


class Model:
    """The model's tree as ("leaf", process index) and ("gate", threshold,
    children) nodes, with the processes in the order first met."""

    def __init__(self, model):
        self.default_minutes = float(model.get("default_outage_minutes", 60))
        self.target = model.get("target")
        self.domain_specs = model.get("domains", {})
        self.shared_specs = model.get("shared", {})
        self.processes = []
        self.uses = []  # references to each process in the tree
        self.index = {}  # ("domain" | "shared", key) -> process index
        self.root = self.node(model["root"], "root")

    def process(self, key, spec, name):
        if key not in self.index:
            self.index[key] = len(self.processes)
            self.processes.append(Process(name, spec, self.default_minutes))
            self.uses.append(0)
        self.uses[self.index[key]] += 1
        return ("leaf", self.index[key])

    def with_domains(self, node, domains, where):
        """node in series with its domains."""
        if not domains:
            return node
        leaves = []
        for d in domains:
            if d not in self.domain_specs:
                raise ValueError(f"{where}: unknown domain {d!r}")
            leaves.append(self.process(("domain", d), self.domain_specs[d], f"domain {d}"))
        return ("gate", 1, [node] + leaves)

    def node(self, n, where):
        ((kind, body),) = n.items()
        if kind == "component":
            where = f"component {body.get('id', where)}"
            self.processes.append(Process(where, body, self.default_minutes))
            self.uses.append(1)
            leaf = ("leaf", len(self.processes) - 1)
            return self.with_domains(leaf, body.get("domains"), where)
        if kind == "shared":
            if body not in self.shared_specs:
                raise ValueError(f"{where}: unknown shared component {body!r}")
            spec = self.shared_specs[body]
            leaf = self.process(("shared", body), spec, f"shared {body}")
            return self.with_domains(leaf, spec.get("domains"), f"shared {body}")
        if kind not in ("serial", "parallel", "k_of_n"):
            raise ValueError(f"{where}: {kind} groups are not simulated")
        children = [self.node(c, f"{where}.{kind}[{i}]")
                    for i, c in enumerate(body["children"])]
        n_children = len(children)
        if kind == "serial":
            threshold = 1
        elif kind == "parallel":
            threshold = n_children
        else:
            k = int(body["k"])
            if not 1 <= k <= n_children:
                raise ValueError(f"{where}: k_of_n needs 1 <= k <= {n_children}")
            threshold = n_children - k + 1
        if n_children == 0:
            raise ValueError(f"{where}: a {kind} group needs children")
        return self.with_domains(("gate", threshold, children), body.get("domains"), where)


# ---- the simulation ----------------------------------------------------------

def draw(p, rng, n, t_end, time_bits):
    """Down intervals of process p in n trials of [0, t_end) seconds, as
    (start, end) int64 positions trial << time_bits | microseconds."""
    if p.u == 0:
        return EMPTY
    if p.u == 1:
        trials = np.arange(n, dtype=np.int64) << time_bits
        return trials, trials + round(t_end * US)
    trial_parts, start_parts, end_parts = [], [], []
    # Stationary start: down with probability u, then the residual outage.
    down = np.flatnonzero(rng.random(n) < p.u)
    rest = p.residuals(rng, down.size)
    trial_parts.append(down)
    start_parts.append(np.zeros(down.size))
    end_parts.append(np.minimum(rest, t_end))
    # t: the next failure of each trial (memoryless when up at 0).
    t = rng.exponential(1 / p.lam, n)
    t[down] += rest
    active = np.flatnonzero(t < t_end)
    t = t[active]
    while active.size:  # one outage slot per pass, for the trials still in the month
        length = p.outages(rng, active.size)
        trial_parts.append(active)
        start_parts.append(t)
        end_parts.append(np.minimum(t + length, t_end))
        t = t + length + rng.exponential(1 / p.lam, active.size)
        keep = t < t_end
        active, t = active[keep], t[keep]
    trials = np.concatenate(trial_parts).astype(np.int64) << time_bits
    start = trials + (np.concatenate(start_parts) * US).astype(np.int64)
    end = trials + (np.concatenate(end_parts) * US).astype(np.int64)
    keep = end > start  # (an outage shorter than a microsecond)
    return start[keep], end[keep]


def combine(children, threshold, n, time_bits):
    """Intervals where at least `threshold` of the children are down, in n trials."""
    children = [c for c in children if c[0].size]
    if len(children) < threshold:
        return EMPTY
    if len(children) == 1:
        return children[0]
    # The children down at some time in each trial: only trials with at
    # least `threshold` of them (and at least 2) need the sweep; in a serial
    # gate a trial with one such child is down exactly when that child is.
    trials = [c[0] >> time_bits for c in children]
    down_children = np.zeros(n, dtype=np.int32)
    for t in trials:
        down_children += np.bincount(t, minlength=n) > 0
    swept = [down_children[t] >= max(threshold, 2) for t in trials]
    # Event keys: position << 1 | 1 for a start, | 0 for an end, so that an
    # end sorts before a start at the same time (touching is not overlapping).
    starts = np.concatenate([c[0][k] for c, k in zip(children, swept)])
    keys = np.concatenate([starts] + [c[1][k] for c, k in zip(children, swept)]) << 1
    keys[:starts.size] |= 1
    keys.sort()
    is_start = (keys & 1).astype(bool)
    down = np.cumsum(np.where(is_start, 1, -1), dtype=np.int32)
    begins = is_start & (down == threshold)
    ends = ~is_start & (down == threshold - 1)
    start, end = keys[begins] >> 1, keys[ends] >> 1
    if threshold == 1:  # the trials where only one child is ever down
        start = np.concatenate([start] + [c[0][~k] for c, k in zip(children, swept)])
        end = np.concatenate([end] + [c[1][~k] for c, k in zip(children, swept)])
    return start, end


class Chunk:
    """n trials simulated together: the processes' draws and the tree's sweep."""

    def __init__(self, model, seed, index, n, t_end, time_bits):
        self.model, self.seed, self.index = model, seed, index
        self.n, self.t_end, self.time_bits = n, t_end, time_bits
        self.cache = {}  # processes used more than once (shared, domains)

    def drawn(self, i):
        # Each process has its own stream per chunk: independent of the order
        # the tree is walked in; a shared process is drawn once.
        if i in self.cache:
            return self.cache[i]
        rng = np.random.default_rng([self.seed, self.index, i])
        intervals = draw(self.model.processes[i], rng, self.n, self.t_end, self.time_bits)
        if self.model.uses[i] > 1:
            self.cache[i] = intervals
        return intervals

    def evaluate(self, node):
        if node[0] == "leaf":
            return self.drawn(node[1])
        _, threshold, children = node
        return combine([self.evaluate(c) for c in children], threshold, self.n,
                       self.time_bits)


def simulate(model, trials, seed, t_end):
    """Each trial's downtime in seconds (float64 array of `trials`)."""
    t_us = round(t_end * US)
    time_bits = t_us.bit_length()
    if time_bits + (CHUNK - 1).bit_length() > 62:
        raise ValueError("--month-days too long for 64-bit interval positions")
    # Trials per chunk: as many as keep the outages drawn about CHUNK_INTERVALS.
    outages = sum(p.u + p.lam * t_end for p in model.processes)
    size = max(1024, min(CHUNK, int(CHUNK_INTERVALS / max(outages, 1))))
    downtime = np.empty(trials)
    for index, first in enumerate(range(0, trials, size)):
        n = min(size, trials - first)
        start, end = Chunk(model, seed, index, n, t_end, time_bits).evaluate(model.root)
        per_trial = np.bincount(start >> time_bits, weights=end - start, minlength=n)
        downtime[first:first + n] = per_trial / US
    return downtime


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--trials", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--month-days", type=float, default=30.0)
    args = ap.parse_args()
    if args.trials < 1 or args.month_days <= 0:
        ap.error("--trials and --month-days must be positive")
    with open(args.file) as f:
        model = Model(json.load(f))
    t_end = args.month_days * DAY
    target = model.target

    t0 = time.perf_counter()
    downtime = simulate(model, args.trials, args.seed, t_end)
    mean = downtime.mean()
    p50, p90, p99, p999 = np.percentile(downtime, [50, 90, 99, 99.9])  # linear
    breach = None
    if target is not None:
        breach = float(np.mean(downtime > (1 - float(target) / 100) * t_end))
    seconds = time.perf_counter() - t0

    stderr = downtime.std(ddof=1) / math.sqrt(args.trials) if args.trials > 1 else None
    print(json.dumps({
        "tool": "numpy",
        "numpy": np.__version__,
        "file": args.file,
        "trials": args.trials,
        "seed": args.seed,
        "month_seconds": t_end,
        "seconds": seconds,
        "mean_unavailability": mean / t_end,
        "mean_unavailability_stderr": None if stderr is None else stderr / t_end,
        "downtime_seconds": {"mean": mean, "p50": p50, "p90": p90, "p99": p99,
                             "p999": p999},
        "breach_probability": breach,
        "target": target,
        "processes": len(model.processes),
        "component_months_per_second": len(model.processes) * args.trials / seconds,
    }))


if __name__ == "__main__":
    main()
