"""Everything the readers take from the instrument, in one place.

The readers know the questionnaire only through these names (item table, column names, the answer
scale and the shape of :class:`Responses`); when the instrument's modules move or change, this is
the one import to update.
"""

from coordkit.survey._core import (
    CURRENT_VERSION,
    DEFAULT_TOLERANCE,
    DONT_KNOW,
    FIXED_ORDER_SEED,
    ID_COLUMN,
    LIKERT_LABELS,
    NOT_STATED,
    STRENGTH_LABELS,
    TIMEFRAMES,
    TOTAL,
    VERSION_COLUMN,
    VERSIONS,
    Item,
    Questionnaire,
    Responses,
    SurveyError,
    detect_version,
    fixed_order,
    presentation_order,
    questionnaire,
    version_note,
)

__all__ = [
    "CURRENT_VERSION",
    "DEFAULT_TOLERANCE",
    "DONT_KNOW",
    "FIXED_ORDER_SEED",
    "ID_COLUMN",
    "LIKERT_LABELS",
    "NOT_STATED",
    "STRENGTH_LABELS",
    "TIMEFRAMES",
    "TOTAL",
    "VERSIONS",
    "VERSION_COLUMN",
    "Item",
    "Questionnaire",
    "Responses",
    "SurveyError",
    "detect_version",
    "fixed_order",
    "presentation_order",
    "questionnaire",
    "version_note",
]
