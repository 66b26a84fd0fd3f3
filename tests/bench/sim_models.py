#!/usr/bin/env python3
"""Deterministic nines models for the Monte Carlo benchmark (issue 11).

    python3 tests/bench/sim_models.py OUT_DIR

writes sim-20.json, sim-50.json and sim-100.json into OUT_DIR and prints the
file names. Python stdlib only; every model has a fixed seed, so the files
are byte-identical from run to run.

Each model is a serial chain of top-level blocks, each block one of

- a pair:   parallel of 2 branches, each a serial run of 1-3 components, the
            two branches in two different zones;
- a quorum: k_of_n k=2 of 3 branches, each a serial run of 1-2 components,
            one branch per zone;
- a run:    serial run of 2-3 stages, each a parallel pair of components,
            the two components of a pair in two different zones;
- the last block, if only 2-3 components are left: those in parallel, each
  in its own zone. So every component is redundant.

Failure domains: three zones (zone-a, zone-b, zone-c) that branches and
components live in, and one region (region-1) that holds the first two
thirds of the chain (a serial group with "domains": ["region-1"]); the rest
of the chain is global. "components" counts distinct components: the private
ones plus the shared definitions; the domains are 4 more processes.

Shared components (2, or 3 in sim-100) are each referenced from 2-3
redundant groups (pairs, quorums, stages of runs) in different parts of the
chain, appended to one branch.

Availabilities are drawn between 99.9 and 99.999 (three decimals), mean
outages between 30 and 240 minutes; outage distributions are a mix of
exponential (half of them written out, half left to the default), fixed and
lognormal (median and 90th percentile, whose mean lands in the same range).
Some exponential and fixed components give no outage_minutes and take the
model's default_outage_minutes. The target is 99.95.
"""

import json
import math
import os
import random
import sys

# (file stem, components, shared)
MODELS = [("sim-20", 20, 2), ("sim-50", 50, 2), ("sim-100", 100, 3)]

ZONES = ["zone-a", "zone-b", "zone-c"]
DOMAINS = {
    "zone-a": {"availability": 99.99, "outage_minutes": 90},
    "zone-b": {"availability": 99.99, "outage_minutes": 120},
    "zone-c": {"availability": 99.995, "outage_minutes": 60},
    "region-1": {"availability": 99.995, "outage_minutes": 240},
}
SHARED_NAMES = ["dns", "auth", "kv"]
Z90 = 1.2815515655446004  # the standard normal's 90th percentile


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.count = 0  # private components made so far

    def spec(self):
        """Availability and outage fields of one component (or shared definition)."""
        r = self.rng
        spec = {"availability": round(r.uniform(99.9, 99.999), 3)}
        kind = r.choices(["exponential", "default", "fixed", "lognormal"], [1, 1, 1, 1])[0]
        if kind == "lognormal":
            # Pick the mean, then a spread P/M; M so that the mean is about right.
            mean = r.uniform(35, 220)
            ratio = r.uniform(1.5, 4.0)
            sigma = math.log(ratio) / Z90
            median = max(10, round(mean / math.exp(sigma * sigma / 2)))
            p90 = max(median + 1, round(median * ratio))
            sigma = math.log(p90 / median) / Z90
            assert 30 <= median * math.exp(sigma * sigma / 2) <= 240
            spec["outage_distribution"] = {"lognormal": {"median_minutes": median,
                                                         "p90_minutes": p90}}
            return spec
        if r.random() < 0.85:  # else the model's default_outage_minutes
            spec["outage_minutes"] = r.randint(30, 240)
        if kind != "default":
            spec["outage_distribution"] = kind
        return spec

    def component(self, domains=None):
        self.count += 1
        body = {"id": f"c{self.count}", **self.spec()}
        if domains:
            body["domains"] = domains
        return {"component": body}

    def block(self, budget):
        """A random block of at most `budget` components (never leaving exactly
        one over, so that every component is redundant), as a nines node."""
        r = self.rng
        if budget <= 3:  # the last block: 2 or 3 single components in parallel
            return {"parallel": {"children": [self.component([z])
                                              for z in r.sample(ZONES, budget)]}}
        while True:
            kind = r.choice(["pair", "quorum", "run"])
            if kind == "run":
                sizes = [2] * r.randint(2, 3)
            elif kind == "quorum":
                sizes = [r.randint(1, 2) for _ in range(3)]
            else:
                sizes = [r.randint(1, 3) for _ in range(2)]
            if sum(sizes) == budget or sum(sizes) <= budget - 2:
                break
        if kind == "run":
            pairs = []
            for _ in sizes:
                za, zb = r.sample(ZONES, 2)
                pairs.append({"parallel": {"children": [self.component([za]),
                                                        self.component([zb])]}})
            return {"serial": {"children": pairs}}
        zones = list(ZONES) if kind == "quorum" else r.sample(ZONES, 2)
        branches = [branch([self.component() for _ in range(n)], z)
                    for n, z in zip(sizes, zones)]
        if kind == "quorum":
            return {"k_of_n": {"k": 2, "children": branches}}
        return {"parallel": {"children": branches}}


def branch(leaves, zone):
    """A branch living in `zone`: the component itself, or a serial run."""
    if len(leaves) == 1:
        leaves[0]["component"]["domains"] = [zone]
        return leaves[0]
    return {"serial": {"children": leaves, "domains": [zone]}}


def make_model(name, components, shared):
    g = Gen(7_000_001 * components + 17 * shared)
    keys = SHARED_NAMES[:shared]
    defs = {k: g.spec() for k in keys}
    private = components - shared
    blocks = []
    while g.count < private:
        blocks.append(g.block(private - g.count))
    assert g.count == private
    # Redundant groups in chain order: pairs, quorums and the stages of runs.
    redundant = []
    for b in blocks:
        if "serial" in b:
            redundant.extend(b["serial"]["children"])
        elif "component" not in b:
            redundant.append(b)
    assert len(redundant) >= 3
    for key in keys:
        uses = g.rng.choice([2, 3])
        # One redundant block in each of `uses` equal segments of the chain,
        # the reference appended to one of its branches (a branch that is a
        # lone component becomes a serial run of it and the reference).
        for u in range(uses):
            lo = u * len(redundant) // uses
            hi = (u + 1) * len(redundant) // uses
            (body,) = redundant[g.rng.randrange(lo, hi)].values()
            i = g.rng.randrange(len(body["children"]))
            child = body["children"][i]
            if "serial" in child:
                child["serial"]["children"].append({"shared": key})
            else:
                body["children"][i] = {"serial": {"children": [child, {"shared": key}]}}
    cut = 2 * len(blocks) // 3
    regional = {"serial": {"children": blocks[:cut], "domains": ["region-1"]}}
    root = {"serial": {"children": [regional] + blocks[cut:]}}
    return {
        "name": f"sim bench {name}: {components} components ({shared} shared), "
                "3 zones and a region",
        "target": 99.95,
        "default_outage_minutes": 60,
        "domains": DOMAINS,
        "shared": defs,
        "root": root,
    }


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: sim_models.py OUT_DIR")
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name, components, shared in MODELS:
        path = os.path.join(out, name + ".json")
        with open(path, "w") as f:
            json.dump(make_model(name, components, shared), f, separators=(",", ":"))
            f.write("\n")
        print(path)


if __name__ == "__main__":
    main(sys.argv)
