#!/usr/bin/env python3
"""A slow, independent reference for the benchmark models: 50-digit decimals.

    python3 tests/bench/reference.py FILE.json

prints {"availability", "unavailability", "unavailability_50"} (the last as
50 significant digits). Stdlib only; reads the subset models.py emits.

Each shared key is conditioned on (up and down, weighted by its
availability) at the lowest group where it appears under two or more
children; below that, its value is fixed. Children with no shared key below
them are evaluated once. 2^16 conditionings of the 16-shared models take
about a minute.
"""

import itertools
import json
import sys
from decimal import Decimal, getcontext

getcontext().prec = 50
ONE = Decimal(1)


def keys_below(node, memo):
    """The shared keys referenced under `node` (memoised by id)."""
    (kind, body), = node.items()
    if kind == "component":
        return frozenset()
    if kind == "shared":
        return frozenset([body])
    if id(node) not in memo:
        memo[id(node)] = frozenset().union(*(keys_below(c, memo) for c in body["children"]))
    return memo[id(node)]


def fold(kind, state, p):
    """A group's partial state with one more child of availability p: the
    product of availabilities (serial), of unavailabilities (parallel), or the
    distribution of the number of children up (k_of_n)."""
    if kind == "serial":
        return state * p
    if kind == "parallel":
        return state * (ONE - p)
    return [(state[j] if j < len(state) else 0) * (ONE - p) + (state[j - 1] * p if j else 0)
            for j in range(len(state) + 1)]


def finish(kind, k, state):
    if kind == "serial":
        return state
    if kind == "parallel":
        return ONE - state
    return sum(state[k:])


def evaluate(model):
    shared = {key: Decimal(s["availability"]) / 100 for key, s in model.get("shared", {}).items()}
    memo = {}

    def avail(node, fixed):
        (kind, body), = node.items()
        if kind == "component":
            return Decimal(body["availability"]) / 100
        if kind == "shared":
            return fixed.get(body, shared[body])
        k = int(body.get("k", 0))
        constant = [c for c in body["children"] if not keys_below(c, memo)]
        varying = [c for c in body["children"] if keys_below(c, memo)]
        base = [ONE] if kind == "k_of_n" else ONE
        for c in constant:  # folded once, whatever the shared keys
            base = fold(kind, base, avail(c, {}))
        counts = {}
        for c in varying:
            for key in keys_below(c, memo) - fixed.keys():
                counts[key] = counts.get(key, 0) + 1
        cross = sorted(key for key, n in counts.items() if n > 1)
        total = Decimal(0)
        for bits in itertools.product((0, 1), repeat=len(cross)):
            weight, inner = ONE, dict(fixed)
            for key, up in zip(cross, bits):
                weight *= shared[key] if up else ONE - shared[key]
                inner[key] = Decimal(up)
            state = base
            for c in varying:
                state = fold(kind, state, avail(c, inner))
            total += weight * finish(kind, k, state)
        return total

    return avail(model["root"], {})


def main():
    with open(sys.argv[1]) as f:
        model = json.load(f, parse_float=Decimal)
    a = evaluate(model)
    print(json.dumps({"availability": float(a), "unavailability": float(ONE - a),
                      "unavailability_50": str(ONE - a)}))


if __name__ == "__main__":
    main()
