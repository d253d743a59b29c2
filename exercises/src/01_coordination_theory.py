# %% [markdown]
# # Exercises for chapter 1: coordination theory
#
# **Time:** about 30 minutes · **Goes with:** [1. Coordination theory](../notebooks/01_coordination_theory.ipynb)
#
# Six tasks, from discussion to design. For each task, replace `____` with your answer, run the cell, and read the
# feedback. Stuck? Uncomment `q2.hint()` (and so on) and run it; `q2.solution()` shows a worked answer.
# Checks never break: if your answer is not yet there, they say so.

# %%
import coordkit as ck
from coordkit.archetypes import ARCHETYPES
from coordkit.exercises.ch01 import ____, q1, q2, q3, q4, q5, q6

# %% [markdown]
# ## Task 1 (discuss): motivations and modes
#
# Taylor (2022) says three motivations (mastery, connectedness, autonomy) are articulated as the modes, and ties
# autonomy to individualism. Pairing mastery with hierarchy and connectedness with solidarity is the kit's inference.
# In three or four sentences, say whether you find each pairing convincing, with an example from work, and what
# changes if "autonomy" means what it means in self-determination theory, whose three needs (competence,
# relatedness, autonomy) Taylor's triad closely matches: volition, acting with one's own endorsement, not
# individualism. There is no automatic check: `q1.check()` shows the rubric, and `q1.solution()` one model answer.
#
# *Your answer (double-click to edit):*

# %%
q1.check()
# q1.solution()

# %% [markdown]
# ## Task 2 (apply): describe an organisation as a profile
#
# A hospital trust: managers' word is law (hierarchy **0.9**, and about a third of it is overbearing), professional
# loyalty is strong (solidarity **0.7**), there is little room for initiative (individualism **0.2**), and many staff
# feel nothing they do changes anything (fatalism **0.4**, all of it despair). Give its profile as a
# `ck.Profile(hierarchy=..., solidarity=..., individualism=..., fatalism=..., malign_hierarchy=...)`: fill in
# each `...` with a number. The four strengths are the 0 to 1 scores of the chapter's core section *How it
# works*; a malign share is the *fraction* of a mode's strength that is malign, from 0 to 1 (the archetype shown
# there has `malign_hierarchy=0.3`). Fatalism is read as all despair unless you say otherwise, so you need no
# `malign_fatalism`.

# %% [paper]
# A hospital trust: managers' word is law (hierarchy **0.9**, and about a third of it is overbearing),
# professional loyalty is strong (solidarity **0.7**), there is little room for initiative (individualism
# **0.2**), and many staff feel nothing they do changes anything (fatalism **0.4**, all of it despair). Write
# its profile: the four strengths, from 0 to 1 as in the chapter's core section *How it works*, and each
# malign share, the *fraction* of a mode's strength that is malign, from 0 to 1 (fatalism is read as all
# despair unless you say otherwise).

# %%
### BEGIN SOLUTION
trust = ck.Profile(hierarchy=0.9, solidarity=0.7, individualism=0.2, fatalism=0.4, malign_hierarchy=1 / 3)
### END SOLUTION
q2.check()
# q2.hint()
# q2.solution()

# %% [markdown]
# ## Task 3 (apply): name its configuration
#
# Give the name of the trust's configuration as a string, exactly as `ck.configuration.table()` spells it.
# Work it out first, then check with the library if you like.

# %% [paper]
# Name the trust's configuration, as the chapter's table of configurations spells it. A mode counts as strong
# at 0.5 or more (the kit's threshold). Say which modes are strong.

# %%
### BEGIN SOLUTION
configuration = ck.classify(trust).name
### END SOLUTION
q3.check()
# q3.hint()
# q3.solution()

# %% [markdown]
# ## Task 4 (analysis): same evenness, different balance
#
# Find two profiles whose benign active strengths have the same Pielou evenness (within 0.01) but whose balance
# indices (`ck.balance_index`) differ by at least 0.3. Give them as a pair in brackets:
# `(ck.Profile(...), ck.Profile(...))`.

# %% [paper]
# Find two profiles whose benign active strengths (hierarchy, solidarity, individualism) are equally even (the
# same Pielou evenness) but whose balance indices differ by at least 0.3. Write the four strengths of each,
# and say in one line, from the chapter's formula for the balance index, why their indices differ. (The
# notebook computes both indices.)

# %%
### BEGIN SOLUTION
same_evenness = (ck.Profile(0.9, 0.9, 0.9, 0.0), ck.Profile(0.2, 0.2, 0.2, 0.0))
### END SOLUTION
q4.check()
# q4.hint()
# q4.solution()

# %% [markdown]
# ## Task 5 (design): rebalance the traditional public sector
#
# Start from `ARCHETYPES["traditional public sector"]`. Change **at most two** of its eight values, each by **at
# most 0.3**, so that it becomes *balanced* with a balance index of at least 0.45. To change a value, write
# `ARCHETYPES["traditional public sector"].replace(individualism=0.4)`: `.replace(...)` makes a copy with the
# values you name changed and leaves the original alone (name two values to change two). Give the changed
# profile.

# %% [paper]
# Start from the traditional public sector archetype of the chapter (hierarchy 0.85, of it 30% malign;
# solidarity 0.7; individualism 0.25; fatalism 0.3, all despair). Change **at most two** of its eight values,
# each by **at most 0.3**, so that it becomes *balanced* with a balance index of at least 0.45. Write the
# values you would change, and argue from the chapter's formula why the index rises. (The notebook computes
# whether it reaches 0.45.)

# %%
### BEGIN SOLUTION
rebalanced = ARCHETYPES["traditional public sector"].replace(individualism=0.55, malign_hierarchy=0.0)
### END SOLUTION
q5.check()
# q5.hint()
# q5.solution()

# %% [markdown]
# ## Task 6 (evaluate, open): is evenness a good measure of balance?
#
# In three or four sentences, argue for or against measuring balance by evenness alone. There is no automatic
# check: `q6.check()` shows the rubric, and `q6.solution()` one model answer.
#
# *Your answer (double-click to edit):*

# %%
q6.check()
# q6.solution()
