"""The diagnostic questionnaire: its items, scoring, group results, privacy and reading answer files.

A package of topics (see each module's docstring for the full account):

- :mod:`coordkit.survey.instrument` -- the items, their versions, the per-respondent order;
- :mod:`coordkit.survey.divide100` -- one respondent's divide-100 block: mode scores, congruence;
- :mod:`coordkit.survey.likert` -- one respondent's 1-5 items: keying, benign and malign levels,
  acquiescence, strength ratings, grid and group;
- :mod:`coordkit.survey.scoring` -- one respondent as a whole: strength, profile, configuration
  (re-exports the two above);
- :mod:`coordkit.survey.compositional` -- log-ratio statistics for divide-100 answers;
- :mod:`coordkit.survey.privacy` -- which groups a shared report may show;
- :mod:`coordkit.survey.reliability` -- alpha, omega and the levels' ICC;
- :mod:`coordkit.survey.respondents` -- many respondents' answers as arrays, each one's results;
- :mod:`coordkit.survey.verdicts` -- bootstrap intervals and each scale's verdict;
- :mod:`coordkit.survey.crossblock` -- whether the divide-100 points and strength ratings agree;
- :mod:`coordkit.survey.analysis` -- many respondents: groups, gap drivers, the class analysis;
- :mod:`coordkit.survey.class_tables` -- the class's reliability, level and group ICC tables;
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

from coordkit.survey.agreement import *  # noqa: F403
from coordkit.survey.agreement import __all__ as _agreement
from coordkit.survey.analysis import *  # noqa: F403
from coordkit.survey.analysis import __all__ as _analysis
from coordkit.survey.compositional import *  # noqa: F403
from coordkit.survey.compositional import __all__ as _compositional
from coordkit.survey.crossblock import *  # noqa: F403
from coordkit.survey.crossblock import __all__ as _crossblock
from coordkit.survey.instrument import *  # noqa: F403
from coordkit.survey.instrument import __all__ as _instrument
from coordkit.survey.printable import *  # noqa: F403
from coordkit.survey.printable import __all__ as _printable
from coordkit.survey.privacy import *  # noqa: F403
from coordkit.survey.privacy import __all__ as _privacy
from coordkit.survey.read import *  # noqa: F403
from coordkit.survey.read import __all__ as _read
from coordkit.survey.reliability import *  # noqa: F403
from coordkit.survey.reliability import __all__ as _reliability
from coordkit.survey.scoring import *  # noqa: F403
from coordkit.survey.scoring import __all__ as _scoring
from coordkit.survey.styles import *  # noqa: F403
from coordkit.survey.styles import __all__ as _styles
from coordkit.survey.synthetic import *  # noqa: F403
from coordkit.survey.synthetic import __all__ as _synthetic
from coordkit.survey.verdicts import *  # noqa: F403
from coordkit.survey.verdicts import __all__ as _verdicts

__all__ = [*_instrument, *_scoring, *_compositional, *_privacy, *_reliability, *_verdicts, *_agreement,
           *_styles, *_crossblock, *_analysis, *_synthetic, *_printable, *_read]
