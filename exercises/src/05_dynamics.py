# %% [markdown]
# # Exercises for chapter 5: dynamics
#
# **Time:** about 40 minutes · **Goes with:** [5. Dynamics](../notebooks/05_dynamics.ipynb)
#
# Six tasks, from recall to design, on the mean-field teaching model (task 4 uses its surprise mechanism). In code
# the model parameters are one object, `dynamics.Levers(...)` (an older name, kept for existing code): tasks 3 to 5
# ask for one. Replace each `____` with your answer, run the cell and read the feedback. `q1.hint()` nudges;
# `q1.solution()` shows a worked answer. The model is illustrative and uncalibrated: the checks compute their
# answers from the same model you are using, so they test your reading of the model, not facts about the NHS.

# %%
from coordkit import configuration
from coordkit.exercises.ch05 import ____, q1, q2, q3, q4, q5, q6
from coordkit.models import dynamics

# %% [markdown]
# ## Task 1 (recall): the ceiling
#
# A system's demand is **2.0** and its capacity **1.2**. What is the highest outcome that *any* setting of the
# other model parameters could reach? Give a number.

# %%
### BEGIN SOLUTION
ceiling = dynamics.Levers(demand=2.0, capacity=1.2).ceiling
### END SOLUTION
q1.check()
# q1.hint()
# q1.solution()

# %% [markdown]
# ## Task 2 (apply): take away one mode's support
#
# Run the model for 20 years with every model parameter at its default except **no support for individualism**
# (`support_individualism=0`). Give the name of the configuration it ends in, exactly as
# `configuration.table()` spells it.

# %% [paper]
# **Needs the notebook** (it runs the model for 20 years). **On paper:** with every model parameter at its default
# except **no support for individualism**, predict the configuration the model ends in, as chapter 1's table
# of configurations spells it, and say why.

# %%
### BEGIN SOLUTION
run = dynamics.simulate(dynamics.Levers(support_individualism=0.0))
without_individualism = run.summary()["configuration"]
### END SOLUTION
q2.check()
# q2.hint()
# q2.solution()

# %% [markdown]
# ## Task 3 (analysis): turn a mode sour without any malign bias
#
# Find model parameters under which one active mode ends (after 20 years) **more than half malign** — with every *malign bias*
# at 0, so that nothing arrives malign: whatever turns sour must turn sour through the model's dynamics. Keep noise
# at 0. Give a `dynamics.Levers(...)`.

# %% [paper]
# **Needs the notebook** (it runs the model on your model parameters). **On paper:** one active mode should end (after
# 20 years) **more than half malign** with every *malign bias* at 0, so that nothing arrives malign, and noise
# at 0. Which mechanism of the model (chapter 5) can turn a mode sour all the same, and which model parameters would you
# push, and which way?

# %%
### BEGIN SOLUTION
soured = dynamics.Levers(support_hierarchy=1.0, reverse_effect=2.0)
### END SOLUTION
q3.check()
# q3.hint()
# q3.solution()

# %% [markdown]
# ## Task 4 (analysis): make it swing
#
# With every other model parameter at its default and **rivalry at most 1.2**, find model parameters under which the model does not
# settle but keeps swinging: the kit's regime criterion (`coordkit.models.regimes`, used for the chapter's regime
# map) must call it *cycling* (or *chaotic*). Give a `dynamics.Levers(...)`. Which two mechanisms does the swing
# need?

# %% [paper]
# **Needs the notebook** (the kit's regime criterion runs the model). **On paper:** with every other model parameter at
# its default and **rivalry at most 1.2**, the model should not settle but keep swinging (*cycling*). Which
# two mechanisms does the swing need, and which model parameters would you set?

# %%
### BEGIN SOLUTION
swinging = dynamics.Levers(rivalry=1.2, surprise=2.0)
### END SOLUTION
q4.check()
# q4.hint()
# q4.solution()

# %% [markdown]
# ## Task 5 (design): balance inside the squeeze, despite a blame culture
#
# Demand is **1.3** times capacity, and hierarchy comes with blame: **40%** of its new growth arrives malign
# (`malign_bias_hierarchy=0.4`). Keep demand at 1.3 or more, capacity at 1 or less, that malign bias at 0.4 or more,
# the reverse effect at 0.5 or more, rivalry at 1 or more and noise at 0. Find model parameters under which the system ends
# **balanced** with an outcome of at least **0.35**. Give a `dynamics.Levers(...)`. How far below the ceiling does it
# still stay?

# %% [paper]
# **Needs the notebook** (it runs the model on your model parameters). **On paper:** demand is **1.3** times capacity,
# and hierarchy comes with blame: **40%** of its new growth arrives malign. Keep demand at 1.3 or more,
# capacity at 1 or less, that malign bias at 0.4 or more, the reverse effect at 0.5 or more, rivalry at 1 or
# more and noise at 0. Which model parameters would you set to end **balanced** with an outcome of at least **0.35**,
# and how far below the ceiling would it still stay?

# %%
### BEGIN SOLUTION
design = dynamics.Levers(demand=1.3, malign_bias_hierarchy=0.4, support_hierarchy=0.8,
                         support_solidarity=0.8, support_individualism=0.8, critique=2.0, renewal=1.0)
### END SOLUTION
q5.check()
# q5.hint()
# q5.solution()

# %% [markdown]
# ## Task 6 (evaluate, open): finding or assumption?
#
# The model "shows" that no balance of the modes can make up for demand that outruns capacity. In four or five
# sentences: which part of that is written into the model's equations, and which part does the model actually work
# out? What would you check, in the model or in evidence, before repeating the claim? `q6.check()` shows the rubric.
#
# *Your answer (double-click to edit):*

# %% [paper]
# The model "shows" that no balance of the modes can make up for demand that outruns capacity. In four or five
# sentences: which part of that is written into the model's equations, and which part does the model actually
# work out? What would you check, in the model or in evidence, before repeating the claim?

# %%
q6.check()
# q6.solution()
