"""Reading and building Wasm modules: the one place that knows wasmtime's and wabt's module APIs.

Two independent toolchains compile WAT: wasmtime's built-in ``wat2wasm`` (always available) and
Debian's ``wabt`` package (``wat2wasm``, ``wasm-validate``, ``wasm-objdump`` on PATH). The fixture
corpus must compile with both, so a quirk of one parser cannot hide in a fixture.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import wasmtime

from conformance.cache import entry_path, read_entry, store_entry
from conformance.errors import BadInput
from conformance.input_file import InputFileError, MiB, read_regular_file

WASM_MAGIC = b"\x00asm"


class WasmError(BadInput):
    """The input is not a readable Wasm module (or WAT text); the message is one line."""


@dataclass(frozen=True)
class FuncSig:
    params: tuple[str, ...]
    results: tuple[str, ...]

    def wat(self) -> str:
        parts = []
        if self.params:
            parts.append("(param " + " ".join(self.params) + ")")
        if self.results:
            parts.append("(result " + " ".join(self.results) + ")")
        return " ".join(parts) or "(no params, no results)"


@dataclass(frozen=True)
class ImportEntry:
    module: str
    name: str
    kind: str  # "func", "memory", "global", "table"
    func: FuncSig | None = None


@dataclass(frozen=True)
class ExportEntry:
    name: str
    kind: str
    func: FuncSig | None = None


@dataclass(frozen=True)
class ModuleInterface:
    imports: tuple[ImportEntry, ...]
    exports: tuple[ExportEntry, ...]

    def export(self, name: str) -> ExportEntry | None:
        return next((e for e in self.exports if e.name == name), None)


@cache
def engine() -> wasmtime.Engine:
    """One engine per process: compiling is the expensive part and Engine is thread-safe."""
    return wasmtime.Engine()


MODULE_MAGIC = b"ark-cwasm-1\n"  # then the SHA-256 of the serialized module, then the module
_modules: dict[tuple[int, str], tuple[wasmtime.Engine, wasmtime.Module]] = {}
_modules_lock = threading.Lock()


def compile_module(engine: wasmtime.Engine, wasm: bytes, engine_key: str | None = "default") -> wasmtime.Module:
    """`wasmtime.Module(engine, wasm)`, compiled once per process and engine and, across runs, read back
    from the disk cache (conformance/cache.py) instead of compiled again.

    `engine_key` names the engine's settings (an Engine cannot be asked for them; None: an engine of
    unknown settings, cached in memory only). A disk entry is keyed by the Wasm's SHA-256, the wasmtime
    version and `engine_key`, and carries the SHA-256 of its own bytes, checked before wasmtime trusts
    them; an entry wasmtime refuses (another build) is compiled afresh and replaced. In memory, modules
    are kept per Engine object (a module of another engine would abort the process). Raises what
    `wasmtime.Module` raises for a bad module.
    """
    digest = hashlib.sha256(wasm).hexdigest()
    key = (id(engine), digest)  # the entry holds the engine itself, so its id is never reused meanwhile
    with _modules_lock:
        cached = _modules.get(key)
    if cached is not None:
        return cached[1]
    path = None
    if engine_key is not None:
        path = entry_path("modules", f"wasmtime-{_wasmtime_version()}", engine_key, f"{digest}.cwasm")
    module = _deserialize(engine, read_entry(path))
    if module is None:
        module = wasmtime.Module(engine, wasm)
        if path is not None:
            serialized = bytes(module.serialize())
            store_entry(path, MODULE_MAGIC + hashlib.sha256(serialized).digest() + serialized)
    with _modules_lock:
        return _modules.setdefault(key, (engine, module))[1]


def _deserialize(engine: wasmtime.Engine, entry: bytes | None) -> wasmtime.Module | None:
    """The module of a disk entry, or None when there is none or it is damaged or from another build."""
    if entry is None or not entry.startswith(MODULE_MAGIC):
        return None
    checksum, serialized = entry[len(MODULE_MAGIC) : len(MODULE_MAGIC) + 32], entry[len(MODULE_MAGIC) + 32 :]
    if hashlib.sha256(serialized).digest() != checksum:
        return None
    try:
        return wasmtime.Module.deserialize(engine, serialized)
    except wasmtime.WasmtimeError:
        return None


@cache
def _wasmtime_version() -> str:
    try:
        return importlib.metadata.version("wasmtime")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def compile_wat(text: str) -> bytes:
    """WAT -> Wasm binary with wasmtime's parser. Raises WasmError with the parser's first line."""
    try:
        return bytes(wasmtime.wat2wasm(text))
    except wasmtime.WasmtimeError as exc:
        raise WasmError(f"WAT does not compile: {_first_line(exc)}") from None


def load_module(wasm: bytes) -> wasmtime.Module:
    """Parse and validate a binary module. Raises WasmError for anything that is not valid Wasm."""
    if not wasm.startswith(WASM_MAGIC):
        raise WasmError("not a Wasm binary (missing \\0asm magic)")
    try:
        return compile_module(engine(), wasm)
    except wasmtime.WasmtimeError as exc:
        raise WasmError(f"invalid Wasm module: {_first_line(exc)}") from None


def validate_module(wasm: bytes) -> None:
    """Validate without compiling (much cheaper than `load_module`); raises WasmError naming the cause."""
    try:
        wasmtime.Module.validate(engine(), wasm)
    except wasmtime.WasmtimeError as exc:
        raise WasmError(f"module does not validate: {_first_line(exc)}") from None


EXPORT_SECTION = 7
FUNC_EXPORT = 0


def _leb_u32(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 at `pos` -> (value, next position); raises WasmError past the end."""
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 28:
            raise WasmError("malformed LEB128 in the module")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def function_export_names(wasm: bytes) -> frozenset[str]:
    """Names of the module's function exports, read from the binary's export section without compiling it.

    Why: the runner only needs to know whether the protocol exports are there; compiling the module for
    that alone doubled the compile work of a run (the host compiles it again on its own engine). A module
    this parser misreads still fails later, when the host compiles it.
    """
    if wasm[:4] != WASM_MAGIC:
        raise WasmError("not a Wasm binary (no \\0asm magic)")
    try:
        return _function_exports(wasm)
    except IndexError:
        raise WasmError("the module ends inside its export section") from None


def _function_exports(wasm: bytes) -> frozenset[str]:
    names = set()
    pos = 8
    while pos < len(wasm):
        section, pos = wasm[pos], pos + 1
        size, pos = _leb_u32(wasm, pos)
        end = pos + size
        if end > len(wasm):
            raise WasmError("a section runs past the end of the module")
        if section == EXPORT_SECTION:
            count, pos = _leb_u32(wasm, pos)
            for _ in range(count):
                length, pos = _leb_u32(wasm, pos)
                name = wasm[pos : pos + length].decode("utf-8", "replace")
                kind, pos = wasm[pos + length], pos + length + 1
                _, pos = _leb_u32(wasm, pos)
                if kind == FUNC_EXPORT:
                    names.add(name)
        pos = end
    return frozenset(names)


def _sig(ty: object) -> FuncSig | None:
    if isinstance(ty, wasmtime.FuncType):
        return FuncSig(tuple(str(p) for p in ty.params), tuple(str(r) for r in ty.results))
    return None


def _kind(ty: object) -> str:
    return {
        wasmtime.FuncType: "func",
        wasmtime.MemoryType: "memory",
        wasmtime.GlobalType: "global",
        wasmtime.TableType: "table",
    }.get(type(ty), "unknown")


def interface(module: wasmtime.Module) -> ModuleInterface:
    imports = tuple(ImportEntry(i.module, i.name or "", _kind(i.type), _sig(i.type)) for i in module.imports)
    exports = tuple(ExportEntry(e.name, _kind(e.type), _sig(e.type)) for e in module.exports)
    return ModuleInterface(imports, exports)


MAX_MODULE_BYTES = 256 * MiB  # far above any guest module; /dev/zero and the like stop here


def read_file(path: Path) -> bytes:
    """A module file's bytes, or WasmError with a one-line reason (missing, not a regular file such as a
    directory, FIFO or device, larger than MAX_MODULE_BYTES, unreadable)."""
    try:
        return read_regular_file(path, MAX_MODULE_BYTES)
    except InputFileError as exc:
        raise WasmError(str(exc)) from None


def read_interface(path: Path) -> ModuleInterface:
    """Imports and exports of a .wasm (or .wat) file. Raises WasmError for unreadable input."""
    data = read_file(path)
    if path.suffix == ".wat":
        data = compile_wat(data.decode("utf-8", errors="replace"))
    return interface(load_module(data))


# --------------------------------------------------------------------------- Debian wabt ---------


def wabt_available() -> bool:
    return all(shutil.which(tool) for tool in ("wat2wasm", "wasm-validate", "wasm-objdump"))


def wabt_wat2wasm(wat_path: Path) -> bytes:
    """Compile with Debian's wat2wasm (the second, independent parser)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.wasm"
        _run_tool(["wat2wasm", str(wat_path), "-o", str(out)])
        return out.read_bytes()


def wabt_validate(wasm: bytes) -> None:
    """Run Debian's wasm-validate; raises WasmError with its message on failure."""
    with tempfile.NamedTemporaryFile(suffix=".wasm") as fh:
        fh.write(wasm)
        fh.flush()
        _run_tool(["wasm-validate", fh.name])


def _run_tool(argv: list[str]) -> str:
    if shutil.which(argv[0]) is None:
        raise WasmError(f"{argv[0]} not found: install Debian's wabt (bash scripts/setup.sh does)")
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    if proc.returncode != 0:
        raise WasmError(f"{argv[0]} failed: {_first_line(proc.stderr or proc.stdout)}")
    return proc.stdout


def _first_line(exc: object) -> str:
    """One line for the user: wasmtime's headline plus its innermost cause, which says what is wrong."""
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    if not lines:
        return "(no message)"
    if "Caused by:" in lines and lines[-1] != "Caused by:":
        return f"{lines[0]}: {lines[-1]}"
    return lines[0]
