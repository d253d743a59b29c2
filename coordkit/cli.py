"""The ``coordkit`` command: class reports from questionnaire answers, and the files to collect them.

Usage::

    coordkit report EXPORT [MORE ...] -o report.html [--group-column COL] [--group-level L]
        [--min-group N] [--map M.yml] [--strict] [--questionnaire-version N]
    coordkit report EXPORT --write-map mapping.yml
    coordkit forms -o docs/forms
    coordkit template -o responses_template.csv [--group-column COL]
    coordkit synthetic -o example_class.csv [--seed N] [--size N]
    coordkit codings CODING.csv [MORE.csv ...] -o codings.html [--sheet SHEET.html]
    coordkit codes N [-o codes.txt]

(``python -m coordkit.cli ...`` does the same without the console script.)

``report`` reads every file with :func:`coordkit.survey.read.read_files`: the kit's CSV or an
export of Microsoft Forms (.xlsx), Google Forms, Qualtrics, SurveyMonkey or JISC Online Surveys,
recognised from the file; a folder or a Moodle "Download all submissions" zip gives every file in
it (several files -- one per student, say -- are merged, and ids must be unique across them). It
prints what it accepted, rejected, left out and skipped, with a one-line summary, and writes the
self-contained HTML report of :mod:`coordkit.class_report`. The report names input files only by
number ("file 1") and shows no free text; a report in which every group (or the whole class) would
be suppressed is not written. Files are only read; the report may not overwrite an input. A
progress bar on standard error follows large files (over 1,000 rows, or whenever standard error is
a terminal); ``--quiet`` hides it. ``--write-map`` writes a mapping template for an export whose
questions the kit cannot recognise (and, in an ``answers:`` section, recurring answer words no
scale has, such as a typo in the form's own option), with suggestions as comments to confirm;
``--map`` reads it back. An answer word no scale has and no mapping names is read as a missing
answer to that one statement, listed with the problems, and does not reject the row.

``codes`` prints N respondent codes (or writes them, one a line, with ``-o``) to cut up and hand
out at random: drawn by :func:`respondent_codes`, linked to nobody, so keep no list of who took which.

``forms`` writes the form-building guides for each tool (generated from the item table; see
:mod:`coordkit.survey.read.forms`).

Exit status
-----------
0
    Report written; every row accepted.
1
    Bad input: nothing written (a file that cannot be trusted, no row accepted, every group or the
    whole class too small to show, a report path that cannot be written, or any rejected row with
    ``--strict``, which also rejects a row for an empty points cell, points below 0 or over 100, or a
    1-5 answer off the scale).
    The message says why.
2
    Bad command line (unknown option, ``--min-group`` below 3, ...).
3
    Report written, but some rows were rejected, some answers could not be read on their scale
    (a misspelt word, or a number off the scale such as 3.5, 6 or 0: read as missing), some
    dimensions were left out of those scores (their points do not add up to 100, or a points cell
    is not a number such as "n/a", is below 0 or over 100, or is empty while the others do not add
    up to 100), or an empty
    points cell was read as 0 (the dimension's other cells add up to 100): a
    framed notice on standard error counts them by reason and column, they are listed under it,
    and the report opens with the same notice.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> main(["synthetic", "-o", str(folder / "class.csv"), "--size", "12"])
wrote ... (12 SYNTHETIC respondents, seed 2026)
0
>>> main(["report", str(folder / "class.csv"), "-o", str(folder / "r.html"), "--quiet"])
class.csv: 12 rows accepted, 0 rejected, 0 lines skipped ...
1 file read: 12 rows accepted, 0 rejected, 0 left out, 0 lines skipped.
wrote ...r.html (12 respondents)
Share one report per class, made once: ...
0
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from coordkit.survey import (
    DEFAULT_MIN_GROUP,
    DEFAULT_TOLERANCE,
    ID_COLUMN,
    MIN_GROUP_FLOOR,
    SYNTHETIC_SEED,
    VERSIONS,
)

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "EXIT_REJECTED_ROWS", "EXIT_USAGE", "Progress", "main",
           "respondent_codes"]

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_REJECTED_ROWS = 3
_LARGE = 1000
#: letters and digits that cannot be misread for one another in handwriting (no 0/O, 1/I/L, 5/S, 2/Z)
CODE_ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY"
CODE_LENGTH = 5
_SHOWN_PROBLEMS = 20


class Progress:
    """A plain progress bar on a text stream (standard error by default), with no dependency.

    On a terminal it redraws one line (``[#####-----]  50% reading rows 2500/5000``); elsewhere
    (a log, a test) it prints a line only when the stage changes, so logs stay short.

    Parameters
    ----------
    stream : text stream, optional
        Default ``sys.stderr``.
    enabled : bool, default True
    width : int, default 30
        Characters in the bar.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> bar = Progress(out)
    >>> bar.update(0.5, "reading rows")
    >>> bar.update(0.75, "reading rows")
    >>> bar.update(1.0, "writing HTML")
    >>> bar.close()
    >>> print(out.getvalue(), end="")
    [###############---------------]  50% reading rows
    [##############################] 100% writing HTML
    """

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True, width: int = 30) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._label: str | None = None
        self._drawn = False

    def update(self, fraction: float, label: str, detail: str = "") -> None:
        """Show ``fraction`` (0 to 1) done, now doing ``label`` (``detail`` is shown on terminals only)."""
        if not self.enabled:
            return
        fraction = min(max(fraction, 0.0), 1.0)
        filled = round(fraction * self.width)
        line = f"[{'#' * filled}{'-' * (self.width - filled)}] {fraction:4.0%} {label}"
        if self.tty:
            self.stream.write("\r" + f"{line} {detail}".ljust(79))
            self._drawn = True
        elif label != self._label:
            self.stream.write(line + "\n")
        self._label = label
        self.stream.flush()

    def close(self) -> None:
        """Finish the bar's line (on a terminal)."""
        if self.enabled and self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coordkit",
        description="coordkit: class reports from the coordination-theory questionnaire.",
        epilog="Exit status: 0 report written; 1 bad input, nothing written; 2 bad command line; "
               "3 report written but some rows were rejected or some answers unreadable.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    rep = sub.add_parser("report", help="write a self-contained HTML class report from response files",
                         description="Write a self-contained HTML class report from response files.")
    rep.add_argument("responses", nargs="+", metavar="EXPORT",
                     help="response file(s), folder(s) or Moodle submissions .zip: the kit's CSV, or an "
                          "export of Microsoft Forms (.xlsx), Google Forms, Qualtrics, SurveyMonkey or JISC")
    rep.add_argument("-o", "--output", metavar="REPORT.html", help="where to write the report")
    rep.add_argument("--map", metavar="MAPPING.yml", default=None,
                     help="a mapping file saying which kit column each export column holds")
    rep.add_argument("--write-map", metavar="MAPPING.yml", default=None,
                     help="write a mapping template for the (first) export, to fill in, and stop")
    rep.add_argument("--group-column", metavar="COL", default=None,
                     help="column to break the results down by, e.g. team; not an identifier, time stamp, "
                          "the tool's record-keeping, free text or an answer column (the kit warns if it "
                          "looks like one, and the class results app does not offer those)")
    rep.add_argument("--group-level", choices=("team", "organisation", "system"), default=None,
                     help="what the group column's members share, when its name does not say (e.g. a "
                          "seminar column: give team if each seminar group is one team); group agreement, "
                          "configurations and the ICC use the ratings at that level")
    rep.add_argument("--min-group", type=int, default=DEFAULT_MIN_GROUP, metavar="N",
                     help=f"smallest group shown (default {DEFAULT_MIN_GROUP}; never below "
                          f"{MIN_GROUP_FLOOR}); smaller groups are suppressed with a note")
    rep.add_argument("--title", default="Coordination profile: class report", help="report heading")
    rep.add_argument("--id-column", default=ID_COLUMN, metavar="COL",
                     help=f"respondent-id column (default {ID_COLUMN})")
    rep.add_argument("--repeated-ids", action="store_true",
                     help="the id column's codes really repeat (students submitted more than once): keep "
                          "each code's last submission even when that leaves out most rows (without it, "
                          "such an id column stops the report: it is most likely a group column)")
    rep.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE, metavar="POINTS",
                     help=f"how far a dimension may sum from 100 (default {DEFAULT_TOLERANCE:g})")
    rep.add_argument("--empty-as-zero", action="store_true",
                     help="read every empty divide-100 cell as 0 points (without it, an empty cell is 0 "
                          "only where the dimension's other cells add up to 100, else its dimension is "
                          "left out, as for n/a; the row is kept either way)")
    rep.add_argument("--top-items", type=int, default=8, metavar="N",
                     help="how many gap-driving statements to list (default 8)")
    rep.add_argument("--strict", action="store_true",
                     help="reject a row with an empty points cell, points below 0 or over 100, or a 1-5 "
                          "answer off the scale (3.5, 6, 0), instead of reading that cell as 0 or missing, "
                          "and write nothing if any row is rejected")
    versions = ", ".join(map(str, VERSIONS[:-1])) + f" or {VERSIONS[-1]}"
    rep.add_argument("--questionnaire-version", type=int, choices=VERSIONS, default=None, metavar="N",
                     help=f"the questionnaire version the form followed ({versions}), for an export "
                          "without a questionnaire_version column: a version 3 form without GP3 and GP4 "
                          "otherwise reads as version 2 (the kit says so when only missing columns tell "
                          "the version); an error if the file's questionnaire_version cells say otherwise")
    rep.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    rep.set_defaults(subparser=rep)

    tem = sub.add_parser("template", help="write an empty response file with the right columns",
                         description="Write an empty response file (header only) for a survey tool.")
    tem.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    tem.add_argument("--group-column", action="append", default=[], metavar="COL",
                     help="add a group column (repeatable)")
    tem.add_argument("--no-likert", action="store_true", help="leave out the benign/malign block")
    tem.add_argument("--force", action="store_true", help="overwrite an existing file")

    frm = sub.add_parser("forms", help="write the guides for building the form in each survey tool",
                         description="Write the form-building guides (Microsoft Forms, Google Forms, "
                                     "Qualtrics, SurveyMonkey, JISC, Moodle), generated from the items.")
    frm.add_argument("-o", "--output", required=True, metavar="FOLDER",
                     help="folder to write, e.g. docs/forms")

    syn = sub.add_parser("synthetic", help="write a SYNTHETIC example class (made-up answers)",
                         description="Write a SYNTHETIC example class: made-up answers, not data.")
    syn.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    syn.add_argument("--seed", type=int, default=SYNTHETIC_SEED)
    syn.add_argument("--size", type=int, default=60)
    syn.add_argument("--force", action="store_true", help="overwrite an existing file")
    syn.set_defaults(subparser=syn)
    cds = sub.add_parser("codes", help="print N anonymous respondent codes to hand out",
                         description="Print N distinct respondent codes, one a line, drawn at random and "
                                     "linked to nobody: print them, cut them up and hand them out at random.")
    cds.add_argument("count", type=int, metavar="N", help="how many codes (1-10000)")
    cds.add_argument("-o", "--output", metavar="FILE.txt", help="write them to a file instead")
    cds.add_argument("--force", action="store_true", help="overwrite an existing file")
    cds.set_defaults(subparser=cds)
    _add_codings_parser(sub)
    return parser


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _fail(message: str) -> int:
    print(f"coordkit: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _report(args: argparse.Namespace) -> int:
    from coordkit.survey.read import (
        LATE_SUBMISSION_WARNING,
        IdColumnError,
        SurveyFileError,
        expand_inputs,
        group_column_problem,
        read_answer_words,
        read_files,
        read_mapping,
    )

    parser = args.subparser
    if args.min_group < MIN_GROUP_FLOOR:
        parser.error(f"--min-group must be at least {MIN_GROUP_FLOOR} (smaller groups would expose "
                     f"individuals); got {args.min_group}")
    if not args.tolerance >= 0:  # NaN too
        parser.error(f"--tolerance must be 0 or more points; got {args.tolerance:g}")
    if args.top_items < 1:
        parser.error(f"--top-items must be at least 1; got {args.top_items}")
    if args.output is None and args.write_map is None:
        parser.error("the following arguments are required: -o/--output")
    groups = [args.group_column] if args.group_column else []
    problem = group_column_problem(groups, args.id_column)
    if problem:  # one line, no traceback (lecturer review 2, N2)
        print(f"coordkit: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    inputs = [Path(p) for p in args.responses]
    for path in inputs:
        if not path.exists():
            return _fail(f"{path}: no such file or folder")
    try:
        mapping = read_mapping(args.map) if args.map else None
        answers = read_answer_words(args.map) if args.map else None
        if args.write_map is not None:
            return _write_map(Path(args.write_map), inputs, groups, args, mapping, answers)
    except SurveyFileError as error:
        return _fail(str(error))
    output = Path(args.output)
    for path in inputs:
        if path.exists() and output.exists() and output.resolve() == path.resolve():
            return _fail(f"the report would overwrite the input {path}; choose another -o")
    if output.is_dir():
        return _fail(f"{output} is a folder; give a file name such as {output / 'report.html'}")
    if not output.parent.exists():
        return _fail(f"cannot write {output}: the folder {output.parent} does not exist")

    sizes = [p.stat().st_size if p.is_file() else _LARGE * 150 for p in inputs]
    bar = Progress(enabled=not args.quiet and (sys.stderr.isatty() or sum(sizes) > _LARGE * 150))
    try:
        n_files = max(len(expand_inputs(inputs)), 1)
    except SurveyFileError as error:
        return _fail(str(error))

    def on_rows(k: int, done: int, total: int, label: str) -> None:
        bar.update(0.5 * (k + done / max(total, 1)) / n_files, f"reading {label}", f"{done}/{total} rows")

    try:
        result = read_files(inputs, row_progress=on_rows, id_column=args.id_column, group_columns=groups,
                            tolerance=args.tolerance, empty_as_zero=args.empty_as_zero, mapping=mapping,
                            answers=answers, strict=args.strict, repeated_ids=args.repeated_ids,
                            questionnaire_version=args.questionnaire_version)
    except IdColumnError as error:  # a wrong --id-column is a usage error (lecturer review 3, N10)
        bar.close()
        print(f"coordkit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SurveyFileError as error:
        bar.close()
        return _fail(str(error))
    except ValueError as error:  # an option the reader refuses (each is checked above; never a traceback)
        bar.close()
        print(f"coordkit: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:  # e.g. a file that may not be read
        bar.close()
        return _fail(f"{getattr(error, 'filename', None) or 'input'}: cannot be read "
                     f"({error.strerror or error})")
    bar.close()
    notice = result.notice_text()
    if notice:  # first and framed, so that it is not lost above the problems (lecturer review, finding 5)
        rule = "=" * 78
        print(f"{rule}\n{notice}\n{rule}", file=sys.stderr)
    print(result.summary())
    if result.rejected or result.partly_read:  # headed by rows rejected and kept (methodologist 2, finding 7)
        print(result.problems_heading(), file=sys.stderr)
        print(result.problems_text(limit=_SHOWN_PROBLEMS), file=sys.stderr)
    elif result.left_out:
        print("\n".join(x.message() for x in result.left_out), file=sys.stderr)
    print(result.summary_line())
    if result.n_accepted == 0:
        return _fail("no row could be accepted, so there is nothing to report")
    if args.strict and result.rejected:
        return _fail("--strict: some rows were rejected, so no report was written")
    if args.group_column:
        from coordkit.survey.read.groups import group_columns

        doubtful = group_columns([args.group_column], result.responses.groups).left_out
        if doubtful:
            print(f"note: --group-column {args.group_column} looks like {doubtful[args.group_column]}, not a "
                  "group: is it the column you meant?", file=sys.stderr)
    hidden = _all_suppressed(result.responses, args.group_column, args.min_group)
    if hidden:
        return _fail(hidden)

    from coordkit.class_report import write_report

    def on_stage(stage: int, total: int, label: str) -> None:
        bar.update(0.5 + 0.5 * stage / total, label)

    try:
        write_report(result.anonymised(), output, group_column=args.group_column,
                     group_level=args.group_level, min_group=args.min_group, title=args.title,
                     top_items=args.top_items, progress=on_stage)
    except OSError as error:
        bar.close()
        return _fail(f"cannot write {output}: {error.strerror or error}")
    bar.close()
    n = result.n_accepted
    print(f"wrote {output} ({n} respondent{'s' if n != 1 else ''}"
          f"{f'; {result.n_rejected} row{_s(result.n_rejected)} rejected' if result.rejected else ''})")
    print(LATE_SUBMISSION_WARNING)
    return EXIT_REJECTED_ROWS if result.rejected or result.partly_read else EXIT_OK


def _all_suppressed(responses: object, group_column: str | None, min_group: int) -> str | None:
    """Why a report broken down by ``group_column`` would suppress every group, or None."""
    from coordkit.survey import Responses, disclosure_plan

    assert isinstance(responses, Responses)
    if group_column is None:
        return None
    labels = responses.groups[group_column]
    sizes: dict[str, int] = {}
    for label in labels:
        sizes[label] = sizes.get(label, 0) + 1
    plan = disclosure_plan(sizes, min_group)
    if not plan.shown and not plan.show_pooled:
        return (f"every {group_column} has fewer than {min_group} respondents, so every group would be "
                f"suppressed and the report was not written; run it without --group-column {group_column} "
                "for the whole class only")
    return None


def _write_map(path: Path, inputs: list[Path], groups: list[str], args: argparse.Namespace,
               mapping: dict[str, str] | None, answers: dict[str, int] | None) -> int:
    from coordkit.survey.read import SurveyFileError, expand_inputs, header_mapping
    from coordkit.survey.read.files import load_input

    try:
        files = expand_inputs(inputs)
    except SurveyFileError as error:
        return _fail(str(error))
    if not files:
        return _fail("no readable file to write a mapping for")
    label, where = files[0]
    if path.exists():
        return _fail(f"{path} already exists; choose another name (it is never overwritten)")
    from coordkit.survey import questionnaire

    version = args.questionnaire_version
    text = header_mapping(load_input(where), name=label, id_column=args.id_column, group_columns=groups,
                          mapping=mapping, answers=answers,
                          q=questionnaire(version=version) if version is not None else None)
    failed = _write_new(path, text, force=False)
    if failed is not None:
        return failed
    columns, _, words = text.partition("\nanswers:\n")
    blank, unknown = columns.count(': ""'), words.count(': ""')
    suggested = text.count("# suggestion to confirm")
    also = f" and {unknown} answer word(s)" if unknown else ""
    hints = f" ({suggested} with a suggestion to confirm, as a comment)" if suggested else ""
    print(f"wrote {path}: {blank} column(s){also} to fill in{hints}; then run coordkit report {label} "
          f"--map {path} -o report.html")
    return EXIT_OK


def _write_new(path: Path, text: str, force: bool) -> int | None:
    if path.exists() and not force:
        return _fail(f"{path} already exists; use --force to overwrite it")
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        return _fail(f"cannot write {path}: {error.strerror or error}")
    return None


def respondent_codes(n: int, *, length: int = CODE_LENGTH, rng: random.Random | None = None) -> list[str]:
    """Draw ``n`` distinct respondent codes to hand out, linked to no one.

    Each code is ``length`` characters from :data:`CODE_ALPHABET` (no characters that are easily
    misread when a student copies the code onto paper or into a form). The draw uses the operating
    system's randomness unless ``rng`` is given, so the codes cannot be re-made from a seed.

    Parameters
    ----------
    n : int
        How many codes (at least 1).
    length : int, default 5
        Characters per code (at least 3).
    rng : random.Random, optional
        A generator to draw from (for tests); default a :class:`random.SystemRandom`.

    Returns
    -------
    list of str
        ``n`` distinct codes, in the order drawn.

    Raises
    ------
    ValueError
        If ``n`` is below 1, ``length`` below 3, or ``n`` exceeds half the codes of that length
        (the draw would then be slow and the codes easy to guess).

    Examples
    --------
    >>> codes = respondent_codes(200, rng=random.Random(1))
    >>> len(codes), len(set(codes)), {len(c) for c in codes}
    (200, 200, {5})
    >>> set("".join(codes)) <= set(CODE_ALPHABET)
    True
    >>> respondent_codes(0)
    Traceback (most recent call last):
    ...
    ValueError: the number of codes must be at least 1; got 0
    """
    if n < 1:
        raise ValueError(f"the number of codes must be at least 1; got {n}")
    if length < 3:
        raise ValueError(f"a code needs at least 3 characters; got {length}")
    if n > len(CODE_ALPHABET) ** length // 2:
        raise ValueError(f"{n} codes is too many for {length} characters; use a longer code")
    draw = rng if rng is not None else random.SystemRandom()
    codes: dict[str, None] = {}
    while len(codes) < n:
        codes["".join(draw.choice(CODE_ALPHABET) for _ in range(length))] = None
    return list(codes)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``coordkit`` command.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status (see the module docstring). Command-line errors exit via ``SystemExit(2)``.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "report":
        return _report(args)
    if args.command == "codings":
        return _codings(args)
    if args.command == "codes":
        if args.count < 1:
            args.subparser.error(f"N must be at least 1; got {args.count}")
        if args.count > 10000:
            args.subparser.error(f"N must be at most 10000; got {args.count}")
        text = "".join(f"{code}\n" for code in respondent_codes(args.count))
        if not args.output:
            sys.stdout.write(text)
            return EXIT_OK
        failed = _write_new(Path(args.output), text, args.force)
        if failed is not None:
            return failed
        print(f"wrote {args.output} ({args.count} respondent codes, one a line: cut them up and hand them "
              "out at random; keep no list of who took which)")
        return EXIT_OK
    if args.command == "forms":
        from coordkit.survey.read.forms import write_guides

        try:
            written = write_guides(args.output)
        except OSError as error:
            return _fail(f"cannot write {args.output}: {error.strerror or error}")
        print(f"wrote {len(written)} files to {args.output}")
        return EXIT_OK
    if args.command == "template":
        from coordkit.survey_io import template_csv

        failed = _write_new(Path(args.output), template_csv(args.group_column, likert=not args.no_likert),
                            args.force)
        if failed is not None:
            return failed
        print(f"wrote {args.output} (header only: fill one row per respondent)")
        return EXIT_OK
    from coordkit.survey import synthetic_class
    from coordkit.survey_io import responses_csv

    if args.size < 1:
        args.subparser.error(f"--size must be at least 1; got {args.size}")
    text = responses_csv(synthetic_class(args.seed, size=args.size))
    failed = _write_new(Path(args.output), text, args.force)
    if failed is not None:
        return failed
    print(f"wrote {args.output} ({args.size} SYNTHETIC respondents, seed {args.seed})")
    return EXIT_OK


# ----- coordkit codings: pool a class's coding files (coordkit.codings) ---------------------------
def _add_codings_parser(sub: argparse._SubParsersAction) -> None:
    cod = sub.add_parser(
        "codings", help="pool a class's coding files of the NHS reforms into an HTML agreement report",
        description="Pool coding files (notebook 03's coding form, or typed-up coding sheets) and write "
                    "Krippendorff's alpha per mode and per reform, the class consensus beside the kit's "
                    "coding and the reforms the class disagrees on most. Exit status: 0 written; 1 "
                    "nothing usable or cannot write; 3 written, but some files (blank templates "
                    "included) were left out.")
    cod.add_argument("codings", nargs="*", metavar="CODING.csv", help="coding files, one per student")
    cod.add_argument("-o", "--output", metavar="REPORT.html", help="where to write the report")
    cod.add_argument("--sheet", metavar="SHEET.html", help="also (or only) write a printable coding sheet")
    cod.add_argument("--min-coders", type=int, default=None, metavar="N",
                     help="fewest codings behind any pooled number (default 5; never below 3)")
    cod.add_argument("--force", action="store_true", help="overwrite an existing report or sheet")
    cod.set_defaults(subparser=cod)


def _codings(args: argparse.Namespace) -> int:
    from coordkit import codings

    minimum = codings.MIN_CODERS if args.min_coders is None else args.min_coders
    if minimum < MIN_GROUP_FLOOR:
        args.subparser.error(f"--min-coders must be at least {MIN_GROUP_FLOOR}; got {minimum}")
    if not args.output and not args.sheet:
        args.subparser.error("give -o REPORT.html, --sheet SHEET.html or both")
    if args.sheet:
        failed = _write_new(Path(args.sheet), codings.coding_sheet_html(), args.force)
        if failed is not None:
            return failed
        print(f"wrote {args.sheet} (a printable coding sheet)")
    if not args.output:
        return EXIT_OK
    if not args.codings:
        args.subparser.error("give the coding files to pool")
    output = Path(args.output)
    if any(Path(f).resolve() == output.resolve() for f in args.codings):
        return _fail(f"{output} is one of the coding files; the report may not overwrite an input")
    pool = codings.pool_codings(args.codings)
    for message in pool.messages:
        print(f"left out: {message}", file=sys.stderr)
    if pool.blank:  # file names on the lecturer's terminal only; the report gives the count
        n = len(pool.blank)
        print(f"left out: {n} blank template{'s' if n != 1 else ''} (no reform coded): "
              + ", ".join(pool.blank), file=sys.stderr)
    if pool.coders == 0:
        return _fail("no coding file could be read; nothing written" if not pool.blank else
                     "no file holds a coding (only blank templates or unreadable files); nothing written")
    failed = _write_new(output, codings.codings_report_html(pool, min_coders=minimum), args.force)
    if failed is not None:
        return failed
    note = "" if pool.coders >= minimum else f"; fewer than {minimum}, so counts only"
    rows = f", {pool.rows_left_out} bad row(s) dropped" if pool.rows_left_out else ""
    blank = f", {len(pool.blank)} blank template(s) left out" if pool.blank else ""
    print(f"wrote {output} ({pool.coders} codings pooled, {pool.files_left_out} left out{blank}{rows}{note})")
    return EXIT_REJECTED_ROWS if pool.files_left_out or pool.rows_left_out or pool.blank else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
