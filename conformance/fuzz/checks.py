"""The invariants every call must keep, whatever its arguments (shared by properties, machine, explorer).

- it returns (no trap for an argument error, no host exception escaping);
- the code is one of the manifest's ErrorCodes (abi/error-codes/closed-set);
- the code is one the model allows for this call in this state (argument rules, futures lifecycle);
- nothing is written unless it returns Success (abi/memory/write-only-on-success);
- on Success nothing outside the out slot changes (abi/memory/write-exactly-sizeof), by a full snapshot diff;
- what it wrote is consistent with the model (handles fresh, poll bytes, consumption).
"""

from __future__ import annotations

from .model import HostModel, ModelViolation
from .rules import CallContext
from .session import CallOutcome


class CallCheckFailed(AssertionError):
    """A call broke an invariant; the message names the call and the clause."""


def check_call(model: HostModel, index: int, call: CallContext, outcome: CallOutcome) -> None:
    """Raise CallCheckFailed on the first broken invariant of ``call`` on instance ``index``, else update
    the model with the outcome."""
    imp, args, image = call.imp, call.args, call.image
    where = f"{imp.name}{tuple(args)} on instance {index}"
    if outcome.trap:
        raise CallCheckFailed(f"{where}: trapped ({outcome.trap}) (abi/hostile-guest/no-crash)")
    if outcome.error:
        raise CallCheckFailed(f"{where}: host exception escaped ({outcome.error}) (abi/hostile-guest/no-crash)")
    code = outcome.code
    if code not in model.error_values:
        raise CallCheckFailed(f"{where}: returned {code}, not an ErrorCode (abi/error-codes/closed-set)")
    expectation = model.expect(index, imp, args, image)
    if code not in expectation.allowed:
        names = sorted(model.codes(c).name for c in expectation.allowed)
        raise CallCheckFailed(
            f"{where}: returned {model.codes(code).name}, expected one of {names} ({', '.join(expectation.reasons)})"
        )
    region = call.out_slot
    changed = outcome.changed(region)
    if code != model.codes.Success and changed:
        raise CallCheckFailed(
            f"{where}: returned {model.codes(code).name} but wrote {changed} (abi/memory/write-only-on-success)"
        )
    if changed:
        lo, size = region if region is not None else (0, 0)
        outside = [(a, b) for a, b in changed if a < lo or b > lo + size]
        if outside:
            raise CallCheckFailed(
                f"{where}: wrote {outside} outside the out slot [{lo}, {lo + size}) (abi/memory/write-exactly-sizeof)"
            )
    try:
        model.observe(index, imp, args, image, code, outcome.slot(region))
    except ModelViolation as exc:
        raise CallCheckFailed(f"{where}: {exc}") from None
