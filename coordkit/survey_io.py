"""Reading and writing response files: moved to :mod:`coordkit.survey.read`.

This module re-exports its public names so that older imports keep working.

Examples
--------
>>> from coordkit.survey_io import read_responses
>>> read_responses.__module__.startswith("coordkit.survey.read")
True
"""

from coordkit.survey.read import *  # noqa: F403
from coordkit.survey.read import __all__  # noqa: F401
