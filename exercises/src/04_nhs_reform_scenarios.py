# %% [markdown]
# # Exercises for chapter 4: NHS reform scenarios
#
# **Time:** about 40 minutes · **Goes with:** [4. NHS reform scenarios](../notebooks/04_nhs_reform_scenarios.ipynb)
#
# Six tasks, from recall to design. Replace each `____` with your answer, run the cell and read the feedback.
# `q1.hint()` nudges; `q1.solution()` shows a worked answer. The model and its lever mapping are the kit's
# judgements: the checks compute their answers from the same model you are using.

# %%
from coordkit import scenarios
from coordkit.exercises.ch04 import ____, q1, q2, q3, q4, q5, q6
from coordkit.widgets.scenarios import BALANCED_PACKAGE

# %% [markdown]
# ## Task 1 (recall): which levers invite gaming?
#
# In the kit's mapping, which policy levers *raise* the share of new individualism that arrives malign? Give a set of
# lever names (the keys of `scenarios.LEVERS`).

# %% [paper]
# In the kit's mapping (chapter 4's table of the policy levers), which levers *raise* the share of new
# individualism that arrives malign? Name them.

# %%
### BEGIN SOLUTION
gaming_levers = {"central_targets", "financial_incentives", "competition"}
### END SOLUTION
q1.check()
# q1.hint()
# q1.solution()

# %% [markdown]
# ## Task 2 (apply): how much funding does the 2022 package need?
#
# The November 2022 package (`scenarios.preset("rumoured_2022")`), as coded with funding growth of 0.1% a year,
# only just ends *balanced*. Find the **lowest** funding growth, in % a year to one decimal place (e.g. -0.5), at
# which the same package still ends *balanced* after ten years. Give one number.
# (`scenarios.preset("rumoured_2022").replace(funding_growth=...)` changes one lever and keeps the preset's start;
# the chapter's worked example loops over funding values this way.)

# %% [paper]
# **Needs the notebook** (it runs the model at each funding level). **On paper:** the November 2022 package,
# as coded with funding growth of 0.1% a year, only just ends *balanced*. Predict what lowering the funding
# growth does, first to the outcome and then to the configuration, and why; the notebook finds the lowest
# funding growth at which it still ends balanced.

# %%
base = scenarios.preset("rumoured_2022")
### BEGIN SOLUTION
lowest_funding = next(f / 10 for f in range(-20, 81)
                      if scenarios.run(base.replace(funding_growth=f / 10)).configuration.name == "balanced")
### END SOLUTION
q2.check()
# q2.hint()
# q2.solution()

# %% [markdown]
# ## Task 3 (analysis): undoing "targets and terror"
#
# Start from the 2000-2005 preset (`"targets_2000"`). Switch **one** lever at a time to its value in the Hewitt
# preset (`"hewitt_2023"`). Which single lever cuts the final malign share of hierarchy the most? Give its key in
# `scenarios.LEVERS` as a string, e.g. `"inspection"`. (The chapter's worked example switches levers one at a time
# with `getattr` and a dict comprehension, and picks the smallest with `min(..., key=...)`.)

# %% [paper]
# **Needs the notebook** (it runs the model once per lever). **On paper:** compare chapter 4's presets for
# 2000-2005 (*targets and terror*) and the Hewitt review (2023) lever by lever, in the chapter's table of
# presets. Which single lever, switched to its Hewitt value, would you expect to cut the final malign share of
# hierarchy the most, and why?

# %%
### BEGIN SOLUTION
start, target = scenarios.preset("targets_2000"), scenarios.preset("hewitt_2023").levers
effect = {k: scenarios.run(start.replace(**{k: getattr(target, k)})).final.malign_hierarchy
          for k in scenarios.LEVERS}
best_lever = min(effect, key=effect.get)
### END SOLUTION
q3.check()
# q3.hint()
# q3.solution()

# %% [markdown]
# ## Task 4 (design): balance within the squeeze
#
# Funding grows by only **1%** a year and demand by **3%**. Find a package (`scenarios.PolicyLevers`) that ends
# *balanced* after ten years with an outcome of at least **0.3** — without raising funding or lowering demand.
# Give a `scenarios.PolicyLevers(...)`, e.g. `BALANCED_PACKAGE.replace(...)` or `scenarios.PolicyLevers(devolution=7, ...)`.

# %% [paper]
# **Needs the notebook** (it runs the model on your package). **On paper:** funding grows by only **1%** a
# year and demand by **3%**. Without raising funding or lowering demand, which levers would you pull to end
# *balanced* with the best outcome you can, and why can no package rise above the demand-capacity ceiling?

# %%
### BEGIN SOLUTION
design = BALANCED_PACKAGE.replace(funding_growth=1.0, demand_growth=3.0)
### END SOLUTION
q4.check()
# q4.hint()
# q4.solution()

# %% [markdown]
# ## Task 5 (apply, with judgement): code the 2012 Act yourself
#
# Read the kit's coding of the Health and Social Care Act 2012 and why (`scenarios.preset("hsca_2012").rationale`,
# and its sources). Change at least one lever you would code differently and give your version as a
# `scenarios.PolicyLevers`, e.g. `scenarios.preset("hsca_2012").levers.replace(inspection=5)`.

# %% [paper]
# Read the kit's coding of the Health and Social Care Act 2012 and why (chapter 4's presets, with their
# sources). Name at least one lever you would code differently, the value you would give it, and your reason.

# %%
### BEGIN SOLUTION
my_2012 = scenarios.preset("hsca_2012").levers.replace(inspection=5, psychological_safety=2)
### END SOLUTION
q5.check()
# q5.hint()
# q5.solution()

# %% [markdown]
# ## Task 6 (evaluate, open): defend your coding
#
# In four or five sentences, defend your coding of the 2012 Act: what you changed and why, what the model then says,
# and whether the conclusion survives your recoding. `q6.check()` shows the rubric.
#
# *Your answer (double-click to edit):*

# %% [paper]
# In four or five sentences, defend your coding of the 2012 Act: what you changed and why, what you expect the
# model to say, and whether the conclusion survives your recoding.

# %%
q6.check()
# q6.solution()
