"""Toy models of the four modes: mean-field dynamics and a fractal agent-based model.

Both are *teaching models*: small, transparent and illustrative. They turn the theory's dynamic
claims into equations a learner can run and argue with; they are not calibrated to data and make
no forecasts.

- :mod:`coordkit.models.dynamics` -- strengths of hierarchy, solidarity and individualism (benign
  and malign parts) and fatalism, evolving under policy levers (reverse effects after Hood, mutual
  critique, fatalism, and a demand-capacity ceiling on the outcome).
- :mod:`coordkit.models.agents` -- staff in teams, providers, integrated care systems (ICSs) and a
  nation, each holding a mix of the four modes, with balance measured at every level.

Neither module is imported by ``import coordkit``; import them explicitly. They need only numpy
(pandas is imported lazily by the ``to_frame`` methods).

Examples
--------
>>> from coordkit.models import dynamics
>>> run = dynamics.simulate(dynamics.Levers())
>>> run.final_profile().hierarchy > 0.5
True
"""

from coordkit.models import agents, dynamics, pendulum, regimes

__all__ = ["agents", "dynamics", "pendulum", "regimes"]
