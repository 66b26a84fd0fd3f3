#!/usr/bin/env python3
"""Deterministic nines models for the side-by-side benchmark (issue 10).

    python3 tests/bench/models.py OUT_DIR

writes one nines model JSON per family into OUT_DIR and prints the file
names. Python stdlib only; every family has a fixed seed, so the files are
byte-identical from run to run.

Every model is a serial chain of top-level blocks, each block one of

- a pair:   parallel of 2 branches, each a serial run of 1-3 components;
- a quorum: k_of_n k=2 of 3 branches, each a serial run of 1-2 components;
- a run:    serial run of 2-3 stages, each a parallel pair of components.

So every component is redundant and the composite availability stays
realistic (about 97% at 1,000 components, not a few percent).

Availabilities are drawn between 99.0 and 99.999 (three decimals) and every
component id is unique. "components" counts distinct components: the private
ones plus the shared definitions.

- global-N-sS: S shared components, each referenced from 2-3 redundant
  blocks (pairs or quorums) in different thirds/halves of the chain, so far
  apart: the sharing ties the whole chain together.
- local-N-sS: S shared components, each one "region"'s own dependency:
  a region block is a parallel of 3-4 branches or a 2-of-4, and its key is
  referenced from 2-3 of its branches (never all) and nowhere else; the
  remaining components are in ordinary blocks between the regions.
"""

import json
import os
import random
import sys

# (file stem, components, shared, local?)
FAMILIES = [
    ("global-1000-s4", 1000, 4, False),
    ("global-1000-s12", 1000, 12, False),
    ("global-1000-s16", 1000, 16, False),
    ("global-10000-s4", 10000, 4, False),
    ("global-10000-s12", 10000, 12, False),
    ("global-10000-s16", 10000, 16, False),
    ("local-1000-s100", 1000, 100, True),
]


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.count = 0  # private components made so far

    def availability(self):
        return round(self.rng.uniform(99.0, 99.999), 3)

    def component(self):
        self.count += 1
        return {"component": {"id": f"c{self.count}", "availability": self.availability()}}

    def block(self, budget):
        """A random block (kind, branches: lists of leaves) of at most `budget` components."""
        kind = self.rng.choice(["pair", "quorum", "run"])
        if kind == "pair":
            sizes = [self.rng.randint(1, 3) for _ in range(2)]
        elif kind == "quorum":
            sizes = [self.rng.randint(1, 2) for _ in range(3)]
        else:
            stages = self.rng.randint(2, 3)
            if 2 * stages <= budget:
                return kind, [[{"parallel": {"children": [self.component(), self.component()]}}
                               for _ in range(stages)]]
            sizes = [budget + 1]  # too big: fall through to the last block
        if sum(sizes) > budget:  # the last block: the rest in parallel
            kind, sizes = "pair", [1] * budget
        return kind, [[self.component() for _ in range(n)] for n in sizes]


def serial_or_leaf(leaves):
    return leaves[0] if len(leaves) == 1 else {"serial": {"children": leaves}}


def block_node(kind, branches):
    """A block's nines node from its branches; a block with one branch is a run."""
    if len(branches) == 1:
        return serial_or_leaf(branches[0])
    children = [serial_or_leaf(b) for b in branches]
    if kind == "quorum":  # 2 of 3, or 2 of 4 for a region
        return {"k_of_n": {"k": 2, "children": children}}
    return {"parallel": {"children": children}}


def make_model(name, components, shared, local):
    g = Gen(1_000_003 * components + 31 * shared + int(local))
    keys = [f"s{j + 1}" for j in range(shared)]
    defs = {k: {"availability": g.availability()} for k in keys}
    private = components - shared
    blocks = []  # (kind, branches)
    if local:
        # One region block per shared key, spread evenly along the chain: a
        # parallel of 3-4 branches or a 2-of-4, each branch a run of 1-2
        # components; the key is the dependency of 2-3 of the branches (never
        # all, so that the region survives its failure).
        for key in keys:
            width = g.rng.choice([3, 4])
            kind = "quorum" if width == 4 and g.rng.random() < 0.5 else "pair"
            uses = 2 if kind == "quorum" else g.rng.randint(2, width - 1)
            branches = [[g.component() for _ in range(g.rng.randint(1, 2))]
                        for _ in range(width)]
            for b in g.rng.sample(branches, uses):
                b.append({"shared": key})
            blocks.append((kind, branches))
        rest = []
        while g.count < private:
            rest.append(g.block(private - g.count))
        # Interleave the regions evenly among the ordinary blocks.
        step = (len(rest) + len(blocks)) / len(blocks)
        merged = list(rest)
        for i, b in enumerate(blocks):
            merged.insert(min(int(i * step), len(merged)), b)
        blocks = merged
    else:
        while g.count < private:
            blocks.append(g.block(private - g.count))
        redundant = [i for i, (kind, br) in enumerate(blocks) if len(br) > 1]
        for key in keys:
            uses = g.rng.choice([2, 3])
            # One redundant block in each of `uses` equal segments of the chain.
            for r in range(uses):
                lo = r * len(redundant) // uses
                hi = (r + 1) * len(redundant) // uses
                kind, branches = blocks[redundant[g.rng.randrange(lo, hi)]]
                g.rng.choice(branches).append({"shared": key})
    assert g.count == private
    root = {"serial": {"children": [block_node(k, b) for k, b in blocks]}}
    where = "locally (each within one block)" if local else "from 2-3 far-apart blocks"
    model = {"name": f"bench {name}: {components} components, {shared} shared {where}"}
    if defs:
        model["shared"] = defs
    model["root"] = root
    return model


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: models.py OUT_DIR")
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name, components, shared, local in FAMILIES:
        path = os.path.join(out, name + ".json")
        with open(path, "w") as f:
            json.dump(make_model(name, components, shared, local), f, separators=(",", ":"))
            f.write("\n")
        print(path)


if __name__ == "__main__":
    main(sys.argv)
