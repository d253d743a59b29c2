"""Matching an export's column headers to the questionnaire, generically over its item table.

Every answer column of the kit's own CSV (``Questionnaire.columns()``: ``now_D1H``, ``LHB1`` ...)
is a *target*. A header is matched to a target

1. through a mapping file, if one is given (``--map mapping.yml``; see :func:`mapping_template`);
2. by the target's code (the header is the code, or starts with it: ``now_D1H``,
   ``now_D1H - Decisions are ...``);
3. by the item's wording: the normalised statement appears in the normalised header (case,
   punctuation, numbering and the tool's prefixes such as Qualtrics "Block - item" or Google's
   "Question [Row]" do not matter). A statement answered for two timeframes (divide-100) also needs
   the word "now" or "prefer..." in the rest of the header. A header within a few characters of a
   statement (a retyped question) matches too, and the reader says so in a note.

Nothing here knows the v1 item codes: targets, codes and wording all come from the item table.

Examples
--------
>>> normalise("Q3. Now -- How are decisions made? [Decisions ...]")
'now how are decisions made decisions'
>>> m = HeaderMatcher()
>>> m.match("now_D1H").key, m.match("BH1").key
('now_D1H', 'BH1')
>>> statement = m.q.item("D2S").statement
>>> m.match(f"Preferred: What holds people together? [{statement}]").key
'preferred_D2S'
>>> m.match(statement) is None  # a divide-100 statement needs its timeframe
True
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from coordkit.survey.read._instrument import TIMEFRAMES, Item, Questionnaire, SurveyError, questionnaire
from coordkit.survey.read.records import SurveyFileError

__all__ = ["HeaderMatcher", "Match", "Target", "identifying", "mapping_template", "normalise",
           "read_answer_words", "read_mapping", "targets"]

_NUMBERING = re.compile(r"^(?:(?:q|question|item)\s*)?\d+(?:\s+\d+)*\s+(?=\D)")
_NON_WORD = re.compile(r"[\W_]+")
#: Words that say which timeframe a divide-100 column is for (after normalising).
TIMEFRAME_WORDS: dict[str, tuple[str, ...]] = {"now": ("now", "today", "currently", "current"),
                                               "preferred": ("prefer", "preferred", "ideally", "ideal")}
_IDENTIFYING = re.compile(
    r"^(?:your |respondent |student |recipient ?)?(?:(?:full|first|last|given|family|user) ?|sur)?"
    r"(?:name|e ?mail(?: address)?|ip ?address|location ?(?:latitude|longitude)|latitude|longitude)$")
_FUZZY = 0.9


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, single spaces, leading question numbers dropped."""
    t = unicodedata.normalize("NFKC", text).replace("\ufeff", "").replace("\u2019", "'").lower()
    t = " ".join(_NON_WORD.sub(" ", t.replace("'", "")).split())
    return _NUMBERING.sub("", t)


def identifying(header: str) -> bool:
    """Whether a column header names personal data (a name, an e-mail or IP address, a location).

    Examples
    --------
    >>> [identifying(h) for h in ("Name", "Email address", "IPAddress", "RecipientLastName", "Team")]
    [True, True, True, True, False]
    """
    return bool(_IDENTIFYING.match(normalise(header)))


@dataclass(frozen=True)
class Target:
    """One answer column of the kit's own file: its code (``key``), item and timeframe."""

    key: str
    item: Item
    timeframe: str | None

    @property
    def block(self) -> str:
        """The item's block (``"divide100"``, ``"likert"``, ...)."""
        return self.item.block


def targets(q: Questionnaire) -> list[Target]:
    """Every answer column of ``q``, in the order of ``q.columns()``, with its item and timeframe."""
    wanted = q.columns(likert=True)
    found: dict[str, Target] = {}
    for item in q.items:
        for timeframe in (None, *TIMEFRAMES):
            try:
                key = item.column(timeframe)
            except SurveyError:
                continue
            if key in wanted:
                found[key] = Target(key, item, timeframe)
    return [found[k] for k in wanted if k in found]


@dataclass(frozen=True)
class Match:
    """A header matched to a target, and how (``"code"``, ``"wording"``, ``"approximate"``, ``"mapping"``)."""

    key: str
    how: str


def _timeframe(text: str) -> str | None:
    """The timeframe whose word comes first in ``text`` (a title starts "Now: ..." or "Preferred: ...")."""
    first: dict[str, int] = {}
    for position, word in enumerate(text.split()):
        for timeframe, vocab in TIMEFRAME_WORDS.items():
            if word in vocab:
                first.setdefault(timeframe, position)
    return min(first, key=lambda t: first[t]) if first else None


@dataclass
class HeaderMatcher:
    """Matches headers to the questionnaire's columns (see the module docstring); caches its answers."""

    q: Questionnaire = field(default_factory=questionnaire)
    mapping: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.targets = targets(self.q)
        self.by_key = {t.key: t for t in self.targets}
        self._codes = {normalise(t.key): t.key for t in self.targets}
        self._statements: dict[str, list[Target]] = {}
        for t in self.targets:
            self._statements.setdefault(normalise(t.item.statement), []).append(t)
        self._mapping = {normalise(h): k for h, k in self.mapping.items()}
        self._cache: dict[str, Match | None] = {}

    def mapped(self, header: str) -> str | None:
        """What the mapping file says a header holds (a code, ``respondent``, ``group:NAME``, ``ignore``)."""
        return self._mapping.get(normalise(header))

    def match(self, header: str, *, fuzzy: bool = False) -> Match | None:
        """The target a header stands for, or None."""
        cache_key = ("~" if fuzzy else "") + header
        if cache_key in self._cache:
            return self._cache[cache_key]
        result = self._match(header, fuzzy)
        self._cache[cache_key] = result
        return result

    def shared(self, header: str) -> list[Target]:
        """The targets whose statement the header is, exactly, when several items share it.

        The strength ratings repeat their statements for each level (team, organisation, local
        system); a tool that titles a grid's columns with the row text alone (Microsoft Forms)
        gives them identical headers, which only their order tells apart (questionnaire order).
        """
        found = self._statements.get(normalise(header), [])
        return found if len(found) > 1 and not any(t.timeframe for t in found) else []

    def _match(self, header: str, fuzzy: bool) -> Match | None:
        h = normalise(header)
        if not h:
            return None
        if h in self._mapping:
            key = self._mapping[h]
            return Match(key, "mapping") if key in self.by_key else None
        if h in self._codes:
            return Match(self._codes[h], "code")
        first = " ".join(h.split()[:2])
        for code in (first, first.split(" ")[0]):
            if code in self._codes and h.startswith(code + " "):
                return Match(self._codes[code], "code")
        hits = [(s, ts) for s, ts in self._statements.items() if s in h]
        how = "wording"
        if not hits and fuzzy:
            rest = h
            for words in TIMEFRAME_WORDS.values():
                for w in words:
                    rest = re.sub(rf"\b{w}\b", " ", rest)
            best = max(self._statements, key=lambda s: _ratio(s, rest, h))
            if _ratio(best, rest, h) >= _FUZZY:
                hits, how = [(best, self._statements[best])], "approximate"
        if not hits:
            return None
        longest = max(len(s) for s, _ in hits)
        statement, candidates = next((s, ts) for s, ts in hits if len(s) == longest)
        rest = h.replace(statement, " ") if how == "wording" else h
        if len(candidates) > 1:
            headed = [t for t in candidates if normalise(t.item.heading) in rest]
            candidates = headed or candidates
        if any(t.timeframe for t in candidates):
            heading = normalise(candidates[0].item.heading)
            timeframe = _timeframe(rest.replace(heading, " ") if heading else rest)
            candidates = [t for t in candidates if t.timeframe == timeframe]
        return Match(candidates[0].key, how) if len(candidates) == 1 else None


def _ratio(statement: str, rest: str, header: str) -> float:
    best = 0.0
    for text in (rest, header):
        for part in (text, text[-len(statement) - 5:]):
            m = difflib.SequenceMatcher(None, statement, part.strip(), autojunk=False)
            if m.real_quick_ratio() >= _FUZZY and m.quick_ratio() >= _FUZZY:
                best = max(best, m.ratio())
    return best


# ----- mapping files ---------------------------------------------------------------------------
_MAP_HELP = """\
# coordkit column mapping for {source} ({tool} export).
# For each column of the export (left), the kit's column it holds (right):
#   an answer code from `coordkit template` (now_..., preferred_..., and the statement codes),
#   respondent  (the respondent-code column),  group:NAME  (a group column, e.g. group:team),
#   or ignore.  Fill in the empty ones, then run:  coordkit report EXPORT --map THIS_FILE -o report.html
"""
_ANSWERS_HELP = """\
# Answer words no scale has (e.g. a typo in the form's own option), each seen in more than one cell.
# Until you give each its answer (1 to 5), it is read as missing. A suggestion is the nearest scale
# word by spelling: the kit never uses it unless you write the number yourself."""


def mapping_template(headers: list[str], found: dict[int, str], *, source: str, tool: str,
                     comments: dict[int, str] | None = None,
                     answers: list[tuple[str, int | None, str]] | None = None) -> str:
    """The text of a mapping file for these headers, pre-filled with what the reader found.

    ``comments`` adds a comment to a column's line (a suggestion to confirm); ``answers`` lists
    ``(word, answer or None, comment)`` for the ``answers:`` section (written only if given).

    Examples
    --------
    >>> print(mapping_template(["Timestamp", "Q1"], {0: "ignore"}, source="x.csv", tool="Google Forms"))
    ... # doctest: +ELLIPSIS
    # coordkit column mapping for x.csv (Google Forms export).
    ...
    columns:
      "Timestamp": ignore
      "Q1": ""
    """
    import json

    lines = [_MAP_HELP.format(source=source, tool=tool), "columns:"]
    seen: set[str] = set()
    for k, header in enumerate(headers):
        text = " ".join(header.split())
        if not text or text in seen:
            continue
        seen.add(text)
        value = found.get(k, "")
        note = f"  # {comments[k]}" if comments and k in comments else ""
        lines.append(f"  {json.dumps(text, ensure_ascii=False)}: {json.dumps(value) if not value else value}"
                     + note)
    if answers:
        lines += ["", _ANSWERS_HELP, "answers:"]
        for word, answer, comment in answers:
            note = f"  # {comment}" if comment else ""
            lines.append(f"  {json.dumps(word, ensure_ascii=False)}: "
                         f"{json.dumps('') if answer is None else answer}{note}")
    return "\n".join(lines) + "\n"


def _load_mapping(path: str | Path) -> dict[object, object]:
    """A mapping file's YAML as a dict (it needs a ``columns:`` or an ``answers:`` section)."""
    import yaml

    source = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise SurveyFileError(source, f"cannot read the mapping file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise SurveyFileError(source, "the mapping file is not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise SurveyFileError(source, f"{where}not a readable YAML mapping file") from None
    if not isinstance(data, dict) or not any(data.get(k) is not None for k in ("columns", "answers")):
        raise SurveyFileError(source, "a mapping file needs a 'columns:' section of \"header\": code lines "
                                      "(write one with --write-map)")
    for section in ("columns", "answers"):
        if data.get(section) is not None and not isinstance(data[section], dict):
            raise SurveyFileError(source, f"the '{section}:' section must be lines of \"text\": value")
    return data


def read_mapping(path: str | Path) -> dict[str, str]:
    r"""A mapping file's columns as ``{header: target}`` (empty targets left out); clear errors for bad files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.yml"
    >>> _ = p.write_text('columns:\n  "Your code": respondent\n  "Q1": ""\n', encoding="utf-8")
    >>> read_mapping(p)
    {'Your code': 'respondent'}
    """
    source = str(path)
    columns = _load_mapping(path).get("columns") or {}
    assert isinstance(columns, dict)
    out = {}
    for header, value in columns.items():
        if value in (None, ""):
            continue
        if not isinstance(value, str):
            raise SurveyFileError(source, f"column {header!r}: the kit's column must be text, got {value!r}")
        out[str(header)] = value.strip()
    return out


def read_answer_words(path: str | Path) -> dict[str, int]:
    r"""A mapping file's ``answers:`` section as ``{word: answer 1-5}`` (empty answers left out).

    For a word that no scale has, such as a typo in the form's own option ("Stongly agree": 5).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.yml"
    >>> _ = p.write_text('answers:\n  "Stongly agree": 5\n  "Agre": ""\n', encoding="utf-8")
    >>> read_answer_words(p), read_mapping(p)
    ({'Stongly agree': 5}, {})
    >>> _ = p.write_text('answers:\n  "Stongly agree": lots\n', encoding="utf-8")
    >>> read_answer_words(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    coordkit.survey.read.records.SurveyFileError: ...: answer word 'Stongly agree': the answer must be ...
    """
    source = str(path)
    words = _load_mapping(path).get("answers") or {}
    assert isinstance(words, dict)
    out = {}
    for word, value in words.items():
        if value in (None, ""):
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise SurveyFileError(source, f"answer word {str(word)!r}: the answer must be a whole number "
                                          f"from 1 to 5, got {value!r}")
        out[str(word)] = value
    return out
