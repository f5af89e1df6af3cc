"""Long plain text (issue 18): the same results as before the linear-time rewrite, on texts made here.

Speed itself is measured in bench/text_scaling.py, not here (no timed tests).
"""

import random
import re

from extract.text import text_to_document
from models import SourceInfo
from pipelines.extractors.savings import _clause, clause_around


def test_wrapped_lines_without_blank_lines_are_one_block_with_hyphens_joined():
    lines = ["the joint committee agreed the regen-", "eration plan and a self-", "service desk for the"] * 400
    src = SourceInfo(path="t.txt", sha256="0" * 64, format="text", pages=0)
    doc = text_to_document("\n".join(lines).encode(), src)
    assert len(doc.blocks) == 1
    assert doc.text.count("regeneration plan") == 400 and doc.text.count("self-service desk") == 400
    assert "regen-" not in doc.text


def test_a_clause_in_a_very_long_sentence_is_the_one_the_whole_sentence_gives():
    rng = random.Random(3)
    vocab = ["saving", "the", "a;", "x -", "council", "£3m", "of", "long" * 30, "b:"]
    for _ in range(30):
        text = " ".join(rng.choice(vocab) for _ in range(4000))
        for m in list(re.finditer("saving", text))[::40]:
            assert clause_around(text, m.start(), m.end(), 0, len(text)) == _clause(
                text, m.start(), m.end(), 0, len(text)
            )
