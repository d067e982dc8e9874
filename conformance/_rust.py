"""A tiny parser for the Rust declarations the crate's ABI is written in.

The manifest quotes the crate's own declarations (``pub fn ...;``, ``#[repr(C)] pub struct ...``,
``pub type X = u64;``) and the seed source file holds the whole ``ml_v2.rs``. The lowering engine and the
layout calculator derive the Wasm facts from these declarations, so the parser only needs the subset the
crate uses: paths with generic arguments, references, slices, arrays, raw pointers and the unit type.
It is not a Rust parser; anything else is a ``RustSyntaxError`` with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from conformance.errors import BadInput

TypeKind = Literal["path", "ref", "slice", "array", "ptr", "unit"]

_TOKEN = re.compile(r"\s*(->|::|[A-Za-z_][A-Za-z0-9_]*|\d+|[&*<>()\[\];:,{}=#!])")


class RustSyntaxError(BadInput):
    """A declaration outside the subset this parser understands."""


@dataclass(frozen=True)
class RustType:
    """A Rust type: ``path`` (name + generic args), ``ref``/``ptr`` (mutable, inner), ``slice``, ``array``, ``unit``."""

    kind: TypeKind
    name: str = ""
    args: tuple[RustType, ...] = ()
    inner: RustType | None = None
    mutable: bool = False
    length: int = 0

    def __str__(self) -> str:
        if self.kind == "unit":
            return "()"
        if self.kind == "path":
            return self.name + ("<" + ", ".join(map(str, self.args)) + ">" if self.args else "")
        if self.kind == "ref":
            return "&" + ("mut " if self.mutable else "") + str(self.inner)
        if self.kind == "ptr":
            return ("*mut " if self.mutable else "*const ") + str(self.inner)
        if self.kind == "slice":
            return f"[{self.inner}]"
        return f"[{self.inner}; {self.length}]"

    @classmethod
    def path(cls, name: str, *args: RustType) -> RustType:
        return cls("path", name=name, args=args)

    @classmethod
    def pointer(cls, inner: RustType, *, mutable: bool) -> RustType:
        return cls("ptr", inner=inner, mutable=mutable)


@dataclass(frozen=True)
class RustParam:
    name: str
    type: RustType


@dataclass(frozen=True)
class RustFn:
    """``pub fn name(params) -> ret;`` (``ret`` is None when the function returns nothing)."""

    name: str
    params: tuple[RustParam, ...]
    ret: RustType | None


@dataclass(frozen=True)
class RustStruct:
    name: str
    repr_c: bool
    fields: tuple[RustParam, ...]


@dataclass(frozen=True)
class RustSource:
    """What a source file declares: functions, structs and type aliases, in source order."""

    fns: tuple[RustFn, ...]
    structs: tuple[RustStruct, ...]
    aliases: dict[str, RustType]

    def fn(self, name: str) -> RustFn:
        return next(f for f in self.fns if f.name == name)

    def struct(self, name: str) -> RustStruct:
        return next(s for s in self.structs if s.name == name)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[str] = []
        pos = 0
        stripped = text.rstrip()
        while pos < len(stripped):
            m = _TOKEN.match(stripped, pos)
            if m is None:
                raise RustSyntaxError(f"unexpected character {stripped[pos : pos + 10]!r} in {_short(text)}")
            self.tokens.append(m.group(1))
            pos = m.end()
        self.i = 0

    def peek(self, ahead: int = 0) -> str | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        tok = self.peek()
        if tok is None or (expected is not None and tok != expected):
            want = f"{expected!r}" if expected else "a token"
            raise RustSyntaxError(f"expected {want}, found {tok!r} in {_short(self.text)}")
        self.i += 1
        return tok

    def accept(self, tok: str) -> bool:
        if self.peek() == tok:
            self.i += 1
            return True
        return False

    def ident(self) -> str:
        tok = self.take()
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", tok):
            raise RustSyntaxError(f"expected a name, found {tok!r} in {_short(self.text)}")
        return tok

    def done(self) -> bool:
        return self.i >= len(self.tokens)

    def type(self) -> RustType:
        if self.accept("&"):
            mutable = self.accept("mut")
            return RustType("ref", inner=self.type(), mutable=mutable)
        if self.accept("*"):
            if self.accept("mut"):
                return RustType.pointer(self.type(), mutable=True)
            self.take("const")
            return RustType.pointer(self.type(), mutable=False)
        if self.accept("("):
            self.take(")")
            return RustType("unit")
        if self.accept("["):
            inner = self.type()
            if self.accept(";"):
                n = self.take()
                if not n.isdigit():
                    raise RustSyntaxError(f"array length must be a literal, found {n!r} in {_short(self.text)}")
                self.take("]")
                return RustType("array", inner=inner, length=int(n))
            self.take("]")
            return RustType("slice", inner=inner)
        name = self.ident()
        while self.accept("::"):  # crate::FFIResult -> FFIResult: the crate's names are unique
            name = self.ident()
        args: list[RustType] = []
        if self.accept("<"):
            args.append(self.type())
            while self.accept(","):
                args.append(self.type())
            self.take(">")
        return RustType.path(name, *args)

    def attributes(self) -> list[str]:
        """Skip ``#[...]`` attributes, returning their token text (to spot ``repr(C)``)."""
        found = []
        while self.peek() == "#":
            self.take("#")
            self.accept("!")
            self.take("[")
            depth, toks = 1, []
            while depth:
                tok = self.take()
                depth += {"[": 1, "]": -1}.get(tok, 0)
                if depth:
                    toks.append(tok)
            found.append("".join(toks))
        return found

    def visibility(self) -> None:
        if self.accept("pub") and self.accept("("):
            while self.take() != ")":
                pass

    def fn_rest(self) -> RustFn:
        name = self.ident()
        self.take("(")
        params: list[RustParam] = []
        while not self.accept(")"):
            pname = self.ident()
            self.take(":")
            params.append(RustParam(pname, self.type()))
            if not self.accept(","):
                self.take(")")
                break
        ret = self.type() if self.accept("->") else None
        self.accept(";")
        return RustFn(name, tuple(params), ret)

    def struct_rest(self, repr_c: bool) -> RustStruct:
        name = self.ident()
        self.take("{")
        fields: list[RustParam] = []
        while not self.accept("}"):
            self.attributes()
            self.visibility()
            fname = self.ident()
            self.take(":")
            fields.append(RustParam(fname, self.type()))
            if not self.accept(","):
                self.take("}")
                break
        return RustStruct(name, repr_c, tuple(fields))


def _short(text: str) -> str:
    one = " ".join(text.split())
    return repr(one if len(one) <= 80 else one[:77] + "...")


def parse_type(text: str) -> RustType:
    """``"&mut [u8]"`` -> RustType; the inverse of ``str(RustType)``."""
    p = _Parser(text)
    ty = p.type()
    if not p.done():
        raise RustSyntaxError(f"trailing tokens after type in {_short(text)}")
    return ty


def parse_fn(text: str) -> RustFn:
    """One ``[pub] fn name(params) [-> ret];`` declaration, attributes allowed."""
    p = _Parser(text)
    p.attributes()
    p.visibility()
    p.accept("unsafe")
    p.take("fn")
    fn = p.fn_rest()
    if not p.done():
        raise RustSyntaxError(f"trailing tokens after fn in {_short(text)}")
    return fn


def parse_struct(text: str) -> RustStruct:
    """One ``#[repr(C)] pub struct Name { pub field: Type, ... }`` declaration."""
    p = _Parser(text)
    repr_c = any(a.replace(" ", "").startswith("repr(C") for a in p.attributes())
    p.visibility()
    p.take("struct")
    st = p.struct_rest(repr_c)
    if not p.done():
        raise RustSyntaxError(f"trailing tokens after struct in {_short(text)}")
    return st


_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_ITEM = re.compile(
    r"((?:#\s*\[[^\]]*(?:\[[^\]]*\][^\]]*)*\]\s*)*)"  # attributes
    r"(?:pub(?:\([^)]*\))?\s+)?"
    r"(?:(?:unsafe\s+)?fn\s+[A-Za-z_]\w*\s*\((?:[^;{]*?)\)\s*(?:->[^;{]*)?;"  # fn declaration (no body)
    r"|struct\s+[A-Za-z_]\w*\s*\{[^}]*\}"  # struct with named fields
    r"|type\s+[A-Za-z_]\w*\s*=\s*[^;]+;)"  # type alias
)


def parse_source(text: str) -> RustSource:
    """Every fn declaration, struct and type alias in a Rust source file (bodies and macros are skipped).

    Used on the crate's ``ml_v2.rs`` (the seed file): it holds ``extern "C" { pub fn ...; }`` blocks and
    ``#[repr(C)]`` structs, which is all the ABI is made of.
    """
    clean = _COMMENT.sub("", text)
    fns: list[RustFn] = []
    structs: list[RustStruct] = []
    aliases: dict[str, RustType] = {}
    for m in _ITEM.finditer(clean):
        item = m.group(0)
        body = item[len(m.group(1)) :].strip()
        keyword = re.sub(r"^pub(\([^)]*\))?\s+", "", body).split()[0]
        if keyword in ("fn", "unsafe"):
            fns.append(parse_fn(item))
        elif keyword == "struct":
            structs.append(parse_struct(item))
        else:
            alias = re.fullmatch(r"(?:pub(?:\([^)]*\))?\s+)?type\s+(\w+)\s*=\s*(.+);", body, re.DOTALL)
            if alias is None:
                raise RustSyntaxError(f"cannot read type alias {_short(item)}")
            aliases[alias.group(1)] = parse_type(alias.group(2))
    return RustSource(tuple(fns), tuple(structs), aliases)
