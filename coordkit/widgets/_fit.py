"""The app layout's figure fitting: a figure remade for the app's box, 18 px text, nothing clipped.

:func:`fit_for_app` remakes a figure once for the box the app layout shows it in
(:data:`APP_FIGURE_BOX` at :data:`APP_DPI`): text enlarged, long titles wrapped, legends gathered
below the panels, colliding labels moved or hidden; :func:`refit_for_app` fits what a view changed
in place since; :func:`hidden_labels` and :func:`hidden_note` name the labels hidden for lack of
room, so the explorer can say so. :class:`~coordkit.widgets._base.Explorer` uses them in the app
layout; re-exported by :mod:`coordkit.widgets._base`.

Examples
--------
>>> from matplotlib.figure import Figure
>>> fig = fit_for_app(Figure())
>>> [round(v * APP_DPI) for v in fig.get_size_inches()] == list(APP_FIGURE_BOX), hidden_note(fig)
(True, '')
"""

from __future__ import annotations

import itertools
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # matplotlib loads with coordkit.plots, when first used
    from matplotlib.figure import Figure

__all__ = ["APP_DPI", "APP_FIGURE_BOX", "fit_for_app", "hidden_labels", "hidden_note", "refit_for_app"]

#: The box (CSS px) the app layout shows its figure in at 1280x800 (see :data:`APP_STYLE`), and
#: the resolution its PNG is rendered at: :func:`coordkit.plots.style.presentation` sizes the
#: figure's text for it.
APP_FIGURE_BOX: tuple[int, int] = (740, 400)
APP_DPI = 80


def _gather_legends(fig: Figure, renderer: Any, width: float, floor_pt: float, *,
                    title: str | None = None) -> bool:
    """Axes legends outside their axes and figure legends become one figure legend below the panels.

    In as many columns as fit ``width``; ``title`` (a caption) heads it. An axes legend inside its
    axes goes where it covers least. True if there is a figure legend afterwards.
    """
    from matplotlib.legend import Legend

    # where each entry of the figure legend came from, so a view that rebuilds one axes' legend
    # replaces that axes' entries only (kept on the figure between updates)
    sources: dict[Any, tuple[list[tuple[Any, str]], str]] = getattr(fig, "_coordkit_legends", {})
    inside_ids: set[int] = getattr(fig, "_coordkit_inside", set())
    for ax in fig.axes:
        legend = ax.get_legend()
        if not isinstance(legend, Legend):
            continue
        setattr(legend, "_coordkit_seen", True)  # noqa: B010 (refit_for_app skips it next time)
        box = ax.get_window_extent(renderer).padded(4)
        extent = legend.get_window_extent(renderer)
        small = extent.width * extent.height <= 0.12 * box.width * box.height
        inside = small and box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0 \
            and extent.y1 <= box.y1
        if id(ax) not in inside_ids and id(ax) not in sources and inside:
            legend.set_bbox_to_anchor(None)
            legend.set_loc("best")  # where it covers least data; but never on a label
            inside = not _covers_text(ax, legend, renderer)
        if id(ax) in inside_ids or (id(ax) not in sources and inside):
            inside_ids.add(id(ax))
            legend.set_bbox_to_anchor(None)
            legend.set_loc("best")
        else:
            sources[id(ax)] = (list(zip(legend.legend_handles, [t.get_text() for t in legend.get_texts()],
                                        strict=True)), legend.get_title().get_text())
            legend.remove()
    for k, old in enumerate(list(fig.legends)):
        if not getattr(old, "_coordkit_made", False):
            sources[f"figure {k}"] = (list(zip(old.legend_handles, [t.get_text() for t in old.get_texts()],
                                               strict=True)), old.get_title().get_text())
        old.remove()
    setattr(fig, "_coordkit_legends", sources)  # noqa: B010
    setattr(fig, "_coordkit_inside", inside_ids)  # noqa: B010
    entries = [entry for found, _ in sources.values() for entry in found]
    if title is None:
        title = getattr(fig, "_coordkit_legend_title", None) or next(
            (t for _, t in sources.values() if t), None)
    setattr(fig, "_coordkit_legend_title", title)  # noqa: B010
    if not entries:
        return False
    handles, labels = [h for h, _ in entries], [t for _, t in entries]
    for ncols in range(len(labels), 0, -1):
        legend = fig.legend(handles, labels, loc="outside lower center", ncols=ncols, fontsize=floor_pt,
                            frameon=False, handlelength=1.5, columnspacing=0.8, handletextpad=0.4,
                            borderaxespad=0.2, title=title, title_fontsize=floor_pt)
        if ncols == 1 or legend.get_window_extent(renderer).width <= width - 8:
            break
        legend.remove()
    setattr(legend, "_coordkit_made", True)  # noqa: B010
    return True


def _covers_text(ax: Any, legend: Any, renderer: Any) -> bool:
    """Whether ``legend``, where it is drawn, touches a visible text of ``ax`` (3 px apart or less)."""
    extent = legend.get_window_extent(renderer).padded(3)
    return any(text.get_visible() and text.get_text().strip()
               and extent.overlaps(text.get_window_extent(renderer)) for text in ax.texts)


def _declutter(fig: Figure, renderer: Any) -> bool:
    """Labels among the data that collide at 18 px: a list's status moves right past its name; others hide.

    A bold text on the same line as a longer one to its left (name, then status) moves right past it;
    other colliding labels (region names, era names) are hidden, the later one, unless bold
    (a status), and so is a label under a legend kept inside its axes. Every label hidden is
    listed by :func:`hidden_labels`, so the explorer can say so (nothing is dropped silently).
    True if anything changed.
    """
    changed = False
    for ax in fig.axes:
        shown: list[Any] = []
        legend = ax.get_legend()
        legend_box = (legend.get_window_extent(renderer).padded(3)
                      if legend is not None and legend.get_visible() else None)
        for text in ax.texts:
            if not (text.get_visible() and text.get_text().strip()):
                continue
            extent = text.get_window_extent(renderer)
            hit = [other for other in shown if extent.padded(3).overlaps(other)]
            bold = text.get_fontweight() in ("bold", 700)
            same_line = [o for o in hit if abs(o.y1 - extent.y1) < 2 and o.x0 < extent.x0]
            if same_line and bold:  # a status after its name, in a list: moved along its line
                shift = max(o.x1 for o in same_line) + 10 - extent.x0
                where = text.get_position()
                x, y = text.get_transform().transform(where)
                new_x, new_y = text.get_transform().inverted().transform((x + shift, y))
                text.set_position((float(new_x), float(new_y)))
                moved = text.get_window_extent(renderer)
                if any(moved.padded(3).overlaps(other) for other in shown):
                    text.set_position(where)  # it would land on another label: leave it be
                else:
                    extent, hit, changed = moved, [], True
            if (hit and not bold) or (legend_box is not None and legend_box.overlaps(extent)):
                text.set_visible(False)
                setattr(text, "_coordkit_hidden", True)  # noqa: B010 (hidden_labels names it)
                changed = True
                continue
            shown.append(extent)
    return changed


def hidden_labels(fig: Figure) -> list[str]:
    """The labels :func:`fit_for_app` hid for lack of room and that are still hidden, in order.

    Parameters
    ----------
    fig : matplotlib Figure

    Returns
    -------
    list of str
        Each label's text on one line (a view that shows a label again drops it from the list).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(3, 2))
    >>> ax = fig.add_subplot()
    >>> _ = ax.text(0.5, 0.5, "Wessex"), ax.text(0.5, 0.5, "Mercia")
    >>> hidden_labels(fit_for_app(fig))
    ['Mercia']
    """
    found: list[str] = []
    for ax in fig.axes:
        for text in ax.texts:
            label = " ".join(text.get_text().split())
            if getattr(text, "_coordkit_hidden", False) and not text.get_visible() and label \
                    and label not in found:
                found.append(label)
    return found


def hidden_note(fig: Figure) -> str:
    """A sentence naming the labels :func:`fit_for_app` hid, or ``""`` if none are hidden.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> hidden_note(Figure())
    ''
    """
    labels = hidden_labels(fig)
    if not labels:
        return ""
    return ("Labels not shown in the figure for lack of room: "
            + "; ".join(f"\u201c{label}\u201d" for label in labels) + ".")


def refit_for_app(fig: Figure, box: tuple[int, int] = APP_FIGURE_BOX, dpi: float = APP_DPI) -> bool:
    """After a view moved a fitted figure in place: its new text and legends fitted the same way.

    The layout stays frozen (see :func:`fit_for_app`). True if anything changed, so the caller
    renders the figure whole once (a fast renderer's stored background would be out of date).

    Examples
    --------
    >>> from coordkit.plots import profile_figure
    >>> from coordkit.profile import Profile
    >>> fig = fit_for_app(profile_figure(Profile(0.9, 0.8, 0.2, 0.3)))
    >>> refit_for_app(fig)
    False
    >>> _ = fig.suptitle("a new, small title", fontsize=8)
    >>> refit_for_app(fig), fig.get_suptitle()
    (True, 'a new, small title')
    """
    from matplotlib.text import Text

    width, _ = box
    px = dpi / 72.0
    floor_pt = 18.0 / px
    changed = False
    # the texts a view can make or resize (a flat list: a recursive findobj costs more than the
    # redraw); tick labels take their size from the axis, set once by fit_for_app
    texts: list[Text] = [*fig.texts, *(t for legend in fig.legends for t in legend.get_texts())]
    for ax in fig.axes:
        texts += [*ax.texts, ax.title, getattr(ax, "_left_title", ax.title),
                  getattr(ax, "_right_title", ax.title), ax.xaxis.label, ax.yaxis.label]
    for text in texts:
        if text.get_text().strip() and float(text.get_fontsize()) < floor_pt - 1e-9:
            text.set_fontsize(floor_pt)
            # a moving (animated) text is redrawn on every frame anyway: only a fixed one's
            # change means the stored background is out of date
            changed = changed or not text.get_animated()
    renderer = getattr(fig, "_get_renderer")()  # noqa: B009
    new_legends = [ax for ax in fig.axes if ax.get_legend() is not None
                   and not getattr(ax.get_legend(), "_coordkit_seen", False)]
    if new_legends or any(not getattr(old, "_coordkit_made", False) for old in fig.legends):
        _gather_legends(fig, renderer, width, floor_pt)
        changed = True
    for ax in fig.axes:
        room = ax.get_position().width * width + 30
        if ax.get_title() and ax.title.get_window_extent(renderer).width > room:
            chars = max(6, int(room / (0.56 * floor_pt * px)))
            ax.title.set_text(textwrap.fill(ax.get_title().replace("\n", " "), chars,
                                            break_long_words=False))
            # a view that retitles an axes on each move (a moving title) wraps it on each move:
            # only a fixed title's change means the stored background is out of date
            changed = changed or not ax.title.get_animated()
    return _declutter(fig, renderer) or changed


def fit_for_app(fig: Figure, box: tuple[int, int] = APP_FIGURE_BOX, dpi: float = APP_DPI) -> Figure:
    """Remake ``fig`` for the app's figure box: shown at its natural size, 18 px text, nothing clipped.

    The figure is resized to the box (so the ``<img>`` is never scaled down below the size its
    text assumes), text under 18 px as shown is enlarged (:func:`coordkit.plots.style.presentation`),
    long titles and axis labels wrap to their axes, crowded x tick labels turn, legends are kept
    inside the figure, and constrained layout makes room once (then the layout is frozen, so a
    fast redraw moves nothing). Data, colours and wording are untouched.

    Examples
    --------
    >>> from coordkit.plots import profile_figure
    >>> from coordkit.plots.style import smallest_text_px
    >>> from coordkit.profile import Profile
    >>> fig = fit_for_app(profile_figure(Profile(0.9, 0.8, 0.2, 0.3)))
    >>> [round(v * APP_DPI) for v in fig.get_size_inches()] == list(APP_FIGURE_BOX)
    True
    >>> smallest_text_px(fig, width_px=APP_FIGURE_BOX[0], height_px=APP_FIGURE_BOX[1]) >= 18
    True
    """
    from coordkit.plots.style import presentation

    width, height = box
    fig.set_size_inches(width / dpi, height / dpi)
    fig.set_dpi(dpi)
    presentation(fig, width_px=width, height_px=height, dpi=dpi)
    px = dpi / 72.0

    def wrap(text: Any, room_px: float) -> None:
        label = text.get_text()
        chars = max(6, int(room_px / (0.56 * float(text.get_fontsize()) * px)))
        if label and "$" not in label and len(label.replace("\n", " ")) > chars:
            text.set_text(textwrap.fill(label.replace("\n", " "), chars, break_long_words=False,
                                        break_on_hyphens=False))

    floor_pt = 18.0 / px
    fig.draw_without_rendering()
    renderer = getattr(fig, "_get_renderer")()  # noqa: B009 (matplotlib's way to measure text)
    title = getattr(fig, "_suptitle", None)
    captions = [t for t in fig.texts if t is not title and t.get_text().strip()]
    caption_text = None
    if len(captions) == 1 and getattr(fig, "_supxlabel", None) is None:
        caption = captions[0]
        caption_text = textwrap.fill(caption.get_text().replace("\n", " "),
                                     max(20, int(width / (0.52 * floor_pt * px))))
        caption.remove()
        if not _gather_legends(fig, renderer, width, floor_pt, title=caption_text):
            fig.supxlabel(caption_text, fontsize=floor_pt, color=caption.get_color())
    else:
        _gather_legends(fig, renderer, width, floor_pt)
    for ax in fig.axes:  # tick labels are made afresh on each draw: their size lives on the axis
        for axis in (ax.xaxis, ax.yaxis):
            sizes = [float(t.get_fontsize()) for t in axis.get_ticklabels()]
            if sizes and min(sizes) < floor_pt:
                axis.set_tick_params(which="both", labelsize=floor_pt)
    fig.set_layout_engine("constrained", h_pad=2 / 72, w_pad=2 / 72)
    for _ in range(2):  # lay out, wrap what the laid-out axes cannot hold, lay out again
        fig.draw_without_rendering()
        for ax in fig.axes:
            ax_w = ax.get_position().width * width
            ax_h = ax.get_position().height * height
            for label in (ax.title, getattr(ax, "_left_title", ax.title),
                          getattr(ax, "_right_title", ax.title)):
                wrap(label, ax_w + 30)
            wrap(ax.xaxis.label, ax_w)
            wrap(ax.yaxis.label, ax_h + 20)
            if ax_h < 100 and ax.get_title():  # a short panel: its title says what y is
                ax.set_ylabel("")
            below = [b for b in fig.axes if b is not ax and abs(b.get_position().x0 - ax.get_position().x0)
                     < 0.02 and b.get_position().y1 <= ax.get_position().y0 + 0.01]
            if ax.get_xlabel() and any(b.get_xlabel() == ax.get_xlabel() for b in below):
                ax.set_xlabel("")  # the panel below says it
    # a legend kept inside its axes goes where it touches no label, if there is such a place
    # (if not, _declutter hides the label and the description says so)
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None and _covers_text(ax, legend, renderer):
            for loc in ("upper left", "upper center", "upper right", "center left", "center right",
                        "lower left", "lower center", "lower right", "center", "best"):
                legend.set_loc(loc)
                if not _covers_text(ax, legend, renderer):
                    break
    for ax in fig.axes:
        ticks = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text().strip()]
        boxes = [t.get_window_extent(renderer) for t in ticks]
        if any(b.x1 + 4 > c.x0 for b, c in itertools.pairwise(boxes)):
            ax.xaxis.set_tick_params(labelrotation=30)
            for t in ax.get_xticklabels():
                t.set_horizontalalignment("right")
                t.set_rotation_mode("anchor")
    fig.draw_without_rendering()
    # labels among the data that now collide (region names, era names): the later one is hidden;
    # the long description still names them all
    _declutter(fig, renderer)  # hides labels, makes none
    presentation(fig, width_px=width, height_px=height, dpi=dpi, drawn=True)  # any text made since
    fig.set_layout_engine("none")  # frozen: the fast renderer's background stays valid
    setattr(fig, "_coordkit_fitted", True)  # noqa: B010 (an explorer fits a figure once)
    return fig
