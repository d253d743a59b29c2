"""The diagnostic questionnaire: its items, scoring, group results, privacy and reading answer files.

A package of topics (see each module's docstring for the full account):

- :mod:`coordkit.survey.instrument` -- the items, their versions, the per-respondent order;
- :mod:`coordkit.survey.scoring` -- one respondent: scores, strength, benign and malign levels,
  structure, configuration;
- :mod:`coordkit.survey.compositional` -- log-ratio statistics for divide-100 answers;
- :mod:`coordkit.survey.privacy` -- which groups a shared report may show;
- :mod:`coordkit.survey.reliability` -- alpha, omega and the levels' ICC;
- :mod:`coordkit.survey.analysis` -- many respondents: groups, gap drivers, the class analysis;
- :mod:`coordkit.survey.synthetic` -- the SYNTHETIC class;
- :mod:`coordkit.survey.printable` -- the printable questionnaire;
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
