"""A brief from start to end: subject -> section models -> templates -> document."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from brief import __version__
from brief.assemble.assembler import Assembly
from brief.assemble.citations import Citations
from brief.assemble.index import index_for, per_corpus
from brief.assemble.registry import DEFAULT_SECTIONS, build_order
from brief.assemble.sections import BriefView, Cited, Section, SourceRef, Sources
from brief.assemble.subjects import Subject, resolve_subject
from brief.corpus import Corpus
from brief.corpus.models import Briefing, Limits, marking_problem
from brief.document import Document, Metadata
from brief.document.from_markdown import CitedMarkdown, MarkdownError
from brief.errors import InvalidInput, Problem
from brief.templates import (
    SUFFIX,
    TEMPLATE_DIR,
    MarkdownSafe,
    RecordingLoader,
    TemplateProblem,
    budget_of,
    make_environment,
    render_template,
)

DEFAULT_WINDOW_DAYS = 30

PROFILES = ("full", "note")
"""`full`: every section. `note`: two pages: summary, key judgments, the most
relevant statements, outlook and sources."""
# The note's summary holds the key judgments, each with its confidence and horizon.
NOTE_SECTIONS = ("summary", "key_statements", "outlook", "sources")
NOTE_KEY_STATEMENTS = 5


@dataclass(frozen=True)
class Plan:
    """What to brief: the subject, its dates and sections, before any selection."""

    subject: Subject
    as_of: dt.date
    since: dt.date
    window_days: int
    marking: str
    title: str
    sections: tuple[str, ...]
    templates: dict[str, str]  # section -> template name relative to briefings/
    limits: Limits = field(default_factory=Limits)
    profile: str = "full"


def plan(
    corpus: Corpus,
    subject: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
    profile: str = "full",
) -> Plan:
    resolved = resolve_subject(corpus, subject)
    briefing = resolved.briefing
    window = briefing.window_days if briefing else DEFAULT_WINDOW_DAYS
    as_of, since = _period(corpus, as_of, since, window)
    # The one marking rule, the one `brief validate` applies to briefing files.
    if marking is not None and (why := marking_problem(marking)):
        raise InvalidInput(Problem("--marking", message=why))
    marking = marking or (briefing.marking if briefing else "UNCLASSIFIED")
    kind = resolved.kind
    listed = briefing.sections if briefing else None
    sections = tuple(listed or DEFAULT_SECTIONS[kind])
    title = (briefing.title if briefing else None) or f"{resolved.actor.name}: {kind} brief"
    limits = briefing.limits if briefing else Limits()
    if profile not in PROFILES:
        raise InvalidInput(
            Problem("<profile>", message=f"'{profile}' is no profile; use {' or '.join(PROFILES)}")
        )
    if profile == "note":
        # The note keeps its own order and only what fits two pages.
        sections = NOTE_SECTIONS
        limits = limits.model_copy(
            update={"key_statements": min(limits.key_statements, NOTE_KEY_STATEMENTS)}
        )
        title = f"{title} (note)"
    templates = _templates(sections, briefing)
    return Plan(
        resolved, as_of, since, window, marking, title, sections, templates, limits, profile
    )


def _period(
    corpus: Corpus, as_of: dt.date | None, since: dt.date | None, window: int
) -> tuple[dt.date, dt.date]:
    """The cut-off (by default one covering every extract and source, see
    `Corpus.default_as_of`) and the start of the period, `window` days before it."""
    as_of = as_of or corpus.default_as_of()
    if as_of is None:
        raise InvalidInput(Problem("<as-of>", message="the corpus has no extracts; give --as-of"))
    since = since or as_of - dt.timedelta(days=window)
    if since > as_of:
        raise InvalidInput(
            Problem(
                "<since>", message=f"{since.isoformat()} is after the cut-off {as_of.isoformat()}"
            )
        )
    return as_of, since


def _templates(sections: tuple[str, ...], briefing: Briefing | None) -> dict[str, str]:
    """Section -> template (relative to briefings/): the briefing's own, else the default."""
    templates = {name: f"{TEMPLATE_DIR}/{name}{SUFFIX}" for name in sections}
    if briefing:
        templates.update({k: v for k, v in briefing.templates.items() if k in templates})
    return templates


def assemble_sections(corpus: Corpus, the_plan: Plan) -> tuple[BriefView, list[Section]]:
    """The filled section models, in the order of the brief."""
    assembly = Assembly(
        corpus,
        index_for(corpus),
        the_plan.subject,
        the_plan.as_of,
        the_plan.since,
        limits=the_plan.limits,
        profile=the_plan.profile,
    )
    assembly.prepare(the_plan.sections)
    built: dict[str, Section] = {}
    # Built in print order, so statements are numbered as printed; sections that
    # cover what the others cite come after them (registry `stage`).
    for name in build_order(the_plan.sections):
        built[name] = assembly.section(name, list(built.values()))
    brief = assembly.brief_view(
        the_plan.title, the_plan.marking, the_plan.window_days, built.values()
    )
    return brief, [built[n] for n in the_plan.sections] + (
        [] if "sources" in the_plan.sections else [built["sources"]]
    )


def build_document(
    corpus: Corpus,
    subject: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
    profile: str = "full",
) -> Document:
    """The brief on `subject` as a document; `InvalidInput` names every problem."""
    the_plan = plan(corpus, subject, as_of=as_of, since=since, marking=marking, profile=profile)
    brief, sections = assemble_sections(corpus, the_plan)
    shown = [s for s in sections if s.name in the_plan.sections]
    markdown, templates_hash = render_markdown(corpus, the_plan, brief, shown)
    try:
        blocks = markdown.blocks()
    except MarkdownError as err:
        raise InvalidInput(Problem("<templates>", err.line, message=err.message)) from err
    sources = next(s for s in sections if isinstance(s, Sources))
    corpus_hash = per_corpus(corpus, "inputs-hash", Corpus.inputs_hash)
    digest = hashlib.sha256(f"{corpus_hash}\0{templates_hash}".encode()).hexdigest()
    meta = Metadata(
        title=the_plan.title,
        subject=brief.subject,
        kind=brief.kind,
        marking=the_plan.marking,
        as_of=the_plan.as_of,
        since=the_plan.since,
        subtitle=(brief.subject_role or "") if brief.kind == "person" else "",
        keywords=_keywords(brief, sections),
        source_count=len(sources.sources),
        generator=f"brief {__version__}",
        inputs_hash=digest,
        subject_id=brief.subject_id,
        as_of_text=brief.cutoff_text,
        front=_front(brief),
        disclaimer=brief.disclaimer or "",
        # Briefs are short now: page 1 holds title block and summary, no contents page.
        contents=False,
        profile=the_plan.profile,
    )
    return Document(meta, blocks)


def render_markdown(
    corpus: Corpus, the_plan: Plan, brief: BriefView, sections: Sequence[Section]
) -> tuple[CitedMarkdown, str]:
    """The brief's Markdown (templates + notes; parsed once, as it is written) and the
    hash of the templates used."""
    env = make_environment(corpus.root / "briefings")
    citations = Citations(corpus.sources)

    def cite(*items: object) -> MarkdownSafe:
        return citations.cite(_refs(items))

    env.globals["cite"] = cite  # a global, so imported macros can cite too
    problems: list[Problem] = []
    parts: list[str] = []
    for section in sections:
        name = the_plan.templates[section.name]
        context = {"brief": brief, "section": section}
        try:
            text = render_template(env, name, context, budget_of(corpus))
        except TemplateProblem as err:
            problems.append(err.problem)
            continue
        parts.append(text.strip("\n"))
    if problems:
        raise InvalidInput(problems)
    loader = env.loader
    assert isinstance(loader, RecordingLoader)
    markdown = CitedMarkdown(parts, citations.stub_definitions, citations.definitions)
    return markdown, loader.hash_used()


def _refs(items: Sequence[object]) -> list[SourceRef]:
    refs: list[SourceRef] = []
    for item in items:
        if isinstance(item, Cited):
            refs += item.sources
        elif isinstance(item, SourceRef):
            refs.append(item)
        elif isinstance(item, list | tuple):
            refs += _refs(item)
        else:
            raise TypeError(f"cite() takes items that have sources, not {type(item).__name__}")
    return refs


def _front(brief: BriefView) -> tuple[tuple[str, str], ...]:
    """Page-1 lines an organisation needs; a brief is issued as of its cut-off
    (same inputs, same bytes: never the day it happens to be rendered)."""
    lines = [("Issued by", brief.issuing_unit), ("Reference", brief.reference)]
    lines.append(("Date of issue", brief.as_of_text))
    return tuple((label, value) for label, value in lines if value)


def _keywords(brief: BriefView, sections: Sequence[Section]) -> tuple[str, ...]:
    words = [brief.subject]
    for section in sections:
        for issue in getattr(section, "issues", []):
            words.append(issue.title)
        for group in getattr(section, "groups", []):
            title = getattr(group, "title", "Other remarks")
            if title != "Other remarks":
                words.append(title)
    return tuple(dict.fromkeys(words))[:5]
