"""coordkit: a teaching and exploration kit for coordination theory and NHS reform.

The core (:mod:`coordkit.modes`, :mod:`coordkit.profile`, :mod:`coordkit.balance`,
:mod:`coordkit.configuration`) needs only numpy. Plotting (:mod:`coordkit.plots`) and widgets
(:mod:`coordkit.widgets`) load matplotlib, seaborn and ipywidgets, so import them explicitly when
you need them; ``import coordkit`` stays light.

Examples
--------
>>> import coordkit as ck
>>> p = ck.Profile(hierarchy=0.9, solidarity=0.8, individualism=0.2, fatalism=0.3)
>>> ck.classify(p).name
'deficit culture: weak individualism'
"""

from coordkit.balance import BalanceReport, balance_index, dynamic_balance, evenness, report
from coordkit.configuration import Configuration, Kind, all_configurations, classify
from coordkit.modes import ACTIVE_MODES, ALL_MODES, MODES, Mode
from coordkit.profile import Profile, ProfileError

__version__ = "0.1.0"

__all__ = [
    "ACTIVE_MODES",
    "ALL_MODES",
    "MODES",
    "BalanceReport",
    "Configuration",
    "Kind",
    "Mode",
    "Profile",
    "ProfileError",
    "__version__",
    "all_configurations",
    "balance_index",
    "classify",
    "dynamic_balance",
    "evenness",
    "report",
]
