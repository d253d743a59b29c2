"""Where the survey's names used to live, kept as a re-export while ``coordkit.survey.read`` imports from it.

The topics are now modules of their own: :mod:`~coordkit.survey.instrument`,
:mod:`~coordkit.survey.scoring`, :mod:`~coordkit.survey.compositional`,
:mod:`~coordkit.survey.privacy`, :mod:`~coordkit.survey.reliability`,
:mod:`~coordkit.survey.analysis` and :mod:`~coordkit.survey.synthetic`. Import from
:mod:`coordkit.survey` (or the topic module); this shim can go once nothing imports it.
"""

from coordkit.survey.analysis import *  # noqa: F403
from coordkit.survey.analysis import __all__ as _analysis
from coordkit.survey.compositional import *  # noqa: F403
from coordkit.survey.compositional import __all__ as _compositional
from coordkit.survey.instrument import *  # noqa: F403
from coordkit.survey.instrument import __all__ as _instrument
from coordkit.survey.printable import *  # noqa: F403
from coordkit.survey.printable import __all__ as _printable
from coordkit.survey.privacy import *  # noqa: F403
from coordkit.survey.privacy import __all__ as _privacy
from coordkit.survey.reliability import *  # noqa: F403
from coordkit.survey.reliability import __all__ as _reliability
from coordkit.survey.scoring import *  # noqa: F403
from coordkit.survey.scoring import __all__ as _scoring
from coordkit.survey.synthetic import *  # noqa: F403
from coordkit.survey.synthetic import __all__ as _synthetic

__all__ = [*_instrument, *_scoring, *_compositional, *_privacy, *_reliability, *_analysis,
           *_synthetic, *_printable]
