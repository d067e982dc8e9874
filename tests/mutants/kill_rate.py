"""Run the FULL fixture suite on every mutant of the gallery and print the kill rate.

    .venv/bin/python -m tests.mutants.kill_rate [--jobs N]

Each mutant runs in its own `ark-conformance run` process. A mutant is killed when at least one case
fails, times out or crashes. Also prints, per mutant, how many fixtures caught it, and the fixtures that
caught no mutant at all (candidates for sharpening).
"""

from __future__ import annotations

import argparse
import sys
import time

from ._gallery import caught_by_cli, fixtures, load_gallery


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=0, help="worker threads per mutant (default: CPU count)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    gallery = load_gallery()
    killers: dict[str, int] = {f.id: 0 for f in fixtures()}
    killed = 0
    for entry in gallery:
        caught = caught_by_cli(entry.host_spec, jobs=args.jobs)
        killed += bool(caught)
        for fixture in caught:
            killers[fixture] += 1
        listed_missed = [f for f in entry.caught_by if f not in caught]
        note = f"  (listed but passed: {', '.join(listed_missed)})" if listed_missed else ""
        print(f"{'killed ' if caught else 'SURVIVED'} {entry.cls:32} by {len(caught):2} fixture(s){note}")
    idle = sorted(f for f, n in killers.items() if n == 0)
    print(f"\nfixtures that caught no mutant ({len(idle)}): {', '.join(idle) or '-'}")
    rate = killed / len(gallery) if gallery else 0.0
    elapsed = time.monotonic() - started
    print(f"kill rate: {killed}/{len(gallery)} = {rate:.0%} ({len(killers)} fixtures, {elapsed:.1f} s)")
    return 0 if killed == len(gallery) else 1


if __name__ == "__main__":
    sys.exit(main())
