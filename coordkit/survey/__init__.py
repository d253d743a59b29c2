"""The diagnostic questionnaire: its items, scoring, group results, privacy and reading answer files.

A package of topics (see each module's docstring for the full account):

- :mod:`coordkit.survey._core` -- the instrument, scoring, compositional statistics, disclosure
  control and the synthetic class (being split into one module per topic);
- :mod:`coordkit.survey.read` -- reading and writing response files.

Every public name is re-exported here, so ``from coordkit.survey import score_answers`` keeps
working.

Examples
--------
>>> from coordkit import survey
>>> len(survey.questionnaire().dimensions)
6
"""

from coordkit.survey._core import *  # noqa: F403
from coordkit.survey._core import __all__ as _core_all
from coordkit.survey.read import *  # noqa: F403
from coordkit.survey.read import __all__ as _read_all

__all__ = [*_core_all, *_read_all]
