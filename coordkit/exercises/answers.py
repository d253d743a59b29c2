"""Reading answers the way a person writes them: one forgiving reader for exercises and quizzes.

Checks in ``coordkit/exercises/chNN.py`` and the quiz questions use these, so a student gets the
same treatment everywhere:

* **words** (:func:`match_word`): case, spaces, a trailing full stop, a leading "the" and
  punctuation never decide a mark; synonyms the chapter itself uses may be accepted, each mapped
  to the kit's word; a near-miss spelling of a long word is accepted and the spelling shown;
* **numbers** (:func:`parse_number`, :func:`close_enough`): ``0.3``, ``30%``, ``1/3``, ``about
  a third`` and ``2,5`` all mean what a person means, and a value rounded to the decimals the
  student typed counts (``0.3`` for one third);
* **typed answers** (:func:`read_answer`): a string holding a Python value (``"{3, 4}"``,
  ``"0.52"``) becomes that value; anything else stays the student's text, so a prose answer is
  feedback, never a ``SyntaxError``;
* **counts in words** (:func:`count_words`): "two more doctrines" rather than "missed 2", which
  reads like doctrine number 2;
* **mistakes in plain words** (:func:`explain_problem`, :func:`describe`, :func:`expected_form`): a
  ``KeyError``, ``TypeError``, ``AttributeError`` or ``IndexError`` met while reading an answer
  becomes one sentence saying what was expected and what was given ("a number was expected, got
  text"; "the answer should be a dict with keys ..."), never Python's own wording alone.

Examples
--------
>>> match_word("Connectedness.", ["connectedness"])
'connectedness'
>>> match_word("belonging", ["connectedness"], synonyms={"belonging": "connectedness"})
'connectedness'
>>> close_enough(0.3, 1 / 3, tolerance=0.02, typed="0.3")
True
>>> read_answer("{3, 4, 5}"), read_answer("it was mostly the market")
({3, 4, 5}, 'it was mostly the market')
>>> count_words(2, "doctrine")
'two doctrines'
>>> explain_problem(TypeError("'<' not supported between instances of 'str' and 'float'"))
'A number was expected, got text (a value in quotes): write numbers without quotes, e.g. 0.5 not "0.5"'
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from coordkit.text import normalise

__all__ = ["close_enough", "count_words", "decimals_typed", "describe", "expected_form", "explain_problem",
           "match_word", "parse_number", "read_answer"]

_NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3,
    "one third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
    "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1,
}
_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
_HEDGES = re.compile(r"^(about|around|roughly|approximately|approx|circa|c|nearly|almost|~)\s*")
_ARTICLES = re.compile(r"^(the|a|an) ")


def parse_number(text: Any) -> float | None:
    """Read a number the way a person writes it, or ``None`` if it is not one.

    Accepts plain numbers, decimal commas, percentages (``30%`` is 0.3), fractions (``1/3``), a
    few number words (``three``, ``a third``), hedges (``about 0.3``) and a trailing full stop.

    Parameters
    ----------
    text : str or number

    Returns
    -------
    float or None

    Examples
    --------
    >>> parse_number("30%"), parse_number("1/4"), parse_number("about 0.3"), parse_number("2,5")
    (0.3, 0.25, 0.3, 2.5)
    >>> parse_number("a third") == 1 / 3, parse_number("hierarchy"), parse_number(True)
    (True, None, None)
    >>> parse_number("three motivations"), parse_number("3 modes."), parse_number("many modes")
    (3.0, 3.0, None)
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text) if math.isfinite(text) else None
    s = " ".join(str(text).strip().lower().split()).rstrip(".")
    s = _HEDGES.sub("", s).strip()
    if s in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[s])
    percent = s.endswith("%")
    s = s.rstrip("%").strip().replace(" ", "")
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    value: float | None = None
    if "/" in s:
        top, _, bottom = s.partition("/")
        if _NUMBER.match(top) and _NUMBER.match(bottom) and float(bottom) != 0:
            value = float(top) / float(bottom)
    elif _NUMBER.match(s):
        value = float(s)
    if value is None and not percent:  # a number and a noun: "three motivations", "3 modes"
        head, *rest = str(text).strip().lower().rstrip(".").split() or [""]
        if rest and all(word.isalpha() and parse_number(word) is None for word in rest):
            return parse_number(head)
    if value is None or not math.isfinite(value):
        return None
    return value / 100 if percent else value


def decimals_typed(text: Any) -> int | None:
    """How many decimal places a student typed (``"0.30"`` -> 2), or ``None`` if not a plain decimal.

    Examples
    --------
    >>> decimals_typed("0.3"), decimals_typed("about 0.33."), decimals_typed("1/3"), decimals_typed(0.25)
    (1, 2, None, 2)
    """
    s = _HEDGES.sub("", " ".join(str(text).strip().lower().split()).rstrip(".")).strip()
    match = re.fullmatch(r"[-+]?\d*[.,](\d+)", s)
    return len(match.group(1)) if match else None


def close_enough(value: float, answer: float, tolerance: float = 0.0, typed: Any = None) -> bool:
    """Whether ``value`` is the answer: within ``tolerance``, or the answer rounded as the student wrote it.

    ``typed`` is what the student typed (or the number itself): a value with *d* decimal places
    (d >= 1) counts when it is the answer rounded to *d* places, so ``0.3`` and ``0.33`` both count
    for one third while ``0.4`` does not. Whole numbers must be exact unless the tolerance allows.

    Parameters
    ----------
    value : float
    answer : float
    tolerance : float, default 0
    typed : str or number, optional

    Returns
    -------
    bool

    Examples
    --------
    >>> close_enough(0.3, 1 / 3, typed="0.3"), close_enough(0.4, 1 / 3, typed="0.4")
    (True, False)
    >>> close_enough(3, 3.4, typed="3"), close_enough(0.52, 0.5237, tolerance=0.005)
    (False, True)
    """
    if abs(value - answer) <= max(tolerance, 1e-9 * max(1.0, abs(answer))):
        return True
    places = decimals_typed(value if typed is None else typed)
    if not places:
        return False
    return math.isclose(round(answer, places), value, abs_tol=10.0 ** -(places + 3))


def _plain(text: Any) -> str:
    return _ARTICLES.sub("", normalise(str(text)))


def match_word(given: Any, accepted: Iterable[str], synonyms: Mapping[str, str] | None = None,
               spelling: bool = True) -> str | None:
    """The accepted word ``given`` stands for, or ``None``.

    Parameters
    ----------
    given : str
        What the student typed.
    accepted : iterable of str
        The kit's words (the first spelling of each is returned).
    synonyms : mapping, optional
        Other words the chapter itself uses for an accepted word, e.g. ``{"belonging":
        "connectedness"}``; each maps to the accepted word returned.
    spelling : bool, default True
        Also accept a near-miss spelling: one slip (a letter missing, added, changed or two
        swapped) in a word of four letters or more, or, in a longer phrase, one slip in about
        eight letters. A near miss counts only when it is near one accepted word alone.

    Returns
    -------
    str or None

    Examples
    --------
    >>> match_word("  The Internal Market. ", ["internal market", "new labour"])
    'internal market'
    >>> match_word("heirarchy", ["hierarchy", "solidarity"]), match_word("fatal", ["fatalism"])
    ('hierarchy', None)
    >>> match_word("sead", ["seed"]), match_word("hermet", ["hermit"]), match_word("sed", ["seed"])
    ('seed', 'hermit', None)
    """
    accepted = list(accepted)
    table = {_plain(word): word for word in accepted}
    for other, word in (synonyms or {}).items():
        table.setdefault(_plain(other), word)
    text = _plain(given)
    if not text:
        return None
    if text in table:
        return table[text]
    if spelling and len(text) >= 4:
        slips = {table[k] for k in table if len(k) >= 4 and _one_slip(text, k)}
        if len(slips) == 1:
            return slips.pop()
    if spelling and len(text) >= 6:
        close = difflib.get_close_matches(text, [k for k in table if len(k) >= 6], n=1, cutoff=0.88)
        if close:
            return table[close[0]]
    return None


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one slip: a letter changed, added or dropped, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def read_answer(text: Any) -> Any:
    """A typed answer as a Python value where it is one (``"{3, 4}"`` -> ``{3, 4}``), else the text.

    Only literals are read (numbers, strings, lists, tuples, sets, dicts, True/False/None), with
    :func:`ast.literal_eval`: nothing is run. A number written as a person writes it
    (``"30%"``, ``"about 0.3"``) becomes a float. Anything else is returned stripped, as text.

    Parameters
    ----------
    text : object
        Non-strings are returned unchanged.

    Returns
    -------
    object

    Examples
    --------
    >>> read_answer("0.52"), read_answer("about 30%"), read_answer("['a', 'b']")
    (0.52, 0.3, ['a', 'b'])
    >>> read_answer("print(1)")
    'print(1)'
    """
    if not isinstance(text, str):
        return text
    stripped = text.strip()
    try:
        return ast.literal_eval(stripped)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        number = parse_number(stripped)
        return number if number is not None else stripped


def count_words(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` things in words (``"two doctrines"``), so a count never reads as an item's number.

    Examples
    --------
    >>> count_words(1, "doctrine"), count_words(12, "reform"), count_words(0, "era")
    ('one doctrine', '12 reforms', 'no eras')
    """
    word = _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


#: Python's names for the kinds of value, in the words a person uses.
_KINDS: dict[str, str] = {
    "str": "text (a value in quotes)", "int": "a whole number", "float": "a number", "bool": "True or False",
    "NoneType": "nothing (None)", "list": "a list", "tuple": "a tuple (values in round brackets)",
    "dict": "a dict", "set": "a set", "DataFrame": "a table (DataFrame)", "Series": "a column (Series)",
    "ndarray": "an array", "module": "a module", "function": "a function", "method": "a function",
    "builtin_function_or_method": "a function", "float64": "a number", "int64": "a whole number",
}
_NUMERIC = ("int", "float", "float64", "int64", "complex")
_OPERAND = re.compile(r"'(\w+)'")


def _kind(name: str) -> str:
    return _KINDS.get(name, f"a {name}")


def _keys(keys: Iterable[Any], most: int = 6) -> str:
    shown = [repr(k) for k in list(keys)[:most]]
    more = len(list(keys)) - len(shown)
    return ", ".join(shown) + (f" and {count_words(more, 'more')}" if more > 0 else "") if shown else "none"


def describe(value: Any) -> str:
    """What a value is, in plain words (for feedback: "you gave ...").

    Examples
    --------
    >>> describe("0.5"), describe(3), describe([1, 2])
    ("text ('0.5')", 'a whole number (3)', 'a list of two items')
    >>> describe({"with_fatalism": 0.1, "statement": "B"})
    "a dict with keys 'with_fatalism', 'statement'"
    """
    name = type(value).__name__
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"text ({shown!r})"
    if isinstance(value, bool) or value is None:
        return _kind(name)
    if isinstance(value, int | float):
        return f"{_kind(name)} ({value:g})"
    if isinstance(value, Mapping):
        return f"a dict with keys {_keys(value)}" if value else "an empty dict"
    if isinstance(value, list | tuple | set | frozenset):
        return f"{_kind(name)} of {count_words(len(value), 'item')}"
    if hasattr(value, "shape") and name == "DataFrame":
        return f"a table (DataFrame) of {count_words(len(value), 'row')}"
    return _kind(name)


def expected_form(solution: str, variable: str) -> str | None:
    """The form an answer takes, read from the worked solution's assignment to ``variable``.

    Reads the first statement ``variable = ...`` that parses (nothing is run) and says what its
    right-hand side is: a dict with its keys, a list or tuple with its length, a number, text, or
    what a call makes. ``None`` if the solution has no such assignment.

    Examples
    --------
    >>> expected_form("closure = {'with_fatalism': r4, 'without_fatalism': r3, 'statement': 'B'}", "closure")
    "a dict with keys 'with_fatalism', 'without_fatalism', 'statement'"
    >>> expected_form("share = 0.52   # about half", "share"), expected_form("p = ck.Profile(0.8, 0.2)", "p")
    ('a number', 'a Profile, made with ck.Profile(...)')
    """
    import ast

    lines = solution.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(rf"\s*{re.escape(variable)}\s*=[^=]", line)]
    for start in starts:
        for end in range(start + 1, min(start + 15, len(lines)) + 1):
            try:
                tree = ast.parse("\n".join(line.strip() if i == start else line
                                           for i, line in enumerate(lines[start:end], start)))
            except SyntaxError:
                continue
            node = tree.body[0].value if tree.body and isinstance(tree.body[0], ast.Assign) else None
            return _form_of(node) if node is not None else None
    return None


def _form_of(node: Any) -> str:
    import ast

    if isinstance(node, ast.Dict):
        keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        return f"a dict with keys {_keys(keys, most=8)}" if keys else "a dict"
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        kind = {ast.List: "a list", ast.Tuple: "a tuple", ast.Set: "a set"}[type(node)]
        return f"{kind} of {count_words(len(node.elts), 'item')}"
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            return "text in quotes"
        whole = isinstance(node.value, int) and not isinstance(node.value, bool)
        return "a whole number" if whole else "a number"
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return "a number"
    if isinstance(node, ast.Call):
        made = ast.unparse(node.func)
        last = made.rsplit(".", 1)[-1]
        if last[:1].isupper():
            return f"a {last}, made with {made}(...)"
        return f"what {made}(...) returns"
    return "the value the worked example shows"


def _settings(name: str) -> list[str]:
    """The keyword names the kit's public ``name`` (a class or function in ``coordkit``) takes, if any.

    Examples
    --------
    >>> "hierarchy" in _settings("Profile"), _settings("no_such_thing")
    (True, [])
    """
    import inspect

    import coordkit

    target = getattr(coordkit, name, None)
    if target is None:
        return []
    try:
        return list(inspect.signature(target).parameters)
    except (TypeError, ValueError):
        return []


def explain_problem(error: BaseException, answer: Any = ..., form: str | None = None) -> str:
    """One plain sentence for an error met while reading an answer: what was expected, what was given.

    Parameters
    ----------
    error : BaseException
        A ``KeyError``, ``TypeError``, ``AttributeError``, ``IndexError`` or any other error.
    answer : object, optional
        The answer being read, if known (``...`` when not).
    form : str, optional
        What the task asks for, e.g. ``"a dict with keys 'a', 'b'"`` (see :func:`expected_form`).

    Returns
    -------
    str
        No traceback and no Python jargon beyond the name of the thing to change.

    Examples
    --------
    >>> print(explain_problem(KeyError("statement"), {"with_fatalism": 0.1},
    ...                       form="a dict with keys 'statement'"))
    The answer should be a dict with keys 'statement'; yours is a dict with keys 'with_fatalism', \
which has no key 'statement'
    >>> print(explain_problem(IndexError("list index out of range")))
    There is no item at that position: Python counts from 0, so a list of three items has positions 0, 1 and 2
    >>> print(explain_problem(AttributeError("'str' object has no attribute 'name'", name="name", obj="x")))
    Text (a value in quotes) has no .name: check that the value is the kind the task asks for, not text
    >>> print(explain_problem(dataclasses.FrozenInstanceError("cannot assign to field 'individualism'")))
    A value like this cannot be changed in place (it is frozen), so .individualism cannot be set: make a \
changed copy instead: new = old.replace(individualism=your value)
    """
    message = str(error.args[0]) if error.args else ""
    should = f"The answer should be {form}" if form else ""
    given = f"yours is {describe(answer)}" if answer is not ... else ""
    if isinstance(error, KeyError):
        key = error.args[0] if error.args else "?"
        if should and given:
            return f"{should}; {given}, which has no key {key!r}"
        if should:
            return f"{should}: it has no key {key!r}"
        return (f"There is no key {key!r} here: check its spelling and case against the names the task "
                "gives (for a dict, list its keys with list(d))")
    if isinstance(error, IndexError):
        return ("There is no item at that position: Python counts from 0, so a list of three items has "
                "positions 0, 1 and 2")
    if isinstance(error, dataclasses.FrozenInstanceError) or message.startswith("cannot assign to field"):
        field = (re.findall(r"field '(\w+)'", message) or ["it"])[0]
        return (f"A value like this cannot be changed in place (it is frozen), so .{field} cannot be set: "
                f"make a changed copy instead: new = old.replace({field}=your value)")
    if isinstance(error, AttributeError):
        name = getattr(error, "name", None) or (_OPERAND.findall(message) or ["?"])[-1]
        obj = getattr(error, "obj", None)
        owner = _OPERAND.findall(message)[:1]
        if message.startswith("module"):
            module = owner[0] if owner else "the module"
            close = difflib.get_close_matches(name, dir(obj) if obj is not None else [], n=1)
            guess = f" (did you mean {close[0]}?)" if close else ""
            return f"{module} has nothing called {name}{guess}: check the spelling"
        what = _kind(owner[0]) if owner else "This value"
        text = " not text" if owner and owner[0] == "str" else " not that"
        return (f"{what[0].upper()}{what[1:]} has no .{name}: check that the value is the kind the task "
                f"asks for,{text}")
    if isinstance(error, TypeError):
        kinds = _OPERAND.findall(message)
        if "str" in kinds and any(k in _NUMERIC for k in kinds):
            return ('A number was expected, got text (a value in quotes): write numbers without quotes, '
                    'e.g. 0.5 not "0.5"')
        keyword = re.search(r"(\w+)(?:\.__init__)?\(\) got an unexpected keyword argument '(\w+)'", message)
        if keyword:  # "Profile.__init__() got ..." names Profile, the thing the learner called
            close = difflib.get_close_matches(keyword[2], _settings(keyword[1]), n=1)
            guess = f" (did you mean {close[0]}?)" if close else ""
            return (f"{keyword[1]}() has no setting called {keyword[2]}{guess}: check the spelling "
                    f"({keyword[1]}? in a cell lists the names it takes)")
        needs = re.search(r"(\w+)(?:\.__init__)?\(\) missing \d+ required \w+ arguments?: (.+)", message)
        if needs:  # "Profile.__init__() missing ..." likewise names Profile, not Python's __init__
            return f"{needs[1]}() needs a value for {needs[2]} as well"
        if "not callable" in message and kinds:
            what = _kind(kinds[0])
            return (f"{what[0].upper()}{what[1:]} cannot be called with ( ): remove the brackets, or check "
                    "the name")
        if ("not subscriptable" in message or "not iterable" in message) and kinds:
            return (f"{_kind(kinds[0])[0].upper()}{_kind(kinds[0])[1:]} has no items to look up or go through"
                    + (f"; {should[0].lower()}{should[1:]}" if should else ": check what the task asks for"))
        if should:
            return f"{should}" + (f"; {given}" if given else "")
        return ("These values cannot be used together: check each is the kind the task asks for (a number "
                "without quotes, text in quotes, a list in [ ], a dict in { })")
    plain = message.strip() or type(error).__name__
    if should:
        return f"{should}" + (f"; {given}" if given else "") + f" ({plain})"
    return plain
