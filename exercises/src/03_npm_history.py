# %% [markdown]
# # Exercises for chapter 3: New Public Management and NHS reform history
#
# **Time:** about 45 minutes · **Goes with:** [3. NHS reform from the 1946 Act to 2025 through the four
# modes](../notebooks/03_npm_history.ipynb)
#
# Six tasks, from recall to evaluation. Replace each `____` with your answer, run the cell and read the feedback.
# `q1.hint()` nudges; `q1.solution()` shows a worked answer. The reforms' codings and the reform-pressure rule are
# the kit's judgements, not measurements: the checks compute their answers from the same data and rule you are
# using, and the last two tasks ask how far to trust them.
#
# Each task says what form its answer takes. A number, a year or a set may also be typed as text (`"3, 4"` or
# `"2013"`); a mistake in an answer cell gets a sentence saying what to change, not a red error.

# %%
from coordkit import data, history
from coordkit.exercises.ch03 import ____, q1, q2, q3, q4, q5, q6

reforms = history.load_reforms()

# %% [markdown]
# ## Worked example: the three pandas steps the tasks use
#
# The tasks need three steps on a table: **pick rows** that meet a condition, **add up by group**, and **find the
# largest**. Here they are on questions the tasks do not ask (the answers are printed, so you can see each step work):

# %%
# 1. pick rows: the reforms coded as pushing solidarity down, and their ids
print(list(reforms.loc[reforms["push_solidarity"] < 0, "id"]))
# 2. add up by group: the net push on hierarchy in each era
print(reforms.groupby("era")["push_hierarchy"].sum())
# 3. find the largest: the year solidarity pressure peaks, 1946-1982, with no fading
pressure = history.to_wide(history.reform_pressure(reforms))
print(pressure.loc[1946:1982, "solidarity"].idxmax())

# %% [markdown]
# ## Task 1 (recall): Hood's individualist doctrines
#
# Christopher Hood (1991) summed up New Public Management as seven doctrines; the kit keeps them in
# `data.load("hood_npm_doctrines")`, each mapped to a mode. Which doctrines does the kit map to **individualism**
# as their main mode? Give a set of doctrine numbers.

# %% [paper]
# Christopher Hood (1991) summed up New Public Management as seven doctrines; the kit maps each to a mode
# (chapter 3's table of the doctrines). Which doctrines does the kit map to **individualism** as their main
# mode? Give their numbers.

# %%
### BEGIN SOLUTION
doctrines = data.load("hood_npm_doctrines")
individualist_doctrines = set(doctrines.loc[doctrines["mode"] == "individualism", "number"])
### END SOLUTION
q1.check()
# q1.hint()
# q1.solution()

# %% [markdown]
# ## Task 2 (apply): when did hierarchy pressure peak?
#
# Read the cumulative reform pressure with a half-life of **10 years**, as the chapter does. In which year of the NPM
# period, **1983 to 2013** (Griffiths to the end of the competition era), was the pressure on **hierarchy**
# highest? Give the year.

# %% [paper]
# Read the cumulative reform pressure on **hierarchy** with a half-life of **10 years** from chapter 3's
# figure of the reform pressure (the notebook or its handout). In which year of the NPM period, **1983 to
# 2013** (Griffiths to the end of the competition era), was it highest? Give the year (on paper, to within a
# few years) and name the reforms that put it there.

# %%
### BEGIN SOLUTION
pressure = history.to_wide(history.reform_pressure(reforms, half_life=10))
peak_year = int(pressure.loc[1983:2013, "hierarchy"].idxmax())
### END SOLUTION
q2.check()
# q2.hint()
# q2.solution()

# %% [markdown]
# ## Task 3 (analysis): which era pushed individualism hardest?
#
# Add up the kit's signed pushes on **individualism** (`push_individualism`, −2 to +2) over the reforms of each era
# (`reforms["era"]`). Which era's reforms give the largest net push? Give its label (one of `history.ERA_LABELS`).
# Before you check: would you expect the internal market or New Labour's choice and competition reforms?

# %% [paper]
# Add up the kit's signed pushes on **individualism** (−2 to +2) over the reforms of each era, from chapter
# 3's table of the reforms. Which era's reforms give the largest net push? Before you add: would you expect
# the internal market or New Labour's choice and competition reforms?

# %%
### BEGIN SOLUTION
hardest_era = reforms.groupby("era")["push_individualism"].sum().idxmax()
### END SOLUTION
q3.check()
# q3.hint()
# q3.solution()

# %% [markdown]
# ## Task 4 (analysis): recode the 2012 Act
#
# The kit codes the Health and Social Care Act 2012 (`"health_social_care_act_2012"`) as pushing individualism
# up hard (+2). Suppose you think its competition rules changed little in practice and code its push on
# individualism **0** instead. What is the **individualism strength** of the 2025 profile under your coding?
# Read the profile with `history.pressure_profile` (half-life 10) on the kit's scale, `scale` below, as the
# recoder in the chapter does. Give one number between 0 and 1.

# %% [paper]
# **Needs the notebook** (it recomputes the 2025 profile from every reform). **On paper:** the kit codes the
# Health and Social Care Act 2012 as pushing individualism up hard (+2). Suppose you think its competition
# rules changed little in practice and code its push on individualism **0** instead. Would the individualism
# strength of the 2025 profile rise or fall, by a lot or a little (a push fades by half every 10 years)? Could
# the 2025 configuration change? Say why.

# %%
kit = history.reform_pressure(reforms, half_life=10)
scale = kit["pressure"].abs().max()
### BEGIN SOLUTION
mine = history.recode(reforms, "health_social_care_act_2012", individualism=0)
recoded_strength = history.pressure_profile(history.reform_pressure(mine, half_life=10), 2025,
                                            scale=scale).individualism
### END SOLUTION
q4.check()
# q4.hint()
# q4.solution()

# %% [markdown]
# ## Task 5 (design): tip the diagnosis of 2025
#
# Under the kit's coding, the 2025 profile (half-life 10, the kit's scale) reads as **balanced**, but only
# just: one mode sits close to the 0.5 threshold. Change the coding of **one reform by one step** (+1 or −1 on
# one mode) so that 2025 reads as a different configuration. Give the recoded reforms, made with
# `history.recode(reforms, ...)`. Then think about what it means that this is possible.

# %% [paper]
# **Needs the notebook** (it recomputes the 2025 profile). **On paper:** under the kit's coding the 2025
# profile reads as **balanced**, but only just: one mode sits close to the 0.5 threshold. Which mode would you
# expect it to be, and which change of **one reform by one step** (+1 or −1 on one mode) would most likely tip
# the diagnosis? Then: what does it mean that this is possible?

# %%
### BEGIN SOLUTION
recoded = history.recode(reforms, "medium_term_planning_framework_2025", individualism=-1)
### END SOLUTION
q5.check()
# q5.hint()
# q5.solution()

# %% [markdown]
# ## Task 6 (evaluate, open): why did NPM fail?
#
# In five or six sentences: give the two reasons Taylor (2022) offers for the failure of New Public
# Management, in your own words; back each with evidence from the kit (named reforms, a count, a reading of the
# pressure); and say what the data cannot show. `q6.check()` shows the rubric.
#
# *Your answer (double-click to edit):*

# %% [paper]
# In five or six sentences: give the two reasons Taylor (2022) offers for the failure of New Public
# Management, in your own words; back each with evidence from the kit (named reforms, a count, a reading of
# the pressure); and say what the data cannot show.

# %%
q6.check()
# q6.solution()
