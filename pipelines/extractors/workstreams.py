"""Workstreams: the named areas of joint work, services or projects a report covers, with their lead.

Rules: items of a list introduced by a cue ("the following priority areas:", "opportunities in
4 areas:", "best practice in relation to:"), or the first column of a table straight after one; bold
lead-ins ("**Contact Centre** – ..."); headed entries with a lead ("Waste – Led by Kent County Council");
sub-headings under a heading naming the areas (by numbering, style or type size); tables whose column
title names the areas; labelled areas ("Priority: ...", "Project A: ..."); prose: joint-work sentences,
"workstreams such as ...", "the X project led by Y", a shared post, and (kept for review) the elements a
programme provides. The lead comes from "led by X", "X leads on", "hosted by X", a "Lead: X" line under the
item, a lead/responsible column, or a delivery-board form line, and is mapped to a found organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from extract.layout import is_page_number
from models.document import Block
from pipelines import gazetteer
from pipelines.extractors.base import Candidate, Context, settled
from pipelines.extractors.partner_cands import ATTENDANCE
from pipelines.extractors.plan_sections import plan_sections
from pipelines.sections import sections

LIST_CUE = re.compile(
    r"\b(?:areas|area\s+of|work\s*streams?|priorit(?:y|ies)|projects?|themes?|strands?|activit(?:y|ies)|collaborat\w*|"
    r"joint|shared|opportunit(?:y|ies)|best\s+practice|entitlements?|services\s+(?:include|are)|programmes?|"
    r"initiatives?|in\s+relation\s+to|need\s+for|areas\s+of\s+need|each\s+(?:with|having)\s+(?:a|an|its\s+own)\s+lead)\b",
    re.I,
)
# "the following (two) roads", "the following key documents": what the list after a cue holds
FOLLOWING_NOUN = re.compile(r"\bfollowing\s+(?:[\w-]+\s+){0,2}?[a-z]+s\b(?=[^:]*:\s*$)")
BARE_ITEM_WORDS = 8  # an unmarked line of a list whose bullets were lost is at most this long
# what a list of areas of work is called, besides the cue words ("the following services:", "... functions:")
AREA_NOUNS = re.compile(
    r"\b(?:services|functions|schemes|teams|areas|workstreams|streams|topics|outcomes|objectives)\b"
)
ASIDE = re.compile(r"\([^()\n]{1,60}\)")  # a short aside in brackets on a line of its own
RUNNING_TIMES = 3  # a short line written this often as its own block is a running header or footer
CUE_END = re.compile(r":[ \t]*[-–—][ \t]*$")  # "as follows: -", "will support:–": a colon, then a dash
# a dash or colon after a name; not a dash opening a figure ("2 -3 year olds", "2–3 year olds")
# "The pooled fund supports the following schemes:": the funded schemes are the areas; not "the scheme ... as set out
# below:" (a planning scheme) nor "The schemes approved are:" (single capital works under one area)
JOINT_PARAGRAPH = re.compile(r"\b(?:partnership|partners|joint(?:ly)?|shared?|collaborat\w*|together)\b", re.I)
SCHEMES_CUE = re.compile(r"\bschemes\s*:$", re.I)
SEPARATOR = re.compile(r"\s+[–—-](?:\s+|(?!\d))|\s*(?:(?<!\d)[–—]|[–—](?!\d))\s*|:\s+")
LED_BY = re.compile(
    r"\b(?i:led|hosted|provided|delivered|managed|chaired|run)\s+by\s+(?:the\s+)?(?P<lead>[A-Z][\w&’' ,-]{2,80})"
)
LEADS_ON = re.compile(
    r"(?P<lead>\b[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,4})\s+(?:leads?\s+on|(?:continues\s+to\s+)?hosts?|"
    r"is\s+the\s+lead|is\s+providing|provides|(?:agreeing|agreed|has\s+agreed)\s+to\s+(?:be|act\s+as)\s+"
    r"(?:the\s+)?lead|(?:will\s+be|acts?\s+as|acting\s+as)\s+(?:the\s+)?lead\s+(?:accountable\s+)?"
    r"(?:body|authority|council|partner)|will\s+lead)\b"
)
# "Lead authority: Northshire Council", "Northshire Council (lead)": the lead named by a label or a mark
LEAD_LABEL = re.compile(
    r"\b(?i:lead)(?:\s+(?i:authority|council|partner|organisation|body|agency)(?:\s*[:–—-]|(?=\s+[A-Z]))|\s*[:–—-])"
    r"\s*(?:the\s+)?"
    r"(?P<lead>[A-Z][\w&’'-]*(?:[ \t]+(?:[A-Z][\w&’'-]*|of|and|&)){0,6})"
)
# A post or a person, not a body ("Head of Neighbourhoods", "Group Manager", "Cllr Smith")
PERSON_ROLE = re.compile(
    r"\b(?:Head|Director|Manager|Officer|Chair(?:man|person)?|Chief|Commander|Co-?ordinator|Lead|Member|Councillor|"
    r"Cllr|Mr|Mrs|Ms|Miss|Dr|Inspector|Superintendent|Secretary|Clerk|Adviser|Advisor|Portfolio\s+Holder)s?\b"
)
# A proper name ending in the head noun of a body: kept as a lead even when no organisation was found for it
ORG_HEAD = re.compile(
    r"(?!(?:The|This|That|Each|Both|All|Our|Their|Its|Partner|Lead|Host|Member|Every|Any|Other)\b)"
    r"(?:[A-Z][\w&’'-]*\s+(?:(?:of|and|&|for|the)\s+)?){1,6}(?:Council|Board|Partnership|Trust|Authority|"
    r"Group|Agency|Commission|Forum|University|College|Ltd|Limited|Police)"
)
LEAD_MARK = re.compile(
    r"(?P<lead>\b[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|&)){0,6})\s*\((?i:(?:the\s+)?lead(?:\s+"
    r"(?:authority|council|partner|organisation|body))?)\)"
)
# A label that numbers an item and names nothing ("Priority 1", "Theme B", "Workstream Two")
ITEM_LABEL = re.compile(
    r"(?:Stage|Phase|Workstream|Work\s+stream|Strand|Priority|Theme|Objective|Project|Outcome|Aim|Goal|Action)\s+"
    r"(?:\d{1,2}(?:\.\d{1,2})?[a-z]?|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[A-Z])"
)
STAGE = re.compile(
    r"^(?:Stage|Phase|Workstream|Work\s+stream|Strand|Priority|Theme)\s+(?:\d+|One|Two|Three|Four|Five|Six|"
    r"[A-Z])\s*[:–—-]\s*[A-Z]"
)
# A numbered or bulleted item that names an area and the body leading it: "Transport and rural connectivity, led by
# Shropshire Council. This includes:" (the name opens with a capital and is short; the lead is checked as a body)
ITEM_LED_BY = re.compile(
    r"(?P<name>[A-Z][^.;:,()]{2,80}?)(?:,|\s+[–—-])\s+led\s+(?:jointly\s+)?by\s+(?P<lead>[^.;:,()]{3,120}?)\s*(?:[.;:,(]|$)"
)
# "Priority: Safer communities", "Sub priority 2: Domestic abuse": a labelled area; the name is after the label
LABELLED_AREA = re.compile(
    r"^(?:Sub[\s-]?priority|Priority|Theme|Work\s*stream|Strand|Project)(?:\s+(?:area\s+)?(?:\d{1,2}|"
    r"[A-H]\b))?"
    r"\s*:\s*(?P<name>[A-Z][^.;:]{2,120})",
    re.I,
)
# "Transformation Programme: defines the direction ...": a line opening with the name of a programme of the work
NAMED_LINE = re.compile(
    r"^(?P<name>(?:[A-Z][\w&’'-]*[ \t]+){1,5}(?:Programme|Project|Work[ \t]*stream|Theme|Strand))[ \t]*(?::|[–—-][ \t])"
    r"[ \t]*[\w“\"']"
)
SUBJECT = re.compile(r"(?:^|\n|\)\s)Subject:\s*(?P<value>[^\n]{3,150})")
TABLE_NAME = re.compile(
    r"^(?:(?:joint|shared|key|partnership|main|current|priority)\s+)?(?:work\s*streams?|work\s+areas?|"
    r"areas?\s+of\s+work|service\s+areas?|projects?|services?|themes?|priorit(?:y|ies)|strands?|"
    r"programmes?|activit(?:y|ies)|shared\s+services?|stages?|phases?|schemes?|initiatives?|"
    r"work\s*packages?|service\s+elements?)(?:\s+(?:name|title|areas?))?$"
)
SENTENCE_ITEM = re.compile(
    r"^(?:In|On|At|By|During|Since|Following)\s|^\w+(?:\s+\w+){0,3}\s+(?:have|has|had|were|was|will)\s"
)
ROLE = re.compile(
    r"\b(?:Officers?|Workers?|Teachers?|Assistants?|Managers?|Visitors?|Co-?ordinators?|Directors?|"
    r"Staff|Administrators?|Clerks?|Advisers?|Advisors?|Practitioners?|Nurses?)$",
    re.I,
)
TRIM = re.compile(r"(?:[;,.]\s*(?:and|or)?|\s+(?:and|or))\s*$", re.I)
MAX_NAME_WORDS = 16
# A relative or adverbial clause after a comma ends a name ("Family and homes, which meant reducing ...")
CLAUSE_AFTER = re.compile(r",\s+(?:which|who|whose|where|whereby|through|meaning)\b")
# A form label or report heading glued to the end of an item when a PDF line runs into the next heading
# ("Kingswood Regeneration Project Alternative Options Considered"): not part of the name
TRAILING_LABEL = re.compile(
    r"\s+(?:(?:Alternative\s+)?Options\s+(?:Considered|Appraisal)|Reasons?\s+for\s+(?:the\s+)?(?:Decision|"
    r"Recommendations?|Proposals?)|(?:Financial|Legal|Resource|Staffing|Equalit(?:y|ies)|Risk|Policy|Property|"
    r"Procurement|Climate|Environmental|Health)\s+Implications|Background\s+(?:Papers|Documents|Information)|"
    r"Recommendations?|Next\s+Steps|Key\s+Risks|Purpose\s+of\s+(?:the\s+)?Report|Executive\s+Summary|"
    r"Decisions?\s+Required|Contact\s+Officers?|Report\s+Authors?)\s*:?$",
    re.I,
)
# An item that opens with a verb and its object ("Setting a cogent policy framework ...", "Presenting the plan"):
# what a report does, not an area; "Parenting programmes" and "Housing services" open with nouns
GERUND_CLAUSE = re.compile(
    r"^[A-Z][a-z]{2,}ing\s+(?:a|an|the|our|their|its|this|these|those|his|her|clear|progress|new|more|better|"
    r"greater|all|any)\b"
)
# A title that names a kind of report, not a piece of work
REPORT_KIND = re.compile(
    r"\b(?:Briefing|Report|Update|Overview|Development|Progress|Review|Position|Statement|Summary|"
    r"Monitoring|Outturn|Assurance|Minutes|Forecast|Strategy|Plan|Policy|Budget|Permission|Consent)s?$",
    re.I,
)
# A word of a prose list item: not a verb or a clause word, so an item stops where the sentence goes on
_WORD = r"(?!(?:to|for|which|that|with|in|has|have|had|is|are|was|were|will|would|can|could|should|may)\b)[A-Za-z][\w’'&/-]*"
_ITEM = _WORD + r"(?:\s+" + _WORD + r"){0,5}"
_BODY = r"[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|&)){0,5}"
# "work closer together on areas such as fleet maintenance and asset collaboration", "worked jointly with Northshire
# Council on highways, waste and libraries": areas named in prose
JOINT_WORK_LIST = re.compile(
    r"\b(?:work(?:s|ing|ed)?\s+(?:more\s+)?(?:(?:closer|closely|jointly|together|in\s+partnership)\s+){1,2}"
    r"(?:with\s+(?:the\s+)?" + _BODY + r"\s+)?|joint(?:ly)?\s+work(?:ing)?\s+|collaborat(?:e|es|ed|ion|ing)\s+|"
    r"shared?\s+services?\s+)(?:on|in|across)\s+(?:(?:the\s+)?areas?\s+(?:such\s+as|of|including)\s+|areas\s+like\s+)?"
    r"(?P<list>" + _ITEM + r"(?:,\s+" + _ITEM + r")*(?:,?\s+and\s+" + _ITEM + r"))"
    r"(?=\s*[,.;:)]|\s+(?:would|will|which|that|to|with|has|have|is|are|was|were)\b)",
    re.I,
)
# Names that are not areas of work: counts of staff or occasions ("Three midwives", "Visual (7)"), dates and
# figures, budget lines ("Premises Costs", "Legal Reserve"), clauses ("provision is secured"), and what a
# report sets out to do ("Presenting the refreshed plan").
NUMBER_WORD = r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Fifty|Hundred)"
# a person by a title of address ("Cllr Jane Smith", "Dr A Patel")
TITLED = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Rev|Revd)\.?\s+[A-Z]")
NOT_A_WORKSTREAM = re.compile(
    rf"^(?:\d|£|{NUMBER_WORD}\s+[a-z]+s\b|{NUMBER_WORD}\s+(?:[\w-]+\s+){{0,4}}(?:officers?|workers?|therapists?|"
    r"visitors?|midwives|nurses?|managers?|posts?|staff|leaders?)\b)|\(\d+(?:\s+\w+)?\)$|"
    r"\b(?:Reserves?|Costs|Income|Payments|Balances)$|\bFees(?:\s+and\s+Charges)?$|\b(?:[Aa]pprovals|[Dd]elegations|[Dd]ecisions)$|^(?:All\s+)?other\s|\b(?:Report|Minutes)\b|^Q[1-4]\b|"
    r"^[A-Z][\w-]*(?:\s+[\w-]+){1,10}\s+(?:is|are|was|were|should|must|will|can|could|would|may)\s+\w+|"
    r"^There\s+(?:is|are|was|were)\b|^(?:How|What|Why|When|Where|Who|Which|Whether)\s|^(?:Sub-?\s*|Grand\s+)?Totals?\b|"
    r"^[A-Z][a-z]+ing\s+(?:the|our|their|its|this|these|clear|progress)\b"
)


# A piece of a line broken off its sentence (text in columns read across): it opens on a joining word ("and care
# technology") or ends on one ("solving some")
BROKEN_OFF = re.compile(
    r"^(?:and|or|of|to|for|with|by|from|at|as|in|on|is|are|that|which)\s|"
    r"\s(?:and|or|of|to|the|a|an|some|for|with|by|from|at|in|on|that|which|our|their|its)$"
)


# Section headings, budget lines and table furniture that are never an area of work
GENERIC_HEADING = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*\.?\s+)?(?:Introduction|Background(?:\s+(?:papers|documents|information))?|Summary|"
    r"Executive\s+summary|Conclusions?|Recommendations?|Purpose(?:\s+of\s+(?:the\s+)?report)?|Next\s+steps|"
    r"Appendi(?:x|ces)|Contacts?(?:\s+details)?|Overview|Update|Current\s+position|Proposals?|Options(?:\s+considered)?|"
    r"Key\s+(?:issues|considerations|points)|Consultation|Risks?(?:\s+management)?|Decision|Reasons?(?:\s+for\s+\w+)?|"
    r"(?:[\w,&/ -]+\s+)?Implications|(?:Corporate|Strategic|Council)\s+(?:objectives|priorities|aims)|Savings|Costs|"
    r"Income|Funding|Expenditure|(?:Sub[\s-]?|Grand\s+)?Totals?|Other))\s*:?$",
    re.I,
)
# Street names and road numbers ("Manor Place", "A34") are places, not areas of work
PLACE = re.compile(
    r"^(?:[A-Z][\w'’-]+\s+){1,2}(?:Street|Road|Lane|Close|Place|Avenue|Crescent|Drive|Square|Terrace|"
    r"Gardens|Grove|Mews|Row|Walk|Court|Park)$|^[ABM]\d{1,4}(?:\([MT]\))?$|"
    r"^Land\s+(?:at|off|to\s+the\s+(?:rear|north|south|east|west)\s+of|adjacent\s+to|adjoining|north|south|east|"
    r"west|rear)\b"
)
# An action from an action plan ("Work with partners to increase ..."): a sentence, not the name of an area
IMPERATIVE = re.compile(
    r"^(?:Work|Communicate|Identify|Continue|Support|Implement|Improve|Promote|Adopt|Provide|Reduce|Retain|Appoint|"
    r"Develop|Ensure|Deliver|Increase|Establish|Create|Review|Undertake|Agree|Approve|Note|Consider|Explore|Encourage|"
    r"Enable|Maintain|Monitor|Produce|Raise|Seek|Build|Embed|Engage|Extend|Focus|Invest|Help|Make|Take|Use|Set|"
    r"Tackle|Strengthen|Protect|Prevent|Launch|Complete|Commission|Introduce|Prepare|Publish|Deliver|Achieve)\s",
    re.I,
)
# A section whose lists name the council's own aims or the report's furniture, not the work covered
NOT_A_WORK_SECTION = re.compile(
    r"\b(?:Corporate\s+(?:Strategy|Plan|Objectives|Priorities)|alignment|Implications|Risks?|"
    r"Background\s+(?:Documents|Papers)|Appendi(?:x|ces)|Consultation|Equalit(?:y|ies))\b",
    re.I,
)
# Phrases that say a report is about joint work, whatever its kind
JOINT_WORK = re.compile(
    r"\b(?:partnership\s+(?:working|arrangements?|agreement)|joint\s+(?:working|service|"
    r"arrangements?|commissioning)|shared\s+services?|collaborat(?:ion|ive|ing)\s+(?:with|between|"
    r"across|working)|work(?:ing)?\s+(?:closely\s+)?together)\b",
    re.I,
)
# A step in the life of a piece of work, naming no work itself ("Integration and Implementation", "Outcome")
_STEP = (
    r"(?:Implementation|Integration|Consultation|Approval|Adoption|Update|Progress|Outcomes?|Award|Decisions?|"
    r"Proposals?|Options|Recommendations|Changes|Next\s+Steps|Way\s+Forward)"
)
STEP = re.compile(rf"(?i:{_STEP}(?:(?:,\s+|\s+(?:and|&)\s+){_STEP})*)")
# A title in capitals that names a body or a form, not a piece of work ("CHILDREN'S SERVICES CABINET BOARD")
TITLE_BODY = re.compile(r"\b(?:COMMITTEE|BOARD|CABINET|COUNCIL|PANEL|DECISION|FORUM|MEETING)\b")
# "involves three key stages; Outline Business Case, Consultation and Implementation": a list the text counts
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "three key stages", "four cross-cutting themes": a count and the words that may qualify it
_COUNT = (
    r"\b(?P<n>two|three|four|five|six|seven|eight|[2-8])\s+(?:(?:key|main|core|distinct|separate|broad|principal|"
    r"thematic|strategic|overarching|priority|interconnected|interlinked|cross-cutting)\s+)?"
)
COUNTED_LIST = re.compile(
    _COUNT
    + r"(?:stages|phases|work\s*streams|themes|priorities|strands|elements|components|areas|projects|programmes|pillars)"
    r"\s*[:;–—]\s*(?P<list>(?:\(?[a-hivx1-8]{1,3}\)\s*)?[A-Z][^.\n:]{4,400}?)(?=\.\s|\.?$|\n)",
    re.I | re.M,
)
# The same count ending a line ("delivery of four core elements:") over one paragraph of labelled items
# ("i. Quality childcare; ii. Enhanced health visiting; iii. Parenting programmes; iv. Early language")
COUNTED_CUE_END = re.compile(
    _COUNT + r"(?:stages|phases|work\s*streams|themes|priorities|strands|elements|components|areas|projects|programmes|"
    r"pillars|entitlements)\s*:$",
    re.I,
)
INLINE_ITEMS = re.compile(r"(?:^|;\s*(?:and\s+)?)\(?(?:[ivx]{1,4}|[a-h]|[1-8])[.)]\s+")
SOFT_BREAK = re.compile(r"(?<![\n.:;])[ \t]*\n(?![ \t]*\n)")  # a line break inside a paragraph, not after a stop
INLINE_LABEL = re.compile(r"^\(?[a-hivx1-8]{1,3}\)\s*")  # "(a) ", "ii) " opening an item of an inline list
# A heading over a section whose sub-headings are the areas ("Our Workstreams", "3. Progress against priorities")
SECTION_OF_AREAS = re.compile(
    r"^(?:(?:our|the|key|joint|partnership|main|current|shared)\s+){0,2}(?:work\s*streams?|priorit(?:y|ies)|themes?|"
    r"projects?|programmes?|strands?|service\s+areas|areas\s+of\s+(?:joint\s+)?work|(?:core\s+)?entitlements|"
    r"service\s+elements|elements\s+of\s+the\s+(?:programme|service))(?:\s+(?:updates?|progress|summary|"
    r"overview))?(?:\s+(?:for\s+|in\s+)?(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?)?\s*:?$|^(?:progress|updates?|delivery|performance)\s+(?:on|against|by|of)\s+(?:the\s+|our\s+)?"
    r"(?:[\w’'-]+\s+){0,2}(?:priorities|work\s*streams|themes|projects|programmes)\s*:?$",
    re.I,
)
# A short heading that names a list of areas ("Our priorities", "Key projects", "Service elements")
HEADED_LIST = re.compile(
    r"^(?:[\w’'&-]+\s+){0,4}(?:priorities|themes|work\s*streams|projects|stages|services|programmes|"
    r"strands|areas\s+of\s+(?:joint\s+)?work|service\s+elements|elements)\s*:?$|"
    # "Goals of the Special Interest Groups", "Aims of the network": what a group or programme sets out to do
    r"^(?:(?:our|the|key|main|shared)\s+)?(?:goals|aims|objectives)(?:\s+of\s+(?:the\s+|our\s+)?(?:[\w’'&-]+\s+){0,4}"
    r"(?:groups?|networks?|partnerships?|programmes?|collaborat\w+|forums?|boards?|projects?))?\s*:?$",
    re.I,
)
# A form label over the body that leads what follows ("Strategic Partnership / Priority Delivery Board",
# "Lead organisation"): the line after it names the body
LEAD_FORM_LABEL = re.compile(
    r"^(?:[\w/&,' -]{0,60}\s)?(?i:delivery|lead|leading|responsible|accountable)\s+"
    r"(?i:board|body|group|partnership|organisation|partner|agency)\s*:?$"
)
# The title of a table's first column, not an entry ("Area", "Item", "No.", "Description")
COLUMN_TITLE = re.compile(
    r"^(?:areas?|items?|names?|titles?|descriptions?|no\.?|ref(?:erence)?\.?|topics?|subjects?|"
    r"headings?|elements?|categor(?:y|ies)|types?|key\s+\w+)$",
    re.I,
)
# The title of a column of places (a table of wards or statistical areas and their figures): not areas of work
PLACE_COLUMN = re.compile(
    r"^(?:lsoas?|msoas?|wards?|parish(?:es)?|localit(?:y|ies)|neighbourhoods?|post\s*codes?|settlements?|"
    r"villages?|(?:school\s+)?catchments?)$",
    re.I,
)
# A lead-in to a table of risks, costs, papers or meetings, whatever else it mentions
NOT_AREAS_TABLE = re.compile(
    r"\b(?:risks?|issues?|costs?|budgets?|funding|documents?|papers?|dates?|timetable|meetings?|"
    r"members(?:hip)?|attendance|allocations?|spend(?:ing)?)\b",
    re.I,
)
# The title of a first column of steps, not areas ("Milestone | Date | Responsible", "Action | Owner")
TASK_COLUMN = re.compile(r"^(?:key\s+)?(?:milestones?|actions?|tasks?|deliverables?|activit(?:y|ies)|outputs?)\b")
# The number a table row's first cell opens with ("1.", "2)", "(c)"): the row's label, not part of its name
CELL_NUMBER = re.compile(r"\s*(?:\d{1,2}[.)]|\(?[a-z]\))\s+(?=[A-Z])")
# The title of a table column naming who leads ("Lead", "Lead partner", "Responsible body", "Hosted by", "Owner")
LEAD_COLUMN = re.compile(r"\blead|\bresponsib|\baccountable|\bowner|\bhost|\b(?:delivered|led|managed)\s+by\b")
# A lead-in to what an assessment measures ("the 10 areas assessed within the review, those being:"): domains
# of a measure, not areas of work
MEASURED = re.compile(r"\b(?:assess(?:ed|es|ing|ments?)?|measured|scored|tested|indicators?|domains?|criteria)\b", re.I)
# A figure or a reference code in a table cell ("12.5", "WP3"), not a name
CODE = re.compile(r"[\d£%.,\s-]+|[A-Z]{1,4}\d{1,3}[a-z]?")
# "the Roads Collaborative project led by the Improvement Service": a named project and its lead, in prose
NAMED_PROJECT = re.compile(
    r"\b(?P<name>[A-Z][\w&’'-]*(?:[ \t]+[A-Z][\w&’'-]*){0,4})[ \t]+(?i:project|programme|initiative|pilot|scheme)"
    r"[ \t]+(?i:led|hosted|delivered|run|managed|co-?ordinated)[ \t]+by\s+(?:the\s+)?"
    r"(?P<lead>[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|&)){0,6})"
)
_PIECE = r"(?:access\s+to\s+)?" + _WORD + r"(?:\s+" + _WORD + r"){0,6}"
# "linked with several workstreams such as the Transport Strategy (TS) and the Bus Plan": named workstreams in prose
_NAMED = r"(?:the\s+)?[A-Z][\w’'&/-]*(?:\s+(?:[A-Z][\w’'&/-]*|of|(?:and|for|&)(?=\s+[A-Z])|\([A-Z]{2,8}\))){0,8}"
NAMED_WORKSTREAMS = re.compile(
    r"\b(?:work\s*streams|areas\s+of\s+(?:joint\s+)?work|strands\s+of\s+work)\s*,?\s+(?:such\s+as|including|like|"
    r"namely)\s+(?P<list>" + _NAMED + r"(?:,\s+" + _NAMED + r")*(?:,?\s+and\s+" + _NAMED + r")?)"
)
# "(the councils work together) on areas such as waste, housing advice and parking": the areas of a joint
# sentence, in lower case as often as not
AREAS_SUCH_AS = re.compile(
    r"\b(?:in|on|across)\s+(?:areas|issues|matters)\s+(?:such\s+as|including|like)\s+(?P<list>[^.;:()]{5,300}?)"
    r"(?=\s*(?:[.;:]|$))",
    re.M,
)
JOINT_SENTENCE = re.compile(
    r"\b(?:work(?:s|ed|ing)?\s+(?:closely\s+|jointly\s+)?(?:together|with|alongside)|jointly|in\s+partnership|"
    r"collaborat\w*|partners?)\b",
    re.I,
)
# "The scheme has themes of Housing Renewal, Community Safety (lead: Northshire Police), Jobs and Enterprise, and
# Community Capacity": three or more capitalised areas named in prose, each perhaps with its lead in brackets
_LED = _NAMED + r"(?:\s*\((?i:lead)\b[^()]{0,80}\))?"
THEMES_OF = re.compile(
    r"\b(?:themes|strands|work\s*streams)\s+(?:of|are|include|including|namely)\s*:?\s+|"
    r"\bpriorities\s+(?:are|include|including|namely)\s*:?\s+"
)
THEMES_LIST = re.compile(r"(?P<list>" + _LED + r"(?:,\s+" + _LED + r"){1,}(?:,?\s+and\s+" + _LED + r"))(?=\s*[.;:]|$)")
# "a joint Executive Director of Adult Social Care and Health", "the shared Chief Executive": a post shared by the
# partners is joint work; its area is what it directs, else the post itself
SHARED_POST = re.compile(
    r"\b(?P<post>(?i:joint|shared)\s+(?:(?:Executive|Assistant|Strategic|Corporate)\s+)?(?:Chief\s+Executive|Chief\s+Officer|"
    r"Director|Head|Manager)s?)(?:\s+(?:of|for)\s+(?P<area>[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|of|(?:and|&)"
    r"(?=\s+[A-Z]))){0,6}))?"
)
# "a programme providing access to free childcare, an enhanced health visiting service and parenting support":
# the elements of a service named in prose (three or more)
PROVISION_LIST = re.compile(
    r"\b(?:programme|service|scheme|offer)s?\s+(?:providing|provides|offering|offers|comprising|comprises|"
    r"consisting\s+of|consists\s+of|made\s+up\s+of)\s+(?:access\s+to\s+)?(?P<list>"
    + _PIECE
    + r"(?:,\s+"
    + _PIECE
    + r")+,?\s+and\s+"
    + _PIECE
    + r")(?=\s*[,.;:)]|\s+(?:to|for|which|that|with|in)\b)",
    re.I,
)
# The service areas and directorates every UK council runs, by their usual names: in a report about joint work, one
# named in a sentence about working together is an area of that work. Names that are also everyday words
# ("policy", "finance", "transport", "planning", "housing") count only capitalised and as a team or service;
# "Licensing" only capitalised (joint licensing of software is not the licensing service).
_SERVICE_TERMS = (
    r"adults?['’]?\s+social\s+care|adult\s+services|children['’]?s\s+(?:social\s+care|services)|"
    r"children\s+and\s+families|public\s+health|environmental\s+health|trading\s+standards|"
    r"emergency\s+(?:planning|response|management)|civil\s+contingencies|community\s+safety|"
    r"(?:democratic|member|committee|electoral|legal|customer|registration|bereavement|youth|library|"
    r"revenues?|benefits?|payroll|pensions?|procurement|property|facilities|housing|planning|finance|"
    r"communications|policy|ICT|IT|HR)\s+services|"
    r"internal\s+audit|human\s+resources|HR|ICT|contact\s+centres?|revenues\s+and\s+benefits|building\s+control|"
    r"highways?(?:\s+maintenance)?|waste(?:\s+(?:management|collection|disposal))?|libraries|procurement|payroll|"
    r"pensions?\s+administration|(?:property\s+)?asset\s+management|facilities\s+management|fleet\s+management|"
    r"economic\s+development|street\s+cleansing|licensing|health\s+and\s+safety|special\s+educational\s+needs|"
    r"archives|school\s+improvement|occupational\s+health"
)
SERVICE_AREA = re.compile(
    r"(?<![\w-])(?P<name>(?i:" + _SERVICE_TERMS + r")(?:\s+(?:and|&)\s+(?i:" + _SERVICE_TERMS + r")(?=\s+(?i:services?|"
    r"teams?|functions?|units?)\b))?|(?:Policy|Finance|Transport|Planning|Housing|Communications|Legal|Audit|"
    r"Regeneration|Education)(?=\s+(?:[Tt]eams?|[Ss]ervices?|[Uu]nits?|[Ff]unctions?)\b))(?![\w-])"
)
# A sentence about working together, sharing or collaborating (the sentence an area named in prose must be in)
WORKING_TOGETHER = re.compile(
    r"\b(?:joint(?:ly)?|shar(?:e|es|ed|ing)|together|collaborat\w*|partnering|in\s+partnership|each\s+other|"
    r"both\s+(?:councils|authorities|organisations|partners))\b",
    re.I,
)
# A sentence that puts a service outside the joint work ("libraries are outside the scope of the shared service")
OUT_OF_SCOPE = re.compile(
    r"\b(?:outside|beyond)\s+(?:the\s+)?scope|\bnot\s+(?:part|included|covered|in\s+scope)\b|\bexclud(?:ed|es|ing)\b|"
    r"\bunaffected\b|\bnot\s+(?:be\s+)?affected\b",
    re.I,
)
# The head noun of a body after a service name: the service is part of the body's name
BODY_AFTER = re.compile(r"\s+(?:Board|Committee|Partnership|Forum|Group|Panel|Authority|Council|Trust|Agency)\b")
# a document that answers another's proposal: an objection, a response to a planning application or consultation
RESPONSE_DOC = re.compile(
    r"\b(?:objection\s+to|(?:response|representations?)\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:application|consultation|proposals?|appeal))\b",
    re.I,
)
# Report kinds whose lists and headings are rarely areas of joint work
UNLIKELY_KINDS = frozenset({"budget", "minutes", "scrutiny", "terms_of_reference"})
REVIEW = 0.45  # the confidence of an item a person should check (under the 0.5 review line)


def clean_name(text: str) -> str:
    """A workstream name from an item: the head before a dash or colon, trimmed of list punctuation, of a clause
    after a comma ("..., which meant ..."), of a form label glued to its end and of a list's opening 'And'."""
    text = re.split(r"\s*\((?i:lead)\b", text, maxsplit=1)[0]  # "Safer streets (lead agency: ...)"
    head = SEPARATOR.split(text, maxsplit=1)[0] if SEPARATOR.search(text) else text
    if ITEM_LABEL.fullmatch(head.strip()) and head != text:  # "Priority 1: Waste": the name follows its label
        head = SEPARATOR.split(text, maxsplit=1)[1]
        head = SEPARATOR.split(head, maxsplit=1)[0] if SEPARATOR.search(head) else head
    if len(head.split()) > MAX_NAME_WORDS and head is text:
        head = re.split(r"(?<=[a-z])[.;]\s", text)[0]
        head = " ".join(head.split()[:MAX_NAME_WORDS])
    clause = CLAUSE_AFTER.search(head)
    if clause and head[: clause.start()].strip():
        head = head[: clause.start()]
    label = TRAILING_LABEL.search(head)
    if label and len(head[: label.start()].split()) >= 2:
        head = head[: label.start()]
    head = head.strip()
    if re.match(r"(?:And|Or)\s+[a-z]", head):
        head = head.split(None, 1)[1]
    return TRIM.sub("", head).strip(" –-:")


def split_list(text: str) -> list[str]:
    """The items of a prose list: its comma pieces, the last split at its first 'and' ("revenues and benefits, ICT
    and payroll" gives "revenues and benefits", "ICT", "payroll"; "A, B and C and D sessions" gives "C", "D
    sessions")."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    pieces[-1:] = re.split(r"\s+and\s+", re.sub(r"^and\s+", "", pieces[-1]), maxsplit=1)
    return pieces


class WorkstreamsExtractor:
    """Finds workstreams from cued lists, bold lead-ins and 'led by' headings."""

    name = "workstreams"
    field = "workstreams"

    def find(self, ctx: Context) -> list[Candidate]:
        out: list[Candidate] = []
        blocks = ctx.document.blocks
        dash_leads = {i: span for i, b in enumerate(blocks) if (span := self._dash_lead(ctx, b))}
        for i, b in enumerate(blocks):
            text = ctx.document.block_text(b)
            if i in dash_leads and (i - 1 in dash_leads or i + 1 in dash_leads):
                out.append(self._cand(ctx, b, *dash_leads[i], rule="bold-lead-in", conf=0.7))
                continue
            bold = self._bold_lead(ctx, b)
            if bold:
                umbrella = text.rstrip().endswith(":") and i + 1 < len(blocks) and blocks[i + 1].emphasis
                if not umbrella:
                    out.append(self._cand(ctx, b, *bold, rule="bold-lead-in", conf=0.8))
                continue
            m = re.match(r"^(?P<name>[^.;]{2,80}?)\s+[–—-]\s+Led\s+by\s+(?P<lead>.+)$", text)
            if m:
                out.append(
                    self._cand(
                        ctx,
                        b,
                        b.start,
                        b.start + len(m.group("name")),
                        rule="led-by-heading",
                        conf=0.85,
                        lead_text=m.group("lead"),
                    )
                )
                continue
            body = text[len(b.label) :].lstrip() if b.label and text.startswith(b.label) else text
            m = ITEM_LED_BY.match(body) if (b.label or b.kind == "list_item") else None
            if m and self._labelled_lead(ctx, m.group("lead")) is not None:
                start = b.start + text.find(body)  # "1. Transport and rural connectivity, led by Shropshire Council."
                out.append(
                    self._cand(
                        ctx,
                        b,
                        start,
                        start + len(m.group("name")),
                        rule="led-by-item",
                        conf=0.7,
                        lead_text=m.group("lead"),
                    )
                )
                continue
            m = LABELLED_AREA.match(body)
            if m:
                name = clean_name(m.group("name"))
                if name and len(name.split()) <= MAX_NAME_WORDS:
                    start = b.start + text.find(name)
                    out.append(self._cand(ctx, b, start, start + len(name), rule="labelled-area", conf=0.7))
                continue
            m = STAGE.match(body)
            head = re.split(r"\s+\((?=[^)]{30,})|(?<=[a-z)])[.;]\s", body, maxsplit=1)[0]  # before a long aside
            if m and not re.match(r"(?:Stage|Phase)\b", body):  # "Strand 2 – Joint Control Room": the strand's name
                name = clean_name(head)
                if name and len(name.split()) <= MAX_NAME_WORDS:
                    start = b.start + text.find(name)
                    out.append(self._cand(ctx, b, start, start + len(name), rule="stage", conf=0.7))
            elif m and len(head.split()) <= 20:  # "Stage One: Scheme Development": a stage keeps its number
                start = b.start + text.find(body)
                out.append(self._cand(ctx, b, start, start + len(head.rstrip(" .;")), rule="stage", conf=0.7))
                continue
            text = CUE_END.sub(":", text)  # "... the fund will support: -": the list's colon with a dash after it
            if (
                text.rstrip().endswith(":")
                and (
                    LIST_CUE.search(self._last_clause(text))
                    or SCHEMES_CUE.search(text.rstrip())
                    or self._joint_areas_cue(text)
                )
                and not self._lists_other_things(self._last_clause(text))
                and b.kind != "heading"
                and not MEASURED.search(self._last_clause(text))
            ):
                out += self._list_items(ctx, i + 1, text)
            elif b.kind == "heading" and HEADED_LIST.search(body):
                out += self._list_items(ctx, i + 1, text)
            elif (
                re.search(
                    r"\bfollowing\s+(?:\w+\s+)?(?:headings|areas|projects|workstreams|work\s*streams|themes|"
                    r"strands|priorities)\.$",
                    text.rstrip(),
                )
                and b.kind != "heading"
            ):
                out += self._numbered_lead_ins(ctx, i + 1)
        out += self._labelled_siblings(ctx, out)
        self._form_leads(ctx, out)
        out += self._subjects(ctx)
        out += self._counted_lists(ctx)
        out += self._labelled_runs(ctx)
        out += self._named_lines(ctx)
        out += self._headed_sections(ctx)
        out += self._joint_work_lists(ctx)
        out += self._provision_lists(ctx)
        out += self._named_workstreams(ctx)
        out += self._themes_of(ctx)
        out += self._areas_such_as(ctx)
        out += self._shared_posts(ctx)
        out += self._decision_headings(ctx)
        out += self._tables(ctx)
        out += self._plan_sections(ctx)
        out += self._named_projects(ctx)
        out += self._service_areas(ctx, out)
        self._lead_lines(ctx, out)
        headings = [b for b in blocks if b.kind == "heading"]
        starts = [h.start for h in headings]
        out = [c for c in out if self._is_area(ctx, c, headings, starts)] or [
            c for c in self._title_subject(ctx) if self._is_area(ctx, c, headings, starts)
        ]
        return self._dedupe(self._gate(ctx, out))

    @staticmethod
    def _is_area(ctx: Context, c: Candidate, headings: list[Block], starts: list[int]) -> bool:
        """False for names that are headings, places, budget lines, clauses, or lists in a section about the
        council's own aims or the report's furniture."""
        name = c.data["name"]
        if c.rule == "plan-section":  # a heading the plan's layout marks; its wording may read as a clause
            return not GENERIC_HEADING.match(name)
        if NOT_A_WORKSTREAM.search(name) or GENERIC_HEADING.match(name) or PLACE.match(name) or TITLED.match(name):
            return False
        if ITEM_LABEL.fullmatch(name):
            return False  # "Objective 1a": a label that names nothing
        if BROKEN_OFF.search(name):
            return False
        if c.rule == "title-subject" and NOT_A_WORK_SECTION.search(name):
            return False
        if c.rule in {"bold-lead-in", "cued-list", "numbered-lead-in", "labelled-area"}:
            k = bisect_right(starts, c.start) - 1
            heading = headings[k] if k >= 0 else None
            if (
                heading is not None
                and heading.start != c.start
                and (
                    NOT_A_WORK_SECTION.search(ctx.document.block_text(heading))
                    or ATTENDANCE.fullmatch(ctx.document.block_text(heading))  # a roll of attendance
                )
            ):
                return False
        return True

    @staticmethod
    def _gate(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
        """In a budget, scrutiny or terms-of-reference report with no joint-work language, lists and headings are
        rarely areas of joint work: such items are kept for a person to check, never trusted; minutes with no
        joint-work language have none."""
        if not cands:
            return cands
        kind = ctx.report_kind
        joint = kind == "partnership" or len(JOINT_WORK.findall(ctx.text, 0, 200_000)) >= 3
        if kind == "minutes" and not joint:
            # minutes of routine business have no workstreams (GUIDELINES): their items are agenda items; but areas
            # that different bodies lead ("Theme | Lead council" naming several councils) are joint work
            led = [c for c in cands if c.data.get("lead")]
            return led if len({c.data["lead"] for c in led}) >= 2 else []
        front = " ".join(ctx.document.block_text(b) for b in ctx.document.blocks[:6])
        if not joint and RESPONSE_DOC.search(front):
            return []  # a response to an application or consultation: its headings are its grounds, not joint work
        if kind in UNLIKELY_KINDS and not joint:
            for c in cands:
                c.confidence = min(c.confidence, REVIEW)
        return cands

    def _plan_sections(self, ctx: Context) -> list[Candidate]:
        """The section headings of an action plan, over the numbered actions they group."""
        blocks = ctx.document.blocks
        return [
            self._cand(ctx, blocks[j], s, e, rule="plan-section", conf=0.6) for j, s, e in plan_sections(ctx.document)
        ]

    def _tables(self, ctx: Context) -> list[Candidate]:
        """Rows of a table whose header names a workstream column (and perhaps a lead column)."""
        out = []
        blocks = ctx.document.blocks
        i = 0
        while i < len(blocks):
            b = blocks[i]
            first_row = i == 0 or blocks[i - 1].kind != "table_row"
            if b.kind != "table_row" or not b.cells or not first_row:
                i += 1
                continue
            header = [" ".join(ctx.text[s:e].split()).lower() for s, e in b.cells]
            # a bilingual header ("Work area / Maes gwaith") names its column in either half
            name_col = next(
                (k for k, h in enumerate(header) if any(TABLE_NAME.search(x.strip()) for x in h.split(" / "))), None
            )
            lead_col = next((k for k, h in enumerate(header) if LEAD_COLUMN.search(h) and k != name_col), None)
            i += 1
            by_lead = False
            if name_col is None:
                # "Team | Lead authority | ...": a column of bodies that lead; the first column is what they lead
                if (
                    lead_col is None
                    or lead_col == 0
                    or NOT_AREAS_TABLE.search(header[0])
                    or TASK_COLUMN.match(header[0])
                    or COLUMN_TITLE.match(header[0])
                ):
                    continue
                name_col, by_lead = 0, True
            rows = []
            while i < len(blocks) and blocks[i].kind == "table_row":
                cells = [" ".join(ctx.text[s:e].split()).lower() for s, e in blocks[i].cells]
                if cells != header:  # the header again, where the table runs on over a page
                    rows.append(blocks[i])
                i += 1
            own_work = False
            if lead_col is not None and not by_lead:
                # "Priority | Action | Accountable officer": leads that are all posts make it the council's own plan
                cells = [" ".join(ctx.text[slice(*r.cells[lead_col])].split()) for r in rows if len(r.cells) > lead_col]
                cells = [x for x in cells if x]
                own_work = bool(cells) and all(
                    PERSON_ROLE.search(x) and self._labelled_lead(ctx, x) is None for x in cells
                )
                if own_work and ctx.report_kind != "partnership" and len(JOINT_WORK.findall(ctx.text)) < 3:
                    continue
            if by_lead:
                led = 0
                for row in rows:
                    if len(row.cells) > lead_col:
                        ls, le = row.cells[lead_col]
                        led += self._labelled_lead(ctx, " ".join(ctx.text[ls:le].split())) is not None
                if led < 2 or 2 * led < len(rows):
                    continue  # the lead column names posts or people, not bodies
            for row in rows:
                if len(row.cells) > name_col:
                    s, e = row.cells[name_col]
                    number = CELL_NUMBER.match(ctx.text, s, e)  # "1. Curriculum and Assessment": a numbered row
                    s = number.end() if number else s
                    name = clean_name(ctx.text[s:e])
                    if by_lead and (len(name.split()) > 10 or IMPERATIVE.match(name) or not name[:1].isupper()):
                        continue  # an action in an action plan, not an area
                    if name and not CODE.fullmatch(name):
                        lead = None
                        if lead_col is not None and len(row.cells) > lead_col:
                            ls, le = row.cells[lead_col]
                            lead = self._labelled_lead(ctx, " ".join(ctx.text[ls:le].split()))
                        marked = None if lead else LEAD_MARK.search(ctx.document.block_text(row))
                        if marked:  # "Northshire Council (lead), Southshire Council" in a partners column
                            lead = self._canonical_org(ctx, marked.group("lead"))
                        c = self._cand(ctx, row, s, s + len(name), rule="table", conf=REVIEW if own_work else 0.8)
                        c.data["lead"] = lead or c.data["lead"]
                        out.append(c)
        return out

    def _service_areas(self, ctx: Context, found: list[Candidate]) -> list[Candidate]:
        """In a report about joint work, a council service area named in a sentence about working together
        ("we have worked together ... in relation to our HR practices", "Member Services has built on the
        relationship with ... to share approaches"). Kept for review: the name alone says little; one that the
        other rules found already (or a name inside one of theirs) is not repeated."""
        if ctx.report_kind != "partnership":
            return []
        taken = [set(re.findall(r"[a-z0-9]+", c.data["name"].lower())) for c in found]
        out = []
        for b in ctx.document.blocks:
            if b.kind not in {"paragraph", "list_item"}:
                continue
            text = ctx.document.block_text(b)
            pos = 0
            for sentence in re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", text):
                at = text.find(sentence, pos)
                pos = at + len(sentence)
                if not WORKING_TOGETHER.search(sentence) or OUT_OF_SCOPE.search(sentence):
                    continue
                # the service must be in the clause that works together, not one beside it ("X is not affected,
                # although Y and Z share ...", "...; the Finance Team will report")
                joint = [
                    (k.start(), k.end())
                    for k in re.finditer(
                        r"(?:[^;]|;(?!\s))+?(?=;\s|,\s+(?:although|but|whereas|while|whilst)\b|$)", sentence
                    )
                    if WORKING_TOGETHER.search(k.group())
                ]
                for m in SERVICE_AREA.finditer(sentence):
                    if not any(a <= m.start() < z for a, z in joint):
                        continue
                    if m.group("name") == "licensing":
                        continue  # lower case: the licensing of software or premises, not the service
                    words = set(re.findall(r"[a-z0-9]+", m.group("name").lower()))
                    if any(words <= t or t <= words for t in taken if t) or BODY_AFTER.match(sentence, m.end()):
                        continue  # found already, or part of a body's name ("the Joint Highways Board")
                    taken.append(words)
                    start = b.start + at + m.start("name")
                    out.append(
                        self._cand(ctx, b, start, start + len(m.group("name")), rule="service-area", conf=REVIEW)
                    )
        return out

    def _named_projects(self, ctx: Context) -> list[Candidate]:
        """A capitalised project name with its lead in a sentence ("the Flood Barrier project led by Northshire
        County Council"); the lead must be a known body or a name with a body's head noun."""
        out = []
        for m in NAMED_PROJECT.finditer(ctx.text):
            name = re.sub(r"^(?:The|This|That|A|An|Our|Their|Its)\s+", "", m.group("name"))
            lead = self._canonical_org(ctx, " ".join(m.group("lead").split()))
            b = ctx.document.block_at(m.start("name"))
            if b is None or lead is None or not name[:1].isupper() or GENERIC_HEADING.match(name):
                continue
            start = m.end("name") - len(name)
            c = self._cand(ctx, b, start, m.end("name"), rule="named-project", conf=0.6)
            c.data["lead"] = lead
            out.append(c)
        return out

    def _first_column(self, ctx: Context, j: int) -> list[Candidate]:
        """The rows of a table straight after a cue or a heading naming the areas: each row's first cell names one
        (a first row whose first cell is a column title is the header)."""
        out = []
        blocks = ctx.document.blocks
        first = j
        while j < len(blocks) and blocks[j].kind == "table_row":
            row = blocks[j]
            j += 1
            if not row.cells:
                continue
            s, e = row.cells[0]
            cell = " ".join(ctx.text[s:e].split())
            titles = [" ".join(ctx.text[a:z].split()).lower() for a, z in row.cells[1:]]
            if PLACE_COLUMN.match(cell):
                return []  # a table of places ("LSOA | School catchment | Team base")
            if row is blocks[first] and (
                COLUMN_TITLE.match(cell)
                or NOT_A_WORK_SECTION.search(cell)
                or TABLE_NAME.match(cell.lower())
                or any(LEAD_COLUMN.match(t) for t in titles)  # "Unit | Lead authority": a header row
            ):
                if NOT_A_WORK_SECTION.search(cell):
                    return []  # a table of background papers or risks
                continue
            name = clean_name(ctx.text[s:e].strip())
            if name[:1].isupper() and len(name.split()) <= 10 and not CODE.fullmatch(name):
                start = s + ctx.text[s:e].find(name[:10])
                out.append(self._cand(ctx, row, start, start + len(name), rule="table-first-column", conf=0.6))
        return out if len(out) >= 2 else []

    def _numbered_lead_ins(self, ctx: Context, j: int) -> list[Candidate]:
        """Numbered paragraphs after "... under the following headings.", each opening with its heading and
        a dash ("7. Cost of re-housing tenants - Tenant relocation costs were ...")."""
        out: list[Candidate] = []
        blocks = ctx.document.blocks
        while j < len(blocks) and blocks[j].kind != "heading":
            b = blocks[j]
            j += 1
            if not b.label:
                continue  # a paragraph continuing the item above
            text = ctx.document.block_text(b)
            body_at = len(b.label) if text.startswith(b.label) else 0
            body = text[body_at:].lstrip()
            m = re.match(
                r"(?P<head>[A-Z](?:[^.;:–—]|etc\.){2,90}?)\s+[–—-]+\s*\S|"
                r"(?P<head2>[A-Z](?:[^.;:–—]|etc\.){2,90}?)\s*[–—]\s*\S",
                body,
            )
            head = m and (m.group("head") or m.group("head2"))
            if not head or len(head.split()) > 10:
                break
            start = b.start + text.find(body) if body else b.start
            out.append(self._cand(ctx, b, start, start + len(head.rstrip()), rule="numbered-lead-in", conf=0.6))
        return out if len(out) >= 2 else []

    def _title_subject(self, ctx: Context) -> list[Candidate]:
        """A report that lists no areas of work is about one: its title names it ("Regeneration – Early
        activation of 57-76 Northchurch"), unless the title names a kind of report ("Disposal Briefing")."""
        titles = sorted(
            (
                c
                for c in ctx.results.get("metadata", [])
                if c.data.get("key") == "title" and not c.rule.startswith("cand-")  # the rules' titles, not proposals
            ),
            key=lambda c: -c.confidence,
        )
        if not titles:
            return []
        t = titles[0]
        quote = ctx.text[t.start : t.end]
        pieces = [x.strip() for x in re.split(r"\s+[–—-]\s+|:\s+", quote) if x.strip()]
        subject = pieces[-1] if pieces else ""
        if len(pieces) >= 2 and STEP.fullmatch(subject):
            # "Property Management Arrangements – Integration and Implementation": the step names no work; the
            # piece before it does, without a word for the arrangements themselves
            subject = re.sub(r"\s+(?:Arrangements|Proposals|Options|Review)$", "", pieces[-2], flags=re.I)
        subject = re.sub(
            r"^(?:(?:the\s+)?(?:future|review|proposals?|update|report)\s+(?:of|on|for)\s+|(?:the\s+)?(?:\w+\s+)?"
            r"(?:approach|arrangements|options)\s+(?:for|to)\s+(?:the\s+)?)",
            "",
            subject,
            flags=re.I,
        )
        # "Local Transport Strategy (LTS)", "Corporate Business Plan 2024-2025": the kind of report before a year
        bare = re.sub(r"\s*\([^)]*\)$|\s+(?:\d{4}(?:\s*[-–/]\s*\d{2,4})?)$", "", subject)
        if (
            len(subject.split()) < 2
            or len(subject.split()) > 30
            or REPORT_KIND.search(bare)
            or re.match(r"(?i)minutes\b|agenda\b", subject)
            or subject.rstrip().endswith(":")
            or subject.isupper()
            and (len(subject.split()) < 3 or TITLE_BODY.search(subject))
            or ctx.report_kind in {"minutes", "budget"}
        ):
            return []
        start = t.start + quote.rfind(subject)
        b = ctx.document.block_at(start)
        return [self._cand(ctx, b, start, start + len(subject), rule="title-subject", conf=0.4)] if b else []

    def _form_leads(self, ctx: Context, found: list[Candidate]) -> None:
        """A form that names the body leading a priority ("Priority Delivery Board" then "Northshire Skills Board"
        on the next line): that body leads the first labelled area within the next few blocks."""
        blocks = ctx.document.blocks
        index = {b.start: i for i, b in enumerate(blocks)}
        areas = sorted(
            (index[b.start], c)
            for c in found
            if c.rule == "labelled-area"
            and not c.data["lead"]
            and (b := ctx.document.block_at(c.start)) is not None
            and b.start in index
        )
        for i, b in enumerate(blocks[:-1]):
            label = " ".join(ctx.document.block_text(b).split())
            if len(label.split()) > 10 or not LEAD_FORM_LABEL.match(label):
                continue
            value = clean_name(" ".join(ctx.document.block_text(blocks[i + 1]).split()))
            if (
                not value[:1].isupper()
                or not 1 <= len(value.split()) <= 10
                or value.endswith(":")
                or LABELLED_AREA.match(value)
            ):
                continue
            area = next((c for k, c in areas if i + 1 < k <= i + 4), None)
            if area is not None:
                head = label.rstrip(" :").split()[-1].title()  # "People are Safe" under "Delivery Board" is a Board
                named = (
                    value
                    if re.search(
                        r"\b(?:Board|Body|Group|Partnership|Organisation|Partner|Agency|Council|"
                        r"Trust|Authority|Forum|Service)$",
                        value,
                    )
                    else f"{value} {head}"
                )
                area.data["lead"] = self._canonical_org(ctx, value) or named

    def _lead_lines(self, ctx: Context, found: list[Candidate]) -> None:
        """A "Lead: X" line just under an item (its own block) names the item's lead."""
        blocks = ctx.document.blocks
        index = {b.start: i for i, b in enumerate(blocks)}
        for c in found:
            b = ctx.document.block_at(c.start)
            if c.data["lead"] or b is None or b.start not in index or index[b.start] + 1 >= len(blocks):
                continue
            below = self._body(ctx, blocks[index[b.start] + 1])
            m = LEAD_LABEL.match(below) or LEAD_LABEL.match(re.sub(r"^[*_]*(?:[A-Z][a-z]+\s+)(?=[Ll]ead\b)", "", below))
            if m:
                c.data["lead"] = self._labelled_lead(ctx, m.group("lead").strip(" ,.;"))
                continue
            # the paragraph under a heading item opens by naming who leads it ("Northshire Council will lead on
            # waste prevention ...", "The County Council leads on ..."): a found body only
            m = LEADS_ON.match(re.sub(r"^The\s+(?=[A-Z])", "", below))
            if m and (b.kind == "heading" or ctx.text[c.start : c.end].lower() in below.lower()):
                c.data["lead"] = self._canonical_org(ctx, m.group("lead"))

    def _labelled_siblings(self, ctx: Context, found: list[Candidate]) -> list[Candidate]:
        """A short numbered heading in a run of numbered labelled areas ("1. Sub priority: Road Safety",
        "2. Sub priority: Youth Justice", "3. Anti-social Behaviour") is one of them, without its label."""
        blocks = ctx.document.blocks
        index = {b.start: i for i, b in enumerate(blocks)}
        labelled = {
            index[b.start]
            for c in found
            if c.rule == "labelled-area"
            and (b := ctx.document.block_at(c.start)) is not None
            and b.start in index
            and re.fullmatch(r"\d{1,2}\.?", b.label or "")
        }
        out = []
        for i, b in enumerate(blocks):
            if i in labelled or not b.label or not re.fullmatch(r"\d{1,2}\.?", b.label):
                continue
            if not labelled:
                break
            sibling = next(
                (
                    k
                    for k in range(max(0, i - 6), i + 7)
                    if k in labelled and abs(int(blocks[k].label.rstrip(".")) - int(b.label.rstrip("."))) == 1
                ),
                None,
            )
            body = self._body(ctx, b)
            if (
                sibling is None
                or b.kind != blocks[sibling].kind
                or not body[:1].isupper()
                or len(body.split()) > 8
                or re.search(r"[.;:]$", body)
            ):
                continue
            start = b.start + ctx.document.block_text(b).find(body)
            out.append(self._cand(ctx, b, start, start + len(body), rule="labelled-area", conf=0.6))
        return out

    def _headed_sections(self, ctx: Context) -> list[Candidate]:
        """Sub-headings under a heading that names the areas ("## Our Workstreams" then "### Waste", "### ICT";
        "3. Workstream updates" then "3.1 Waste", "3.2 ICT"; in a PDF, headings set smaller than it up to the next
        heading of its size), when there are at least two."""
        out: list[Candidate] = []
        blocks = [b for b in ctx.document.blocks if b.kind == "heading"]
        sized = None
        for i, parent in enumerate(blocks):
            if not SECTION_OF_AREAS.match(self._body(ctx, parent)):
                continue
            children = []
            for h in blocks[i + 1 :]:
                if LEAD_LABEL.match(self._body(ctx, h)):
                    continue  # a "Lead: X" line taken for a heading belongs to the item above
                if not self._child_heading(parent, h):
                    break
                children.append(h)
            if len(children) < 2 and parent.size is not None:
                sized = sized if sized is not None else self._sized_children(ctx)
                children = sized.get(parent.start, [])
                # a run of small-type "headings" with figures is a table read as lines, not sub-headings
                if len(children) > 12 or any(re.search(r"\d%|\d\s+\d|\d{3,}", self._body(ctx, h)) for h in children):
                    children = []
            found = []
            for h in children:
                name = clean_name(self._body(ctx, h))
                if name and len(name.split()) <= 10 and not GENERIC_HEADING.match(name) and not LEAD_LABEL.match(name):
                    start = h.start + ctx.document.block_text(h).find(name)
                    c = self._cand(ctx, h, start, start + len(name), rule="headed-section", conf=0.7)
                    nxt = next((b.start for b in blocks if b.start > h.start), len(ctx.text))
                    c.data["lead"] = c.data["lead"] or self._lead(ctx, ctx.text[h.end : min(nxt, h.end + 600)], h)
                    found.append(c)
            if len(found) >= 2:
                out += found
        return out

    @staticmethod
    def _sized_children(ctx: Context) -> dict[int, list[Block]]:
        """For each heading, the headings one level below it in its section (levels from numbering and type size)."""
        doc = ctx.document
        secs = sections(doc)
        level = {s.heading: s.level for s in secs}
        out: dict[int, list[Block]] = {}
        for s in secs:
            inner = [k for k in range(s.first, s.end) if k in level]
            if inner:
                top = min(level[k] for k in inner)
                out[doc.blocks[s.heading].start] = [doc.blocks[k] for k in inner if level[k] == top]
        return out

    @staticmethod
    def _lists_other_things(clause: str) -> bool:
        """The cue names what its list holds, and they are not areas of work: "(the programme is set,) with the
        following roads due for resurfacing:", "the following members:"."""
        m = FOLLOWING_NOUN.search(clause)
        return bool(m) and not LIST_CUE.search(m.group(0)) and not AREA_NOUNS.search(m.group(0))

    @staticmethod
    def _joint_areas_cue(text: str) -> bool:
        """ "The partnership covers the following services:" after a sentence on the joint work: the list's noun
        names areas of work and the paragraph is about working together."""
        m = FOLLOWING_NOUN.search(WorkstreamsExtractor._last_clause(text))
        return bool(m and AREA_NOUNS.search(m.group(0)) and JOINT_PARAGRAPH.search(text))

    @staticmethod
    def _last_clause(text: str) -> str:
        """The sentence that introduces a list: the cue word must be there, not anywhere in a long paragraph."""
        return re.split(r"(?<=[a-z0-9)])[.;]\s+(?=[A-Z])", text.rstrip())[-1]

    @staticmethod
    def _body(ctx: Context, b: Block) -> str:
        text = ctx.document.block_text(b)
        return text[len(b.label) :].strip() if b.label and text.startswith(b.label) else text.strip()

    @staticmethod
    def _child_heading(parent: Block, h: Block) -> bool:
        """True when heading ``h`` sits under ``parent``: a deeper level, or a number under the parent's number."""
        if parent.level and h.level and not (parent.label and h.label):
            return h.level > parent.level
        if parent.label and h.label:
            stem = parent.label.rstrip(".") + "."
            return h.label.startswith(stem) and len(h.label.rstrip(".")) > len(stem) - 1
        return False

    def _counted_lists(self, ctx: Context) -> list[Candidate]:
        """Items of an inline list whose count the text states ("three key stages; A, B and C"). The count must
        match, which is what makes the items trustworthy; years in brackets are dropped from the names."""
        out = []
        text = SOFT_BREAK.sub(lambda b: " " * len(b.group()), ctx.text)  # a hard-wrapped paragraph as one line
        for m in COUNTED_LIST.finditer(text):
            n = COUNT_WORDS.get(m.group("n").lower()) or int(m.group("n"))
            pieces = [p.strip() for p in re.split(r"\s*[,;]\s*", m.group("list"))]
            if len(pieces) > n and pieces[n - 1].lower().startswith("and "):
                pieces = pieces[:n]  # the sentence goes on after the counted list's last item ("..., and D, the ...")
            if pieces and pieces[-1].lower().startswith("and "):
                pieces[-1] = pieces[-1][4:]
            elif pieces and " and " in pieces[-1] and len(pieces) == n - 1:
                pieces[-1:] = pieces[-1].rsplit(" and ", 1)
            pieces = [INLINE_LABEL.sub("", p) for p in pieces]
            names = [re.sub(r"\s*\([^)]*\d[^)]*\)", "", p).strip() for p in pieces]
            if len(names) != n or not all(x[:1].isupper() and len(x.split()) <= 12 for x in names):
                continue
            b = ctx.document.block_at(m.start("list"))
            pos = m.start("list")
            for name in names:
                start = text.find(name, pos)
                if b is None or start < 0:
                    break
                pos = start + len(name)
                out.append(self._cand(ctx, b, start, pos, rule="counted-list", conf=0.7))
        return out

    def _named_lines(self, ctx: Context) -> list[Candidate]:
        """Two or more lines in a row, each opening with a programme's or project's name and saying what it does
        ("Transformation Programme: sets the direction ..." / "Technology Programme: buys and deploys ...")."""
        out: list[Candidate] = []
        run: list[Candidate] = []
        for b in [*ctx.document.blocks, None]:
            m = NAMED_LINE.match(ctx.document.block_text(b)) if b is not None and b.kind != "heading" else None
            if m:
                run.append(self._cand(ctx, b, b.start, b.start + len(m.group("name")), rule="named-line", conf=0.7))
                continue
            out += run if len(run) >= 2 else []
            run = []
        return out

    def _labelled_runs(self, ctx: Context) -> list[Candidate]:
        """A line ending in a counted cue ("four core elements:") over one paragraph holding that many labelled
        items run together ("i. A; ii. B; iii. C; iv. D"): each item, before any aside in brackets."""
        out = []
        blocks = ctx.document.blocks
        for i, b in enumerate(blocks[:-1]):
            m = COUNTED_CUE_END.search(ctx.document.block_text(b).rstrip())
            if not m:
                continue
            n = COUNT_WORDS.get(m.group("n").lower()) or int(m.group("n"))
            nxt = blocks[i + 1]
            text = ctx.document.block_text(nxt)
            marks = list(INLINE_ITEMS.finditer(text))
            if len(marks) != n or marks[0].start() != 0:
                continue
            names = []
            for k, mk in enumerate(marks):
                piece = text[mk.end() : marks[k + 1].start() if k + 1 < n else len(text)]
                name = clean_name(re.split(r"\s+\(|\.\s", piece.strip(), maxsplit=1)[0].rstrip(" ."))
                if not name[:1].isupper() or len(name.split()) > 12:
                    break
                names.append((nxt.start + mk.end() + piece.find(name), name))
            if len(names) == n:
                out += [self._cand(ctx, nxt, s, s + len(x), rule="counted-list", conf=0.7) for s, x in names]
        return out

    def _joint_work_lists(self, ctx: Context) -> list[Candidate]:
        """Areas listed in a sentence about working together on them."""
        out = []
        for m in JOINT_WORK_LIST.finditer(ctx.text):
            b = ctx.document.block_at(m.start("list"))
            if b is None:
                continue
            if re.match(
                r"(?:pursuit|order|respect|relation|terms|line|support|partnership|an?)\b", m.group("list"), re.I
            ) or re.search(r"\b(?:manner|way|fashion|basis|time|level)s?$", m.group("list"), re.I):
                continue  # "collaborate in pursuit of ...", "work jointly in a planned and timely manner": no areas
            pos = m.start("list")
            for item in split_list(m.group("list")):
                start = ctx.text.find(item, pos)
                pos = start + len(item)
                name = re.sub(r"^(?:the|our|their)\s+", "", item.strip(), flags=re.I)
                if name:
                    begin = start + item.find(name)
                    out.append(self._cand(ctx, b, begin, begin + len(name), rule="joint-work-list", conf=0.55))
        return out

    def _named_workstreams(self, ctx: Context) -> list[Candidate]:
        """Capitalised names after "workstreams such as" / "areas of work including" in a sentence."""
        out = []
        for m in NAMED_WORKSTREAMS.finditer(ctx.text):
            b = ctx.document.block_at(m.start("list"))
            if b is None:
                continue
            pos = m.start("list")
            for piece in re.split(r",\s*(?:and\s+)?|,?\s+and\s+(?=(?:the\s+)?[A-Z])", m.group("list")):
                start = ctx.text.find(piece, pos)
                pos = start + len(piece)
                name = re.sub(r"^the\s+", "", piece.strip())
                if name[:1].isupper():
                    begin = start + piece.find(name)
                    out.append(self._cand(ctx, b, begin, begin + len(name), rule="named-workstream", conf=0.6))
        return out

    def _areas_such_as(self, ctx: Context) -> list[Candidate]:
        """The areas a sentence about working with another body names after "on areas such as" ("We worked with
        the county council on areas such as flooding, fallen trees and the siting of bins."): three or more."""
        out = []
        for m in AREAS_SUCH_AS.finditer(ctx.text):
            b = ctx.document.block_at(m.start("list"))
            if b is None:
                continue
            sentence = ctx.text[max(b.start, ctx.text.rfind(".", 0, m.start()) + 1) : m.start()]
            if not JOINT_SENTENCE.search(sentence):
                continue
            pieces = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[^,]*$)", m.group("list"))
            if len(pieces) < 3 or any(not p.strip() or len(p.split()) > 6 for p in pieces):
                continue
            pos = m.start("list")
            for piece in pieces:
                start = ctx.text.find(piece, pos)
                pos = start + len(piece)
                name = piece.strip()
                begin = start + piece.find(name)
                out.append(self._cand(ctx, b, begin, begin + len(name), rule="areas-such-as", conf=0.6))
        return out

    def _themes_of(self, ctx: Context) -> list[Candidate]:
        """Capitalised areas listed after "themes of" / "priorities are" in a sentence, with a lead in brackets."""
        out = []
        for cue in THEMES_OF.finditer(ctx.text):
            m = THEMES_LIST.match(ctx.text, cue.end())
            b = ctx.document.block_at(cue.end())
            if not m or b is None:
                continue
            pieces = [p.strip() for p in re.split(r",(?![^()]*\))", m.group("list"))]
            if pieces[-1].startswith("and "):  # "A, B, and C": an 'and' inside a piece is part of its name
                pieces[-1] = pieces[-1][4:]
            else:
                pieces[-1:] = pieces[-1].rsplit(" and ", 1)
            pieces = [p for p in pieces if p.strip()]
            if len(pieces) < 3 or any(self._canonical_org(ctx, p.strip()) for p in pieces):
                continue  # a list of bodies, not of areas
            pos = m.start("list")
            for piece in pieces:
                start = ctx.text.find(piece, pos)
                pos = start + len(piece)
                name = re.sub(r"^the\s+", "", clean_name(piece.strip()))
                if not name[:1].isupper():
                    continue
                begin = start + piece.find(name)
                c = self._cand(ctx, b, begin, begin + len(name), rule="themes-of", conf=0.6)
                lead = re.search(r"\((?i:lead)\b[^()]*?[:–—-]?\s*(?P<lead>[A-Z][^()]*)\)", piece)
                c.data["lead"] = (lead and self._canonical_org(ctx, lead.group("lead").strip())) or None
                out.append(c)
        return out

    def _shared_posts(self, ctx: Context) -> list[Candidate]:
        """A post the partners share: the area it directs ("joint Director of Public Health"), or the post itself."""
        out = []
        for m in SHARED_POST.finditer(ctx.text):
            b = ctx.document.block_at(m.start())
            if b is None or b.kind == "heading":
                continue
            s, e = (m.start("area"), m.end("area")) if m.group("area") else (m.start("post"), m.end("post"))
            out.append(self._cand(ctx, b, s, e, rule="shared-post", conf=0.6))
        return out

    def _provision_lists(self, ctx: Context) -> list[Candidate]:
        """The elements a programme provides, named in a sentence: kept for review (prose lists are loose).
        The last comma piece splits at its first 'and' ("parenting classes and play and language sessions")."""
        out = []
        for m in PROVISION_LIST.finditer(ctx.text):
            b = ctx.document.block_at(m.start("list"))
            if b is None:
                continue
            pieces = split_list(m.group("list"))
            if any(len(p.split()) < 2 and not p[:1].isupper() for p in pieces):
                continue  # "advice, mentoring and support": generic nouns, not named elements
            pos = m.start("list")
            for piece in pieces:
                start = ctx.text.find(piece, pos)
                pos = start + len(piece)
                name = re.sub(r"^(?:(?:a|an|the|and)\s+)?(?:access\s+to\s+)?", "", piece, flags=re.I)
                if name and len(name.split()) <= 6:
                    begin = start + piece.find(name)
                    out.append(self._cand(ctx, b, begin, begin + len(name), rule="provision-list", conf=REVIEW))
        return out

    def _decision_headings(self, ctx: Context) -> list[Candidate]:
        """A numbered heading over lettered decisions ('2. Residents Parking' then 'a. Approve ...') names an area."""
        out = []
        blocks = ctx.document.blocks
        for i, b in enumerate(blocks):
            label, text = b.label, ctx.document.block_text(b)
            if not label or not re.fullmatch(r"\d{1,2}\.?", label) or re.search(r"[.;:]$", text):
                continue
            k = i + 1
            while k < len(blocks) and not blocks[k].label and len(ctx.document.block_text(blocks[k]).split()) <= 3:
                k += 1
            if k < len(blocks) and blocks[k].label and re.fullmatch(r"\(?[a][.)]", blocks[k].label):
                body = text[len(label) :].strip()
                end = blocks[k - 1].end if k - 1 > i else b.end
                if 1 <= len(body.split()) <= 20:
                    start = b.start + text.find(body)
                    out.append(self._cand(ctx, b, start, end, rule="decision-heading", conf=0.65))
        return out

    def _subjects(self, ctx: Context) -> list[Candidate]:
        """A form recording several decisions: each item's 'Subject:' names a strand of work."""
        found = list(SUBJECT.finditer(ctx.text))
        if len(found) < 2:
            return []
        out = []
        for m in found:
            value = re.split(r"\s*\(agenda\s+item|\s+Task\s+and\s+Finish|,\s+", m.group("value"))[0].strip()
            b = ctx.document.block_at(m.start("value"))
            if b and value:
                out.append(
                    self._cand(ctx, b, m.start("value"), m.start("value") + len(value), rule="form-subject", conf=0.6)
                )
        return out

    @staticmethod
    def _dash_lead(ctx: Context, b: Block) -> tuple[int, int] | None:
        """A short bold run opening an unnumbered paragraph and followed by a dash ("**Waste** – the councils ...").
        Only a run of two or more such paragraphs counts (a single one is a sub-heading or a label)."""
        if b.kind != "paragraph" or b.label or not b.emphasis:
            return None
        s, e = b.emphasis[0]
        if (
            s > b.start + 2
            or not 1 <= len(ctx.text[s:e].split()) <= 6
            or not re.match(r"\s*[–—-]\s", ctx.text[e : e + 4])
        ):
            return None
        name = clean_name(ctx.text[s:e])
        return (s, s + len(name)) if name and name[:1].isupper() else None

    def _bold_lead(self, ctx: Context, b: Block) -> tuple[int, int] | None:
        """The emphasised run that opens a list item or paragraph, when followed by a dash or colon."""
        listish = b.kind == "list_item" or (
            b.kind == "paragraph" and bool(b.label) and bool(re.fullmatch(r"\d{1,2}[.)]|\(?[a-z]\)", b.label))
        )
        if not b.emphasis or not listish:
            return None  # bold lead-ins name areas of work in lists; elsewhere they are form labels or sub-headings
        s, e = b.emphasis[0]
        if SEPARATOR.search(ctx.text[s:e].strip()) or (
            s <= b.start + 6 and b.emphasis[-1][1] >= b.end - 1 and len(ctx.text[s:e].split()) > 8
        ):
            return None  # the whole line is bold (a bold body font), not a lead-in
        label_len = len(ctx.text[b.start : s])
        if label_len > 6 or not 1 <= len(ctx.text[s:e].split()) <= 8:
            return None
        after = ctx.text[e : e + 4]
        if not re.match(r"\s*[–—:-]", after) and e < b.end:
            return None
        name = clean_name(ctx.text[s:e])
        return (s, s + len(name)) if name else None

    def _list_items(self, ctx: Context, j: int, cue: str = "") -> list[Candidate]:
        """The items of the list after a cue: bullet items, or short numbered paragraphs.

        An item that reads as an action ("Improve the ...") is an area only under a short label that names the
        list ("Sub priority areas:"); elsewhere a short one is kept for review and a long one dropped."""
        out = []
        blocks = ctx.document.blocks
        if j + 1 < len(blocks) and self._page_break_line(ctx, blocks[j]):
            j += 1  # a running header between the cue and its list, left in by the file's conversion to text
        if j < len(blocks) and blocks[j].kind == "table_row":
            # only after a cue line or a heading that names the list, not after any heading ending "Services"
            named = cue.rstrip().endswith(":") or SECTION_OF_AREAS.match(re.sub(r"^[\d.]+\s+", "", cue.strip()))
            return self._first_column(ctx, j) if named and not NOT_AREAS_TABLE.search(self._last_clause(cue)) else []
        if re.search(r"\b(?:by|through|via)\s*:$", cue.rstrip()):
            return []  # "... make up the arrangements by:": the ways something is done, not areas
        label_cue = len(cue.split()) <= 6
        first_kind = blocks[j].kind if j < len(blocks) else None
        clauses = items = 0
        bare = self._bare_run(ctx, j)
        run = self._numbered_run(ctx, j) or self._semicolon_run(ctx, j) or bare
        while j < len(blocks) and (
            j in run or not run and blocks[j].kind == first_kind and self._is_list_item(ctx, blocks[j])
        ):
            b = blocks[j]
            text = ctx.document.block_text(b)
            if b.label and text.startswith(b.label) and (b.kind != "list_item" or j in run):
                text = text[len(b.label) :].lstrip()
            items += 1
            clauses += bool(GERUND_CLAUSE.match(text))
            nxt = self._body(ctx, blocks[j + 1]) if j + 1 < len(blocks) else ""
            marked = j in bare or b.kind == "list_item"  # an item of its own, whatever its case
            wrapped = nxt[:1].islower() and not re.search(r"[.;:,]$", text.rstrip()) and not marked
            if (
                (text[:1].isupper() or marked)
                and not self._bold_lead(ctx, b)
                and not wrapped
                and not SENTENCE_ITEM.match(text)
                and not ROLE.search(clean_name(text))
            ):
                name = clean_name(text)
                conf = 0.7
                if IMPERATIVE.match(name) and not label_cue:
                    if len(name.split()) > 6:
                        j += 1
                        continue
                    conf = REVIEW
                if name and len(name.split()) <= MAX_NAME_WORDS:
                    start = ctx.document.block_text(b).find(name[:10]) + b.start
                    out.append(self._cand(ctx, b, start, start + len(name), rule="cued-list", conf=conf))
            j += 1
            if not run and j + 1 < len(blocks) and self._interjection(ctx, blocks[j]):
                nxt_b = blocks[j + 1]
                if nxt_b.kind == first_kind and self._is_list_item(ctx, nxt_b):
                    j += 1  # the list goes on after the page's number, a running header or an aside
        if items >= 3 and 2 * clauses > items:
            # most items say what is being done ("Presenting the plan", "Setting a framework"): a list of actions
            out = [c for c in out if not GERUND_CLAUSE.match(c.data["name"])]
        return out

    @staticmethod
    def _numbered_run(ctx: Context, j: int) -> set[int]:
        """Short lines numbered 1., 2., 3. (or a), b), c)) straight after a cue, whatever kind each was read as: a
        short numbered line in plain text or a PDF is often taken for a heading, but the run is one list."""
        blocks = ctx.document.blocks
        out: set[int] = set()
        want = 0
        while j < len(blocks):
            b = blocks[j]
            m = re.fullmatch(r"\(?(\d{1,2}|[a-h])[.)]", b.label or "")
            n = m and (int(m.group(1)) if m.group(1).isdigit() else ord(m.group(1)) - 96)
            body = ctx.document.block_text(b)
            if not n or n != want + 1 or len(body.split()) > MAX_NAME_WORDS + 2 or body.rstrip().endswith(":"):
                break
            out.add(j)
            want, j = n, j + 1
        return out if len(out) >= 3 and any(blocks[k].kind == "heading" for k in out) else set()

    @staticmethod
    def _semicolon_run(ctx: Context, j: int) -> set[int]:
        """Short unmarked lines straight after a cue, each ending with a semicolon ("; and" before the last) and the
        last with a full stop: a list whose bullets the file lost ("Arts and Culture;" / ... / "Older People.")."""
        blocks = ctx.document.blocks
        out: set[int] = set()
        while j < len(blocks) and blocks[j].kind in ("paragraph", "list_item", "heading"):
            body = ctx.document.block_text(blocks[j]).rstrip()
            if len(body.split()) > MAX_NAME_WORDS + 2 or not body[:1].isupper():
                break
            out.add(j)
            if not re.search(r";(?:\s+(?:and|or))?$", body):
                return out if len(out) >= 3 and body.endswith(".") else set()
            j += 1
        return set()

    @staticmethod
    def _bare_run(ctx: Context, j: int) -> set[int]:
        """Three or more short lines straight after a cue, unmarked and unpunctuated, before a longer paragraph: a
        list whose bullets the file lost ("The priorities are:" / "anti-social behaviour" / "burglary" / ...)."""
        blocks = ctx.document.blocks
        out: set[int] = set()
        while j < len(blocks) and blocks[j].kind == "paragraph" and not blocks[j].label:
            body = ctx.document.block_text(blocks[j]).rstrip()
            if len(body.split()) > BARE_ITEM_WORDS or re.search(r"[.:;!?]$", body):
                break
            out.add(j)
            j += 1
        return out if len(out) >= 3 else set()

    @classmethod
    def _interjection(cls, ctx: Context, b: Block) -> bool:
        """A line between two items of a list that is not an item: a page break's number or running header, or a
        short aside in brackets under an item ("(2024/25 commitment)")."""
        return cls._page_break_line(ctx, b) or (
            b.kind == "paragraph" and bool(ASIDE.fullmatch(ctx.document.block_text(b).strip()))
        )

    @classmethod
    def _page_break_line(cls, ctx: Context, b: Block) -> bool:
        """A page's number ("2", "Page 2 of 9") or running header left in the text where a page broke."""
        text = ctx.document.block_text(b)
        return is_page_number(text) or text in cls._running_lines(ctx)

    @staticmethod
    def _running_lines(ctx: Context) -> set[str]:
        """Short blocks written three times or more, word for word: a page's running header or footer that the
        text still holds (a report saved as text from its PDF), not part of what is around it."""
        cache = ctx.__dict__.get("_ws_running")
        if cache is None:
            counts: dict[str, int] = {}
            for b in ctx.document.blocks:
                t = ctx.document.block_text(b)
                if len(t.split()) <= 6:
                    counts[t] = counts.get(t, 0) + 1
            cache = ctx.__dict__["_ws_running"] = {t for t, n in counts.items() if n >= RUNNING_TIMES}
        return cache

    @staticmethod
    def _is_list_item(ctx: Context, b: Block) -> bool:
        """A bullet item, or a short paragraph numbered like a list item ("1.", "a)", "(ii)")."""
        if b.kind == "list_item":
            return True
        return (
            b.kind == "paragraph"
            and bool(b.label)
            and bool(re.fullmatch(r"\d{1,2}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}\)", b.label))
            and len(ctx.document.block_text(b).split()) <= MAX_NAME_WORDS + 2
            and not ctx.document.block_text(b).rstrip().endswith(":")
        )

    def _cand(
        self, ctx: Context, b: Block, start: int, end: int, rule: str, conf: float, lead_text: str | None = None
    ) -> Candidate:
        block_text = ctx.document.block_text(b)
        lead = self._lead(ctx, lead_text or block_text, b, direct=lead_text is not None)
        name = " ".join(ctx.text[start:end].split())
        return Candidate(
            "workstreams",
            start,
            end,
            {"name": name, "lead": lead, "description": " ".join(block_text.split())[:300]},
            confidence=conf,
            extractor=self.name,
            rule=rule,
        )

    def _lead(self, ctx: Context, text: str, b: Block, direct: bool = False) -> str | None:
        """The lead organisation named in the text, mapped to a canonical name."""
        if direct:
            return self._canonical_org(ctx, text.strip(" ,.;"))
        m = LED_BY.search(text) or LEAD_LABEL.search(text) or LEAD_MARK.search(text) or LEADS_ON.search(text)
        if m and m.re is LEAD_LABEL:
            return self._labelled_lead(ctx, m.group("lead").strip(" ,.;"))
        return self._canonical_org(ctx, m.group("lead").strip(" ,.;")) if m else None

    def _labelled_lead(self, ctx: Context, mention: str) -> str | None:
        """The body a lead label or a lead column names ("lead partner Northshire College", "Lead agency" over
        "Northshire Jobs Service"): a found organisation, or a proper name the report also lists among found
        organisations (a "Partners: A, B, C" line), which a label makes a body even without a body's head noun."""
        found = self._canonical_org(ctx, mention)
        if (found and mention.lower() in found.lower()) or not re.fullmatch(
            r"[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|and|&|for|the)){1,7}", mention
        ):
            return found  # a found body, or no proper name ("Northtown College" is not Northtown's council)
        if PERSON_ROLE.search(mention):
            return found
        orgs = {c.data["name"].lower() for c in settled(ctx.results.get("organisations", []))}
        for m in re.finditer(re.escape(mention), ctx.text):
            line_start = ctx.text.rfind("\n", 0, m.start()) + 1
            line_end = ctx.text.find("\n", m.end())
            line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)]
            items = [re.sub(r"^(?:[\w ]{0,30}:\s*|and\s+)", "", x.strip(" .;")).lower() for x in line.split(",")]
            if mention.lower() in items and sum(x in orgs for x in items) >= 2:
                return mention
        return found

    @staticmethod
    def _canonical_org(ctx: Context, mention: str) -> str | None:
        orgs = [c.data["name"] for c in settled(ctx.results.get("organisations", []))]
        whole = " ".join(mention.split()).strip(" ,.;")
        if whole.lower().replace("&", "and") in {n.lower().replace("&", "and") for n in orgs}:
            return next(n for n in orgs if n.lower().replace("&", "and") == whole.lower().replace("&", "and"))
        whole_body = gazetteer.lookup(whole)  # "Perth and Kinross Council": a name that holds "and"
        if whole_body:
            return whole_body.name
        mention = re.split(r"\s+(?:and|which|who|to|for|in|on|with)\s+|,", mention)[0].strip()
        for c in settled(ctx.results.get("organisations", [])):
            if mention in c.data.get("aliases", []):
                return c.data["name"]
        for n in orgs:
            if n.lower() == mention.lower() or n.lower().replace("&", "and") == mention.lower().replace("&", "and"):
                return n
        for n in orgs:
            if n.lower().startswith(mention.lower() + " ") and len(mention) > 3:
                return n
        body = gazetteer.lookup(mention) or gazetteer.councils_by_place().get(gazetteer._key(mention))
        if body:
            return body.name
        # "The Stirling Sustainability Officer": a found council's place named inside the mention
        places = {
            re.sub(r"\s+(?:County\s+Borough|Metropolitan\s+Borough|County|Borough|District|City)?\s*Council$", "", n): n
            for n in orgs
            if n.endswith("Council")
        }
        for place in sorted(places, key=len, reverse=True):
            if place and not place.endswith("Council") and re.search(rf"\b{re.escape(place)}\b", mention):
                return places[place]
        # a named body the organisation list did not hold ("Northshire Community Safety Partnership")
        return mention if ORG_HEAD.fullmatch(mention) else None

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        kept: dict[str, Candidate] = {}
        for c in cands:
            key = re.sub(r"[^a-z0-9]+", " ", c.data["name"].lower()).strip()
            if key and (key not in kept or (c.data["lead"] and not kept[key].data["lead"])):
                kept[key] = c
        return list(kept.values())
