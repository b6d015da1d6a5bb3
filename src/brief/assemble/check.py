"""`brief templates check`: render every template against every briefing.

Each briefing's templates (its overrides included) are rendered with the
briefing's real sections, and once more with every section emptied, so both
branches of an `{% if %}` are exercised. Template files no briefing uses are
compiled at least. Every problem is reported, each once.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from brief.assemble.compose import assemble_sections, plan, render_markdown
from brief.assemble.sections import Section
from brief.corpus import Corpus
from brief.corpus.models import ActorKind
from brief.errors import InvalidInput, Problem
from brief.templates import (
    SUFFIX,
    TEMPLATE_DIR,
    TemplateProblem,
    compile_template,
    make_environment,
)


@dataclass(frozen=True)
class CheckResult:
    templates: int
    briefings: int
    problems: list[Problem]


def check_templates(corpus: Corpus) -> CheckResult:
    problems: set[Problem] = set()
    used: set[str] = set()
    for subject in _subjects(corpus):
        try:
            the_plan = plan(corpus, subject)
            used.update(the_plan.templates.values())
            brief, sections = assemble_sections(corpus, the_plan)
            shown = [s for s in sections if s.name in the_plan.sections]
            for variant in (shown, [_emptied(s) for s in shown]):
                try:
                    render_markdown(corpus, the_plan, brief, variant)
                except InvalidInput as err:
                    problems.update(err.problems)
        except InvalidInput as err:
            problems.update(err.problems)
    problems.update(_compile_unused(corpus, used))
    return CheckResult(
        templates=len(used | _workspace_templates(corpus)),
        briefings=len(corpus.briefings),
        problems=sorted(problems),
    )


def _subjects(corpus: Corpus) -> list[str]:
    """The subject of every briefing; a kind no briefing covers is still checked, on
    one actor of that kind."""
    briefings = [b for _, b in sorted(corpus.briefings.items())]
    subjects = [b.subject for b in briefings]
    covered = {b.kind for b in briefings}
    for kind, actor_kind in (("country", ActorKind.COUNTRY), ("person", ActorKind.PERSON)):
        if kind not in covered:
            actor = next(
                (
                    a
                    for a in sorted(corpus.actors.values(), key=lambda a: a.id)
                    if a.kind == actor_kind
                ),
                None,
            )
            if actor:
                subjects.append(actor.id)
    return subjects


def _emptied(section: Section) -> Section:
    return section.model_copy(update=_empty_lists(section))


def _empty_lists(model: BaseModel) -> dict[str, object]:
    update: dict[str, object] = {}
    for field, value in model:
        if isinstance(value, list):
            update[field] = []
        elif isinstance(value, BaseModel):
            update[field] = value.model_copy(update=_empty_lists(value))
    return update


def _workspace_templates(corpus: Corpus) -> set[str]:
    folder = corpus.root / "briefings" / TEMPLATE_DIR
    return {f"{TEMPLATE_DIR}/{p.name}" for p in folder.glob(f"*{SUFFIX}")}


def _compile_unused(corpus: Corpus, used: set[str]) -> list[Problem]:
    env = make_environment(corpus.root / "briefings")
    problems = []
    for name in sorted(_workspace_templates(corpus) - used):
        try:
            compile_template(env, name)
        except TemplateProblem as err:
            problems.append(err.problem)
    return problems
