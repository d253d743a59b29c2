"""Small pieces every widget shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["silenced"]


@contextmanager
def silenced(controls: Iterable[Any], callback: Callable[..., Any]) -> Iterator[None]:
    """Stop ``callback`` hearing ``controls`` while several of them move at once.

    Use it to move many sliders (e.g. to a preset) and then update once, instead of once per
    slider. The callback is re-attached even if moving the controls fails.

    Parameters
    ----------
    controls : iterable of ipywidgets widgets
    callback : callable
        The observer attached with ``names="value"``.

    Examples
    --------
    >>> import ipywidgets as w
    >>> seen = []
    >>> slider = w.FloatSlider()
    >>> slider.observe(seen.append, names="value")
    >>> with silenced([slider], seen.append):
    ...     slider.value = 0.5
    >>> slider.value = 0.7
    >>> [change["new"] for change in seen]
    [0.7]
    """
    controls = list(controls)
    for control in controls:
        control.unobserve(callback, names="value")
    try:
        yield
    finally:
        for control in controls:
            control.observe(callback, names="value")
