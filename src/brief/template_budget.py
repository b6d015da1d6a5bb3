"""Budgets for one section render: templates cannot hang or exhaust the machine.

A template is workspace data anyone on the team can edit; a slip such as
`{{ 'x' * 1000000000 }}` or two nested loops over `range(100000)` must end in
a located error, not minutes of work or gigabytes of memory. A render has:

- a time budget (`templates.seconds`), checked inside rendering at every
  call, attribute or item lookup, operator, printed value and loop step over
  `range`, so a worker process is stopped without relying on signals (in the
  main thread a timer signal backs the checks up);
- an output budget (`templates.output_chars`): no string a template builds
  may be longer, checked BEFORE anything is allocated where the size is known
  in advance (`*`, `+`, `%`, `**` on numbers, `center`, `ljust`, `replace`,
  `join`, `format`, `indent`), right after a `~` concatenation, and on the
  section's whole output; everything printed, macros included, may add up to
  a few times it;
- at most `LOOP_STEPS` steps over `range` (Jinja's sandbox already caps one
  `range` at 100 000 items; this caps nested ones).

Exceeding one raises `BudgetExceeded`, which `brief.templates.locate` reports
at the template's file and line like any other template error.
"""

from __future__ import annotations

import math
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jinja2.filters
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import safe_range

LOOP_STEPS = 1_000_000
"""Steps over `range` in one section render, all loops together."""
PRINTED_FACTOR = 4
"""Everything printed (macro output counted where it is made and again where it is
used) may be this many times the output budget."""


@dataclass(frozen=True)
class Budget:
    seconds: float = 30.0
    output_chars: int = 5_000_000


class BudgetExceeded(Exception):
    """A template went over its budget (reported at its file and line)."""


@dataclass
class _Render:
    budget: Budget
    deadline: float
    printed: int = 0
    steps: int = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(
                f"rendering took longer than the time budget of {self.budget.seconds:g} s "
                "(templates.seconds in briefings/_workspace.yaml)"
            )

    def size(self, chars: int, what: str = "this would build a string of") -> None:
        if chars > self.budget.output_chars:
            raise BudgetExceeded(
                f"{what} {chars:,} characters, over the output budget of "
                f"{self.budget.output_chars:,} (templates.output_chars in "
                "briefings/_workspace.yaml)"
            )

    def print(self, chars: int) -> None:
        self.printed += chars
        if self.printed > PRINTED_FACTOR * self.budget.output_chars:
            self.size(self.printed, "the section printed values of")


class CheckedRange:
    """`range` for templates: a step budget and a time check on every step."""

    def __init__(self, state: _Render | None, rng: range) -> None:
        self._state, self._range = state, rng

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: Any) -> Any:
        return self._range[index]

    def __contains__(self, item: object) -> bool:
        return item in self._range

    def __iter__(self) -> Iterator[int]:
        state = self._state
        for value in self._range:
            if state is not None:
                state.steps += 1
                if state.steps > LOOP_STEPS:
                    raise BudgetExceeded(
                        f"loops over range() took more than {LOOP_STEPS:,} steps in one section"
                    )
                state.tick()
            yield value

    def __reversed__(self) -> Iterator[int]:
        return iter(CheckedRange(self._state, self._range[::-1]))


def _digits_over(text: str, limit: int) -> bool:
    """A format string asking for a width or precision over `limit` (e.g. `{:>999999999}`)."""
    return any(int(d) > limit for d in re.findall(r"\d{6,}", text))


def _replace_size(text: str, old: str, new: str, count: int = -1) -> int:
    hits = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))


def _join_size(sep: str, items: list[Any]) -> int:
    return sum(len(str(i)) for i in items) + len(sep) * max(len(items) - 1, 0)


class BudgetMixin:
    """The checks, for `BriefEnvironment` (a sandboxed Jinja environment)."""

    intercepted_binops = frozenset({"*", "+", "%", "**"})
    render_state: _Render | None = None

    # ----------------------------------------------------------- hooks
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        state = self.render_state
        if state is not None:
            state.tick()
            _check_binop(state, operator, left, right)
        return super().call_binop(context, operator, left, right)  # type: ignore[misc]

    def getattr(self, obj: Any, attribute: str) -> Any:
        if self.render_state is not None:
            self.render_state.tick()
        return super().getattr(obj, attribute)  # type: ignore[misc]

    def getitem(self, obj: Any, argument: Any) -> Any:
        if self.render_state is not None:
            self.render_state.tick()
        return super().getitem(obj, argument)  # type: ignore[misc]

    def check_call(
        self, obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> tuple[Any, ...]:
        """Before a call from a template; returns the arguments to call with."""
        state = self.render_state
        if state is None:
            return args
        state.tick()
        method = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str):
            name = getattr(method, "__name__", "")
            if name == "join" and args:
                args = (list(args[0]), *args[1:])  # measured, then joined: read once
            _check_str_method(state, owner, name, args, kwargs)
        return args

    def measured(self, value: Any) -> Any:
        """A `~` concatenation's result, checked as soon as it exists."""
        state = self.render_state
        if state is not None:
            state.tick()
            state.size(len(value), "a ~ concatenation built a string of")
        return value

    def printed(self, value: str) -> str:
        state = self.render_state
        if state is not None:
            state.tick()
            state.print(len(value))
        return value

    def budget_range(self, *args: int) -> CheckedRange:
        return CheckedRange(self.render_state, safe_range(*args))


_SIZED = (str, list, tuple, bytes)


def _repeat(state: _Render, left: Any, right: Any) -> tuple[int, str] | None:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, _SIZED) and isinstance(times, int):
            return len(seq) * max(times, 0), "'*' would build a value of"
    return None


def _concat(state: _Render, left: Any, right: Any) -> tuple[int, str] | None:
    if isinstance(left, _SIZED) and isinstance(right, _SIZED):
        return len(left) + len(right), "'+' would build a value of"
    return None


def _percent(state: _Render, left: Any, right: Any) -> tuple[int, str] | None:
    if isinstance(left, str) and _digits_over(left, state.budget.output_chars):
        return state.budget.output_chars + 1, "'%' formatting asks for a field of"
    return None


def _power(state: _Render, left: Any, right: Any) -> tuple[int, str] | None:
    if isinstance(left, int) and isinstance(right, int) and right > 0:
        bits = right * math.log2(max(abs(left), 2))
        if bits > 8 * state.budget.output_chars:
            return int(bits / 3.3), "'**' would build a number of"
    return None


_BINOPS: dict[str, Callable[[_Render, Any, Any], tuple[int, str] | None]] = {
    "*": _repeat,
    "+": _concat,
    "%": _percent,
    "**": _power,
}
"""Operator -> the size of what it would build (and how to say it), where that can be large."""


def _check_binop(state: _Render, operator: str, left: Any, right: Any) -> None:
    rule = _BINOPS.get(operator)
    found = rule(state, left, right) if rule else None
    if found is not None:
        state.size(*found)


def _width(state: _Render, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int | None:
    return args[0] if args and isinstance(args[0], int) else None


def _expandtabs(
    state: _Render, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> int | None:
    tab = args[0] if args else kwargs.get("tabsize", 8)
    return len(text) * max(tab, 1) if isinstance(tab, int) else None


def _replace(
    state: _Render, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> int | None:
    if len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        return _replace_size(text, args[0], args[1], *args[2:3])
    return None


def _join(state: _Render, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int | None:
    return _join_size(text, list(args[0])) if args else None


_STR_METHODS: dict[str, Callable[[_Render, str, tuple[Any, ...], dict[str, Any]], int | None]] = {
    "ljust": _width,
    "rjust": _width,
    "center": _width,
    "zfill": _width,
    "expandtabs": _expandtabs,
    "replace": _replace,
    "join": _join,
}
"""str method -> the length of the string it would build, where that can be large."""


def _check_str_method(
    state: _Render, text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    if name in ("format", "format_map"):
        if _digits_over(text, state.budget.output_chars):
            state.size(state.budget.output_chars + 1, "str.format() asks for a field of")
        return
    rule = _STR_METHODS.get(name)
    size = rule(state, text, args, kwargs) if rule else None
    if size is not None:
        state.size(size, f"str.{name}() would build a string of")


def budget_filters(env: BudgetMixin) -> dict[str, Any]:
    """Jinja's filters that can build a string far longer than their input, checked first."""

    def state() -> _Render | None:
        return env.render_state

    # Each takes the context first: Jinja never runs such a filter at compile time
    # (where no budget applies) on constant arguments.
    @jinja2.pass_context
    def center(ctx: Any, value: Any, width: int = 80) -> str:
        if (s := state()) is not None:
            s.size(int(width), "center would build a string of")
        return jinja2.filters.do_center(value, width)

    @jinja2.pass_context
    def indent(
        ctx: Any, value: Any, width: Any = 4, first: bool = False, blank: bool = False
    ) -> str:
        if (s := state()) is not None:
            pad = len(width) if isinstance(width, str) else int(width)
            lines = str(value).count("\n") + 1
            s.size(len(str(value)) + pad * lines, "indent would build a string of")
        return jinja2.filters.do_indent(value, width, first, blank)

    @jinja2.pass_context
    def replace(ctx: Any, value: Any, old: Any, new: Any, count: Any = None) -> Any:
        if (s := state()) is not None:
            size = _replace_size(str(value), str(old), str(new), count)
            s.size(size, "replace would build a string of")
        return jinja2.filters.do_replace(ctx.eval_ctx, value, old, new, count)

    @jinja2.pass_context
    def do_format(ctx: Any, value: Any, *args: Any, **kwargs: Any) -> str:
        if (s := state()) is not None and _digits_over(str(value), s.budget.output_chars):
            s.size(s.budget.output_chars + 1, "format asks for a field of")
        return jinja2.filters.do_format(value, *args, **kwargs)

    @jinja2.pass_context
    def join(ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
        items = list(value)
        if (s := state()) is not None:
            s.size(_join_size(str(d), items), "join would build a string of")
        return jinja2.filters.sync_do_join(ctx.eval_ctx, items, d, attribute)

    return {
        "center": center,
        "indent": indent,
        "replace": replace,
        "format": do_format,
        "join": join,
    }


class BudgetCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every `~` concatenation's result measured."""

    def visit_Concat(self, node: Any, frame: Any) -> None:
        self.write("environment.measured(")
        super().visit_Concat(node, frame)
        self.write(")")


class budgeted:
    """`with budgeted(env, budget):` one section render under `budget`."""

    def __init__(self, env: BudgetMixin, budget: Budget) -> None:
        self.env, self.budget = env, budget
        self.previous: Any = None
        self.alarm = threading.current_thread() is threading.main_thread() and hasattr(
            signal, "setitimer"
        )

    def __enter__(self) -> _Render:
        state = _Render(self.budget, time.monotonic() + self.budget.seconds)
        self.env.render_state = state
        if self.alarm:
            # A backstop for code the checks cannot reach (a loop over data with an
            # empty body): the timer fires a little after the budget.
            def on_alarm(signum: int, frame: Any) -> None:
                state.deadline = 0
                state.tick()

            self.previous = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.budget.seconds + 1)
        return state

    def __exit__(self, *exc: object) -> None:
        self.env.render_state = None
        if self.alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous or signal.SIG_DFL)
