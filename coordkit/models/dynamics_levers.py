"""The mean-field model's parameters and fixed rates (see :mod:`coordkit.models.dynamics`).

:class:`Levers` (the model parameters a learner moves) and :class:`Rates` (the model's fixed rates),
both on :mod:`coordkit.params`: each field has one :class:`~coordkit.params.Param` spec (label,
unit, range, step, default, help) for sliders, tables and documentation. Every name here is also
importable from :mod:`coordkit.models.dynamics`, where the model is documented in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coordkit.params import Param, Params, param

__all__ = ["LEVER_SPECS", "LeverSpec", "Levers", "Rates"]


#: A lever's spec (name, label, unit, range, step, default, help): :class:`coordkit.params.Param`,
#: kept under its old name (its ``help`` was called ``doc``).
LeverSpec = Param


def _lever(default: float, low: float, high: float, doc: str, *, label: str | None = None,
           unit: str = "") -> Any:
    """One lever or rate: :func:`coordkit.params.param` with the model's slider step."""
    step = 0.05 if high - low <= 1.5 or low > 0 else 0.1
    return param(default, low, high, label=label, unit=unit, step=step, help=doc)


@dataclass(frozen=True)
class Levers(Params):
    r"""The mean-field model's parameters, each bounded (see :data:`LEVER_SPECS`).

    The class keeps its older name, ``Levers``, so that existing code runs; the kit's word for its fields
    is *model parameters*. Chapter 4's policy levers (:class:`coordkit.scenarios.PolicyLevers`) are a
    different thing, mapped onto these.

    Parameters
    ----------
    support_hierarchy, support_solidarity, support_individualism : float, 0 to 1, default 0.5
        Policy support (push) for each active mode, :math:`u_i`: how much the system invests in
        leadership and rules, in shared values and belonging, in autonomy and enterprise.
    malign_bias_hierarchy, malign_bias_solidarity, malign_bias_individualism : float, 0 to 1, default 0
        Share of each mode's new growth that arrives in malign form, :math:`h_i` (targets enforced
        by blame, cliquish networks, incentives that invite gaming).
    reverse_effect : float, 0 to 2, default 0.5
        Reverse effects (after Hood; the kit's form), :math:`\rho`: how fast benign turns malign
        as a mode's share rises above balance.
    critique : float, 0 to 2, default 0.5
        Mutual critique, :math:`\kappa`: how strongly each mode feeds on its rivals' malign forms
        and checks their excesses.
    rivalry : float, 0 to 2, default 1
        How strongly a dominant mode crowds out the others, :math:`\chi`.
    renewal : float, 0 to 1, default 0.2
        Rate at which malign forms are reformed by learning, candour and professional
        institutions, :math:`\eta`.
    demand : float, 0.1 to 3, default 1
        Demand on the system, :math:`D` (1 = matched to the default capacity).
    capacity : float, 0.1 to 3, default 1
        Capacity of the system, :math:`C`.
    noise : float, 0 to 0.5, default 0
        Size of random shocks; 0 makes the run deterministic whatever the seed.
    surprise : float, 0 to 3, default 0
        :math:`\varsigma`, how strongly allegiance leaves a mode whose failures are perceived to
        be worse than its rivals' (0 = off: the equilibrium model).
    surprise_delay : float, 0.5 to 20, default 4
        :math:`\tau`, years for failures to be perceived (the lag of the surprise).
    responsiveness : float, 0 to 1, default 1
        :math:`r`, how far a mode lets its critics reform its malign side: 1 responsive (critics
        reform it), 0 unresponsive (critics gain support but change nothing: a stalemate, the
        kit's term).
    benign_fatalism : float, 0 to 1, default 0
        :math:`\omega`, share of fatalism in its benign face (acceptance of limits, humility
        about prediction, resilience), which neither saps nor costs and dulls surprise.

    Raises
    ------
    ValueError
        If a lever is not a number within its range; the message names the lever and the range.

    Examples
    --------
    >>> Levers(support_hierarchy=0.9).support
    (0.9, 0.5, 0.5)
    >>> Levers(demand=1.5).ceiling
    0.666...
    >>> Levers(critique=3)
    Traceback (most recent call last):
    ...
    ValueError: critique must be between 0 and 2, got 3
    """

    support_hierarchy: float = _lever(0.5, 0.0, 1.0, "policy support for hierarchy", label="Support H")
    support_solidarity: float = _lever(0.5, 0.0, 1.0, "policy support for solidarity", label="Support S")
    support_individualism: float = _lever(0.5, 0.0, 1.0, "policy support for individualism",
                                          label="Support I")
    malign_bias_hierarchy: float = _lever(
        0.0, 0.0, 1.0, "share of new hierarchy that arrives malign", label="Malign bias H")
    malign_bias_solidarity: float = _lever(
        0.0, 0.0, 1.0, "share of new solidarity that arrives malign", label="Malign bias S")
    malign_bias_individualism: float = _lever(
        0.0, 0.0, 1.0, "share of new individualism that arrives malign", label="Malign bias I")
    reverse_effect: float = _lever(
        0.5, 0.0, 2.0,
        "reverse effects (after Hood): benign turns malign above a one-third share (the kit's form)")
    critique: float = _lever(
        0.5, 0.0, 2.0, "mutual critique: modes feed on and check their rivals' malign forms")
    rivalry: float = _lever(1.0, 0.0, 2.0, "how strongly a dominant mode crowds out the others")
    renewal: float = _lever(
        0.2, 0.0, 1.0, "reform of malign forms by learning, candour and institutions")
    demand: float = _lever(1.0, 0.1, 3.0, "demand on the system", unit="relative to default capacity")
    capacity: float = _lever(1.0, 0.1, 3.0, "capacity of the system", unit="relative to default demand")
    noise: float = _lever(0.0, 0.0, 0.5, "size of random shocks (0 = deterministic)")
    surprise: float = _lever(
        0.0, 0.0, 3.0, "surprise: allegiance leaves a mode whose failures disappoint (0 = off)")
    surprise_delay: float = _lever(
        4.0, 0.5, 20.0, "years for disappointment to move allegiance (learning time)", unit="years")
    responsiveness: float = _lever(
        1.0, 0.0, 1.0, "how far a mode lets its critics reform it (1 responsive, 0 unresponsive)")
    benign_fatalism: float = _lever(
        0.0, 0.0, 1.0, "share of fatalism in its benign face (acceptance, humility, resilience)")

    @property
    def support(self) -> tuple[float, float, float]:
        """Supports :math:`u_i` in H, S, I order."""
        return (self.support_hierarchy, self.support_solidarity, self.support_individualism)

    @property
    def malign_bias(self) -> tuple[float, float, float]:
        """Malign biases :math:`h_i` in H, S, I order."""
        return (self.malign_bias_hierarchy, self.malign_bias_solidarity,
                self.malign_bias_individualism)

    @property
    def ceiling(self) -> float:
        r"""The outcome's ceiling, :math:`\min(1, C/D)`."""
        return min(1.0, self.capacity / self.demand)


@dataclass(frozen=True)
class Rates(Params):
    r"""The model's fixed rates (per year). Change them to extend the model, not to play with policy.

    Parameters
    ----------
    growth : float, 0.1 to 5, default 1
        :math:`\gamma`, how fast a supported mode grows.
    erosion : float, 0 to 1, default 0.1
        :math:`\delta`, how fast unsupported strength (and fatalism) fades.
    baseline_drift : float, 0 to 1, default 0.1
        :math:`\beta`, the reverse effect felt even at balance: every mode has a malign side.
    fatalism_feed : float, 0 to 5, default 1
        :math:`\varphi`, how strongly malign forms and unmet demand feed fatalism.
    fatalism_relief : float, 0 to 5, default 1
        :math:`\psi`, how strongly benign active strength relieves fatalism.
    sapping : float, 0 to 2, default 0.5
        :math:`\sigma`, how strongly fatalism wears down every active mode.
    allegiance_mixing : float, 0 to 1, default 0.05
        :math:`\mu`, drift of allegiance back towards even (only matters with surprise).

    Examples
    --------
    >>> Rates().growth
    1.0
    >>> Rates(sapping=-1)
    Traceback (most recent call last):
    ...
    ValueError: sapping must be between 0 and 2, got -1
    """

    growth: float = _lever(1.0, 0.1, 5.0, "growth rate of a supported mode")
    erosion: float = _lever(0.1, 0.0, 1.0, "fading of unsupported strength and of fatalism")
    baseline_drift: float = _lever(0.1, 0.0, 1.0, "reverse effect felt even at balance")
    fatalism_feed: float = _lever(1.0, 0.0, 5.0, "feed of fatalism by malign forms and unmet demand")
    fatalism_relief: float = _lever(1.0, 0.0, 5.0, "relief of fatalism by benign strength")
    sapping: float = _lever(0.5, 0.0, 2.0, "wearing down of active modes by fatalism")
    allegiance_mixing: float = _lever(
        0.05, 0.0, 1.0, "drift of allegiance back towards even (keeps every mode some backers)")


#: Every lever's spec (label, unit, range, step, default, help), by name: ``Levers.specs()``.
LEVER_SPECS: dict[str, Param] = Levers.specs()


