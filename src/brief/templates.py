"""Section templates: sandboxed Jinja2 producing brief's Markdown dialect.

Templates live in `briefings/templates/<section>.md.j2`; a briefing may
override any of them (`templates:` in its YAML, paths relative to
`briefings/`). Template names are relative to `briefings/`, so a template
imports macros as `{% import "templates/_macros.md.j2" as m %}`.

Safety: the environment is an `ImmutableSandboxedEnvironment` with
`StrictUndefined`, and every value a template prints goes through `finalize`,
which escapes it for Markdown. Only `MarkdownSafe` strings, which brief's
own helpers return (e.g. `cite(item)`), are printed as markup. A quote
containing `*`, `[^1]`, `<b>` or `{{ x }}` is therefore printed as written.

Errors name the template file and line, e.g.
`briefings/templates/actors.md.j2:12: 'actor' has no attribute 'rol'`.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
import jinja2.utils
from jinja2.sandbox import ImmutableSandboxedEnvironment

from brief.document.markdown_escape import escape_markdown, escape_url
from brief.errors import Problem
from brief.template_budget import (
    Budget,
    BudgetCodeGenerator,
    BudgetExceeded,
    BudgetMixin,
    budget_filters,
    budgeted,
)
from brief.template_cache import TemplateBytecodeCache

TEMPLATE_DIR = "templates"
"""Default templates, relative to `briefings/`."""
SUFFIX = ".md.j2"


class MarkdownSafe(str):
    """Markdown made by brief's own helpers: printed as is, never escaped.

    Deliberately not `markupsafe.Markup`: concatenating it with data gives a
    plain `str`, which is escaped, so data can never pass as markup.
    """


def escape(value: object) -> MarkdownSafe:
    """A value as literal Markdown text (already safe values pass through)."""
    if isinstance(value, MarkdownSafe):
        return value
    return MarkdownSafe(escape_markdown("" if value is None else str(value)))


@jinja2.pass_environment
def finalize(env: jinja2.Environment, value: object) -> object:
    """Applied by Jinja to every `{{ ... }}` before printing."""
    if isinstance(value, jinja2.Undefined):
        return value  # StrictUndefined raises when printed
    printed = escape(value)
    if isinstance(env, BudgetMixin):
        env.printed(printed)
    return printed


def list_and(items: Iterable[object], conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`."""
    words = [str(i) for i in items]
    if len(words) <= 2:
        return f" {conjunction} ".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def upfirst(value: object) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def sentence(value: object) -> str:
    """Text ending in a full stop (unless it ends in other final punctuation)."""
    text = str(value).rstrip()
    return text if text.endswith((".", "?", "!", "…", ".”", ".’", "?”", "!”")) else text + "."


def link(url: object, text: object = None) -> MarkdownSafe:
    """A Markdown link to an http(s) URL; anything else is printed as plain text."""
    target = str(url)
    label = escape(target if text is None else text)
    if not target.lower().startswith(("http://", "https://")):
        return label
    return MarkdownSafe(f"[{label}]({escape_url(target)})")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 source`, `3 sources`."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


class BriefUndefined(jinja2.StrictUndefined):
    """Strict, and suggests the field meant: `(did you mean 'role'?)`."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        message = super()._undefined_message
        obj, name = self._undefined_obj, self._undefined_name
        if obj is jinja2.utils.missing or not isinstance(name, str):
            return message
        fields = getattr(type(obj), "model_fields", None) or [
            n for n in dir(obj) if not n.startswith("_")
        ]
        close = difflib.get_close_matches(name, list(fields), n=1)
        return f"{message} (did you mean '{close[0]}'?)" if close else message


class TemplateRefused(jinja2.TemplateNotFound):
    """A workspace template brief will not read (outside the workspace, a folder, ...)."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(name, why)
        self.why = why


class TemplateProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


BUILT_IN = Path(__file__).parent / "resources"
"""Holds `templates/`: the default templates, used where a workspace has none."""


class RecordingLoader(jinja2.FileSystemLoader):
    """Loads templates from `briefings/` (else the built-in defaults) and
    remembers every file used, for the inputs hash."""

    def __init__(self, briefings_dir: Path) -> None:
        super().__init__([str(briefings_dir), str(BUILT_IN)])
        self.briefings_dir = briefings_dir
        self.used: dict[str, bytes] = {}

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        # A workspace template (an include or import too) is read only from inside the
        # workspace (brief.confine); the built-in ones are brief's own.
        from brief.confine import refusal

        own = self.briefings_dir.joinpath(*jinja2.loaders.split_template_path(template))
        if own.exists() or own.is_symlink():
            why = refusal(self.briefings_dir.parent, own)
            if why is not None:
                raise TemplateRefused(template, why)
        source, filename, uptodate = super().get_source(environment, template)
        self.used[template] = source.encode("utf-8")
        return source, filename, uptodate

    def hash_used(self) -> str:
        digest = hashlib.sha256()
        for name in sorted(self.used):
            digest.update(f"briefings/{name}".encode() + b"\0")
            digest.update(hashlib.sha256(self.used[name]).digest())
        return digest.hexdigest()


class BriefEnvironment(BudgetMixin, ImmutableSandboxedEnvironment):
    """The sandbox, with macro output trusted as Markdown, and budgets
    (`brief.template_budget`).

    A macro's output is template text plus values already escaped by
    `finalize`, so it is printed as is when the macro is called; anything
    computed from data (`~`, `join`, filters) stays a plain string and is
    escaped.
    """

    code_generator_class = BudgetCodeGenerator

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        args = __self.check_call(__obj, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(__obj, jinja2.runtime.Macro) and isinstance(result, str):
            __self.printed(result)
            return MarkdownSafe(result)
        return result


_BYTECODE = TemplateBytecodeCache()


def make_environment(briefings_dir: Path) -> BriefEnvironment:
    env = BriefEnvironment(
        loader=RecordingLoader(briefings_dir),
        undefined=BriefUndefined,
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=_BYTECODE,
    )
    env.filters.update(
        e=escape,
        escape=escape,
        list_and=list_and,
        upfirst=upfirst,
        sentence=sentence,
    )
    env.filters.update(budget_filters(env))
    env.globals.update(plural=plural, link=link, range=env.budget_range)
    env.globals.pop("lipsum", None)  # builds any amount of text; no brief needs it
    return env


def budget_of(corpus: object) -> Budget:
    """The workspace's template budgets (`templates:` in briefings/_workspace.yaml)."""
    settings = getattr(getattr(corpus, "settings", None), "templates", None)
    if settings is None:
        return Budget()
    return Budget(seconds=settings.seconds, output_chars=settings.output_chars)


def render_template(
    env: BriefEnvironment, name: str, context: Mapping[str, Any], budget: Budget | None = None
) -> str:
    """Render `name` (relative to briefings/) within `budget` (default: `Budget()`);
    raise `TemplateProblem` located in the file."""
    try:
        template = env.get_template(name)
        with budgeted(env, budget or Budget()) as state:
            return _generate(template, context, state)
    except TemplateProblem:
        raise
    except Exception as err:  # any template error, located in its file
        raise TemplateProblem(locate(err, env, name)) from err


def _generate(template: jinja2.Template, context: Mapping[str, Any], state: Any) -> str:
    """The output, measured chunk by chunk; over the budget, an error at the line
    that printed the chunk that went over."""
    out: list[str] = []
    size = 0
    chunks = template.root_render_func(template.new_context(dict(context)))
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > state.budget.output_chars:
                # Jinja types the render function as returning an Iterator; it is a generator.
                frame = chunks.gi_frame  # type: ignore[attr-defined]
                line = template.get_corresponding_lineno(frame.f_lineno) if frame else None
                try:
                    state.size(size, "the section's output reached")
                except BudgetExceeded as err:
                    name = template.name or ""
                    raise TemplateProblem(
                        Problem(file=f"briefings/{name}", line=line, message=str(err))
                    ) from err
            out.append(chunk)
    except TemplateProblem:
        raise
    except Exception:
        template.environment.handle_exception()  # re-raised with template lines
    return "".join(out)


def compile_template(env: jinja2.Environment, name: str) -> None:
    """Load and compile `name`; raise `TemplateProblem` on a syntax error."""
    try:
        env.get_template(name)
    except Exception as err:
        raise TemplateProblem(locate(err, env, name)) from err


def locate(err: Exception, env: jinja2.Environment, name: str) -> Problem:
    """The problem `err` raised by template `name`, at its file and line."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        return Problem(
            file=f"briefings/{err.name or name}", line=err.lineno, message=err.message or ""
        )
    if isinstance(err, TemplateRefused):
        return Problem(file=f"briefings/{err.name}", message=err.why)
    if isinstance(err, jinja2.TemplateNotFound):
        return Problem(file=f"briefings/{err.name}", message="template not found")
    file, line = _template_frame(err, env, name)
    return Problem(file=f"briefings/{file}", line=line, message=_message(err, env, file, line))


def _template_frame(
    err: BaseException, env: jinja2.Environment, name: str
) -> tuple[str, int | None]:
    """The innermost template frame of the traceback (Jinja rewrites them to template lines)."""
    loader = env.loader
    assert isinstance(loader, RecordingLoader)
    roots = [Path(p).resolve() for p in loader.searchpath]
    found: tuple[str, int | None] = (name, None)
    tb = err.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(SUFFIX):
            path = Path(filename).resolve()
            for root in roots:
                if path.is_relative_to(root):
                    found = (path.relative_to(root).as_posix(), tb.tb_lineno)
        tb = tb.tb_next
    return found


_NO_ATTRIBUTE = re.compile(
    r"^'(?P<owner>.+?)' (?:object )?has no attribute '(?P<attr>[^']+)'(?P<rest>.*)$"
)


def _message(err: BaseException, env: jinja2.Environment, file: str, line: int | None) -> str:
    message = str(err) or type(err).__name__
    match = _NO_ATTRIBUTE.match(message)
    if not match:
        return message
    attr = match["attr"]
    owner = _variable_before(env, file, line, attr) or _short_owner(match["owner"])
    return f"'{owner}' has no attribute '{attr}'{match['rest']}"


def _short_owner(owner: str) -> str:
    # "brief.assemble.sections.ActorView object" -> "ActorView"
    return owner.removesuffix(" object").rsplit(".", 1)[-1]


def _variable_before(env: jinja2.Environment, file: str, line: int | None, attr: str) -> str | None:
    """The name written before `.attr` on the template line, e.g. `actor` in `actor.rol`."""
    if line is None:
        return None
    loader = env.loader
    assert isinstance(loader, RecordingLoader)
    raw = loader.used.get(file)
    if raw is None:
        return None
    lines = raw.decode("utf-8").splitlines()
    if not 0 < line <= len(lines):
        return None
    found = re.search(
        rf"([A-Za-z_][\w.]*)\s*(?:\.\s*{re.escape(attr)}\b|\[\s*['\"]{re.escape(attr)}['\"]\s*\])",
        lines[line - 1],
    )
    return found[1] if found else None
