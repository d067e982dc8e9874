"""The mutant gallery: realistic faulty hosts, each the reference host with one seam subclassed.

Every class here is a complete host with the ReferenceHost constructor shape, so the runner can load it as
``--host python:tests.mutants.gallery_hosts:CLASS``. Each injects one mistake a real host author could make
(the class docstring says which); ``gallery.toml`` names the fixtures expected to catch it. A mutant that
no fixture catches is a hole in the suite, not in the mutant.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

from conformance.json_text import MAX_DEPTH, JsonTextError, loads_strict, nesting_depth
from conformance.manifest import load_manifest
from reference_host import (
    AbiError,
    FutureEntry,
    FutureState,
    FutureTable,
    GuestInstance,
    GuestMemory,
    HiveClient,
    HiveFailure,
    HostConfig,
    MlImports,
    ReferenceHost,
    RunRef,
    TrainingTable,
    encode,
    type_size,
)

U32_MASK = 0xFFFF_FFFF


class Mutant(ReferenceHost):
    """A reference host with replaced seams; subclasses set `imports_seam`, `memory_seam`, `table_seam`,
    `hive_seam`."""

    imports_seam: type[MlImports] = MlImports
    memory_seam: type[GuestMemory] = GuestMemory
    table_seam: type[FutureTable] = FutureTable
    hive_seam: type[HiveClient] = HiveClient

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(
            config,
            imports_class=self.imports_seam,
            memory_class=self.memory_seam,
            table_class=self.table_seam,
            hive_class=self.hive_seam,
        )

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"mutant {type(self).__name__}"


def _align(type_name: str) -> int:
    structs = load_manifest().structs
    return structs[type_name].align if type_name in structs else type_size(type_name)


# ----------------------------------------------------------------------------- argument handling ------
class _SwapFeaturesActions(MlImports):
    def start_common(self, name: str, *args: int, checkpoint: str | None, out_ptr: int) -> str:
        swapped = list(args)
        swapped[7], swapped[8] = swapped[8], swapped[7]
        return super().start_common(name, *swapped, checkpoint=checkpoint, out_ptr=out_ptr)


class SwappedFeaturesActions(Mutant):
    """start_training sends num_features as num_actions and vice versa (parameters read in the wrong order)."""

    imports_seam = _SwapFeaturesActions


class _NulTerminatedLength(GuestMemory):
    def read_str(self, ptr: int, length: int) -> str:
        return super().read_str(ptr, max(length - 1, 0))


class StringLengthOffByOne(Mutant):
    """Strings are read with len - 1 bytes, as if len counted a C string's NUL terminator."""

    memory_seam = _NulTerminatedLength


class _SignedArgs(MlImports):
    def mask_u32(self, value: int) -> int:
        return value


class _SignedBounds(GuestMemory):
    def check_range(self, ptr: int, length: int) -> None:
        if ptr + length > self.size():
            raise AbiError("InvalidArguments", "out of bounds")


class PointerNotMasked(Mutant):
    """i32 pointers are used as wasmtime hands them over (signed) and bounds-checked only at the top."""

    imports_seam = _SignedArgs
    memory_seam = _SignedBounds


class _WrappingBounds(GuestMemory):
    def check_range(self, ptr: int, length: int) -> None:
        if ptr < 0 or (ptr + length) & U32_MASK > self.size():
            raise AbiError("InvalidArguments", "out of bounds")


class WrappingBoundsCheck(Mutant):
    """The bounds check computes ptr + len in u32 arithmetic, so 0xFFFF_FFF0 + 32 wraps to 16 and passes."""

    memory_seam = _WrappingBounds


class _ExactFitRejected(GuestMemory):
    def check_range(self, ptr: int, length: int) -> None:
        if ptr < 0 or length < 0 or ptr + length >= self.size():
            raise AbiError("InvalidArguments", "out of bounds")


class BoundsOffByOne(Mutant):
    """The bounds check uses >= where > is meant: a value in the last bytes of memory is refused."""

    memory_seam = _ExactFitRejected


class _EmptyChecked(GuestMemory):
    def read_bytes(self, ptr: int, length: int) -> bytes:
        self.check_range(ptr, length)
        return super().read_bytes(ptr, length)


class EmptyStringPointerChecked(Mutant):
    """A zero-length string's dangling pointer is bounds-checked (Rust's empty &str may point anywhere)."""

    memory_seam = _EmptyChecked


class _Utf8Lossy(GuestMemory):
    def read_str(self, ptr: int, length: int) -> str:
        return self.read_bytes(ptr, length).decode("utf-8", errors="replace")


class InvalidUtf8Accepted(Mutant):
    """Strings are decoded lossily (U+FFFD for bad bytes) instead of refusing invalid UTF-8."""

    memory_seam = _Utf8Lossy


class _ConfigNotParsed(MlImports):
    def config_json(self, ptr: int, length: int) -> str:
        return self.memory.read_str(ptr, length)


class ConfigJsonNotValidated(Mutant):
    """The config string is forwarded without checking that it is JSON."""

    imports_seam = _ConfigNotParsed


class _AnyPort(MlImports):
    def hive_address(self, url_ptr: int, url_len: int, port: int) -> str:
        url = self.memory.read_str(url_ptr, url_len)
        if not url:
            raise AbiError("InvalidArguments", "empty hive_url")
        return f"http://{url}:{port}"


class PortNotValidated(Mutant):
    """hive_port is used as given: 0 and values above 65535 are accepted."""

    imports_seam = _AnyPort


class _EmptyUrlIsLocalhost(MlImports):
    def hive_address(self, url_ptr: int, url_len: int, port: int) -> str:
        if url_len == 0:
            return f"http://127.0.0.1:{port}"
        return super().hive_address(url_ptr, url_len, port)


class EmptyUrlAccepted(Mutant):
    """An empty hive_url falls back to 127.0.0.1 instead of being InvalidArguments."""

    imports_seam = _EmptyUrlIsLocalhost


class _NoLinkIsEmptyLink(MlImports):
    def start_common(self, name: str, *args: int, checkpoint: str | None, out_ptr: int) -> str:
        saved = self.worker_module_cid
        if saved is None:
            self.worker_module_cid = ""
        try:
            return super().start_common(name, *args, checkpoint=checkpoint, out_ptr=out_ptr)
        finally:
            self.worker_module_cid = saved


class RemoteWorkersWithoutLink(Mutant):
    """A start with remote workers and no worker module link is sent (with an empty cid) instead of refused."""

    imports_seam = _NoLinkIsEmptyLink


class _LinkForgotten(MlImports):
    def set_worker_module_link(self, cid_ptr: int, cid_len: int) -> str:
        self.memory.read_str(cid_ptr, cid_len)
        return "Success"


class WorkerLinkIgnored(Mutant):
    """set_worker_module_link validates the cid and returns Success but never remembers it."""

    imports_seam = _LinkForgotten


class _CheckpointDropped(MlImports):
    def start_training_from_checkpoint(self, *args: int) -> str:
        *common, _checkpoint_ptr, _checkpoint_len, out_ptr = args
        return self.start_common("start_training_from_checkpoint", *common, checkpoint=None, out_ptr=out_ptr)


class CheckpointIgnored(Mutant):
    """start_training_from_checkpoint starts a fresh run: the checkpoint is never sent."""

    imports_seam = _CheckpointDropped


class _RegistryUsesLiveRoute(MlImports):
    def experiment_config_from_registry(
        self, hive_url_ptr: int, hive_url_len: int, hive_port: int, run_id_ptr: int, run_id_len: int, out_ptr: int
    ) -> str:
        base = self.hive_address(hive_url_ptr, hive_url_len, hive_port)
        run_id = self.run_id(run_id_ptr, run_id_len)
        self.memory.check_out(out_ptr, "ExperimentConfigFuture")
        return self.config_futures(out_ptr, lambda: self.fetch_config(self.hive.config, base, run_id))


class RegistryConfigFromLiveRun(Mutant):
    """experiment_config_from_registry asks the live run's config route instead of the registry."""

    imports_seam = _RegistryUsesLiveRoute


class _InvalidArgumentsIsOne(MlImports):
    def finish(self, code_name: str | None) -> int:
        return 1 if code_name == "InvalidArguments" else super().finish(code_name)


class ErrorCodeOutsideSet(Mutant):
    """InvalidArguments is returned as 1, a value ErrorCode does not have."""

    imports_seam = _InvalidArgumentsIsOne


# ----------------------------------------------------------------------------- memory writes ----------
class _WriteBeforeValidate(MlImports):
    def start_common(self, name: str, *args: int, checkpoint: str | None, out_ptr: int) -> str:
        with contextlib.suppress(AbiError):
            self.memory.write_out(out_ptr, "FutureHandle", 0)  # "initialise the output" before validating
        return super().start_common(name, *args, checkpoint=checkpoint, out_ptr=out_ptr)


class WritesOutputOnError(Mutant):
    """start_training zeroes the out-pointer before validating, so a refused call still writes 8 bytes."""

    imports_seam = _WriteBeforeValidate


class _WidePollSimple(GuestMemory):
    def write_out(self, ptr: int, type_name: str, values: int | dict[str, int]) -> None:
        data = encode(type_name, values)
        self.write(ptr, data.ljust(8, b"\0") if type_name == "PollSimple" else data)


class PollSimpleWrittenAs8Bytes(Mutant):
    """PollSimple is written as a u64 (8 bytes) instead of one bool byte."""

    memory_seam = _WidePollSimple


class _TrailingByte(GuestMemory):
    def write_out(self, ptr: int, type_name: str, values: int | dict[str, int]) -> None:
        self.write(ptr, encode(type_name, values) + b"\0")


class WritePastOutputSlot(Mutant):
    """Every output gets one extra (terminating) zero byte after size_of::<T>()."""

    memory_seam = _TrailingByte


class _SwappedConfigFuture(GuestMemory):
    def write_out(self, ptr: int, type_name: str, values: int | dict[str, int]) -> None:
        if type_name == "ExperimentConfigFuture" and isinstance(values, dict):
            values = {"ark_config": values["module_config"], "module_config": values["ark_config"]}
        super().write_out(ptr, type_name, values)


class ExperimentConfigFutureSwapped(Mutant):
    """ExperimentConfigFuture is written with module_config at offset 0 and ark_config at 8."""

    memory_seam = _SwappedConfigFuture


class _SwappedArkConfig(MlImports):
    def take_future_ark_experiment_config(self, handle: int, data_ptr: int) -> str:
        self.memory.check_out(data_ptr, "ArkExperimentConfig")
        value = self.futures.take_future(handle, self.kind("take_future_ark_experiment_config"))
        swapped = {"num_features": value["num_actions"], "num_actions": value["num_features"]}
        self.memory.write_out(data_ptr, "ArkExperimentConfig", swapped)
        return "Success"


class ArkConfigFieldsSwapped(Mutant):
    """take_future_ark_experiment_config writes num_actions at offset 0 and num_features at 4."""

    imports_seam = _SwappedArkConfig


class _PadUntouched(GuestMemory):
    def write_out(self, ptr: int, type_name: str, values: int | dict[str, int]) -> None:
        data = encode(type_name, values)
        if type_name == "PollVec":
            self.write(ptr, data[:1])
            self.write(ptr + 4, data[4:])
            return
        self.write(ptr, data)


class PollVecPadNotWritten(Mutant):
    """PollVec's ready and len are written field by field; the three _pad bytes keep whatever was there."""

    memory_seam = _PadUntouched


class _AlignedOnly(GuestMemory):
    def check_out(self, ptr: int, type_name: str) -> None:
        if ptr % _align(type_name):
            raise AbiError("InvalidArguments", "unaligned out-pointer")
        super().check_out(ptr, type_name)


class UnalignedOutPointerRejected(Mutant):
    """Out-pointers not aligned to T's alignment are refused with InvalidArguments."""

    memory_seam = _AlignedOnly


class _CachedSize(GuestMemory):
    _cached: int | None = None

    def size(self) -> int:
        if self._cached is None:
            self._cached = super().size()
        return self._cached


class MemorySizeCached(Mutant):
    """The memory size is read once and cached, so pages the guest grows later are out of bounds."""

    memory_seam = _CachedSize


class _TruncatingTake(MlImports):
    def take_future_vec_u8(self, handle: int, data_ptr: int, data_len: int) -> str:
        if data_len:
            self.memory.check_range(data_ptr, data_len)
        value = self.futures.take_future(handle, self.kind("take_future_vec_u8"))
        self.memory.write(data_ptr, value[:data_len])
        return "Success"


class TakeVecTruncates(Mutant):
    """take_future_vec_u8 copies min(data_len, len) bytes instead of requiring data_len == len."""

    imports_seam = _TruncatingTake


# ----------------------------------------------------------------------------- futures ----------------
class _TakeKeeps(FutureTable):
    def take_future(self, handle: int, kind: str, check: Callable[[Any], None] | None = None) -> Any:
        state, value = self.lookup(handle, kind).state()
        if state is FutureState.PENDING:
            raise AbiError("Unavailable", "pending")
        if state is FutureState.FAILED:
            raise AbiError("HttpRequestFailed", "failed")
        if check is not None:
            check(value)
        return value


class TakeDoesNotConsume(Mutant):
    """A successful take leaves the handle live: a second take succeeds again."""

    table_seam = _TakeKeeps


class _FailedTakeKeeps(FutureTable):
    def take_future(self, handle: int, kind: str, check: Callable[[Any], None] | None = None) -> Any:
        if self.lookup(handle, kind).state()[0] is FutureState.FAILED:
            raise AbiError("HttpRequestFailed", "failed (handle kept)")
        return super().take_future(handle, kind, check)


class FailedTakeDoesNotConsume(Mutant):
    """take of a failed future reports HttpRequestFailed but keeps the handle."""

    table_seam = _FailedTakeKeeps


class _WaitingPoll(FutureTable):
    WAIT_SECONDS = 0.25

    def poll_future(self, handle: int, kind: str) -> tuple[FutureState, Any]:
        concurrent.futures.wait([self.lookup(handle, kind).job], timeout=self.WAIT_SECONDS)
        return super().poll_future(handle, kind)


class PollBlocks(Mutant):
    """poll waits up to 250 ms for the answer ("saves the guest a frame") instead of returning at once."""

    table_seam = _WaitingPoll


class _PendingTakeNotFound(FutureTable):
    def take_future(self, handle: int, kind: str, check: Callable[[Any], None] | None = None) -> Any:
        if self.lookup(handle, kind).state()[0] is FutureState.PENDING:
            raise AbiError("NotFound", "no result yet")
        return super().take_future(handle, kind, check)


class TakeBeforeReadyNotFound(Mutant):
    """take of a pending future returns NotFound instead of Unavailable."""

    table_seam = _PendingTakeNotFound


class _FailureLooksReady(FutureTable):
    def poll_future(self, handle: int, kind: str) -> tuple[FutureState, Any]:
        state, value = self.lookup(handle, kind).state()
        return (FutureState.READY, value) if state is FutureState.FAILED else (state, value)


class PollHidesFailure(Mutant):
    """poll of a failed future says ready (Success); only the take reports HttpRequestFailed."""

    table_seam = _FailureLooksReady


class _UnknownIsInvalid(FutureTable):
    def lookup(self, handle: int, kind: str | None = None) -> FutureEntry:
        try:
            return super().lookup(handle, kind)
        except AbiError as exc:
            if exc.code == "NotFound":
                raise AbiError("InvalidArguments", "unknown handle") from None
            raise


class UnknownHandleInvalidArguments(Mutant):
    """An unknown handle is InvalidArguments instead of NotFound."""

    table_seam = _UnknownIsInvalid


class _KindBlind(FutureTable):
    def lookup(self, handle: int, kind: str | None = None) -> FutureEntry:
        return super().lookup(handle, None)


class WrongKindAccepted(Mutant):
    """Futures are untyped in the host: any poll/take accepts any live future."""

    table_seam = _KindBlind


class _CountAsHandle(FutureTable):
    def add(self, kind: str, job: concurrent.futures.Future, transform: Callable[[Any], Any] | None = None) -> int:
        handle = len(self._entries) + 1
        self._entries[handle] = FutureEntry(handle, kind, job, transform or (lambda value: value))
        return handle


class HandlesReused(Mutant):
    """A new future's handle is the table size + 1, so after a drop it collides with a live or dead handle."""

    table_seam = _CountAsHandle


class _NoCap(FutureTable):
    def reserve(self, count: int) -> None:
        return None


class NoOutstandingCap(Mutant):
    """No cap on outstanding futures."""

    table_seam = _NoCap


class _DropLeaksSlot(FutureTable):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.leaked = 0

    def drop_future(self, handle: int) -> None:
        self.lookup(handle)
        self._entries.pop(handle)  # forgotten, but its job runs on and its slot is never given back
        self.leaked += 1

    def reserve(self, count: int) -> None:
        if len(self._entries) + self.leaked + count > self.limit:
            raise AbiError("Unavailable", "cap reached")


class DropDoesNotRelease(Mutant):
    """drop_future forgets the handle but neither cancels the work nor frees the cap slot."""

    table_seam = _DropLeaksSlot


class _DropKeeps(FutureTable):
    def drop_future(self, handle: int) -> None:
        self.lookup(handle)


class DropDoesNotInvalidate(Mutant):
    """drop_future returns Success and does nothing: the handle stays usable."""

    table_seam = _DropKeeps


# ----------------------------------------------------------------------------- stop ------------------
class _StopDisconnects(MlImports):
    def stop_experiment(self, context: int) -> str:
        self.sync_request(self.hive.disconnect, self.trainings.lookup(context))
        self.trainings.remove(context)
        return "Success"


class StopLeavesWorkersRunning(Mutant):
    """stop_experiment sends disconnect (ml-v1 semantics): the run's remote workers keep running."""

    imports_seam = _StopDisconnects


class _StopTrainingStops(MlImports):
    def stop_training(self, context: int) -> str:
        self.sync_request(self.hive.stop, self.trainings.lookup(context))
        self.trainings.remove(context)
        return "Success"


class StopTrainingStopsWorkers(Mutant):
    """ml-v1 stop_training stops the whole run, remote workers included, instead of only disconnecting."""

    imports_seam = _StopTrainingStops


class _StopKeepsHandle(MlImports):
    def stop_experiment(self, context: int) -> str:
        self.sync_request(self.hive.stop, self.trainings.lookup(context))
        return "Success"


class StopKeepsHandle(Mutant):
    """stop_experiment leaves the TrainingHandle valid after a successful stop."""

    imports_seam = _StopKeepsHandle


class _StopForgetsFirst(MlImports):
    def stop_experiment(self, context: int) -> str:
        run = self.trainings.lookup(context)
        self.trainings.remove(context)
        self.sync_request(self.hive.stop, run)
        return "Success"


class StopFailureLosesHandle(Mutant):
    """stop_experiment forgets the handle before the request, so a failed stop cannot be retried."""

    imports_seam = _StopForgetsFirst


class _IdempotentStopTraining(MlImports):
    def stop_training(self, context: int) -> str:
        try:
            return super().stop_training(context)
        except AbiError as exc:
            if exc.code == "NotFound":
                return "Success"  # "already stopped": treated as done
            raise


class StopTrainingUnknownSucceeds(Mutant):
    """stop_training of a handle the instance does not hold returns Success ("already stopped")."""

    imports_seam = _IdempotentStopTraining


class _DropReportsFailure(FutureTable):
    def drop_future(self, handle: int) -> None:
        if self.lookup(handle).state()[0] is FutureState.FAILED:
            self._remove(handle)
            raise AbiError("HttpRequestFailed", "dropped a failed future")
        super().drop_future(handle)


class DropOfFailedFutureFails(Mutant):
    """drop_future of a failed future frees it but reports the failure (HttpRequestFailed) instead of Success."""

    table_seam = _DropReportsFailure


class _EmptyCheckpointKept(MlImports):
    def start_training_from_checkpoint(self, *args: int) -> str:
        *common, checkpoint_ptr, checkpoint_len, out_ptr = args
        checkpoint = self.memory.read_str(checkpoint_ptr, checkpoint_len)
        return self.start_common("start_training_from_checkpoint", *common, checkpoint=checkpoint, out_ptr=out_ptr)


class EmptyCheckpointSentAsString(Mutant):
    """An empty checkpoint is sent as "" instead of null, so the hive looks for a checkpoint named ""."""

    imports_seam = _EmptyCheckpointKept


class _EmptyCidKeepsLink(MlImports):
    def set_worker_module_link(self, cid_ptr: int, cid_len: int) -> str:
        cid = self.memory.read_str(cid_ptr, cid_len)
        if cid:
            self.worker_module_cid = cid
        return "Success"


class EmptyCidDoesNotClear(Mutant):
    """set_worker_module_link with an empty cid is ignored instead of clearing the link."""

    imports_seam = _EmptyCidKeepsLink


class _ConfigRequestPerFuture(MlImports):
    def config_futures(self, out_ptr: int, job: Callable[[], dict[str, Any]]) -> str:
        self.futures.reserve(2)
        (ark,) = self.create_futures(
            job, [("ark_experiment_config", lambda c: {k: c[k] for k in ("num_features", "num_actions")})]
        )
        (module,) = self.create_futures(job, [("vec_u8", lambda c: c["config"].encode("utf-8"))])
        self.memory.write_out(out_ptr, "ExperimentConfigFuture", {"ark_config": ark, "module_config": module})
        return "Success"


class ConfigRequestPerFuture(Mutant):
    """experiment_config sends one GET .../config per future (two requests) instead of one feeding both."""

    imports_seam = _ConfigRequestPerFuture


# ----------------------------------------------------------------------------- teardown -----------------
class _CloseKeepsRequests(HiveClient):
    def submit(self, fn: Any, *args: Any) -> concurrent.futures.Future:
        return self._executor.submit(fn, *args)  # cancelling a running job does not stop its request

    def close(self) -> None:
        return None  # the instance goes, its HTTP client and in-flight requests stay


class CloseLeavesRequestsRunning(Mutant):
    """Closing a guest instance frees its futures but leaves its in-flight hive requests running until they
    time out (a long timeout here, as on a real host, so only cancellation can end them in time)."""

    hive_seam = _CloseKeepsRequests

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(dataclasses.replace(config or HostConfig(), request_timeout_seconds=30.0))


# ----------------------------------------------------------------------------- download cap -------------
def _with_download_cap(config: HostConfig | None, change: Callable[[int], int]) -> HostConfig:
    config = config or HostConfig()
    return dataclasses.replace(config, max_download_bytes=change(config.max_download_bytes))


class NoDownloadCap(Mutant):
    """Downloads are unbounded: a snapshot of any size is read into host memory and handed to the guest."""

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(_with_download_cap(config, lambda cap: 1 << 40))


class DownloadCapExclusive(Mutant):
    """The cap is checked with >= instead of >: a download of exactly the cap already fails."""

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(_with_download_cap(config, lambda cap: cap - 1))


# ----------------------------------------------------------------------------- run ids ------------------
class _EmptyRunIdSent(MlImports):
    def run_id(self, ptr: int, length: int) -> str:
        return self.memory.read_str(ptr, length)  # "" goes to the hive as .../runs//...


class EmptyRunIdAccepted(Mutant):
    """An empty run_id is sent to the hive instead of being refused as InvalidArguments."""

    imports_seam = _EmptyRunIdSent


# ----------------------------------------------------------------------------- hard values (issue 12) ---
def _as_i32(value: int) -> int:
    return value - (1 << 32) if value >= 1 << 31 else value


class _SignedCounts(MlImports):
    def start_common(self, name: str, *args: int, checkpoint: str | None, out_ptr: int) -> str:
        args_list = list(args)
        args_list[7], args_list[8] = _as_i32(args_list[7]), _as_i32(args_list[8])  # num_features, num_actions
        return super().start_common(name, *args_list, checkpoint=checkpoint, out_ptr=out_ptr)


class SignedCounts(Mutant):
    """num_features and num_actions are read as i32: 2^31 + 7 features reach the hive as a negative number."""

    imports_seam = _SignedCounts


class _SignedLengths(GuestMemory):
    def read_str(self, ptr: int, length: int) -> str:
        # like JavaScript's subarray(ptr, ptr + len) with a negative len: an empty view, no error
        return super().read_str(ptr, max(_as_i32(length), 0))


class SignedStringLengths(Mutant):
    """String lengths are read as i32; a length of 2^31 + n is negative and reads as the empty string."""

    memory_seam = _SignedLengths


class _Truncating(MlImports):
    def mask_u64(self, value: int) -> int:
        return value & U32_MASK


class HandlesTruncatedTo32Bits(Mutant):
    """Handles are looked up by their low 32 bits: handle | 1 << 32 finds the live handle."""

    imports_seam = _Truncating


class _RecyclingTable(FutureTable):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self._free: list[int] = []

    def add(self, kind: str, job: concurrent.futures.Future, transform: Callable[[Any], Any] | None = None) -> int:
        if len(self._free) < 2:  # a value is recycled once another has been freed after it
            return super().add(kind, job, transform)
        handle = self._free.pop(0)
        self._entries[handle] = FutureEntry(handle, kind, job, transform or (lambda value: value))
        return handle

    def _remove(self, handle: int) -> None:
        super()._remove(handle)
        self._free.append(handle)


class HandlesRecycled(Mutant):
    """A consumed or dropped handle value is handed out again (a FIFO free list, used once two are free)."""

    table_seam = _RecyclingTable


class _PerInstanceCounter(FutureTable):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self._next = 0

    def add(self, kind: str, job: concurrent.futures.Future, transform: Callable[[Any], Any] | None = None) -> int:
        self._next += 1
        self._entries[self._next] = FutureEntry(self._next, kind, job, transform or (lambda value: value))
        return self._next


class PerInstanceHandleCounter(Mutant):
    """Each instance numbers its futures from 1: another instance's live handle names one of this one's."""

    table_seam = _PerInstanceCounter


class _HostWideTable(FutureTable):
    _shared: ClassVar[dict[int, FutureEntry]] = {}

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self._entries = self._shared
        self._own: set[int] = set()

    def add(self, kind: str, job: concurrent.futures.Future, transform: Callable[[Any], Any] | None = None) -> int:
        handle = super().add(kind, job, transform)
        self._own.add(handle)
        return handle

    def close(self) -> None:
        for handle in self._own & self._shared.keys():
            self._remove(handle)


class HostWideFutureTable(Mutant):
    """One future table for the whole host: any instance can poll, take or drop another instance's futures."""

    table_seam = _HostWideTable


class _DropKeepsWork(FutureTable):
    def drop_future(self, handle: int) -> None:
        self.lookup(handle)
        del self._entries[handle]  # forgotten, but its request runs on


class DropDoesNotCancel(Mutant):
    """drop_future frees the handle but lets the pending hive request run to its end."""

    table_seam = _DropKeepsWork


class _ReencodedConfig(MlImports):
    def config_json(self, ptr: int, length: int) -> str:
        return json.dumps(json.loads(super().config_json(ptr, length)), separators=(",", ":"))


class ConfigReencoded(Mutant):
    """config is validated by parsing and the re-encoded text is sent instead of the guest's string."""

    imports_seam = _ReencodedConfig


class _CidOnlyWithWorkers(MlImports):
    def start_common(self, name: str, *args: int, checkpoint: str | None, out_ptr: int) -> str:
        if args[9] == 0:  # num_remote_workers: no workers, so "no need" for the cid
            saved, self.worker_module_cid = self.worker_module_cid, None
            try:
                return super().start_common(name, *args, checkpoint=checkpoint, out_ptr=out_ptr)
            finally:
                self.worker_module_cid = saved
        return super().start_common(name, *args, checkpoint=checkpoint, out_ptr=out_ptr)


class CidOnlyWithWorkers(Mutant):
    """worker_module_cid is sent only when num_remote_workers > 0 (null with 0 workers and a link set)."""

    imports_seam = _CidOnlyWithWorkers


# ----------------------------------------------------------------------------- settled choices (issue 12) --
class _LooseHiveUrl(MlImports):
    def hive_address(self, url_ptr: int, url_len: int, port: int) -> str:
        url = self.memory.read_str(url_ptr, url_len)
        if not url or not 1 <= port <= 65535:
            raise AbiError("InvalidArguments", f"bad hive address {url!r}:{port}")
        try:
            parsed = httpx.URL(f"http://{url}:{port}")  # whatever the HTTP library accepts (and escapes)
        except (httpx.InvalidURL, ValueError):
            raise AbiError("InvalidArguments", f"bad hive address {url!r}") from None
        if not parsed.host or (parsed.port or 80) != port or parsed.raw_path not in (b"", b"/") or parsed.userinfo:
            raise AbiError("InvalidArguments", f"hive_url {url!r} is not a host name")
        return f"http://{url}:{port}"


class HiveUrlAsHttpxParsesIt(Mutant):
    """hive_url is whatever httpx parses as a host: 'a b', '%41' and non-ASCII names are accepted."""

    imports_seam = _LooseHiveUrl


class _CapCountsCalls(FutureTable):
    def reserve(self, count: int) -> None:
        super().reserve(1)  # one call, one slot: experiment_config's second future goes over the cap


class CapCountsCallsNotFutures(Mutant):
    """The outstanding-futures cap counts calls: experiment_config fits when one slot is free."""

    table_seam = _CapCountsCalls


class _LengthBeforeFailure(MlImports):
    def take_future_vec_u8(self, handle: int, data_ptr: int, data_len: int) -> str:
        state, _ = self.futures.lookup(handle, "vec_u8").state()
        if state is FutureState.FAILED and data_len != 0:  # a failed future "has length 0"
            raise AbiError("InvalidArguments", "data_len != 0")
        return super().take_future_vec_u8(handle, data_ptr, data_len)


class VecLengthCheckedBeforeFailure(Mutant):
    """take_future_vec_u8 compares data_len with a failed future's (empty) value before reporting the failure."""

    imports_seam = _LengthBeforeFailure


class _Any2xxStop(HiveClient):
    def stop(self, base_url: str, run_id: str) -> dict[str, Any]:
        self.request_bytes("POST", base_url, f"/api/v1/runs/{run_id}/stop", {})
        return {}  # any 2xx is success, whatever the body


class StopAcceptsAny2xxBody(Mutant):
    """A 2xx stop answer counts as success even when its body is not JSON: the handle is invalidated."""

    hive_seam = _Any2xxStop


class _TrainingHandleIsFuture(MlImports):
    def take_future_training_handle(self, handle: int, data_ptr: int) -> str:
        self.memory.check_out(data_ptr, "TrainingHandle")
        run = self.futures.take_future(handle, self.kind("take_future_training_handle"))
        self.trainings._runs[handle] = run  # the future's value lives on as the TrainingHandle
        self.memory.write_out(data_ptr, "TrainingHandle", handle)
        return "Success"


class TrainingHandleIsFutureHandle(Mutant):
    """A TrainingHandle keeps the value of the future it was taken from (one value, two meanings)."""

    imports_seam = _TrainingHandleIsFuture


class _CapConsumes(MlImports):
    def take_future_training_handle(self, handle: int, data_ptr: int) -> str:
        self.memory.check_out(data_ptr, "TrainingHandle")
        run = self.futures.take_future(handle, self.kind("take_future_training_handle"))  # consumed first
        self.memory.write_out(data_ptr, "TrainingHandle", self.trainings.add(run))  # then Unavailable at the cap
        return "Success"


class TrainingCapConsumesFuture(Mutant):
    """At the TrainingHandle cap the take returns Unavailable but has already consumed the future."""

    imports_seam = _CapConsumes


# --- audit-a mutants ---
# Hard values of the ABI-wide clauses (issue 12 audit): each passes the corpus as it was before its fixture.
class _Utf8SurrogatesAccepted(GuestMemory):
    def read_str(self, ptr: int, length: int) -> str:
        try:  # a CESU-8/WTF-8 style decoder: well-formed surrogate sequences pass
            return self.read_bytes(ptr, length).decode("utf-8", errors="surrogatepass")
        except UnicodeDecodeError:
            raise AbiError("InvalidArguments", "string is not valid UTF-8") from None


class Utf8SurrogatesAccepted(Mutant):
    """A &str holding a surrogate encoded as UTF-8 (ED A0 80) is accepted, as a WTF-8 decoder would."""

    memory_seam = _Utf8SurrogatesAccepted


class _PortMaxRejected(MlImports):
    def hive_address(self, url_ptr: int, url_len: int, port: int) -> str:
        if port >= 65535:  # off by one: the range is taken as 1..65535 exclusive
            raise AbiError("InvalidArguments", f"bad hive port {port}")
        return super().hive_address(url_ptr, url_len, port)


class PortMaxRejected(Mutant):
    """hive_port 65535, the last valid port, is rejected as out of range."""

    imports_seam = _PortMaxRejected


class _PerInstanceTrainingCounter(TrainingTable):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self._next = 1 << 40  # clear of the futures' values, but the same in every instance

    def add(self, run: RunRef) -> int:
        self.check_room()
        self._next += 1
        self._runs[self._next] = run
        return self._next


def _trainings_seam(table: type[TrainingTable]) -> type[MlImports]:
    """MlImports whose instance keeps its TrainingHandles in `table` (TrainingTable is not a host seam)."""

    class _Imports(MlImports):
        def __init__(self, instance: Any) -> None:
            instance.trainings = table(instance.trainings.limit)
            super().__init__(instance)

    return _Imports


class PerInstanceTrainingCounter(Mutant):
    """Each instance numbers its TrainingHandles from the same base: another instance's value names its own."""

    imports_seam = _trainings_seam(_PerInstanceTrainingCounter)


class _StructsWrittenAligned(GuestMemory):
    def write_out(self, ptr: int, type_name: str, values: int | dict[str, int]) -> None:
        if type_name in load_manifest().structs:  # struct fields go through a 32-bit view, HEAP32[ptr >> 2]
            ptr -= ptr % 4
        super().write_out(ptr, type_name, values)


class UnalignedStructRoundedDown(Mutant):
    """A struct out-pointer is rounded down to a multiple of 4 (struct fields written through a 32-bit
    view; the 8-byte handles are written byte-wise)."""

    memory_seam = _StructsWrittenAligned


class HostWideFutureCap(Mutant):
    """The outstanding-futures cap counts every instance's futures on the host, not the calling instance's."""

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(config)
        tables: list[FutureTable] = []  # this host's live tables (per host object: parallel cases stay apart)

        class _HostWideCap(FutureTable):
            def __init__(self, limit: int) -> None:
                super().__init__(limit)
                tables.append(self)

            def reserve(self, count: int) -> None:
                if sum(len(t) for t in tables) + count > self.limit:
                    raise AbiError("Unavailable", "futures cap reached (host-wide)")

            def close(self) -> None:
                super().close()
                tables.remove(self)

        self.table_class = _HostWideCap


class _VecCopiedByteWise(MlImports):
    def take_future_vec_u8(self, handle: int, data_ptr: int, data_len: int) -> str:
        def exact_length(value: bytes) -> None:
            if len(value) != data_len:
                raise AbiError("InvalidArguments", f"data_len {data_len} != {len(value)}")

        value = self.futures.take_future(handle, self.kind("take_future_vec_u8"), exact_length)
        for i, byte in enumerate(value):  # no range check up front: each byte's write checks its own
            self.memory.write(data_ptr + i, bytes([byte]))
        return "Success"


class VecCopiedUntilMemoryEnds(Mutant):
    """take_future_vec_u8 copies byte by byte and fails at the first byte past memory, after writing the rest."""

    imports_seam = _VecCopiedByteWise


class _SlashKept(HiveClient):
    def connect(self, base_url: str, run_id: str) -> dict[str, Any]:
        return self.request_json("POST", base_url, f"/api/v1/runs/{quote(run_id)}/connect", {})  # safe="/"

    def config(self, base_url: str, run_id: str) -> dict[str, Any]:
        return self.request_json("GET", base_url, f"/api/v1/runs/{quote(run_id)}/config")


class RunIdSlashNotEncoded(Mutant):
    """run_id is percent-encoded with urllib's default quote, which keeps '/': the path names no route."""

    hive_seam = _SlashKept


class _AnyJsonAnswer(HiveClient):
    def request_json(self, method: str, base_url: str, path: str, body: dict[str, Any] | None = None) -> dict:
        raw = self.request_bytes(method, base_url, path, body)
        try:
            return json.loads(raw.decode("utf-8"))  # any JSON value, not only an object
        except (UnicodeDecodeError, ValueError) as exc:
            raise HiveFailure(f"{method} {path}: body is not JSON ({exc})") from None


class AnswerNotCheckedForObject(Mutant):
    """A 2xx answer that is JSON but not an object counts as success (stop reads none of its fields)."""

    hive_seam = _AnyJsonAnswer


# --- audit-b mutants ---
# Per-import hard values (issue 12 audit): each one passes the corpus without its fixture.
class _AnsweredRunId(MlImports):
    def connect_run(self, base_url: str, run_id: str) -> RunRef:
        answer = self.hive.connect(base_url, run_id)
        return RunRef(base_url, str(answer.get("run_id", run_id)))  # follows whatever run the hive names


class ConnectUsesAnsweredRunId(Mutant):
    """connect_to_experiment's TrainingHandle stands for the run_id of the hive's answer, not the requested one."""

    imports_seam = _AnsweredRunId


class _SignedWorkerCount(MlImports):
    def start_common(self, name: str, *args: int, checkpoint: str | None, out_ptr: int) -> str:
        args_list = list(args)
        args_list[9] = _as_i32(args_list[9])  # num_remote_workers: 2^31 is "negative", so "no workers"
        return super().start_common(name, *args_list, checkpoint=checkpoint, out_ptr=out_ptr)


class SignedWorkerCount(Mutant):
    """num_remote_workers is read as i32: 2^31 workers skip the link check and reach the hive negative."""

    imports_seam = _SignedWorkerCount


class _DepthOffByOne(MlImports):
    def config_json(self, ptr: int, length: int) -> str:
        config = super().config_json(ptr, length)
        if nesting_depth(config) >= MAX_DEPTH:  # "at most 128" read as "less than 128"
            raise AbiError("InvalidArguments", "config nested too deep")
        return config


class ConfigDepthOffByOne(Mutant):
    """The config depth limit is exclusive: a config nested exactly 128 levels is rejected."""

    imports_seam = _DepthOffByOne


class _TrailingDataAccepted(MlImports):
    def config_json(self, ptr: int, length: int) -> str:
        config = self.memory.read_str(ptr, length)
        text = config.lstrip()
        if nesting_depth(text) > MAX_DEPTH:
            return super().config_json(ptr, length)  # too deep: rejected as the reference host does
        try:  # like a streaming parser that stops after the first value (JSONDecoder.raw_decode)
            _, end = json.JSONDecoder().raw_decode(text)
            loads_strict(text[:end])  # the first value itself is checked strictly (NaN, depth)
        except (ValueError, JsonTextError):
            return super().config_json(ptr, length)
        return config


class ConfigTrailingDataAccepted(Mutant):
    """config is parsed up to the end of its first value: '{"a":1}x' and '{} {}' are accepted."""

    imports_seam = _TrailingDataAccepted


class _ConfigMustBeObject(MlImports):
    def config_json(self, ptr: int, length: int) -> str:
        config = super().config_json(ptr, length)
        if not isinstance(json.loads(config), dict):  # "a config is a JSON object"
            raise AbiError("InvalidArguments", "config is not a JSON object")
        return config


class ConfigMustBeObject(Mutant):
    """config must be a JSON object: a top-level array, string or number (valid JSON texts) is rejected."""

    imports_seam = _ConfigMustBeObject


class _LinkPerModule(MlImports):
    def _key(self) -> str:
        return self.instance.module_key  # type: ignore[attr-defined]  # set by WorkerLinkPerModule

    def set_worker_module_link(self, cid_ptr: int, cid_len: int) -> str:
        code = super().set_worker_module_link(cid_ptr, cid_len)
        self.instance.host.links[self._key()] = self.worker_module_cid  # type: ignore[attr-defined]
        return code

    def start_common(self, name: str, *args: int, checkpoint: str | None, out_ptr: int) -> str:
        self.worker_module_cid = self.instance.host.links.get(self._key())  # type: ignore[attr-defined]
        return super().start_common(name, *args, checkpoint=checkpoint, out_ptr=out_ptr)


class WorkerLinkPerModule(Mutant):
    """The worker module link is remembered per guest module, not per instance (the doc's 'current module'
    read literally): two instances of one module share it."""

    imports_seam = _LinkPerModule

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(config)
        self.links: dict[str, str | None] = {}

    def instantiate(self, wasm_bytes: bytes) -> GuestInstance:
        instance = super().instantiate(wasm_bytes)
        instance.module_key = hashlib.sha256(bytes(wasm_bytes)).hexdigest()  # type: ignore[attr-defined]
        return instance


class _SynchronousConnect(MlImports):
    def single_future(self, name: str, out_ptr: int, job: Callable[[], Any]) -> str:
        if name != "connect_to_experiment":
            return super().single_future(name, out_ptr, job)
        self.memory.check_out(out_ptr, "FutureHandle")
        self.futures.reserve(1)  # the cap is still checked before anything is sent
        try:  # "connect" done in the call; the future only hands over an outcome that is already there
            run = job()
        except HiveFailure as exc:
            failure = exc

            def outcome() -> Any:
                raise failure

        else:
            outcome = lambda: run  # noqa: E731
        return super().single_future(name, out_ptr, outcome)


class ConnectIsSynchronous(Mutant):
    """connect_to_experiment sends POST .../connect inside the call and returns an already resolved future."""

    imports_seam = _SynchronousConnect


class _HostWideTrainings(MlImports):
    def __init__(self, instance: GuestInstance) -> None:
        super().__init__(instance)
        host = instance.host
        if not hasattr(host, "shared_trainings"):
            host.shared_trainings = instance.trainings  # type: ignore[attr-defined]  # the first instance's
        self.trainings = host.shared_trainings  # type: ignore[attr-defined]


class HostWideTrainingTable(Mutant):
    """TrainingHandles live in one table per host: an instance can stop or query another instance's run."""

    imports_seam = _HostWideTrainings


class _SignedHiveCounts(MlImports):
    def fetch_config(self, fetch: Callable[[str, str], dict[str, Any]], base_url: str, run_id: str) -> dict:
        config = super().fetch_config(fetch, base_url, run_id)
        for key in ("num_features", "num_actions"):
            if config[key] > 0x7FFF_FFFF:  # deserialized into an i32
                raise HiveFailure(f"{key} {config[key]} does not fit an i32")
        return config


class HiveCountsReadAsI32(Mutant):
    """The hive's num_features / num_actions are read as i32: a run with 2^31 or more fails the config future."""

    imports_seam = _SignedHiveCounts


class _Latin1Config(MlImports):
    def create_futures(self, job: Callable[[], Any], kinds: list[tuple[str, Callable[[Any], Any]]]) -> list[int]:
        def one_byte_per_char(c: dict[str, Any]) -> bytes:
            return c["config"].encode("latin-1", "replace")  # like Buffer.from(config, 'latin1')

        config_call = len(kinds) == 2  # experiment_config*: the only calls that make two futures
        kinds = [(kind, one_byte_per_char) if kind == "vec_u8" and config_call else (kind, t) for kind, t in kinds]
        return super().create_futures(job, kinds)


class ConfigBytesOnePerChar(Mutant):
    """module_config holds one byte per character of the config (Latin-1), not its UTF-8 bytes."""

    imports_seam = _Latin1Config
