"""Ingest: add new sources and propose draft extracts for an analyst to review.

    add.add_source(workspace, path, ...)        # sources add: text + metadata -> seeds/
    draft.write_draft(workspace, source_id)     # extract: candidates -> seeds/drafts/<id>.yaml
    accept.accept_draft(workspace, source_id)   # extract --accept: accepted -> seeds/extracts/

Reading: `read` (html/txt/md -> text + metadata), `boilerplate`, `language`.
The extractor (`extract`) is rule-based, nothing is downloaded: `quotes`
finds quotations, `attribution` finds who said them with `speakers`
resolving names, pronouns and roles, `mentions` matches the actor registry,
`dates` finds dates and places. `score` measures it against gold standards.
"""

EXTRACTOR_NAME = "extractor"


def tool_name() -> str:
    """`brief <version> extractor`: recorded in `proposed_by` of what the tool proposed."""
    from brief import __version__

    return f"brief {__version__} {EXTRACTOR_NAME}"
