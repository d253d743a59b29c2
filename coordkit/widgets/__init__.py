"""Interactive widgets for the notebooks: thin wrappers that call the library and draw its figures.

Each widget is a class with its controls as attributes, an ``update()`` method that the controls
call, and the results of the last update kept on the instance -- so a test can move a control and
check the outcome without a browser, and a notebook can call ``update()`` directly so that a
failure shows up under any runner (ipywidgets swallows exceptions raised inside callbacks).
Explorers build on :class:`~coordkit.widgets._base.Explorer` (display, timing, pause-while-moving,
figures as ``<img alt>``, an ARIA live region for results, responsive layout, named controls) and
make sliders from parameter specs with :func:`~coordkit.widgets._base.slider`. One module per
widget; nothing but notebooks imports this package.

ipywidgets and matplotlib are imported when this package is imported, not by ``import coordkit``.
"""

from coordkit.widgets._base import Explorer, slider, slider_row
from coordkit.widgets.profile import DEFAULT_PROFILE, ProfileExplorer

__all__ = ["DEFAULT_PROFILE", "Explorer", "ProfileExplorer", "slider", "slider_row"]
