"""Organisations: every named organisation, under its full canonical name, linked to a register.

Sources, in order of trust: the gazetteer (pipelines/rules/*.csv) by name and alias;
name patterns ("X County Council", "X Fire and Rescue Service", "X NHS Foundation Trust",
"Department for X", "University of X", "X Society", "X & Co", named schools), with coordinated names
expanded ("East and West Sussex County Councils" is two councils); acronyms the text defines ("(ESCC)",
"LAPFF (Local Authority Pension Fund Forum)") or that are a found name's initials; parties named by a
contracting cue or in apposition ("the agreement with X", "X, the regional development agency,"; kept for
review); the items of a labelled list of partners ("Partners: A, B, C"), of a bulleted list after "our partner
organisations are:" and of a table's partner or organisation column, whatever their head noun (org_lists.py);
and spaCy's ORG entities when the model is installed (kept for review). A partnership's own board is the
partnership; a kind of statutory partnership named without its place ("the Community Safety Partnership") is no body.

Last, ``link`` gives each body its register id (pipelines/register.py) and resolves or drops a name that looks
like a council but is not one ("Kent Council" is Kent County Council; "December County Council" is dropped).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines import gazetteer, register
from pipelines.extractors.base import Candidate, Context
from pipelines.extractors.council import domain_councils
from pipelines.extractors.org_lists import correspondence_senders, list_members, listed_bodies
from pipelines.extractors.org_proposals import propose
from pipelines.orgnames import (
    DIRECTIONS,
    GENERIC,
    initials,
    is_generic_place,
    kind_from_name,
    split_coordination,
    trim_place,
    walk_back,
)

SUFFIXES = (
    r"County\s+Borough\s+Councils?",
    r"Metropolitan\s+(?:Borough|District)\s+Councils?",
    r"County\s+Councils?",
    r"Borough\s+Councils?",
    r"District\s+Councils?",
    r"City\s+Councils?",
    r"Combined\s+Authority",
    r"Fire\s+and\s+Rescue\s+(?:Services?|Authority|Authorities)",
    r"Fire\s+Authority",
    r"Police\s+Authority",
    r"Police\s+and\s+Crime\s+Commissioner",
    r"Constabulary",
    r"Police",
    r"(?:Foundation\s+)?NHS\s+(?:Foundation\s+)?Trust",
    r"Integrated\s+Care\s+Board",
    r"Clinical\s+Commissioning\s+Group",
    r"Health\s+Board",
    r"Housing\s+(?:Trust|Association)",
    r"Primary\s+Care\s+Trust",
    r"(?:Strategic\s+)?Health\s+Authority",
    r"Ambulance\s+Service",
    r"Trust",
    r"Foundation",
    r"Institute",
    r"Federation",
    r"Alliance",
    r"Corporation",
    r"Ltd\.?",
    r"Limited",
    r"plc",
    r"LLP",
    r"Council\s+(?:for|of)\s+Voluntary\s+Service(?!s)",
    r"Chambers?\s+of\s+Commerce(?:(?:,\s+|\s+and\s+|\s+&\s+)(?:Industry|Enterprise))?(?:\s+and\s+Industry)?",
    r"New\s+Deal\s+for\s+Communities",
    r"Councils?",
    r"Board",
    r"Forum",
    r"Network",
    r"Group",
    r"Partnership",
    r"Association",
    r"Commission",
    r"Company",
    r"Society",
    r"Agency",
    r"Authority",
    r"Regulator",
    r"University",
    r"College",
    r"(?:(?:County\s+|Community\s+|Church\s+of\s+England\s+|C\.?E\.?\s+|Catholic\s+)?(?:Primary|Secondary|High|Infant|"
    r"Junior|Nursery|Special)\s+)?School",
    r"Playgroup",
    r"(?:Crown|Magistrates[’']?|County|Sheriff|Family|Coroner[’']?s)\s+Court",
)
SUFFIX_RE = re.compile(r"(?<=\s)&\s+Co\b\.?|\b(?:" + "|".join(SUFFIXES) + r")\b")
# Suffixes that make a proper name only with two or more capitalised words before them.
WEAK = {
    "Board",
    "Forum",
    "Network",
    "Group",
    "Partnership",
    "Association",
    "Commission",
    "Company",
    "Agency",
    "Authority",
    "Trust",
    "Foundation",
    "Institute",
    "Federation",
    "Alliance",
    "Corporation",
}
# Suffixes after one proper word that is not generic ("Alzheimer's Society", "The Pensions Regulator").
ONE_WORD = {"Society", "Regulator", "University", "College", "& Co", "& Co."}
# Schools: bodies in their own right, but often in tables of venues (kept for review).
VENUE_RE = re.compile(r"(?:School|Playgroup)$")
VENUE_GENERIC = re.compile(
    r"^(?:Civic|Contact|Leisure|Data|Community|Children[’']?s?|Family|Service|Resource|Call|Day|"
    r"Health|Medical|Shopping|Town|City|Business|Visitor|Sports?|Training|Learning|Enterprise|"
    r"Innovation|Youth|Arts|Heritage|Support|Customer|Information|Advice|Operations|Control|"
    r"Command|Distribution|Recycling|Waste|Conference|Primary|Secondary|High|Special|Independent|"
    r"Maintained|Local|Village|Nursery|Free|Faith|Grammar|Catholic|Infant|Junior|County|"
    r"Comprehensive|Welsh|English|Medium|Job|Jobcentre|Hub|Integrated|Assessment|Referral|"
    r"Respite|Resource|Residential|Care|Flying|Start|Early|Years|Wellbeing|Disability|Transport|"
    r"Coordination|Co-ordination|Emergency|Excellence|Cultural|Music|Performing|Sixth|Form|"
    r"Further|Higher|Adult|Education|Public|Private|Academy|State|Boarding|Summer|Holiday|"
    r"Saturday|Sunday|The|A|An|Our|Their|New|Existing|Proposed|Current|Former|Main|Central|"
    r"Regional|National|Technical|Treatment|Testing|Vaccination|Research|Study|Studies|Civil|Building|Students?)$"
)
# Words that end a building's name before a university's ("Students Union Building | South Bank University").
UNI_CUT = re.compile(r"^.*\b(?:Building|Union|Campus|Site|House|Hall|Road|Street|Centre)\s+")
# Council-internal bodies and generic heads that are not organisations in their own right.
INTERNAL = re.compile(
    r"^(?:Scrutiny|Cabinet|Executive|Policy|Audit|Planning|Licensing|Project|Programme|Steering|"
    r"Task|Management|Leadership|Senior|Officers?|Members?|Corporate|Strategic|Working|Reference|"
    r"Advisory|Stakeholder|Project|Delivery|Implementation|Governance|Finance|Budget|Political|"
    r"Liberal|Labour|Conservative|Green|Independent|Opposition|Escalation|Appeals|Standards|"
    r"Health and Wellbeing|Schools|Youth|Parish|Town|Area|Local|Transformation|Major|Leader|Tenants?(?:’|')?s?)\b"
)
DEPT_RE = re.compile(
    r"\b(?:Department|Ministry|(?:Government\s+)?Office)\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w’']*(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+)[A-Z][\w’']*)*"
)
ROYAL_RE = re.compile(
    r"\b(?:Royal|London)\s+Borough\s+of\s+[A-Z][\w’']*(?:\s+(?:and|upon|on)\s+[A-Z][\w’']*|"
    r"\s+(?!(?:London|Royal|Borough|City|Council|Limited|Ltd)\b)[A-Z][\w’']*){0,3}"
)
DEFINE_RE = re.compile(r"\(\s*(?:the\s+)?[“\"']?([A-Z][A-Za-z0-9&]{1,9})[”\"']?\s*\)")
UNIVERSITY_OF = re.compile(r"\bUniversity\s+of\s+(?:the\s+)?[A-Z][\w]*(?:\s+[A-Z][\w]*){0,3}(?![\w’'])")
INTERNAL_ANYWHERE = re.compile(
    r"\b(?:Task|Steering|Advisory|Project|Programme|Scrutiny|Monitoring|Strategy|Plan|"
    r"Fund|Officer|Officers|Member|Members)\b"
)
# What follows "Office of the" in a council's own offices ("Office of the Chief Executive").
OFFICE_INTERNAL = re.compile(
    r"^Office\s+(?:of|for)\s+(?:the\s+)?(?:Chief|Leader|Mayor|Director|Head|Monitoring|Council|"
    r"Cabinet|Executive|Deputy|Assistant|Chair|Clerk|Returning|Electoral|Registrar)\b"
)
# A supporters' group, the commonest form of a local charity: "Friends of Elm Park", "Friends of the Library"
FRIENDS_OF = re.compile(r"\bFriends\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w’'-]*){0,3}")
# What such a group supports ends its name ("Friends of Elm Park | Summer Fair"); what follows a name is not it
SUPPORTED_PLACE = re.compile(
    r".*\b(?:Park|Gardens?|Library|Museum|Hospital|School|Academy|Church|Chapel|Woods?|Meadows?|Common|Green|"
    r"Cemetery|Station|Hall|Centre|Center|River|Canal|Lake|Reservoir|Quarry|Nature\s+Reserve|Reserve|Forest|Beach|"
    r"Theatre|Gallery|Square)\b"
)
NOT_OF_A_NAME = re.compile(
    r"(?:[ \t]+(?:Rep|Reps|Representatives?|AGM|Meeting|Chair|Secretary|Treasurer|Event|Events))+$"
)


def _friends_name(name: str) -> str:
    """A supporters' group's name as written, without what follows it ("Friends of Elm Park AGM")."""
    return NOT_OF_A_NAME.sub("", (SUPPORTED_PLACE.match(name) or re.match(".*", name)).group(0))


HEALTHWATCH = re.compile(r"\bHealthwatch\s+[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3}")
# A town, parish or community council's letterhead in capitals ("LLANFAIR COMMUNITY COUNCIL").
LOCAL_CAPS = re.compile(
    r"\b(?P<place>[A-Z][A-Z’'-]+(?:[ \t]+[A-Z][A-Z’'-]+){0,3})[ \t]+(?P<tier>TOWN|COMMUNITY|PARISH)[ \t]+"
    r"COUNCIL\b"
)
# Kinds of statutory partnership named without their place: every area has one ("the Community Safety Partnership").
GENERIC_BODY = re.compile(
    r"(?:The\s+)?(?:Local\s+)?(?:Community\s+Safety|Crime\s+and\s+Disorder(?:\s+Reduction)?|Local\s+Strategic|"
    r"Strategic|Local\s+Enterprise|Safer\s+Communities|Health\s+and\s+Well-?being|Safeguarding\s+(?:Children|Adults)|"
    r"Public\s+Services?|Local\s+Service|Local\s+Resilience|Children(?:’|')?s?\s+Trust|Youth\s+Offending|"
    r"Drug\s+and\s+Alcohol\s+Action|Regeneration|Neighbourhood\s+Renewal|Communities|Community|Reducing\s+Reoffending|"
    r"Integrated\s+Care|Regional\s+Development|Primary\s+Care)\s+(?:Partnership|Board|Forum|Executive|Team|Group|"
    r"Trust|Agency)(?:\s+(?:Board|Executive))?"
)
# Words before a local council's place in a capitals line: what the line is, not the place
LOCAL_CAPS_LEAD = re.compile(
    r"\b(?:THE|OF|MINUTES|AGENDA|MEETING|REPORT|NOTES|DRAFT|PUBLISHED|PRODUCED|PREPARED|BY|FOR|TO|FROM|NEWSLETTER)\b"
)
# Things named like bodies: a notice board on the green, the open forum of a meeting's agenda
THING = re.compile(
    r"\b(?:Notice|Information|Display|Advertising|Memorial|Bulletin|Message|Dart|Chess|Skate|Surf|Sand|Score)\s+Boards?$|"
    r"^(?:(?:The|Public|Open|Community)\s+){1,3}(?:Forum|Session)$"
)
# The rest of a name past "of"/"for" after its head noun, in capitalised words ("for the Prevention of Accidents").
# ("... of Radiologists Who Shares Wins": a title goes on after a pronoun; "... and Accountancy’s Treasury
# Management": a possessive ends the body's name)
_TAIL_WORD = r"[A-Z](?:[\w-]|[’'](?![sS]\b))*"
NAME_GOES_ON = re.compile(
    r"\s+(?:of|for)\s+(?:the\s+)?" + _TAIL_WORD + r"(?:\s+(?:(?:of|and|for|the|to|in|&)\s+)*(?!(?:Council|Councils|"
    r"Cabinet|Committee|Who|Which|What|Where|When|How|Why|That|This|These|Those)\b)" + _TAIL_WORD + r")*"
)
# A college or university whose name goes on past its head noun: its hospital, or its city ("... College London")
COLLEGE_GOES_ON = re.compile(r"[ \t]+(?:Hospitals?|London)\b(?![ \t]+(?:Road|Street|Borough)\b)")
# An owner that is no name, before what it has ("the Government’s Growth Commission", "the city’s Food Partnership");
# a name's own possessive stays ("St Anne’s Choral Society", "King’s College")
OWNER = re.compile(
    r"\b(?:Government|Country|Nation|City|County|Borough|Region|Town|Village|Area|Department|Ministry|Mayor|"
    r"Minister|Secretary)[’']s\s+",
    re.I,
)
# The office holder before "Office for ..." ("the Mayor’s Office for Policing and Crime"), a post in capitals
OFFICE_HOLDER = re.compile(r"(?<![\w’'-])(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+[’']s\s+$")
# Heads after which a body's name often goes on ("Royal Society for the ...", "Rivertown School of Art",
# "Westshire Association of Acute Trusts", "Chartered Institute of Housing").
NAME_GOES_ON_AFTER = {"Society", "College", "School", "Association", "Institute", "Federation", "Alliance"}
# "... School of Art | and the Hillside Institute", "... of Birds | and the NSPCC": the next body starts there
TWO_BODIES = re.compile(
    r"\s+(?:and|&)\s+(?:the\s+)?(?=(?:[A-Z][\w’'-]*\s+){0,4}(?:"
    + "|".join(sorted(NAME_GOES_ON_AFTER | {"University", "Council", "Trust"}))
    + r")\b|[A-Z]{2,}\b)"
)
VOLUNTARY_ACTION = re.compile(
    r"\bVoluntary\s+Action\s+(?P<place>[A-Z][\w’'-]+(?:[ \t]+(?:upon\s+|on\s+)?[A-Z][\w’'-]+){0,2})"
)
AREA_AFTER = re.compile(
    r"\s+for\s+(?:the\s+)?[A-Z][\w-]*(?:(?:\s+|\s+and\s+|\s+of\s+|,\s+)(?:the\s+)?[A-Z][\w-]*){0,5}"
)
AREA_ENDS = re.compile(
    r",?\s+and\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3}?(?:Police|Fire|Council|Commissioner|Authority)\b"
)
NATIONAL_AREA = re.compile(r"[ \t]+((?:[A-Z][\w’'-]+)(?:[ \t]+[A-Z][\w’'-]+){0,2})")
SHORT_CC = re.compile(r"\b([A-Z][\w’']*(?:\s+[A-Z][\w’']*)?)\s+(CC|BC|DC)\b")


NOT_ORG_TAIL = re.compile(
    r"\b(?:System|Programme|Plan|Strategy|Fund|Funding|Scheme|Act|Review|Agreement|Framework|"
    r"Assessment|Policy|Services?|Unit|Team|Zone|Levy|Case|Directorate|Memorandum|Understanding|"
    r"Needs|Settlement|Order|Notice|Standards?|Project|Centre|Report|Account|Budget|Grant|Pathway|"
    r"Area|Areas|Register|Regulations?|Guidance|Statement|Charge|Charging|Permit|Tax|Rate|Index|"
    r"Output|Outputs|Super|Lower|Layer|Measure|Management|Leave|Officer|Director|Panel|Committee|Hub|"
    r"Accountability|Making|Plans?|Care|Safe|Disabilities|Process|Model|Approach)$"
)
NUMBER_WORDS = {
    "One": "1",
    "Two": "2",
    "Three": "3",
    "Four": "4",
    "Five": "5",
    "Six": "6",
    "Seven": "7",
    "Eight": "8",
    "Nine": "9",
    "Ten": "10",
}
PLACE_LIST_RE = re.compile(
    r"\b(?:with|between|across|including|and)\s+(?P<list>[A-Z][\w’']*(?:\s+[A-Z][\w’']*)?"
    r"(?:(?:,\s*|\s+and\s+|\s+&\s+)[A-Z][\w’']*(?:\s+[A-Z][\w’']*)?)+)(?!\s+[A-Z(])"
)
# the words before a list of places that say they are places, not their councils
PLACES_NOT_COUNCILS = re.compile(
    r"\b(?:places|localities|towns|villages|neighbourhoods|wards|(?<!council\s)(?<!authority\s)areas)\b", re.I
)
_PLACE_WORD = r"(?!(?:Local|County|Borough|Boroughs|District|City|Councils?|Authorit\w*)\b)[A-Z][\w’'-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+(?:upon[ \t]+|on[ \t]+)?{_PLACE_WORD}){{0,2}}"  # on one line
# "Wandsworth, Richmond and Kingston Local Authorities", "North Herts and East Herts councils", "the three boroughs
# of Wandsworth, Richmond and Kingston": places that say they are councils
PLACE_COUNCILS_RE = re.compile(
    rf"\b(?P<list>{_PLACE}(?:,\s*{_PLACE})*,?\s+(?:and|&)\s+{_PLACE})\s+(?:(?:County|Borough|District|City)\s+)?"
    r"(?:[Cc]ouncils|[Ll]ocal\s+[Aa]uthorities|[Aa]uthorities|[Bb]oroughs)\b|"
    r"\b(?:the\s+)?(?:two|three|four|five|six|seven|eight|\d)\s+(?:councils|boroughs|districts|local\s+authorities|"
    rf"authorities)\s+(?:of\s+)?(?P<list2>{_PLACE}(?:,\s*{_PLACE})*,?\s+(?:and|&)\s+{_PLACE})\b"
)


def _police_area(place: str) -> str | None:
    """The end of the words before "Police" that can name a force: a force the gazetteer knows, a place, or an
    acronym ("MOD"); None when no ending can ("Andrew Crawford", "September")."""
    words = place.split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if gazetteer.lookup(f"{tail} Police") or _is_place(tail):
            return place[len(place) - len(tail) :] if place.endswith(tail) else None
    if words and re.fullmatch(r"[A-Z]{2,5}", words[-1]):
        return words[-1] if place.endswith(words[-1]) else None
    return None


def _spelt_out_otherwise(acro: str, council: str, text: str) -> bool:
    """True when the text spells out the initials ``acro`` as a name other than the council's ('New Deal for
    Communities' for NDC)."""
    word = r"[A-Z][\w-]*"
    phrase = re.compile(
        rf"(?<![\w’'-])(?=({word}(?:\s+(?:(?:and|of|for|the|&)\s+)*{word}){{{len(acro) - 1}}})(?![\w-]))"
    )
    for m in phrase.finditer(text):
        name = " ".join(m.group(1).split())
        if name[0] != acro[0] or not _abbreviates(acro, name):
            continue
        body = gazetteer.lookup(name)
        auth = register.resolve(name) if re.search(r"\bCouncil$", name) else None
        if not (body and body.name == council) and not auth and name != council:
            return True
    return False


def _abbreviates(acro: str, name: str) -> bool:
    """True when ``acro`` is the initials of ``name`` (number words may be digits: 'SE7')."""
    words = [w for w in name.split() if w.lower() not in {"and", "of", "for", "the", "&"}]
    full = "".join(NUMBER_WORDS.get(w, w[0]).upper() for w in words)
    return acro.upper() == full


ORG_HEAD = re.compile(
    r"\b(?:Partnership|Alliance|Board|Forum|Network|Group|Council|Councils|Authority|Agency|Trust|"
    r"Association|Commission|Consortium|Collaborative|Company|Federation|Institute|Society|"
    r"Foundation|Union|League|Panel|Office|Executive|Service|Services|Seven|Eight|Six|Five|Four|"
    r"Three|Two|Ten|Twelve)$"
)
COMPANY_TAIL = re.compile(
    r"(?:^|\s)(?:Labour|Conservative(?:\s+and\s+Unionist)?|Green|Liberal(?:\s+Democrat)?|Reform\s+UK|"
    r"Independent|Plaid\s+Cymru|Scottish\s+National|Brexit|UK\s+Independence|Co-operative|"
    r"Women’?'?s\s+Equality|Residents’?'?|Socialist|Alliance)\s+Party$|\b(?:Ltd\.?|Limited|plc|PLC|LLP|Homes|University|College|Consulting|Consultants|"
    r"Associates|Partners|Group\s+plc)$"
)
CONTRACT_CUE = re.compile(
    r"(?:carried out|commissioned|provided|delivered|undertaken|prepared|run|operated|developed|"
    r"built|supplied|awarded|let)\s+(?:to\s+)?by\s+(?:the\s+)?$|(?:contract(?:ed)?|agreement|partnership|"
    r"joint venture)\s+(?:with|to)\s+(?:the\s+)?$|(?:consultants?|contractors?|developers?|providers?|"
    r"operators?)\s+$"
)
# Where the model's ORG can be kept: a company-form word, or a contracting cue (CONTRACT_CUE unanchored).
ORG_SENTENCE_CUE = re.compile(
    r"\b(?:Party|Ltd|Limited|plc|PLC|LLP|Homes|University|College|Consulting|Consultants|"
    r"Associates|Partners)\b|" + CONTRACT_CUE.pattern.replace("$", "")
)
TOKEN_RE = re.compile(r"[\w-]+")
_CAP_WORD = re.compile(r"\b[A-Z]")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
CUE_REACH = 90  # characters around a cue that a kept entity can occupy (a name of up to five words)


def _cue_windows(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The parts of sentence ``s:e`` near an organisation cue, whole words, overlapping parts merged: the only
    places where the model's entities can be kept (a name ending in a company word, or after a contracting cue)."""
    out: list[tuple[int, int]] = []
    for m in ORG_SENTENCE_CUE.finditer(text, max(0, s - 40), e):
        a, b = max(s, m.start() - CUE_REACH), min(e, m.end() + CUE_REACH)
        while a > s and not text[a - 1].isspace():
            a -= 1
        while b < e and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        elif a < b:
            out.append((a, b))
    return out


GENERIC_WORDS = re.compile(
    r"\b(?:Services?|Care|Health|Council|Committee|Cabinet|Directorate|Team|Unit|Implications|"
    r"Programme|Strategy|Plan|Fund|Scheme|Policy|Report|Review|Act|Assessment|Management|"
    r"Government|Authority|Department|Office)\b"
)


@lru_cache(maxsize=1)
def _gazetteer_re() -> re.Pattern[str] | None:
    names = set()
    for b in gazetteer.load():
        names.add(b.name)
        names.update(a for a in b.aliases if not a.isupper() and len(a) > 3)
    if not names:
        return None

    # after its first word, a name may be written in lower case ("the Scottish government", "Bradford university")
    words = [
        [
            re.escape(w) if i == 0 else r"(?:&|and)" if w in ("&", "and") else _any_case(w)
            for i, w in enumerate(n.split())
        ]
        for n in names
    ]
    first = "".join(sorted({re.escape(n[0]) for n in names}))  # a cheap test before the trie at each position
    return re.compile(rf"(?<![\w-])(?=[{first}])" + gazetteer.words_regex(words) + r"(?![\w-])")


# National charities whose local branches are charities of their own, named by their place ("Age UK Norfolk")
FEDERATED = {"Age UK", "Citizens Advice", "Carers Trust", "Mind", "YMCA", "Home-Start", "Relate", "Samaritans"}
# the capitalised words right after a body's name, on its line: perhaps the place of a local branch
BRANCH_PLACE = re.compile(r"[ \t]+([A-Z][a-z]+(?:[ \t]+(?:and[ \t]+)?[A-Z][a-z]+){0,2})")
COUNCIL_AFTER = re.compile(r"\s+(?:(?:County|City|District|Borough|Metropolitan|Town|Parish)\s+)*Council\b")
CAPITAL_COUNCIL_WORD = re.compile(r"COUNCIL|BOROUGH|CITY\s+OF|COUNTY\s+OF|COMHAIRLE")  # a cheap test before the trie


@lru_cache(maxsize=1)
def _council_caps_re() -> re.Pattern[str]:
    """Council names in any case, for letterheads in capitals ('KENT COUNTY COUNCIL', 'LONDON BOROUGH OF HACKNEY')."""
    names = {b.name for b in gazetteer.load() if b.name.endswith("Council") or b.kind in COUNCIL_KINDS}
    words = [[re.escape(w) for w in n.upper().split()] for n in names]
    return re.compile(r"(?<![\w-])(?=[A-Z])" + gazetteer.words_regex(words) + r"(?![\w-])")


def _any_case(word: str) -> str:
    """A capitalised word, or the same word in lower case ("Government", "government"); other words as they are."""
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return f"[{word[0]}{word[0].lower()}]{re.escape(word[1:])}"
    return re.escape(word)


def whole_tokens(text: str, keys) -> list[tuple[str, int, int]]:
    """(key, start, end) wherever a key stands as a whole token (not inside a longer word or hyphenation).

    One pass over the text's tokens for keys made of word characters; a regex each for the rest.
    """
    plain = {k for k in keys if TOKEN_RE.fullmatch(k)}
    out = [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text) if m.group(0) in plain]
    for k in set(keys) - plain:
        out += [(k, m.start(), m.end()) for m in re.finditer(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)]
    return [(k, s, e) for k, s, e in out if not (k.isupper() and ACT_YEAR.match(text, e))]


# "the LGA 1972": an acronym with a year after it is an Act (the Local Government Act), not a body
ACT_YEAR = re.compile(r"\s+(?:18|19|20)\d{2}\b(?![/-]\d)")


FOLLOWS_A_NAME = {
    "is",
    "was",
    "has",
    "have",
    "had",
    "will",
    "would",
    "were",
    "are",
    "to",
    "and",
    "or",
    "for",
    "in",
    "of",
    "on",
    "at",
    "with",
    "which",
    "who",
    "as",
    "by",
    "the",
    "a",
    "an",
    "its",
    "be",
    "been",
    "under",
    "from",
    "that",
    "provides",
    "provided",
    "trading",
    "t",
}


_WORD_AFTER = re.compile(r"[ \t]+(&|[a-z][\w’'-]*)")


def _modifies(text: str, end: int) -> bool:
    """A name written before a common noun ("NHS staff", "NHS dental statistics", "an NHS & Frontline Day")
    qualifies the noun rather than naming the body: the guidelines count a bare "NHS" only where it acts."""
    m = _WORD_AFTER.match(text, end)
    return bool(m) and m.group(1) not in FOLLOWS_A_NAME and not m.group(1).endswith("ed")  # "the NHS attended"


def singular(suffix: str) -> str:
    """A body-kind suffix in the singular: 'County Councils' → 'County Council'."""
    return re.sub(
        r"Councils$", "Council", re.sub(r"Services$", "Service", re.sub(r"Authorities$", "Authority", suffix))
    )


def _known_tail(place: str, suffix: str) -> str:
    """The words before a suffix that name the body: the longest tail that with the suffix is a known body
    ('Approved the | South Gloucestershire' Council), else what follows a mid-name 'the' ('Currently the |')."""
    single = singular(suffix)
    if not place or gazetteer.lookup(f"{place} {single}"):
        return place
    words = place.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if words[k - 1].lower() in ("and", "&") or words[k - 1].endswith(","):
            continue  # "East and | West Sussex" is a coordination, expanded later
        body = gazetteer.lookup(f"{tail} {single}")
        if tail[0].isupper() and body and (body.kind in COUNCIL_KINDS or not _is_place(" ".join(words[:k]))):
            return tail  # not "Kent | Learning and Skills Council": a place's own branch of a national body
    if "the" in words:
        return " ".join(words[len(words) - words[::-1].index("the") :])
    return place


def canonical(name: str) -> tuple[str, str]:
    """(canonical name, kind) for a surface name: the gazetteer's entry, else the name as written."""
    name = re.sub(r"^(?:the|The)\s+", "", " ".join(name.split())).strip(" ,.;:")
    body = gazetteer.lookup(name) or _expanded(name)
    if body:
        return body.name, body.kind
    return name, kind_from_name(name)


def _expanded(name: str) -> gazetteer.Body | None:
    """The gazetteer's body for a name that opens with a known acronym, written out ("MOD Police": Ministry of
    Defence Police); None unless the written-out name is in the gazetteer."""
    head, _, rest = name.partition(" ")
    body = gazetteer.acronyms().get(head) if rest else None
    return gazetteer.lookup(f"{body.name} {rest}") if body else None


class OrganisationsExtractor:
    """Finds named organisations."""

    name = "organisations"
    field = "organisations"

    def find(self, ctx: Context) -> list[Candidate]:
        text = ctx.text
        found: list[Candidate] = []
        found += self._gazetteer(text)
        found += self._patterns(text)
        found = self._resolve_overlaps(self._join_cut_names(text, found))
        found += self._acronyms(text, found)
        found += self._defined_names(text, found)
        found += expanded_acronyms(text, found)
        found += self._place_lists(text, found)
        found += contract_parties(text, found)
        found += list_members(text, found)
        found += listed_bodies(text, found, ctx.document.blocks)
        found += correspondence_senders(text, found, ctx.document.blocks)
        found += self._domain_councils(text)
        found += self._the_force(text, found)
        found += meeting_body(ctx, found)
        found += local_council_lists(text)
        if ctx.has_model:
            found += self._model(ctx, found)
        found = self._merge_partnership_suffix(self._merge_prefixes(cut_glued_words(self._resolve_overlaps(found))))
        props = link(propose(ctx, found, self._proposal))  # for the learned model to accept or drop
        found = merge_short_schools(merge_company_forms(link(found)))
        names = {c.data["name"] for c in found}
        found += [c for c in props if c.data["name"] not in names]
        found = only_sites(text, found)
        return [c for c in found if not GENERIC_BODY.fullmatch(c.data["name"]) and not THING.search(c.data["name"])]

    def _proposal(
        self, name: str, start: int, end: int, conf: float, rule: str, aliases: list[str] | None = None
    ) -> Candidate:
        return self._cand(name, start, end, conf, rule, aliases=aliases)

    def _join_cut_names(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """A body named by its head noun that begins inside a known body's name ("Cabinet Office" and "Office
        Transparency Board" in "the Cabinet Office Transparency Board") lost the words before: it is the known
        body's board, group or unit, named in full. An 'Office for ...' that begins inside one is no department."""
        known = [c for c in cands if c.rule == "gazetteer"]
        out = []
        for c in cands:
            host = None
            if c.rule.startswith("pattern") or c.rule == "department":
                host = next((g for g in known if g.start < c.start < g.end < c.end), None)
            if host is None:
                out.append(c)
                continue
            if c.rule == "department":
                continue  # "Cabinet Office for Jane Smith": whom a member stood in for, not an 'Office for ...'
            name = " ".join(text[host.start : c.end].split())
            out.append(self._cand(name, host.start, c.end, c.confidence, c.rule))
        return out

    @staticmethod
    def _merge_partnership_suffix(cands: list[Candidate]) -> list[Candidate]:
        """'Northern Five Partnership' beside 'Northern Five' is the same body, under the shorter name; 'X
        Partnership Board' is X Partnership."""
        for c in cands:  # a partnership's own board or executive is the partnership
            m = re.fullmatch(r"(?P<base>.+?\s+Partnership)\s+(?:Board|Executive)", c.data["name"])
            if m:
                c.data = {**c.data, "name": m.group("base"), "aliases": [*c.data.get("aliases", []), c.data["name"]]}
        names = {c.data["name"] for c in cands}
        for c in cands:
            m = re.fullmatch(r"(?P<base>.+?)\s+Partnership", c.data["name"])
            if m and m.group("base") in names:
                c.data = {**c.data, "name": m.group("base"), "aliases": [*c.data.get("aliases", []), c.data["name"]]}
        return cands

    @staticmethod
    def _merge_prefixes(cands: list[Candidate]) -> list[Candidate]:
        """A model-found name that begins another found name ('Notting Hill' / '... Housing Trust') is that body."""
        names = {c.data["name"] for c in cands if c.rule not in ("spacy-ORG", "contract-party")}
        for c in cands:
            if c.rule in ("spacy-ORG", "contract-party"):
                longer = [n for n in names if n.startswith(c.data["name"] + " ")]
                if len(longer) == 1:
                    c.data = {**c.data, "name": longer[0]}
        return cands

    def _cand(
        self,
        name: str,
        start: int,
        end: int,
        conf: float,
        rule: str,
        kind: str | None = None,
        aliases: list[str] | None = None,
    ) -> Candidate:
        canon, k = canonical(name)
        return Candidate(
            "organisations",
            start,
            end,
            {"name": canon, "kind": kind or k, "aliases": aliases or []},
            confidence=conf,
            extractor=self.name,
            rule=rule,
        )

    def _local_branch(self, text: str, c: Candidate) -> Candidate:
        """A national charity's local branch, named by a place after it ("Age UK Norfolk", "Citizens Advice
        Plymouth"): the branch is the body named, not the national charity (not so for a company's division, "First
        Bus Bristol"). A place is a council's area in the gazetteer; a council named in full after it is a body of its
        own."""
        if c.data.get("name") not in FEDERATED:
            return c
        m = BRANCH_PLACE.match(text, c.end)
        if not m:
            return c
        words = m.group(1).split()
        places = gazetteer.councils_by_place()
        for n in range(len(words), 0, -1):
            place = " ".join(words[:n])
            after = text[m.start(1) + len(place) : m.start(1) + len(place) + 40]
            if gazetteer._key(place) in places and not COUNCIL_AFTER.match(after):
                end = m.start(1) + len(place)
                return self._cand(f"{c.data['name']} {place}", c.start, end, c.confidence, "gazetteer-branch", "other")
        return c

    def _gazetteer(self, text: str) -> list[Candidate]:
        pattern = _gazetteer_re()
        out = (
            [self._cand(m.group(0), m.start(), m.end(), 0.95, "gazetteer") for m in pattern.finditer(text)]
            if pattern
            else []
        )
        out = [self._local_branch(text, c) for c in out]
        for m in _council_caps_re().finditer(text) if CAPITAL_COUNCIL_WORD.search(text) else ():
            body = gazetteer.lookup(m.group(0))
            if body:
                out.append(self._cand(body.name, m.start(), m.end(), 0.9, "gazetteer-capitals"))
        for m in LOCAL_CAPS.finditer(text) if "COUNCIL" in text else ():
            # "MINUTES OF THE AYTON COMMUNITY COUNCIL", "PUBLISHED BY GOVAN COMMUNITY COUNCIL": the place is after them
            cut = list(LOCAL_CAPS_LEAD.finditer(m.group("place")))
            place = m.group("place")[cut[-1].end() :].strip() if cut else m.group("place")
            if place and not re.search(r"\bAND\b", place):
                name = f"{place.title()} {m.group('tier').title()} Council"
                start = m.start("place") + len(m.group("place")) - len(place)
                out.append(self._cand(name, start, m.end(), 0.85, "capitals-local-council"))
        out = [
            c
            for c in out
            if c.data["kind"] != "police"
            or not re.match(r"\s+(?:Station|Stations|Office|Headquarters|HQ)\b", text[c.end :])
        ]  # "Kent Police Station" is an address
        out = [
            c
            for c in out
            if c.data["kind"] not in ("government department", "other")
            or not (
                re.search(r"(?<![.:|]\s)\b[A-Z][a-z]+[ \t]+$", text[max(0, c.start - 30) : c.start])
                and re.match(r"\s+(?:area|areas|office|offices|district|site|premises)\b", text[c.end :])
            )
        ]  # "the Millbrook Jobcentre Plus area": a local office or its area, named by its place
        out = [
            c
            for c in out
            if c.data["name"] != "NHS"
            or not re.match(r"[ \t]+(?:[A-Z][a-z]|(?:of|for)\s+[A-Z])|\s+(?:Foundation\s+)?Trust\b", text[c.end :])
        ]  # "NHS Cheshire and Merseyside", "Tyne and Wear | NHS Foundation Trust": part of a longer name, not the NHS
        out = [c for c in out if c.data["name"] != "NHS" or not _modifies(text, c.end)]
        for i, c in enumerate(out):
            area = NATIONAL_AREA.match(text, c.end) if register.NATIONAL_COUNCIL.search(c.data["name"]) else None
            k = len(area.group(1).split()) if area else 0
            while k and not _is_place(" ".join(area.group(1).split()[:k])):
                k -= 1
            if k:  # "Learning and Skills Council West Yorkshire": the national body's local arm, named by its area
                place = " ".join(area.group(1).split()[:k])
                out[i] = self._cand(
                    f"{c.data['name']} {place}", c.start, c.end + len(area.group(0)), c.confidence, "gazetteer-area"
                )
        table = gazetteer.acronyms()
        for acro, start, end in whole_tokens(text, table):
            body = table[acro]
            out.append(
                Candidate(
                    "organisations",
                    start,
                    end,
                    {"name": body.name, "kind": body.kind, "aliases": [acro]},
                    confidence=0.85,
                    extractor=self.name,
                    rule="gazetteer-acronym",
                )
            )
        return out

    def _patterns(self, text: str) -> list[Candidate]:
        out = []
        for m in SUFFIX_RE.finditer(text):
            walk_start = walk_back(text, m.start())
            raw = text[walk_start : m.start()]
            suffix = m.group(0)
            place = _known_tail(trim_place(raw.strip()), suffix)
            if re.search(r"\s(?:on|upon|in|by|under|next)$", place):
                continue  # "Contact Jane Smith on Trust and ...": a place's 'on' joins two names, never a name to its head
            owner = list(OWNER.finditer(place))
            if owner and not re.search(r"\b(?:Council|Authority|Board)[’']s\b", place):
                # "the Government’s Growth Commission": the body is what the owner has ("Jane’s Hospice" stays; a
                # council's own forum is no body, below)
                place = place[owner[-1].end() :]
            start = walk_start + len(raw.rstrip()) - len(place) if place else m.start()
            after = re.match(r"[ \t]+([A-Za-z]+)", text[m.end() : m.end() + 20])
            if suffix == "Limited" and after and after.group(1) not in FOLLOWS_A_NAME:
                continue  # "a Time Limited Debate", not "Acme Limited was appointed"
            longer = NAME_GOES_ON.match(text, m.end()) if suffix in NAME_GOES_ON_AFTER else None
            if not longer and suffix in ("College", "University") and place:
                longer = COLLEGE_GOES_ON.match(text, m.end())  # "King's College Hospital", "... College London"
                if longer:  # after one proper word, as these heads are ("Lecturer | King's College London")
                    start += len(place) - len(place.split()[-1])
                    place = place.split()[-1]
            end = longer.end() if longer else m.end()
            two = TWO_BODIES.search(text, m.end(), end) if longer else None
            if two:  # "the Rivertown School of Art | and the Hillside Institute": two bodies
                end = two.start()
                longer = longer if end > m.end() + 3 else None
            if longer and place and not INTERNAL.match(place) and not re.search(r"\d", place):
                name = f"{place} {suffix}{text[m.end() : end]}"  # "Royal Society for the Prevention of ..."
                out.append(self._cand(" ".join(name.split()), start, end, 0.6, "pattern-extended"))
                continue
            if is_generic_place(place) or re.search(r"\b(?:Council|Authority|Board)[’']s\b", place):
                continue  # "X County Council's Empty Homes Forum": a council's own group
            words = [w for w in re.findall(r"[A-Za-z][\w’'/]*", place) if w[0].isupper()]
            weak = suffix in WEAK
            if re.search(r"\d", place):
                continue
            if weak and (
                len(words) < 2
                or INTERNAL.match(place)
                or INTERNAL_ANYWHERE.search(place)
                or (re.search(r"\band\b|&|,", place) and not PLACE_PAIR.match(place))
            ):
                continue  # "Task and Finish Group", "Climate and Nature Advisory Board"; not "Kent and Medway ..."
            venue = bool(VENUE_RE.search(suffix))
            if suffix in ONE_WORD or venue:
                last = re.split(r"\s+(?:and|&)\s+|,\s*", place)[-1]
                # a building's name before a university's, not the words of a regulator's ("Building Safety Regulator")
                cut = UNI_CUT.sub("", last) if suffix in ("University", "College") or venue else last
                start += len(place) - len(cut)
                place = cut  # "the University of Leeds and | Sheffield Hallam University"
                words = [w for w in re.findall(r"[A-Za-z][\w’'/]*", place) if w[0].isupper()]
            if venue and (len(place.split()) > 3 or re.search(r"\b[A-Z]{2,}\b|[-/]", place)):
                continue  # a row of a table of venues ("Pre-FBC Remove Oldfield School"), not a school's name
            if (suffix in ONE_WORD or venue) and (
                not words or all(VENUE_GENERIC.match(w) for w in words) or INTERNAL.match(place)
            ):
                continue  # "Civil Society", "Primary School": a kind of thing, not a named body
            if (
                suffix
                in ("Trust", "Foundation", "Institute", "Federation", "Alliance", "Corporation", "Agency", "Society")
                and after
                and after.group(1) in ("of", "for")
            ):
                continue  # "South West Institute | of Technology": the name goes on past the head noun
            if weak and re.search(r"[A-Z][\w’']*\s+for\s+$", text[max(0, start - 40) : start]):
                continue  # "New Deal for | Communities Partnership Board": the name began before its 'for'
            if venue and " " in suffix and _is_place(place):
                continue  # "Kent Primary School places": schools of a county, not a school
            if suffix in ("Trust", "Foundation", "Institute") and (
                len(place.split()) > 3 or re.search(r"\b(?:of|Investment|Pension|Pensions|Unit|Charitable)\b", place)
            ):
                continue  # "a Complete Lack of Trust", "Real Estate Investment Trust": not a trust's name
            if (
                suffix == "Police"
                and after
                and after.group(1)
                in ("Station", "Stations", "Office", "Officers", "Officer", "Constable", "Box", "Headquarters", "HQ")
            ):
                continue  # "Camberwell Police Station" is an address
            if suffix == "Authority" and re.search(
                r"\b(?:Local|Planning|Highways?|Housing|Licensing|Education|Health|"
                r"Waste|Flood|Lead|Unitary|Accountable|Contracting|Statutory|"
                r"Responsible|Billing|Precepting|Administering|Pension|Partner|"
                r"Host|Relevant|Combined|Mayoral|Strategic|Integrated|Transport)\b",
                place,
            ):
                continue  # a role a council plays ("Lead Local Flood Authority"), not a body
            if INTERNAL.match(place) and weak:
                continue
            if suffix in ("Council", "Councils") and INTERNAL.match(place):
                continue
            if suffix.endswith("Court") and re.search(r"\bCourt\s+(?:and|&)\s+", place):
                cut = re.split(r"\bCourt\s+(?:and|&)\s+", place)[-1]  # "Leeds Crown Court and | Harrogate"
                start, place = start + len(place) - len(cut), cut
            if suffix == "Police" and not gazetteer.lookup(f"{place} Police"):
                kept = _police_area(place)  # "Constable Ian Mustarde MOD Police": the force is the MOD Police
                if kept is None:
                    continue  # "September Police", "Andrew Crawford Police": no force of that name or place
                start, place = start + len(place) - len(kept), kept
            plural = suffix.endswith(("Councils", "Services", "Authorities"))
            single = singular(suffix)
            whole = f"{place} {single}"
            if not plural and (" and " in place or " & " in place) and not gazetteer.lookup(whole):
                parts = split_coordination(place)
                if all(gazetteer.lookup(f"{p} {single}") for p in parts):
                    plural = True
                elif _joined_name(place, single):
                    cut = re.split(r"\s+(?:and|&)\s+", place)[-1]  # "Healthwatch Wirral and | Merseyside Police"
                    start, place = start + len(place) - len(cut), cut
                    whole = f"{place} {single}"
            if plural and re.search(r"\b(?:Association|Network|Federation|Society)\s+of\b", place):
                plural, whole = False, f"{place} {suffix}"  # "Kent Association of Local Councils" is one body
            names = [f"{p} {single}" for p in split_coordination(place)] if plural else [whole]
            conf = 0.9 if not weak and suffix != "College" else 0.6
            if venue:
                conf = 0.45
            end, kind = m.end(), None
            if suffix.startswith("New"):  # "Westfield New Deal for Communities (Partnership Board)": the partnership
                tail = re.match(r"\s+Partnership(?:\s+Board)?\b", text[end : end + 30])
                end, kind = end + (tail.end() if tail else 0), "partnership"
            if not plural and place:
                longer = _comma_listed_start(text, start, place, single, m.end())
                if longer is not None:  # "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust (CNTW)"
                    place = " ".join(text[longer:start].split() + place.split())
                    start, names = longer, [f"{place} {single}"]
            for n in names:
                rule = "pattern-coordinated" if len(names) > 1 else "pattern"
                out.append(self._cand(n, start, end, conf, rule, kind=kind))
        friends = {_friends_name(m.group(0)) for m in FRIENDS_OF.finditer(text)}
        for rx, rule in (
            (DEPT_RE, "department"),
            (ROYAL_RE, "royal-borough"),
            (UNIVERSITY_OF, "university"),
            (HEALTHWATCH, "healthwatch"),
            (FRIENDS_OF, "friends-of"),
        ):
            for m in rx.finditer(text):
                name = re.sub(r"\s+(?:and|&)$", "", _BLOCK_BREAK.split(m.group(0))[0])  # a name ends with its block
                if rx is HEALTHWATCH and " and " in name and not _is_place(name.split(None, 1)[1]):
                    name = name.split(" and ")[0]  # "Healthwatch Cornwall and | NHS England": two bodies
                if rx is FRIENDS_OF:
                    name = _friends_name(name)
                    longer = max((f for f in friends if f.startswith(name + " ")), key=len, default=None)
                    if longer:  # "Friends of Elm" where the report also writes "Friends of Elm Park": that group
                        out.append(self._cand(longer, m.start(), m.start() + len(name), 0.8, rule, aliases=[name]))
                        continue
                if rx is DEPT_RE:
                    name = department(name)
                    if not name:
                        continue
                    area = AREA_AFTER.match(text, m.start() + len(name)) if name.endswith("Commissioner") else None
                    if area:  # "Office of the Police and Crime Commissioner | for Nottinghamshire"
                        # not on into another body: "... for Kent | and the Kent Police and Crime Commissioner"
                        other = AREA_ENDS.search(area.group(0))
                        name = text[m.start() : area.start() + other.start() if other else area.end()]
                    holder = OFFICE_HOLDER.search(text, max(0, m.start() - 40), m.start())
                    if holder and name.startswith("Office"):  # "the Mayor’s Office for ...": whose office it is
                        out.append(
                            self._cand(
                                text[holder.start() : m.start()] + name,
                                holder.start(),
                                m.start() + len(name),
                                0.85,
                                rule,
                            )
                        )
                        continue
                out.append(self._cand(name, m.start(), m.start() + len(name), 0.85, rule))
        for m in VOLUNTARY_ACTION.finditer(text):
            words = m.group("place").split()
            k = next((k for k in range(len(words), 0, -1) if _is_place(" ".join(words[:k]))), 0)
            if not k and len(words) > 1:
                continue  # "Voluntary Action Plan Group": not a place's council for voluntary service
            place = " ".join(words[: k or 1])
            if not k and (VENUE_GENERIC.match(place) or place in ("Plan", "Programme", "Fund", "Group", "Network")):
                continue
            end = m.start("place") + len(place)
            out.append(self._cand(text[m.start() : end], m.start(), end, 0.85, "voluntary-action"))
        for m in SHORT_CC.finditer(text):
            full = {"CC": ("County Council", "City Council"), "BC": ("Borough Council",), "DC": ("District Council",)}
            for suffix in full[m.group(2)]:
                if gazetteer.lookup(f"{m.group(1)} {suffix}"):
                    out.append(
                        self._cand(
                            f"{m.group(1)} {suffix}", m.start(), m.end(), 0.85, "short-form", aliases=[m.group(0)]
                        )
                    )
                    break
        return out

    def _acronyms(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Acronyms defined right after a found name, or equal to a found name's initials."""
        table: dict[str, Candidate] = {}
        for c in found:
            m = DEFINE_RE.match(text, c.end, c.end + 16) or DEFINE_RE.match(text, c.end + 1, c.end + 16)
            if m and sum(ch.isupper() for ch in m.group(1)) >= 2:
                table[m.group(1)] = c  # "Network Rail (Planning)" defines no acronym
        for c in found:
            ini = initials(c.data["name"])
            if len(ini) >= 3:
                table.setdefault(ini, c)
        councils = gazetteer.council_initials()
        for ini in {k for k, _, _ in whole_tokens(text, councils)} - table.keys():
            body = councils[ini]
            auth = register.resolve(body.name)
            if (
                auth
                and not ini.endswith(("CC", "BC", "DC"))
                and not re.search(rf"\b{re.escape(auth.nice_name.split(',')[0])}\b", text)
            ):
                continue  # "STC" in a report that never names South Tyneside is not South Tyneside Council (its place is named)
            if _spelt_out_otherwise(ini, body.name, text):
                continue  # "NDC" in a report about a New Deal for Communities is not North Devon Council
            table[ini] = Candidate(
                "organisations", 0, 0, {"name": body.name, "kind": body.kind, "aliases": []}, confidence=0.6
            )
        out = []
        for acro, start, end in whole_tokens(text, table):
            c = table[acro]
            out.append(
                Candidate(
                    "organisations",
                    start,
                    end,
                    {"name": c.data["name"], "kind": c.data["kind"], "aliases": [acro]},
                    confidence=0.8,
                    extractor=self.name,
                    rule="acronym",
                )
            )
        return out

    def _defined_names(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """'Northern Five (NF5)': a capitalised name the text abbreviates is an organisation."""
        out = []
        for m in DEFINE_RE.finditer(text):
            acro = m.group(1)
            before = text[max(0, m.start() - 80) : m.start()].rstrip()
            words = re.findall(r"[A-Z][\w’']*(?:\s+(?:and|of|for|the|&)\s+[A-Z][\w’']*)*|\S+", before)
            name_words: list[str] = []
            for w in reversed(before.split()):
                if w[0].isupper() or w in ("and", "of", "for", "&"):
                    name_words.insert(0, w)
                else:
                    break
            while name_words and name_words[0] in ("and", "of", "for", "&", "The"):
                name_words.pop(0)
            name = " ".join(name_words)
            if (
                not name
                or len(name_words) < 2
                or NOT_ORG_TAIL.search(name)
                or re.search(r",|\band\b|&|^The\b", name)
                or any(c.start <= m.start() - 1 <= c.end + 2 for c in found)
            ):
                continue
            if not (
                ORG_HEAD.search(name)
                or re.search(r"\d", acro)
                or re.search(
                    rf"\b{re.escape(acro)}\s+(?:\w+\s+)?(?:partnership|partners|councils|authorities|members|"
                    rf"group|consortium|alliance|region)\b",
                    text,
                )
            ):
                continue  # "Vertical Sky Component (VSC)": a defined term, not a body
            if all(w.lower() in GENERIC for w in name_words):
                continue  # "Mayoral Combined Authority (MCA)", "Unitary Authority (UA)": a kind of body
            if _abbreviates(acro, name):
                for mm in re.finditer(rf"(?<![\w-])(?:{re.escape(name)}|{re.escape(acro)})(?![\w-])", text):
                    out.append(
                        Candidate(
                            "organisations",
                            mm.start(),
                            mm.end(),
                            {
                                "name": name,
                                "kind": kind_from_name(name) if kind_from_name(name) != "other" else "partnership",
                                "aliases": [acro],
                            },
                            confidence=0.55,
                            extractor=self.name,
                            rule="defined-acronym",
                        )
                    )
            del words
        return out

    def _domain_councils(self, text: str) -> list[Candidate]:
        """A council the report calls by its domain's label in capitals ("NED" beside "j.bloggs@ned.gov.uk"): the
        addresses say which council the short form is. An address alone names no organisation (it gives the
        authoring council only: pipelines/extractors/authoring.py)."""
        out = []
        derived = {
            (n, text[s:e].replace("-", "").upper()) for n, s, e, how in domain_councils(text) if how == "derived"
        }
        for name, label in derived:  # a place's own name ("KENT") is read by the other rules
            if len(label) < 3 or gazetteer.acronyms().get(label):
                continue
            for m in re.finditer(rf"(?<![\w@./-]){re.escape(label)}(?![\w@-]|\.gov)", text):
                out.append(self._cand(name, m.start(), m.end(), 0.85, "domain-short-form", aliases=[label]))
        return out

    def _the_force(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """ "The Force" in a report naming one police authority or commissioner is that area's police force
        ("Sussex Police Authority and the Force" is Sussex Police): the register of forces gives its name."""
        forces = set()
        for c in found:
            m = re.fullmatch(
                r"(?:Office\s+of\s+the\s+)?(?P<place>.+?)\s+Police\s+(?:Authority|and\s+Crime\s+Commissioner)",
                c.data["name"],
            )
            if m:
                body = gazetteer.lookup(f"{m.group('place')} Police") or gazetteer.lookup(
                    f"{m.group('place')} Constabulary"
                )
                if body and body.kind == "police":
                    forces.add(body.name)
        if len(forces) != 1:
            return []
        force = forces.pop()
        return [
            self._cand(force, m.start(), m.end(), 0.6, "the-force")
            for m in re.finditer(r"\b(?:the|The)\s+Force\b", text)
        ]

    def _place_lists(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """'with Edinburgh, Fife, West Lothian and Scottish Borders', 'Wandsworth, Richmond and Kingston Local
        Authorities': listed places that each name one council."""
        out = []
        places = gazetteer.councils_by_place()
        for m in [*PLACE_LIST_RE.finditer(text), *PLACE_COUNCILS_RE.finditer(text)]:
            said = m.re is PLACE_COUNCILS_RE  # the text says the places are councils ("... Local Authorities")
            if not said and PLACES_NOT_COUNCILS.search(text, max(0, m.start() - 80), m.start("list")):
                continue  # "the four other 'places' in West Yorkshire (Bradford, Calderdale and Kirklees)": places
            group = "list" if m.group("list") else "list2"
            items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+&\s+", m.group(group)) if x.strip()]
            bodies = [places.get(gazetteer._key(x)) or (register.place_council(x) if said else None) for x in items]
            if said and not all(bodies):  # 'Kingston' beside 'Wandsworth': upon Thames
                near = [a for b in bodies if b and (a := register.resolve(b.name))]
                bodies = [b or register.place_council_near(x, near) for x, b in zip(items, bodies)]
            if len(items) >= 2 and all(bodies):
                pos = m.start(group)
                for item, body in zip(items, bodies):
                    i = text.find(item, pos)
                    out.append(
                        Candidate(
                            "organisations",
                            i,
                            i + len(item),
                            {"name": body.name, "kind": body.kind, "aliases": []},  # type: ignore[union-attr]
                            confidence=0.6,
                            extractor=self.name,
                            rule="place-list",
                        )
                    )
                    pos = i + len(item)
        return out

    def _model(self, ctx: Context, found: list[Candidate]) -> list[Candidate]:
        """spaCy ORG entities not already covered, kept only with an organisation cue.

        The statistical model tags council services and programmes as ORG in report prose, so an
        entity counts only when its name has a company/party form or a contracting cue precedes it.
        """
        out = []
        # NER runs only on sentences with a cue that could keep an entity (most of its cost otherwise).
        # An entity overlapping a found name is dropped below, so a sentence whose capitalised words all lie in
        # found names has nothing to give: it is not tagged either.
        covered = bytearray(len(ctx.text))
        for c in found:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
        spans = [
            w
            for s, e in ctx.sentences
            for w in _cue_windows(ctx.text, s, e)
            if any(not covered[m.start()] for m in _CAP_WORD.finditer(ctx.text, *w))
        ]
        for s, e, label in ctx.entities_in(spans):
            if label != "ORG" or any(c.start < e and s < c.end for c in found):
                continue
            name = ctx.text[s:e].strip()
            words = name.split()
            if not 1 <= len(words) <= 5 or not all(w[0].isupper() or w.lower() in {"and", "of", "&"} for w in words):
                continue
            if (
                INTERNAL.match(name)
                or GENERIC_WORDS.search(name)
                or re.search(r"\d", name)
                or re.fullmatch(r"[A-Z][a-z]+-[A-Za-z][a-z]+", name)
                or gazetteer._key(name) in gazetteer.councils_by_place()
            ):
                continue  # a council's place ("provided by Bristol") is the council, found by the rules if named
            before = ctx.text[max(0, s - 40) : s].lower()
            if COMPANY_TAIL.search(name) or CONTRACT_CUE.search(before):
                # A political party's name is its form; any other model-found name is kept for review.
                out.append(self._cand(name, s, e, 0.5 if name.endswith(" Party") else 0.45, "spacy-ORG"))
        return out

    @staticmethod
    def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
        """Drop a candidate inside a longer one (same span set), keeping coordinated expansions."""
        cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
        out: list[Candidate] = []
        # Every kept span starts at or before c, so c is inside a longer one when a kept span ends after c, or
        # ends where c does but starts earlier: the furthest end and the first start per end say it in O(1).
        furthest, first_start = -1, {}
        for c in cands:
            if furthest > c.end or first_start.get(c.end, c.start) < c.start:
                continue
            out.append(c)
            furthest = max(furthest, c.end)
            first_start.setdefault(c.end, c.start)
        return out


COUNCIL_KINDS = {
    "county council",
    "district council",
    "unitary",
    "metropolitan borough",
    "london borough",
    "combined authority",
}


def slug(name: str) -> str:
    """'Local Government Association' → 'local-government-association'."""
    return re.sub(r"[^a-z0-9]+", "-", register.key(name)).strip("-")


@lru_cache(maxsize=1)
def _gazetteer_by_code() -> dict[str, gazetteer.Body]:
    """Register code to the gazetteer's council, so a linked council keeps the gazetteer's canonical name."""
    out = {}
    for b in gazetteer.load():
        if b.kind in COUNCIL_KINDS:
            auth = register.resolve(b.name)
            if auth:
                out.setdefault(auth.code or auth.name, b)
    return out


def _resolve_council(name: str) -> register.Authority | None:
    """The register's council for a council-like name, trying the last of coordinated names ('KCC and Medway
    Council' → Medway Council) and a shorter tail after 'Borough of X' ('London Borough of Southwark Hostel')."""
    auth = register.resolve(name)
    if auth:
        return auth
    parts = re.split(r"\s+(?:and|&)\s+", name)
    if len(parts) > 1:
        return register.resolve(parts[-1]) if re.search(r"\bCouncil$", parts[-1]) else None
    m = register.PREFIX_FORM.match(name)
    if m:
        words = name.split()
        for k in range(len(words) - 1, len(words) - 4, -1):
            auth = register.resolve(" ".join(words[:k]))
            if auth:
                return auth
    return None


def link(cands: list[Candidate]) -> list[Candidate]:
    """Give each organisation its register id; a council-like name the register does not know is resolved to
    the register's body ('Kent Council' → Kent County Council) or dropped ('December County Council')."""
    out = []
    for c in cands:
        name = c.data["name"]
        body = gazetteer.lookup(name)
        auth = register.resolve(name) if (body and body.kind in COUNCIL_KINDS) or not body else None
        if body and not auth:
            c.data = {**c.data, "id": f"councilx:{slug(body.name)}"}
            if body.name == "NHS":
                c.confidence = min(c.confidence, 0.45)  # "the NHS" is the service at large as often as a party
        elif register.looks_like_council(name) or auth:
            auth = auth or _resolve_council(name)
            if not auth:
                old = register.former().get(register.key(name))
                if old:  # abolished before the register begins ("Restormel Borough Council" in a 2003 report)
                    c.data = {**c.data, "name": old[0], "kind": old[1], "id": f"councilx:{slug(old[0])}"}
                    out.append(c)
                continue  # looks like a council, but no such council exists
            canon = _gazetteer_by_code().get(auth.code or auth.name)
            new = canon.name if canon else auth.name
            aliases = list(c.data.get("aliases", []))
            c.data = {
                **c.data,
                "name": new,
                "kind": canon.kind if canon else auth.kind,
                "id": auth.id,
                "aliases": aliases,
            }
        else:
            c.data = {**c.data, "id": None}  # in no register
        out.append(c)
    return out


def department(name: str) -> str | None:
    """A department's name as a body: the longest known department it begins with ('Department of Work and Pensions
    and HMRC' → the DWP); a name the gazetteer lacks only with two or more words after 'of/for' ('Ministry of
    Sound', 'Department of Pas' are not departments); None for a council's own office."""
    if OFFICE_INTERNAL.match(name):
        return None
    name = re.sub(r"\s+and\s+(?:the\s+)?[A-Z]{2,}$", "", name)  # "... and HMRC": a second body
    parts = re.split(r"\s+(?=and\s)", name)
    for k in range(1, len(parts)):
        rest = re.sub(r"^and\s+", "", " ".join(parts[k:]))
        if re.search(r"(?:" + SUFFIX_RE.pattern + r")$", rest) or gazetteer.lookup(rest):
            parts = parts[:k]  # "Government Office for the South West and | Bristol Primary Care Trust"
            name = " ".join(parts)
            break
    cuts = [len(name)] + [m.start() for m in re.finditer(r",\s+|\s+and\s", name)][::-1]
    for cut in cuts:  # "Department for Transport, Leeds is trialling": the department, not a place's branch
        if gazetteer.lookup(name[:cut]):
            return name[:cut]
    rest = re.sub(r"^\w+\s+(?:for|of)\s+(?:the\s+)?", "", name)
    if len(rest.split()) < 2 or name.startswith("Ministry"):  # every ministry is in the gazetteer
        return None
    return name


NAME = r"[A-Z][\w’'&.-]*(?:\s+(?:&\s+)?[A-Z][\w’'&.-]*){0,3}"
# A party to a contract or agreement, named right after the cue: "the agreement with Acme Homes", "carried out by
# Atkins", "appointed Mercer as".
CONTRACT_NAME = re.compile(
    r"(?i:\b(?:(?:agreement|contract|joint\s+venture|arrangement)s?\s+with|(?:carried\s+out|commissioned|undertaken|"
    r"prepared|operated|built|supplied|conducted|designed)\s+by|appointed|appointment\s+of|awarded\s+to|"
    r"partner\s+in|procured\s+from))\s+(?:the\s+)?(?P<name>" + NAME + r")"
    r"(?=\s+(?:as|to|in|which|who|signed|was|were|has|had|will|under|from|for\s+(?:the|a|an)\b)\b|\s*[,.;:(]|\s*$)"
)
# "Acme Capital (the fund manager)": a name glossed with its role.
ROLE_GLOSS = re.compile(
    r"(?P<name>" + NAME + r")\s*\((?:the\s+)?(?:\w+\s+)?(?:fund\s+manager|manager|adviser|advisor|"
    r"consultants?|contractor|developer|operator|provider|custodian|actuary|auditors?)s?\)"
)
NOT_A_PARTY = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Officers?|Members?|Cabinet|Council|Councils|Director|"
    r"Head|Chief|Leader|Mayor|Government|The|This|That|These|Section|Appendix|Paragraph|Part|"
    r"Schedule|Item|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Interim|Acting|Executive|"
    r"Option|Options|Phase|Stage|Lot|Year|Cabinet|Committee|Board|Panel|Group|Partners?|Both|All|"
    r"Each|Any|Other|Such|Local|National|Public|Private|Independent|External|Internal|Specialist|"
    r"Legal|Financial|Technical|Consultants?|Contractors?|Developers?|Treasurer|Secretary|Clerk|Chair(?:man|person)?|"
    r"Vice|Deputy|President|Convenor|Officer|Manager|Coordinator|Co-ordinator|Auditor)\b"
)
PERSON_ROLE = re.compile(
    r"\s+as\s+(?:the\s+|an?\s+|interim\s+|acting\s+|its\s+|our\s+)*(?:[A-Z][a-z]+\s+)*(?:Director|"
    r"Officer|Executive|Chair|Chairman|Head|Manager|Leader|Member|Councillor|Clerk|Commissioner|"
    r"Secretary|Treasurer|Mayor|Champion|Governor|Trustee)\b"
)


# "Acme Forward, the regional development agency,": a name in apposition with what kind of body it is.
APPOSITION = re.compile(
    r"(?P<name>" + NAME + r"),\s+(?:the|a|an|our|its)\s+(?:[a-z]+\s+){0,3}(?:agency|company|charity|"
    r"regulator|developer|contractor|consultants?|consultancy|provider|operator|organisation|"
    r"housing\s+association|social\s+enterprise|quango|inspectorate|ombudsman)"
    r"(?=\s*[,.;:)]|\s+(?:for|of|in|which|that|who|and|has|have|will|is|was)\b)"
)


def contract_parties(text: str, found: list[Candidate]) -> list[Candidate]:
    """Companies and bodies named as the other party to a contract or appointment, or glossed with their role
    (kept for review: the cue says a party is named, not that the words are its whole name)."""
    out = []
    places = gazetteer.councils_by_place()
    for rx, conf in ((CONTRACT_NAME, 0.45), (ROLE_GLOSS, 0.45), (APPOSITION, 0.6)):
        for m in rx.finditer(text):
            name = re.sub(r"[.,’']+$", "", m.group("name")).strip()
            s, e = m.start("name"), m.start("name") + len(name)
            if (
                any(c.start < e and s < c.end for c in found)
                or NOT_A_PARTY.match(name)
                or re.fullmatch(r"[A-Z]+s", name)
            ):
                continue
            if (
                GENERIC_WORDS.search(name)
                or NOT_ORG_TAIL.search(name)
                or INTERNAL.match(name)
                or re.search(r"\d", name)
            ):
                continue
            if gazetteer._key(name) in places or register.by_place().get(register.key(name)):
                continue  # "agreement with Kent": the council, named in full elsewhere when it is found
            if PERSON_ROLE.match(text, e):
                continue  # "appointed Jane Smith as Director": a person
            out.append(
                Candidate(
                    "organisations",
                    s,
                    e,
                    {"name": name, "kind": kind_from_name(name), "aliases": []},
                    confidence=conf,
                    extractor="organisations",
                    rule="contract-party",
                )
            )
    return out


SCHOOL_KIND = re.compile(
    r"^(?P<place>.+?)\s+(?:(?:County|Community|Church\s+of\s+England|C\.?E\.?|Catholic|Junior\s+and\s+Infant|Infant|"
    r"Junior|Primary|Secondary|High|Nursery|Special)\s+)+School$"
)


# The body a meeting's minutes or papers are of, when it stands on its own: a panel, board, group or partnership
# of several bodies ("Local Public Data Panel"), not a council's own committee or a meeting.
STANDING_BODY = re.compile(
    r"\b(?:Panel|Board|Group|Partnership|Collaborative|Network|Forum|Commission|Alliance|Consortium)$"
)
INTERNAL_BODY = re.compile(
    r"\b(?:Committee|Sub-?Committee|Cabinet|Scrutiny|Overview|Executive|Meeting|Council|Sub[- ]?[Gg]roup|SIG)\b"
)


# Local councils listed by their places alone, one to a line, under a line saying they are a coalition, cluster or
# alliance of councils of one tier ("On behalf of the members of the Parish Council Coalition" / "Blackthorn" / ...);
# not "Members of the Parish Council present:" over a list of people
TIER_LINE = re.compile(r"(?m)^[^\n]{0,160}\b(?P<tier>Parish|Town|Community)[ \t]+Councils?\b[^\n]{0,160}$")
MEMBERS_CUE = re.compile(
    r"\b(?:member[ \t]+councils|coalition|cluster|alliance|consortium|on[ \t]+behalf[ \t]+of|signator\w*)\b",
    re.I,
)
PLACE_LINE = re.compile(r"[A-Z][\w’'-]+(?:[ \t]+(?:(?:and|upon|on|in|under|cum|le)[ \t]+)?[A-Z][\w’'-]+){0,3}")
LISTED_COUNCILS = 3
COUNCIL_LIST = "council-list"  # the rule's name: the partners extractor reads these councils as the coalition's parties


def local_council_lists(text: str) -> list[Candidate]:
    """Each place of such a list as its council of the tier the cue names ('Bucknell Parish Council')."""
    out: list[Candidate] = []
    for cue in TIER_LINE.finditer(text):
        if not MEMBERS_CUE.search(cue.group(0)):
            continue
        items, pos = [], cue.end()
        for line in re.finditer(r"[^\n]*\n?", text[cue.end() : cue.end() + 3000]):
            body = line.group(0).strip()
            if not body:
                if not line.group(0):
                    break
                continue
            if not PLACE_LINE.fullmatch(body) or register.looks_like_council(body):
                break
            start = pos + line.start() + line.group(0).index(body)
            items.append((body, start))
        if len(items) < LISTED_COUNCILS:
            continue
        tier = cue.group("tier")
        for place, start in items:
            out.append(
                Candidate(
                    "organisations",
                    start,
                    start + len(place),
                    {
                        "name": f"{place} {tier} Council",
                        "kind": kind_from_name(f"{place} {tier} Council"),
                        "aliases": [],
                    },
                    confidence=0.7,
                    extractor="organisations",
                    rule=COUNCIL_LIST,
                )
            )
    return out


# The opening of a document's first lines that names the body it is of: "Title: Open Data Panel – fifth meeting",
# "Minutes of the meeting of the Open Data Panel", "Open Data Panel - 13 March 2012"
BODY_LINE = re.compile(
    r"(?:Title:[ \t]*)?(?:Minutes[ \t]+of[ \t]+(?:the[ \t]+)?(?:(?:\w+[ \t]+)?meeting[ \t]+of[ \t]+)?(?:the[ \t]+)?)?"
    r"(?P<name>[A-Z][\w’'&-]*(?:[ \t]+(?:(?:of|and|for|the|&|on|in)[ \t]+)*[A-Z][\w’'&-]*)*)"
    r"[ \t]*(?:[–—:|-]|(?i:minutes|meeting|notes)\b|$)"
)
LEADING_BLOCKS = 3
MEETING_BODY = "meeting-body"  # the rule's name: the partners extractor does not make this body a party of itself


def meeting_body(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """The body a document is the minutes or papers of, named at the start of one of its first lines, as an
    organisation where it is a body of its own named in three words or more ('Crime and Justice Transparency
    Sector Panel'), not a council's committee."""
    names = {c.data.get("name") for c in found}
    for block in ctx.document.blocks[:LEADING_BLOCKS]:
        line = ctx.text[block.start : block.end].split("\n", 1)[0]
        m = BODY_LINE.match(line)
        if not m:
            continue
        name = m.group("name")
        words = [w for w in name.split() if w not in ("of", "and", "for", "the", "&", "on", "in")]
        if len(words) < 3 or not STANDING_BODY.search(name) or INTERNAL_BODY.search(name) or name in names:
            continue
        at = block.start + m.start("name")
        return [
            Candidate(
                "organisations",
                at,
                at + len(name),
                {"name": name, "kind": kind_from_name(name), "aliases": []},
                confidence=0.6,
                extractor="organisations",
                rule=MEETING_BODY,
            )
        ]
    return []


# A school, church, hall or centre is an organisation where it acts, not where it is only a site (GUIDELINES): the
# place where something is ("at", "in", "outside" it), a room of it ("... School Library"), or an address.
SITE_NAME = re.compile(r"\b(?:School|Academy|Church|Chapel|Hall|Centre|Center)$")
SITE_AFTER = re.compile(
    r"[ \t]*(?:Library|Hall|Room|Rooms|Playground|Grounds|Car[ \t]+Park|Gym|Canteen|Annexe|Pavilion|Playing[ \t]+Fields?)\b"
    r"|,?[ \t]*\d+[A-Za-z]?[ \t]+[A-Z][a-z]+[ \t]+(?:Road|Rd|Street|St|Lane|Avenue|Drive|Way|Close)\b"
)
SITE_BEFORE = re.compile(r"\b(?:at|in|outside|near|opposite|beside|behind|within|inside)[ \t]+(?:the[ \t]+)?$", re.I)


def only_sites(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop a school's, church's, hall's or centre's name where every mention of it is a site or address."""
    mentions: dict[str, list[Candidate]] = {}
    for c in cands:
        if SITE_NAME.search(c.data["name"]):
            mentions.setdefault(c.data["name"], []).append(c)

    def site(start: int, end: int) -> bool:
        return bool(SITE_AFTER.match(text, end) or SITE_BEFORE.search(text, max(0, start - 20), start))

    sites = {
        name
        for name, cs in mentions.items()
        if all(site(s, e) for c in cs for s, e in [(c.start, c.end), *c.extra_spans])
    }
    return [c for c in cands if c.data["name"] not in sites]


def merge_short_schools(cands: list[Candidate]) -> list[Candidate]:
    """'Millbrook School' beside 'Millbrook County Primary School' is that school, called by its place alone."""
    full: dict[str, set[str]] = {}
    for c in cands:
        m = SCHOOL_KIND.match(c.data["name"])
        if m:
            full.setdefault(m.group("place"), set()).add(c.data["name"])
    for c in cands:
        m = re.fullmatch(r"(?P<place>.+?)\s+School", c.data["name"])
        longer = full.get(m.group("place"), set()) if m else set()
        if len(longer) == 1 and c.data["name"] not in longer:
            c.data = {**c.data, "name": next(iter(longer)), "aliases": [*c.data.get("aliases", []), c.data["name"]]}
    return cands


COMPANY_FORM = re.compile(r"\s+(?:Ltd\.?|Limited|plc|PLC|LLP)$")


def merge_company_forms(cands: list[Candidate]) -> list[Candidate]:
    """'Acme Limited' and 'Acme Ltd' (or plain 'Acme') are one company, under the first form the text uses
    with its company word."""
    first: dict[str, str] = {}
    for c in sorted(cands, key=lambda c: c.start):
        base = COMPANY_FORM.sub("", c.data["name"])
        if base != c.data["name"]:
            first.setdefault(base, c.data["name"])
    for c in cands:
        base = COMPANY_FORM.sub("", c.data["name"])
        if base in first and first[base] != c.data["name"]:
            c.data = {**c.data, "name": first[base]}
    return cands


def _is_place(words: str) -> bool:
    return bool(
        register.by_place().get(register.key(words)) or gazetteer.councils_by_place().get(gazetteer._key(words))
    )


class _PlacePair:
    """'Kent and Medway', 'Bath & North East Somerset': two places the register knows, joined, at the start."""

    @staticmethod
    def match(place: str) -> bool:
        m = re.match(r"^(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+)$", place)
        if not m:
            return False
        b_words = m.group("b").split()
        return _is_place(m.group("a")) and any(
            _is_place(" ".join(b_words[:k])) for k in range(1, min(4, len(b_words)) + 1)
        )


PLACE_PAIR = _PlacePair()


# "LAPFF (Local Authority Pension Fund Forum)": an acronym the text expands in brackets after it.
EXPANDED = re.compile(
    r"\b(?P<acro>[A-Z][A-Za-z&]{1,8}[A-Z])\s*\((?P<name>[A-Z][\w’']*(?:\s+(?:and|of|for|the|&|[A-Z][\w’']*))+)\)"
)


def expanded_acronyms(text: str, found: list[Candidate]) -> list[Candidate]:
    """A body named by its acronym with the expansion after it in brackets, every mention of either form."""
    out = []
    for m in EXPANDED.finditer(text):
        acro, name = m.group("acro"), m.group("name")
        if not (_abbreviates(acro, name) and ORG_HEAD.search(name)) or any(c.data["name"] == name for c in found):
            continue
        if all(w.lower() in GENERIC for w in name.split()) or NOT_ORG_TAIL.search(name):
            continue
        kind = kind_from_name(name)
        for mm in re.finditer(rf"(?<![\w-])(?:{re.escape(name)}|{re.escape(acro)})(?![\w-])", text):
            out.append(
                Candidate(
                    "organisations",
                    mm.start(),
                    mm.end(),
                    {"name": name, "kind": kind, "aliases": [acro]},
                    confidence=0.6,
                    extractor="organisations",
                    rule="expanded-acronym",
                )
            )
    return out


def _joined_name(place: str, single: str) -> bool:
    """True when 'A and B <suffix>' is two bodies run together: B with the suffix is a known body and A is a
    name of its own, not a place ('Healthwatch Wirral and | Merseyside Police'; not 'Kent and Medway NHS ...')."""
    head, _, last = re.split(r"(\s+(?:and|&)\s+)", place)[-3:] if re.search(r"\s(?:and|&)\s", place) else ("", "", "")
    if not last or not gazetteer.lookup(f"{last} {single}"):
        return False
    words = head.split()
    if len(words) < 2 or _is_place(head) or words[-1].lower() in DIRECTIONS:
        return False
    return not (words[0].lower() in DIRECTIONS and _is_place(" ".join(words[1:])))  # "North Wirral and ..."


GLUE_STOP = {"and", "&", "of", "for", "the", "in", "on", "upon", "under", "at"}


def cut_glued_words(cands: list[Candidate]) -> list[Candidate]:
    """A name found by its form that is another body's name with words glued before it, the end of a table cell
    or of a scheme's name ('Discharge to Assess | Wirral University Teaching Hospital NHS Foundation Trust',
    'Mental Health Crisis and Street Triage | Cheshire and Wirral Partnership NHS Foundation Trust'), is that
    body: the tail is a name found standing alone elsewhere in the text, or a known body, and the words before
    it are no place, direction or connector ('Kent and | Medway ...', 'North | Yorkshire ...' stay whole)."""
    alone: dict[str, list[tuple[int, int]]] = {}
    for c in cands:
        alone.setdefault(c.data["name"], []).append((c.start, c.end))
    for c in cands:
        if not c.rule.startswith("pattern"):
            continue
        name = c.data["name"]
        words = name.split()
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            head = words[:k]
            elsewhere = any(not (c.start <= s and e <= c.end) for s, e in alone.get(tail, ()))
            if not (elsewhere or (gazetteer.lookup(tail) and len(words) - k >= 3)):
                continue
            last = head[-1].lower().strip(",")
            if last in GLUE_STOP or last in DIRECTIONS or head[-1].endswith(",") or _is_place(" ".join(head)):
                continue
            if any(_is_place(" ".join(head[j:])) for j in range(len(head))) and not elsewhere:
                continue
            body = gazetteer.lookup(tail)
            c.data = {**c.data, "name": body.name if body else tail, "kind": body.kind if body else c.data["kind"]}
            break
    return cands


def _comma_listed_start(text: str, start: int, place: str, single: str, end: int) -> int | None:
    """Where a name begins when places listed with commas run into its 'X and Y' ('Cumbria, Northumberland, | Tyne
    and Wear NHS Foundation Trust'): the initials in brackets after it spell the whole, or the list opens an item
    (after ';', ':', a bullet or a line's start) and every listed word is a place. None when it does not."""
    if " and " not in place or gazetteer.lookup(f"{place} {single}"):
        return None
    m = re.search(r"((?:[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?,[ \t]+)+)$", text[max(0, start - 80) : start])
    if not m:
        return None
    begin = start - len(m.group(1))
    pieces = [p.strip() for p in m.group(1).split(",") if p.strip()]
    acro = re.match(r"\s*\(([A-Z]{3,8})\)", text[end : end + 12])
    named = " ".join([*pieces, place])
    if acro and acro.group(1) in (initials(named), initials(f"{named} {single}")):
        return begin  # the initials spell the places too
    opens = re.search(r"(?:^|[;:•(\n])[ \t]*$", text[max(0, begin - 5) : begin]) or begin == 0
    if opens and all(_is_place(p) for p in pieces):
        return begin
    return None
