"""Write scripts/data/odd_texts.jsonl: calm texts unlike chat messages, so the heads do not panic on them.

Long pastes of the knowledge base's own passages (the themes discussed at a distance), repetitive or numbered
text, lists, code, links and placeholder text: none of them is a crisis, a tension or a feeling. Run once after
changing the knowledge base: ``.venv/bin/python scripts/data/odd_texts.py``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "scripts" / "data" / "odd_texts.jsonl"

FILLERS = [
    "Phrase {n} d'un très long message collé, avec des <balises> & des accents.",
    "Ligne {n} : compte rendu de la réunion, point budget, point planning, questions diverses.",
    "Item {n} - acheter du pain, du lait, des pommes, rappeler le garage.",
    "Step {n}: open the settings, tap privacy, then choose who can see your stories.",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit {n}.",
    "{n}. https://example.org/article/{n}?utm_source=share",
    "def step_{n}(x):\n    return x * {n}",
    "Chapitre {n}. Il était une fois un petit village au bord d'une rivière tranquille.",
    "Row {n}, column A, value {n}.5, status OK",
    "Rappel {n} : la réunion de copropriété aura lieu jeudi à 18 h dans le hall.",
]


def passages() -> list[str]:
    """Paragraphs of the knowledge base's passages (both languages), front matter left out."""
    out = []
    for path in sorted((ROOT / "companion" / "knowledge" / "content").glob("*/*/*.md")):
        body = path.read_text("utf-8").split("---", 2)[-1]
        out += [p.strip() for p in body.split("\n\n") if len(p.strip()) > 200]
    return out


def main() -> None:
    random.seed(11)
    rows = []
    for paragraph in passages():
        rows.append({"text": paragraph[:1500], "origin": "knowledge base paragraph"})
    for template in FILLERS:
        for size in (3, 12, 60):
            start = random.randint(1, 50)
            text = " ".join(template.format(n=start + i) for i in range(size))
            rows.append({"text": text[:3000], "origin": "generated filler"})
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
