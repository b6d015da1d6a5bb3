"""brief: structured briefing documents from a curated, footnoted corpus.

The pipeline, one module per stage:

    corpus (load + validate YAML and source texts)
      -> assemble (pydantic briefing sections for a subject and date)
      -> templates (sandboxed Jinja2 -> small Markdown dialect)
      -> document (neutral model: blocks, inline runs, notes)
      -> render (docx, pdf, markdown)
"""

__version__ = "0.1.0"
