"""The properties themselves, as functions of a world, so tests can run them on the reference host and on
mutants (a property that cannot fail on a broken host proves nothing)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from conformance.fuzz.strategies import call_plans
from conformance.fuzz.world import World
from conformance.manifest import Import


def any_call_keeps_invariants(world: World, imp: Import) -> Callable[[], None]:
    """Any raw arguments to ``imp``: documented code, no trap, no stray write (checks.check_call)."""
    plans = call_plans(imp, world.context(0))

    @given(plans)
    def prop(plan):
        world.reset()
        world.call(0, plan)

    return prop


def two_instances_any_calls(world: World, imps: tuple[Import, ...]) -> Callable[[], None]:
    """Short sequences over both instances with the handles they really hold (drawn per step)."""

    @given(st.data())
    def prop(data):
        world.reset()
        for _ in range(data.draw(st.integers(1, 6), label="steps")):
            index = data.draw(st.integers(0, world.n - 1), label="instance")
            imp = data.draw(st.sampled_from(imps), label="import")
            if data.draw(st.booleans(), label="settle"):
                world.settle()
            mode = data.draw(st.sampled_from(["valid", "any"]), label="mode")
            world.call(index, data.draw(call_plans(imp, world.context(index), mode), label=imp.name))

    return prop
