# %% [markdown]
# # Exercises for chapter 2: diagnose your organisation
#
# **Time:** about 40 minutes · **Goes with:** [2. Diagnose your organisation](../notebooks/02_diagnose_your_organisation.ipynb)
#
# Six tasks, from scoring answers by the kit's rules to designing answers of your own. Replace each `____` with your
# answer, run the cell and read the feedback. `q1.hint()` nudges; `q1.solution()` shows a worked answer. The class
# in tasks 2 to 4 is the kit's **synthetic** class: made-up answers from a fictional hospital trust, not data about
# anyone.

# %%
import numpy as np

from coordkit import survey
from coordkit.exercises.ch02 import (
    CLR_CHOICES,
    RESPONDENT_ID,
    RESPONDENT_NOW,
    RESPONDENT_RATINGS,
    ____,
    q1,
    q2,
    q3,
    q4,
    q5,
    q6,
)

# %% [markdown]
# ## Task 1 (apply): read the mix from the points, the strength from the ratings
#
# A library assistant described how her team works **now**. `RESPONDENT_NOW` holds her divide-100 points: one row
# per dimension (decisions, cohesion, rewards, change, failure, leaders), one column per mode (hierarchy,
# solidarity, individualism, fatalism). `RESPONDENT_RATINGS` holds her strength ratings of the four modes, from
# 1 (absent) to 5 (very strong). As chapter 2 says, points give the **mix** and ratings give the **strength**.
# Give a dict, `reading`, with two keys:
#
# 1. `"mix"`: her four mode scores, each mode's mean points over the dimensions that add up to 100. Look at the
#    rows' totals (printed below) first: by the kit's rule a dimension that does not add up is left out.
#    `survey.complete_dimensions(RESPONDENT_NOW)` says which dimensions add up, and
#    `survey.mode_scores(RESPONDENT_NOW, use=...)` averages over those only.
# 2. `"strength"`: her four strengths, each rating $r$ read as $(r - 1)/4$ (chapter 2's rule).
#
# Then compare the two: does the mode with the most points get the highest rating?

# %% [paper]
# A library assistant divided 100 points between the modes in each dimension, for how her team works **now**:
#
# | dimension | hierarchy | solidarity | individualism | fatalism |
# |---|---|---|---|---|
# | decisions | 30 | 40 | 20 | 10 |
# | cohesion | 20 | 50 | 20 | 10 |
# | rewards | 25 | 25 | 40 | 10 |
# | change | 30 | 30 | 20 | 10 |
# | failure | 20 | 40 | 20 | 20 |
# | leaders | 25 | 45 | 20 | 10 |
#
# She also rated how strong each mode is in her team, from 1 (absent) to 5 (very strong):
#
# | rating | hierarchy | solidarity | individualism | fatalism |
# |---|---|---|---|---|
# | now | 4 | 3 | 2 | 2 |
#
# Check each row's total first: by the kit's rule a dimension that does not add up to 100 is left out of her
# scores. Then give her **mix**, four mode scores (each mode's mean points over the dimensions kept), and her
# **strength**, each rating $r$ read as $(r - 1)/4$. Does the mode with the most points get the highest rating?

# %%
print("points per dimension:", survey.dimension_totals(RESPONDENT_NOW))
print("ratings (H, S, I, F):", RESPONDENT_RATINGS)
### BEGIN SOLUTION
complete = survey.complete_dimensions(RESPONDENT_NOW)
reading = {
    "mix": survey.mode_scores(RESPONDENT_NOW, use=complete),
    "strength": (RESPONDENT_RATINGS - 1) / 4,
}
### END SOLUTION
q1.check()
# q1.hint()
# q1.solution()

# %% [markdown]
# ## Task 2 (apply): where does a respondent want most change?
#
# Respondent `RESPONDENT_ID` of the synthetic class (`survey.synthetic_class()`) answered for now and preferred. In
# which dimension would the most points have to move to turn their *now* answers into their *preferred* ones? The
# points that move in a dimension are half the sum of the absolute differences between its four now and preferred
# answers. Give the dimension's key, as `survey.questionnaire().dimensions` spells it.

# %% [paper]
# **Needs the notebook** (it reads one respondent of the synthetic class). **On paper:** take your own *now*
# and *preferred* answers from the questionnaire. In which dimension would the most points have to move to
# turn your *now* answers into your *preferred* ones? The points that move in a dimension are half the sum of
# the absolute differences between its four now and preferred answers.

# %%
responses = survey.synthetic_class()
k = responses.ids.index(RESPONDENT_ID)
### BEGIN SOLUTION
moved = 0.5 * np.abs(responses.preferred[k] - responses.now[k]).sum(axis=1)
biggest_change = survey.questionnaire().dimensions[int(moved.argmax())]
### END SOLUTION
q2.check()
# q2.hint()
# q2.solution()

# %% [markdown]
# ## Task 3 (analysis): why raw shares mislead
#
# Do people who see more solidarity also see more individualism? Take the synthetic class's **now** scores
# (`responses.scores("now")`: one row per respondent, columns H, S, I, F). Your answer is a **dict**, `closure`,
# with three keys (the chapter's *Extending it* shows `np.corrcoef` on these scores):
#
# 1. `with_fatalism`: the Pearson correlation between the solidarity and individualism scores.
# 2. `without_fatalism`: the same correlation after dropping fatalism and re-closing the other three scores so that
#    each row adds up to 100 again (as if the questionnaire had never asked about fatalism).
# 3. `statement`: which of the statements below says what the centred log-ratio (`survey.clr`) does, and why it
#    helps? Give its letter.
#
# Compare the two correlations before you choose: nobody's answers changed between them.

# %% [paper]
# **Needs the notebook** (it computes two correlations over the synthetic class's scores). **On paper:** every
# respondent's four scores add up to 100. Why must a higher share for one mode go with lower shares for the
# others, and what does that do to the correlation between two modes' shares, even if nobody's views are
# linked? What would you expect of the correlation between solidarity and individualism if fatalism were
# dropped and the other three scores re-closed to add up to 100? And what does the centred log-ratio (the
# chapter's *Extending it*) do about it?

# %%
for letter, text in CLR_CHOICES.items():
    print(f"{letter}. {text}")

# %%
scores_now = responses.scores("now")
### BEGIN SOLUTION
three = scores_now[:, :3] / scores_now[:, :3].sum(axis=1, keepdims=True) * 100
closure = {
    "with_fatalism": np.corrcoef(scores_now[:, 1], scores_now[:, 2])[0, 1],
    "without_fatalism": np.corrcoef(three[:, 1], three[:, 2])[0, 1],
    "statement": "B",
}
### END SOLUTION
q3.check()
# q3.hint()
# q3.solution()

# %% [markdown]
# ## Task 4 (analysis): which team is furthest from balance?
#
# Analyse the synthetic class by team, as the lecturer's report does:
# `survey.analyse(responses, group_column="team")`. Among the groups the report **shows**, which has the lowest
# balance index (the kit's) now? Give its label. Read `analysis.plan.note()` too: not every team is shown.

# %% [paper]
# **Needs the notebook** (it analyses the synthetic class by team). **On paper:** in the class report your
# lecturer shows (or chapter 7's handout), which of the groups the report **shows** has the lowest balance
# index now? Why does the report not show every team, and what would a reader learn if it did?

# %%
analysis = survey.analyse(responses, group_column="team")
### BEGIN SOLUTION
least_balanced = min(analysis.groups, key=lambda g: g.balance_now.score).label
### END SOLUTION
q4.check()
# q4.hint()
# q4.solution()

# %% [markdown]
# ## Task 5 (design): balanced overall, lopsided everywhere
#
# Design a set of **preferred** answers: six rows (one per dimension) of four numbers (H, S, I, F), each row adding up
# to 100, such that
#
# * fatalism gets at least **10** points in every dimension (no organisation is free of it),
# * in every dimension one active mode leads with at least **50** points, and yet
# * the profile is *balanced*, with a balance index of at least **0.55**.

# %%
### BEGIN SOLUTION
balanced_design = [[60, 15, 15, 10], [15, 60, 15, 10], [15, 15, 60, 10],
                   [60, 15, 15, 10], [15, 60, 15, 10], [15, 15, 60, 10]]
### END SOLUTION
q5.check()
# q5.hint()
# q5.solution()

# %% [markdown]
# ## Task 6 (evaluate, open): what a questionnaire cannot tell you
#
# In five or six sentences: what are the limits of diagnosing an organisation with a self-report questionnaire like
# this one? And what does the privacy rule of task 4 cost, and protect? `q6.check()` shows the rubric.
#
# *Your answer (double-click to edit):*

# %% [paper]
# In five or six sentences: what are the limits of diagnosing an organisation with a self-report questionnaire
# like this one? And what does the report's privacy rule (a group under five is never shown) cost, and
# protect?

# %%
q6.check()
# q6.solution()
