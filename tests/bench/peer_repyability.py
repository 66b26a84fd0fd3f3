#!/usr/bin/env python3
"""Evaluates a nines model with repyability's FaultTree and times it.

    peer_repyability.py FILE.json [--repeat N] [--timeout SECONDS] [--group G]

Prints one JSON line:
  {"tool": "repyability", "version", "components", "shared", "seconds",
   "median_seconds", "first_seconds", "build_seconds", "unavailability",
   "availability", "method", ...}

- seconds / median_seconds: best / median of N warm calls of
  tree.top_event_probability(): the evaluation alone.
- first_seconds: the first call after construction (it also sets up the
  core's replay plan and, with numba, loads the compiled replay).
- build_seconds: FaultTree(gates, events). repyability does its structural
  work here: the modular decomposition and the binary decision diagram
  (BDD) of the core that the repeated events tie together.
Neither includes Python start-up, imports or reading the JSON.

The work runs in a child process; past --timeout (default 120 s, for the
whole child) the child is killed and the line says "error": "timeout"
(exit code 3). Any other failure prints "error": MESSAGE (exit code 1).

Mapping (failure domain): component / shared reference -> basic event with
probability q = 1 - availability/100 (computed in decimal, then rounded
once); serial -> OR gate; parallel -> AND gate; k_of_n (k of n up) ->
("vote", n - k + 1, ...). A shared component is one event that several
gates take as input: a repeated event. Only the subset models.py emits is
read (component availabilities, serial/parallel/k_of_n, shared).

--group G (default 2) splits every OR/AND gate of more than G inputs into a
balanced tree of smaller gates: the same function, in the shape repyability
handles best. It finds a module only where nothing below a gate is shared
with the rest of the tree, and builds the core's BDD by folding a wide
gate's inputs one at a time (with no node ever freed), so the literal
translation (--group 0) runs past its 2,000,000-node limit on a flat chain
of 2,600 blocks even with only 4 repeated events.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from decimal import Decimal


def unavailability(spec, where):
    """q = 1 - availability/100 as a float, from the JSON's exact decimal."""
    extra = set(spec) - {"id", "name", "availability"}
    if "availability" not in spec or extra:
        raise ValueError(f"{where}: only components with an availability are supported")
    return float((Decimal(100) - spec["availability"]) / Decimal(100))


def to_fault_tree(model, group=0):
    """(gates, events, shared keys referenced) for FaultTree(gates, events).
    With group > 1, an OR or AND gate of more inputs is split into a tree of
    gates of at most `group` inputs each (the same function)."""
    gates, events, used = {}, {}, set()

    def gate(kind, inputs, k=None):
        while group > 1 and k is None and len(inputs) > group:
            size = -(-len(inputs) // -(-len(inputs) // group))  # balanced chunks
            inputs = [gate(kind, inputs[i:i + size]) for i in range(0, len(inputs), size)]
        name = ("gate", len(gates))
        gates[name] = (kind, inputs) if k is None else (kind, k, inputs)
        return name

    shared = model.get("shared", {})
    for key, spec in shared.items():
        events[("shared", key)] = unavailability(spec, f"shared.{key}")

    def node(n):
        """The name of the gate or event standing for nines node n."""
        (kind, body), = n.items()
        if kind == "component":
            name = ("component", body["id"])
            if name in events:
                raise ValueError(f"component id {body['id']!r} used twice")
            events[name] = unavailability(body, body["id"])
            return name
        if kind == "shared":
            used.add(body)
            return ("shared", body)
        inputs = [node(c) for c in body["children"]]
        if kind == "serial":
            return gate("or", inputs)
        if kind == "parallel":
            return gate("and", inputs)
        if kind == "k_of_n":
            return gate("vote", inputs, len(inputs) - int(body["k"]) + 1)
        raise ValueError(f"{kind} groups are not supported")

    top = node(model["root"])
    if top not in gates:  # a lone component: an OR gate of one
        gates[("gate", "top")] = ("or", [top])
    for key in set(shared) - used:  # FaultTree refuses events not below the top
        del events[("shared", key)]
    return gates, events, used


def measure(path, repeat, group):
    with open(path) as f:
        model = json.load(f, parse_float=Decimal)
    gates, events, used = to_fault_tree(model, group)

    import repyability
    from repyability import FaultTree

    t0 = time.perf_counter()
    tree = FaultTree(gates, events)
    t1 = time.perf_counter()
    q = tree.top_event_probability()
    t2 = time.perf_counter()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        q = tree.top_event_probability()
        times.append(time.perf_counter() - start)

    decomposition = tree._decomposition  # private: only to describe the method
    core = decomposition.core_plan()[0] if decomposition.root is None else []
    method = "FaultTree.top_event_probability: modules in closed form"
    method += f", BDD core of {len(core)} nodes" if core else ", no core"
    if len(core) >= 5000:  # repyability.rbd.modular.COMPILED_STEPS
        from repyability.rbd import _compiled
        method += ", replayed by numba" if _compiled.available() else ", replayed in Python"
    return {
        "tool": "repyability",
        "version": repyability.__version__,
        "file": path,
        "components": sum(1 for name in events if name[0] == "component") + len(used),
        "shared": len(used),
        "repeated_events": len(tree.repeated_events),
        "seconds": min(times),
        "median_seconds": statistics.median(times),
        "first_seconds": t2 - t1,
        "build_seconds": t1 - t0,
        "repeats": repeat,
        "group": group,
        "unavailability": q,
        "availability": tree.sf(),
        "method": method,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--group", type=int, default=2,
                    help="split OR/AND gates wider than this into nested gates "
                    "(0: as the model is)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.child:
        print(json.dumps(measure(args.file, args.repeat, args.group)))
        return 0
    command = [sys.executable, __file__, "--child", args.file, "--repeat", str(args.repeat),
               "--group", str(args.group)]
    failed = {"tool": "repyability", "file": args.file, "seconds": None, "unavailability": None}
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        failed.update(error="timeout", timeout_seconds=args.timeout)
        print(json.dumps(failed))
        return 3
    if run.returncode != 0:
        lines = run.stderr.strip().splitlines() or [f"exit code {run.returncode}"]
        failed.update(error=lines[-1])
        print(json.dumps(failed))
        return 1
    sys.stdout.write(run.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
