# %% [markdown]
# # Exercises for chapter 8: clumsy solutions
#
# **Time:** about 40 minutes · **Goes with:** [8. Clumsy solutions](../notebooks/08_clumsy_solutions.ipynb)
#
# Six tasks, from recall to evaluation. Replace each `____` with your answer, run the cell and read the feedback.
# `q1.hint()` nudges; `q1.solution()` shows a worked answer. The control-type codings and the audit's rules are the
# kit's judgements, not facts: the checks compute their answers from the same data and rules you are using, and the
# last task asks how far to trust them.

# %%
from coordkit import audit, data
from coordkit.exercises.ch08 import ____, q1, q2, q3, q4, q5, q6

# %% [markdown]
# ## Task 1 (recall): each voice's control type
#
# Hood (1995) sorts controls over public services into four polar types, one per cell of the grid-group map. Give a
# **dict** from each of the four grid-group voices (`"hierarchy"`, `"solidarity"`, `"individualism"`, `"fatalism"`)
# to the polar type Hood places in its cell, e.g. `{"hierarchy": "oversight", ...}`. (The hermit, at the centre,
# off the map's plane, has none. For fatalism this is its cell's type, not the fatalist's own choice: chapter 8
# says why the audit does not hear fatalism through it.)

# %% [paper]
# Hood (1995) sorts controls over public services into four polar types, one per cell of the grid-group map.
# For each of the four grid-group voices (hierarchy, solidarity, individualism, fatalism), name the polar type
# Hood places in its cell. (The hermit, at the centre, off the map's plane, has none. For fatalism this is its
# cell's type, not the fatalist's own choice: chapter 8 says why the audit does not hear fatalism through it.)

# %%
### BEGIN SOLUTION
preferred = {"hierarchy": "oversight", "solidarity": "mutuality", "individualism": "competition",
             "fatalism": "contrived randomness"}
### END SOLUTION
q1.check()
# q1.hint()
# q1.solution()

# %% [markdown]
# ## Task 2 (apply): who does the internal market leave out?
#
# Audit the kit's coding of the internal market (`audit.package("internal_market_1991")`). Which voices does it
# **exclude**? Give a **set** of voice names, e.g. `{"hierarchy"}` (the chapter's worked example shows `by_status`).

# %% [paper]
# Audit the kit's coding of the internal market (1991) by hand, from its instruments in chapter 8 and the
# rules of the clumsiness worksheet (part B). Which voices does it **exclude**?

# %%
### BEGIN SOLUTION
excluded = set(audit.audit(audit.package("internal_market_1991")).by_status("excluded"))
### END SOLUTION
q2.check()
# q2.hint()
# q2.solution()

# %% [markdown]
# ## Task 3 (analysis): the favourite hybrid
#
# Audit all five packages (`audit.packages()`). Which of Hood's hybrids is relied on by the **most packages**? Give
# its name as **one string**, e.g. `"mutuality x contrived randomness"`. (The chapter's worked example counts
# verdicts with `Counter`; count hybrids the same way.) Before you check: what do Bevan and Hood (2006) say happens
# to regimes built on it?

# %% [paper]
# Of Hood's hybrids, which is relied on by the **most** of chapter 8's five packages? Before you look: what do
# Bevan and Hood (2006) say happens to regimes built on it?

# %%
### BEGIN SOLUTION
from collections import Counter

counts = Counter(h.hybrid for p in audit.packages().values() for h in audit.audit(p).hybrids)
common_hybrid = counts.most_common(1)[0][0]
### END SOLUTION
q3.check()
# q3.hint()
# q3.solution()

# %% [markdown]
# ## Task 4 (analysis): how much oversight in "targets and terror"?
#
# What **share of the weight** of the targets-and-terror package (`"targets_and_terror_2000_05"`) does
# **oversight** carry (each instrument weighs one, a hybrid half to each of its types)? This is the number the
# audit compares with the overuse share. Give **one number** between 0 and 1 (`audit.weights`, as in the
# chapter's worked example).

# %% [paper]
# What **share of the weight** of the *targets and terror* package (2000-05) does **oversight** carry? Each
# instrument weighs one, and a hybrid gives half to each of its types; work it out from the package's
# instruments in chapter 8. This is the number the audit compares with the overuse share.

# %%
### BEGIN SOLUTION
oversight_share = audit.weights(audit.package("targets_and_terror_2000_05").instruments)["oversight"]
### END SOLUTION
q4.check()
# q4.hint()
# q4.solution()

# %% [markdown]
# ## Task 5 (design): let the excluded voice in
#
# In the kit's coding the Health and Care Act 2022 package (`"health_and_care_act_2022"`) is dominated by solidarity
# and excludes individualism. Keep all its instruments and add **at most two** of your own
# (`audit.Instrument(id, label, control_type)`, built as in the chapter's worked example) so that hierarchy,
# solidarity and individualism are all engaged (the verdict begins `"active voices joined"`) **and** no type carries
# more than **half** the weight (`audit.weights`), so that the result does not hang on the kit's 60% threshold. Give
# the whole **list** of instruments. Try a single benchmarking club (`"mutuality x competition"`) first: what decides
# that solidarity no longer dominates, engagement or weight? Then read `audit.audit(amended).amendments`: would each
# voice accept your additions for its own reasons? Why is the package still not called clumsy?

# %% [paper]
# In the kit's coding the Health and Care Act 2022 package is dominated by solidarity and excludes
# individualism. Keep all its instruments and add **at most two** of your own, each with its control type, so
# that hierarchy, solidarity and individualism are all engaged **and** no type carries more than **half** the
# weight (check the weight by hand, as in part B of the worksheet). Try a single benchmarking club (mutuality
# × competition) first: what decides that solidarity no longer dominates, engagement or weight? Would each
# voice accept your additions for its own reasons? Why is the package still not called clumsy?

# %%
### BEGIN SOLUTION
amended = [*audit.package("health_and_care_act_2022").instruments,
           audit.Instrument("league", "League table of providers", "oversight x competition"),
           audit.Instrument("choice", "Patient choice of provider", "competition")]
### END SOLUTION
q5.check()
# q5.hint()
# q5.solution()

# %% [markdown]
# ## Task 6 (evaluate, open): is the audit a fair test of clumsiness?
#
# In **five or six sentences** of your own: what can the kit's audit show about a reform, and what can it not? Name one coding or rule
# that is a judgement and say how changing it would change a result; use evidence from the kit; and say what evidence
# would test the audit's verdicts. `q6.check()` shows the rubric.
#
# *Your answer (double-click to edit):*

# %% [paper]
# In **five or six sentences** of your own: what can the kit's audit show about a reform, and what can it not?
# Name one coding or rule that is a judgement and say how changing it would change a result; use evidence from
# the kit; and say what evidence would test the audit's verdicts.

# %%
q6.check()
# q6.solution()
