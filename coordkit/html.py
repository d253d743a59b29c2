"""HTML for the kit, from Jinja2 templates with one escaping rule: everything is escaped unless marked safe.

Figures, explorer text and reports are rendered from the templates in ``coordkit/templates/``
through one :class:`jinja2.Environment` with autoescaping on, so a label, a description or a
value from a user's file can never inject markup. Kit code that has already built trusted HTML
passes it as :class:`Markup`; everything else is text.

Filters available in every template: ``lines`` (escape, then turn line breaks into ``<br>``).

Jinja2 is imported when this module is imported, not by ``import coordkit``.

Examples
--------
>>> print(render("live.html.j2", body="Balanced <at last>"))  # doctest: +NORMALIZE_WHITESPACE
<div class="coordkit-live" role="status" aria-live="polite" aria-atomic="true"
     tabindex="0">Balanced &lt;at last&gt;</div>
>>> escape("a < b & 'c'")
'a &lt; b &amp; &#39;c&#39;'
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup
from markupsafe import escape as _escape

__all__ = ["Markup", "environment", "escape", "render"]


def escape(text: object) -> str:
    """Text made safe to put inside HTML (``&``, ``<``, ``>``, quotes escaped).

    Parameters
    ----------
    text : object
        Converted with ``str``; :class:`Markup` passes through unchanged.

    Returns
    -------
    str

    Examples
    --------
    >>> escape('<b title="x">')
    '&lt;b title=&#34;x&#34;&gt;'
    >>> escape(Markup("<b>kept</b>"))
    '<b>kept</b>'
    """
    return str(_escape(text))


def _lines(text: object) -> Markup:
    """Escape ``text`` and join its lines with ``<br>``."""
    return Markup("<br>\n").join(_escape(line) for line in str(text).splitlines())


@cache
def environment() -> jinja2.Environment:
    """The kit's one Jinja2 environment (templates from ``coordkit/templates/``, autoescaped).

    Returns
    -------
    jinja2.Environment

    Examples
    --------
    >>> environment().autoescape
    True
    >>> "figure.html.j2" in environment().list_templates()
    True
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("coordkit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a missing value is an error, never a blank
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["lines"] = _lines
    return env


def render(template_name: str, /, **context: Any) -> str:
    r"""Render one of the kit's templates.

    Parameters
    ----------
    template_name : str
        File name in ``coordkit/templates/`` (e.g. ``"figure.html.j2"``).
    **context
        The template's values; strings are escaped unless they are :class:`Markup`.

    Returns
    -------
    str
        The HTML.

    Raises
    ------
    jinja2.TemplateNotFound
        If there is no such template.
    jinja2.UndefinedError
        If the template uses a value not given.

    Examples
    --------
    >>> print(render("description.html.j2", description="line 1\nline <2>", summary="Words"))
    <details class="coordkit-description" style="line-height:1.35"><summary>Words</summary>
    <div style="font-size:0.9em">line 1<br>
    line &lt;2&gt;</div></details>
    """
    return environment().get_template(template_name).render(**context)
