"""Plausibility checks on metadata values: a value that does not look like what its field holds is
flagged for review whatever its confidence (a title of "None", "Media", "Meeting (no.447) of", a
person's name, a whole YAML front matter)."""

from __future__ import annotations

import re

# Values that stand for "nothing" in a form's field.
PLACEHOLDERS = frozenset(
    {"none", "n/a", "na", "nil", "null", "tbc", "tba", "tbd", "unknown", "not applicable", "-", "–", "—", "?"}
)
# A title cut short ends in a word that needs what follows it.
_DANGLING = re.compile(
    r"(?:\b(?:of|and|the|to|for|in|on|at|by|with|from|a|an|or|into|between|re)|[,:;&/(\-–—])\s*$", re.I
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Prof|Professor|Sir|Dame|Rev|Revd)\.?\s+[A-Z]", re.I)
# "J Smith", "J. R. Smith", "Smith, J."
_INITIALS_NAME = re.compile(r"^(?:[A-Z]\.?\s+){1,3}[A-Z][a-z'’-]+$|^[A-Z][a-z'’-]+,\s*(?:[A-Z]\.?\s*){1,3}$")
# Common UK given names: a two-word title "Given Surname" (or with a middle initial) is a person's name.
GIVEN_NAMES = frozenset(
    """adam alan alex alison amanda andrew angela ann anna anne anthony barbara ben brian carol caroline
    catherine charles chris christine claire clare colin craig daniel david dawn deborah diane elizabeth emma
    gary gareth gillian graham helen ian jack james jane janet jason jennifer jenny jill joanne john jonathan
    joseph julie karen kate katherine keith kevin laura lee linda lisa louise lucy margaret mark martin mary
    matthew michael michelle neil nicholas nicola nigel patricia paul peter philip rachel rebecca richard
    robert ruth sally samantha sarah simon stephen steve stuart susan thomas tim timothy tom tony tracy
    victoria william""".split()
)
_GIVEN_SURNAME = re.compile(r"^(?P<given>[A-Z][a-z]+)\s+(?:[A-Z]\.?\s+)?[A-Z][a-z'’-]+$")
_FRONT_MATTER = re.compile(r"^---|(?:^|\s)[a-z_]+:\s.*\s[a-z_]+:\s", re.S)
MAX_TITLE_CHARS = 250


def implausible(field: str, value: str, values: dict[str, str]) -> str | None:
    """Why ``value`` does not look like a ``field`` value, or None when it does.

    ``values`` are the report's other metadata values (a title equal to the author is a name).
    """
    v = " ".join(str(value).split())
    if v.lower().strip(".") in PLACEHOLDERS:
        return "a placeholder, not a value"
    if field != "title":
        return None
    words = re.findall(r"[\w'’]+", v)
    if len(words) <= 1:
        return "a single word"
    if _DANGLING.search(v):
        return "ends in a word that needs what follows it"
    given = _GIVEN_SURNAME.match(v)
    if _HONORIFIC.match(v) or _INITIALS_NAME.match(v) or (given and given.group("given").lower() in GIVEN_NAMES):
        return "a person's name"
    author = values.get("author")
    if author and " ".join(author.split()).lower() == v.lower():
        return "the same as the author"
    if _FRONT_MATTER.search(v):
        return "front matter or form fields, not a title"
    if len(v) > MAX_TITLE_CHARS:
        return "longer than a title"
    return None
