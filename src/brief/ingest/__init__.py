"""Ingest: add new sources and propose draft extracts for an analyst to review.

    add_source(workspace, path, ...)     # sources add: text + metadata -> seeds/sources, texts
    write_draft(workspace, source_id)    # extract: candidates -> seeds/drafts/<id>.yaml
    accept_draft(workspace, source_id)   # extract --accept: accepted -> seeds/extracts, actors

The extractor is rule-based (no model, nothing downloaded): see `quotes`,
`mentions`, `dates`; its measured quality is reported by `score`.
"""

EXTRACTOR_NAME = "extractor"


def tool_name() -> str:
    """`brief <version> extractor`: recorded in `proposed_by` of what the tool proposed."""
    from brief import __version__

    return f"brief {__version__} {EXTRACTOR_NAME}"
