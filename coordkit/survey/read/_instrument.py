"""Everything the readers take from the instrument, in one place.

The readers know the questionnaire only through these names (item table, column names, the answer
scale and the shape of :class:`Responses`); when the instrument's modules move or change, this is
the one import to update.
"""

from coordkit.survey._core import (
    DEFAULT_TOLERANCE,
    ID_COLUMN,
    LIKERT_LABELS,
    NOT_STATED,
    TIMEFRAMES,
    TOTAL,
    VERSION_COLUMN,
    Item,
    Questionnaire,
    Responses,
    SurveyError,
    questionnaire,
)

__all__ = ["DEFAULT_TOLERANCE", "ID_COLUMN", "LIKERT_LABELS", "NOT_STATED", "TIMEFRAMES", "TOTAL",
           "VERSION_COLUMN", "Item",
           "Questionnaire", "Responses", "SurveyError", "questionnaire"]
