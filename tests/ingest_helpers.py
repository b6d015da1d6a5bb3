"""Shared set-up for the ingest tests: a small actor registry and workspace."""

from __future__ import annotations

from pathlib import Path

from brief.corpus.models import Actor

REGISTRY_YAML = """\
actors:
  - id: boris-ruge
    name: Boris Ruge
    kind: person
  - id: ozkan-ulutas
    name: Özkan Ulutaş
    aliases: [Ozkan Ulutas]
    kind: person
  - id: marko-djuric
    name: Marko Đurić
    kind: person
  - id: aleksandar-vucic
    name: Aleksandar Vučić
    aliases: [Вучић]
    kind: person
  - id: jane-roe
    name: Jane Roe
    kind: person
  - id: miroslav-lajcak
    name: Miroslav Lajčák
    kind: person
  - id: nato
    name: NATO
    kind: organisation
  - id: nato-press-office
    name: NATO Press office
    aliases: [NATO Press Office]
    kind: office
  - id: kfor
    name: KFOR
    aliases: [NATO-led KFOR mission, Kosovo Force]
    kind: mission
  - id: eulex
    name: EULEX
    aliases: [EU Rule of Law Mission]
    kind: mission
  - id: serbian-foreign-ministry
    name: Ministry of Foreign Affairs of Serbia
    aliases: [Serbian Ministry of Foreign Affairs, Serbian foreign ministry]
    kind: organisation
  - id: serbia
    name: Serbia
    kind: country
  - id: kosovo
    name: Kosovo
    kind: country
"""


def registry() -> list[Actor]:
    import yaml

    from brief.corpus.models import ActorsFile

    return list(ActorsFile.model_validate(yaml.safe_load(REGISTRY_YAML)).actors)


def make_workspace(root: Path) -> Path:
    (root / "briefings").mkdir(parents=True)
    (root / "seeds" / "actors").mkdir(parents=True)
    (root / "seeds" / "actors" / "people.yaml").write_text(REGISTRY_YAML, encoding="utf-8")
    return root
