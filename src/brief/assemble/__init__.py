"""Stage 2: select from the corpus what a brief on a subject says, and compose it.

`build_document(corpus, subject, as_of=..., since=..., marking=...)` resolves
the subject, fills the section models (`sections`, `assembler`), renders
them through the section templates (`brief.templates`) and parses the
Markdown into the neutral document model.
"""

from brief.assemble.compose import build_document

__all__ = ["build_document"]
