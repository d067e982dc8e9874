"""The host functions: one method per manifest import, named after the Rust fn.

Every method takes the import's lowered Wasm parameters (already masked to unsigned by :meth:`dispatch`)
and returns an ErrorCode name or raises :class:`AbiError`. The small helpers (`mask_u32`,
`hive_address`, `run_id`, `config_json`, `create_futures`, ...) are the seams that mutants override.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

import httpx

from conformance.json_text import JsonTextError, loads_strict

from ._abi import AbiError, code_value, manifest
from .futures import FutureState, RunRef
from .hive_client import HiveFailure

if TYPE_CHECKING:
    from conformance.manifest import Import

    from .host import GuestInstance

log = logging.getLogger(__name__)

U32_MASK = 0xFFFF_FFFF
U64_MASK = 0xFFFF_FFFF_FFFF_FFFF
SUCCESS = "Success"


def _u32_field(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if type(value) is not int or not 0 <= value <= U32_MASK:
        raise HiveFailure(f"field {name!r} is not a u32: {value!r}")
    return value


def _str_field(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise HiveFailure(f"field {name!r} is not a string: {value!r}")
    return value


# hive/url-grammar: an IPv6 literal in brackets, or unreserved ASCII (RFC 3986) - an IPv4 address is one
HOST_GRAMMAR = re.compile(r"\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+")


MAX_KEPT_HOST = 253  # a DNS name's longest: longer hive_url values are checked as usual, never kept


def hive_base_url(url: str, port: int) -> str:
    """http://{url}:{port} if `url` is a bare host name and `port` in 1..65535, else InvalidArguments.

    A pure function of its arguments, so the answer is kept: parsing the URL cost more than the rest of
    an import's argument checks, and a guest passes the same address again and again. A refusal is not
    kept (lru_cache never stores an exception), and neither is a name longer than MAX_KEPT_HOST: a hostile
    guest must not make the host hold on to megabytes of hive_url.
    """
    return (_kept_base_url if len(url) <= MAX_KEPT_HOST else _base_url)(url, port)


def _base_url(url: str, port: int) -> str:
    if not url or not 1 <= port <= 65535:
        raise AbiError("InvalidArguments", f"bad hive address {url!r}:{port}")
    if not HOST_GRAMMAR.fullmatch(url):  # hive/url-grammar: before any URL library escapes it
        raise AbiError("InvalidArguments", f"hive_url {url!r} is not a bare host name")
    base = f"http://{url}:{port}"
    try:
        parsed = httpx.URL(base)
    except (httpx.InvalidURL, ValueError):
        raise AbiError("InvalidArguments", f"bad hive address {url!r}") from None
    if not parsed.host or (parsed.port or 80) != port or parsed.raw_path not in (b"", b"/") or parsed.userinfo:
        raise AbiError("InvalidArguments", f"hive_url {url!r} is not a host name")
    return base


_kept_base_url = functools.lru_cache(maxsize=256)(_base_url)


class MlImports:
    """The ark-ml-v2 / ark-ml-v1 imports for one guest instance."""

    def __init__(self, instance: GuestInstance) -> None:
        self.instance = instance
        self.memory = instance.memory
        self.futures = instance.futures
        self.trainings = instance.trainings
        self.hive = instance.hive
        self.worker_module_cid: str | None = None

    # -- dispatch ----------------------------------------------------------------------------------
    def dispatch(self, imp: Import, raw_args: tuple[int, ...]) -> int:
        """Call the method for `imp` with masked args; map the outcome to a code in the closed set."""
        try:
            args = self.lower_args(imp, raw_args)
            outcome = getattr(self, imp.name)(*args)
            return self.finish(outcome)
        except AbiError as exc:
            return self.finish(exc.code)
        except Exception:
            log.exception("host fault in %s", imp.key)
            return code_value("InternalError")

    def lower_args(self, imp: Import, raw_args: tuple[int, ...]) -> list[int]:
        """wasmtime hands i32/i64 over signed; the ABI's are all unsigned (abi/pointers/unsigned)."""
        return [
            self.mask_u64(arg) if param.wasm == "i64" else self.mask_u32(arg)
            for param, arg in zip(imp.params, raw_args, strict=True)
        ]

    def mask_u32(self, value: int) -> int:
        return value & U32_MASK

    def mask_u64(self, value: int) -> int:
        return value & U64_MASK

    def finish(self, code_name: str | None) -> int:
        """The value of ErrorCode `code_name`; anything that is not a manifest code is InternalError."""
        try:
            value = code_value(code_name or SUCCESS)
        except KeyError:
            log.error("import produced unknown code %r", code_name)
            return code_value("InternalError")
        return value if value in manifest().allowed_error_values else code_value("InternalError")

    # -- argument helpers --------------------------------------------------------------------------
    def hive_address(self, url_ptr: int, url_len: int, port: int) -> str:
        """The hive's base URL http://{hive_url}:{hive_port}; empty url or bad port is InvalidArguments."""
        return hive_base_url(self.memory.read_str(url_ptr, url_len), port)

    def run_id(self, ptr: int, length: int) -> str:
        run_id = self.memory.read_str(ptr, length)
        if not run_id:
            raise AbiError("InvalidArguments", "empty run_id")
        return run_id

    def config_json(self, ptr: int, length: int) -> str:
        """The config string, which must be strict JSON nested at most MAX_DEPTH levels (sent unmodified;
        clause ml-v2/start_training/config-json-grammar)."""
        config = self.memory.read_str(ptr, length)
        try:
            loads_strict(config)
        except JsonTextError as exc:
            raise AbiError("InvalidArguments", f"config: {exc}") from None
        return config

    # -- futures -----------------------------------------------------------------------------------
    def create_futures(self, job: Callable[[], Any], kinds: list[tuple[str, Callable[[Any], Any]]]) -> list[int]:
        """Check the cap, start `job` in the background, and register one future per (kind, transform)."""
        self.futures.reserve(len(kinds))
        background: Future = self.hive.submit(job)
        return [self.futures.add(kind, background, transform) for kind, transform in kinds]

    def single_future(self, name: str, out_ptr: int, job: Callable[[], Any]) -> str:
        """Import `name` creates one future of its manifest kind (`future`), handle written at out_ptr."""
        imp = manifest().import_named(name)
        assert imp.future is not None and imp.out_type is not None, f"{name} creates no future"
        self.memory.check_out(out_ptr, imp.out_type)
        (handle,) = self.create_futures(job, [(imp.future, lambda value: value)])
        self.memory.write_out(out_ptr, imp.out_type, handle)
        return SUCCESS

    def config_futures(self, out_ptr: int, job: Callable[[], dict[str, Any]]) -> str:
        """Two futures fed by one config request (ExperimentConfigFuture)."""
        ark, module = self.create_futures(
            job,
            [
                ("ark_experiment_config", lambda c: {k: c[k] for k in ("num_features", "num_actions")}),
                ("vec_u8", lambda c: c["config"].encode("utf-8")),
            ],
        )
        self.memory.write_out(out_ptr, "ExperimentConfigFuture", {"ark_config": ark, "module_config": module})
        return SUCCESS

    def fetch_config(self, fetch: Callable[[str, str], dict[str, Any]], base_url: str, run_id: str) -> dict:
        data = fetch(base_url, run_id)
        return {
            "num_features": _u32_field(data, "num_features"),
            "num_actions": _u32_field(data, "num_actions"),
            "config": _str_field(data, "config"),
        }

    def start_run(self, base_url: str, body: dict[str, Any]) -> RunRef:
        return RunRef(base_url, _str_field(self.hive.start(base_url, body), "run_id"))

    def connect_run(self, base_url: str, run_id: str) -> RunRef:
        self.hive.connect(base_url, run_id)
        return RunRef(base_url, run_id)

    # -- ark-ml-v2 ---------------------------------------------------------------------------------
    def set_worker_module_link(self, cid_ptr: int, cid_len: int) -> str:
        cid = self.memory.read_str(cid_ptr, cid_len)
        self.worker_module_cid = cid or None
        return SUCCESS

    def connect_to_experiment(
        self, hive_url_ptr: int, hive_url_len: int, hive_port: int, run_id_ptr: int, run_id_len: int, out_ptr: int
    ) -> str:
        base = self.hive_address(hive_url_ptr, hive_url_len, hive_port)
        run_id = self.run_id(run_id_ptr, run_id_len)
        return self.single_future("connect_to_experiment", out_ptr, lambda: self.connect_run(base, run_id))

    def start_training(self, *args: int) -> str:
        *common, out_ptr = args
        return self.start_common("start_training", *common, checkpoint=None, out_ptr=out_ptr)

    def start_training_from_checkpoint(self, *args: int) -> str:
        *common, checkpoint_ptr, checkpoint_len, out_ptr = args
        checkpoint = self.memory.read_str(checkpoint_ptr, checkpoint_len)
        name = "start_training_from_checkpoint"
        return self.start_common(name, *common, checkpoint=checkpoint or None, out_ptr=out_ptr)

    def start_common(
        self,
        name: str,
        hive_url_ptr: int,
        hive_url_len: int,
        hive_port: int,
        game_name_ptr: int,
        game_name_len: int,
        experiment_name_ptr: int,
        experiment_name_len: int,
        num_features: int,
        num_actions: int,
        num_remote_workers: int,
        config_ptr: int,
        config_len: int,
        *,
        checkpoint: str | None,
        out_ptr: int,
    ) -> str:
        """start_training and start_training_from_checkpoint: validate everything, then POST in the background."""
        base = self.hive_address(hive_url_ptr, hive_url_len, hive_port)
        body = {
            "game_name": self.memory.read_str(game_name_ptr, game_name_len),
            "experiment_name": self.memory.read_str(experiment_name_ptr, experiment_name_len),
            "num_features": num_features,
            "num_actions": num_actions,
            "num_remote_workers": num_remote_workers,
            "config": self.config_json(config_ptr, config_len),
            "checkpoint": checkpoint,
            "worker_module_cid": self.worker_module_cid,
        }
        if num_remote_workers > 0 and self.worker_module_cid is None:
            raise AbiError("InvalidArguments", "remote workers need set_worker_module_link first")
        return self.single_future(name, out_ptr, lambda: self.start_run(base, body))

    def stop_experiment(self, context: int) -> str:
        run = self.trainings.lookup(context)
        self.sync_request(self.hive.stop, run)
        self.trainings.remove(context)
        return SUCCESS

    def experiment_config(self, context: int, out_ptr: int) -> str:
        self.memory.check_out(out_ptr, "ExperimentConfigFuture")
        run = self.trainings.lookup(context)
        return self.config_futures(out_ptr, lambda: self.fetch_config(self.hive.config, run.base_url, run.run_id))

    def experiment_config_from_registry(
        self, hive_url_ptr: int, hive_url_len: int, hive_port: int, run_id_ptr: int, run_id_len: int, out_ptr: int
    ) -> str:
        base = self.hive_address(hive_url_ptr, hive_url_len, hive_port)
        run_id = self.run_id(run_id_ptr, run_id_len)
        self.memory.check_out(out_ptr, "ExperimentConfigFuture")
        return self.config_futures(out_ptr, lambda: self.fetch_config(self.hive.registry_config, base, run_id))

    def download_snapshot_from_registry(
        self, hive_url_ptr: int, hive_url_len: int, hive_port: int, run_id_ptr: int, run_id_len: int, out_ptr: int
    ) -> str:
        base = self.hive_address(hive_url_ptr, hive_url_len, hive_port)
        run_id = self.run_id(run_id_ptr, run_id_len)
        job = lambda: self.hive.registry_snapshot(base, run_id)  # noqa: E731
        return self.single_future("download_snapshot_from_registry", out_ptr, job)

    def poll_future_ark_experiment_config(self, handle: int, out_ptr: int) -> str:
        return self.poll_simple("poll_future_ark_experiment_config", handle, out_ptr)

    def take_future_ark_experiment_config(self, handle: int, data_ptr: int) -> str:
        self.memory.check_out(data_ptr, "ArkExperimentConfig")
        value = self.futures.take_future(handle, self.kind("take_future_ark_experiment_config"))
        self.memory.write_out(data_ptr, "ArkExperimentConfig", value)
        return SUCCESS

    # -- ark-ml-v1 companions ----------------------------------------------------------------------
    def poll_future_training_handle(self, handle: int, out_ptr: int) -> str:
        return self.poll_simple("poll_future_training_handle", handle, out_ptr)

    def take_future_training_handle(self, handle: int, data_ptr: int) -> str:
        self.memory.check_out(data_ptr, "TrainingHandle")
        run = self.futures.take_future(
            handle, self.kind("take_future_training_handle"), lambda _run: self.trainings.check_room()
        )
        self.memory.write_out(data_ptr, "TrainingHandle", self.trainings.add(run))
        return SUCCESS

    def poll_future_vec_u8(self, handle: int, out_ptr: int) -> str:
        self.memory.check_out(out_ptr, "PollVec")
        state, value = self.futures.poll_future(handle, self.kind("poll_future_vec_u8"))
        ready = state is FutureState.READY
        self.memory.write_out(out_ptr, "PollVec", {"ready": int(ready), "len": len(value) if ready else 0})
        return SUCCESS

    def take_future_vec_u8(self, handle: int, data_ptr: int, data_len: int) -> str:
        if data_len:
            self.memory.check_range(data_ptr, data_len)

        def exact_length(value: bytes) -> None:
            if len(value) != data_len:
                raise AbiError("InvalidArguments", f"data_len {data_len} != future length {len(value)}")

        value = self.futures.take_future(handle, self.kind("take_future_vec_u8"), exact_length)
        self.memory.write(data_ptr, value)
        return SUCCESS

    def drop_future(self, handle: int) -> str:
        self.futures.drop_future(handle)
        return SUCCESS

    def stop_training(self, context: int) -> str:
        run = self.trainings.lookup(context)
        self.sync_request(self.hive.disconnect, run)
        self.trainings.remove(context)
        return SUCCESS

    # -- shared ------------------------------------------------------------------------------------
    def kind(self, name: str) -> str:
        """The future kind the poll_*/take_* import `name` accepts (manifest `polls`/`takes`)."""
        imp = manifest().import_named(name)
        kind = imp.polls or imp.takes
        if kind is None:
            raise KeyError(f"{name} neither polls nor takes a future")
        return kind

    def poll_simple(self, name: str, handle: int, out_ptr: int) -> str:
        """A PollSimple poll: one byte, 0 pending / 1 ready; a failed future is HttpRequestFailed."""
        self.memory.check_out(out_ptr, "PollSimple")
        state, _ = self.futures.poll_future(handle, self.kind(name))
        self.memory.write_out(out_ptr, "PollSimple", {"ready": int(state is FutureState.READY)})
        return SUCCESS

    def sync_request(self, request: Callable[[str, str], Any], run: RunRef) -> None:
        """A synchronous hive call (bounded by the request timeout); failure is HttpRequestFailed."""
        try:
            request(run.base_url, run.run_id)
        except HiveFailure as exc:
            raise AbiError("HttpRequestFailed", str(exc)) from None
