# %% [markdown]
# # Exercises for chapter 6: fractal systems
#
# **Time:** about 40 minutes · **Goes with:** [6. Fractal systems](../notebooks/06_fractal_systems.ipynb)
#
# Six tasks, from recall to design, on the fractal agent-based teaching model. Replace each `____` with your answer,
# run the cell and read the feedback. `q1.hint()` nudges; `q1.solution()` shows a worked answer. The structures here
# are small (a few dozen staff), so every run takes a fraction of a second; every run uses `steps=STEPS` (120) and
# `seed=SEED` (0), as the checks do.

# %%
from coordkit.exercises.ch06 import (
    DESIGN,
    EVENNESS_TARGET,
    SEED,
    STEPS,
    STRUCTURE,
    SWEEP_SEEDS,
    SWEEP_STRUCTURE,
    SWEEP_VALUES,
    ____,
    q1,
    q2,
    q3,
    q4,
    q5,
    q6,
)
from coordkit.models import agents

# %% [markdown]
# ## Task 1 (recall): what does each lever push?
#
# Four of the model's levers push staff towards one mode each. Give a dict mapping `"central_targets"`,
# `"devolution"`, `"incentives"` and `"overload"` to the mode each pushes towards.

# %% [paper]
# Four of the model's levers push staff towards one mode each: central targets, devolution, incentives and
# overload. Name the mode each pushes towards.

# %%
### BEGIN SOLUTION
pushes = {"central_targets": "hierarchy", "devolution": "solidarity", "incentives": "individualism",
          "overload": "fatalism"}
### END SOLUTION
q1.check()
# q1.hint()
# q1.solution()

# %% [markdown]
# ## Task 2 (apply): a balanced team in a monoculture system
#
# Run the preset `agents.balanced_team_in_monoculture(STRUCTURE)` on `STRUCTURE` (one ICS, two providers, four teams
# each). How many teams end *evenly mixed* (the kit's name for an even mix of
# the three active modes), and what is the nation's configuration? Give a pair
# `(number of evenly mixed teams, nation's configuration name)`.

# %% [paper]
# Chapter 6's preset *a balanced team in a monoculture system* runs one ICS, two providers and four teams in
# each. From the chapter (the notebook or its handout): how many teams end *evenly mixed* (the kit's name for
# an even mix of the three active modes), and what is the nation's configuration?

# %%
print(STRUCTURE)
### BEGIN SOLUTION
run = agents.simulate(STRUCTURE, agents.balanced_team_in_monoculture(STRUCTURE), steps=STEPS, seed=SEED)
names = agents.configurations_by_level(run)
island = (names["team"].count("evenly mixed"), names["nation"][0])
### END SOLUTION
q2.check()
# q2.hint()
# q2.solution()

# %% [markdown]
# ## Task 3 (analysis): what pulls monoculture teams back towards balance?
#
# Start from the patchwork preset, `agents.balanced_nation_of_monocultures(SWEEP_STRUCTURE)`, and sweep the
# **reverse effect** over `SWEEP_VALUES` with the random seeds `SWEEP_SEEDS` (use `agents.sweep`, as the chapter's
# section 3 does). Average the end-of-run team evenness over the seeds. What is the **smallest** reverse effect at
# which it reaches `EVENNESS_TARGET`? Give a number, one of `SWEEP_VALUES`. What happens to the nation's evenness
# meanwhile?

# %% [paper]
# **Needs the notebook** (it sweeps the model over several random seeds). **On paper:** start from chapter 6's
# patchwork preset, a balanced nation of monoculture teams. Predict what raising the **reverse effect** does
# to the teams' evenness, and to the nation's, and why.

# %%
print(SWEEP_VALUES, SWEEP_SEEDS, EVENNESS_TARGET)
### BEGIN SOLUTION
levers = agents.balanced_nation_of_monocultures(SWEEP_STRUCTURE)
balance, fatalism = agents.sweep(SWEEP_STRUCTURE, levers, "reverse_effect", SWEEP_VALUES, SWEEP_SEEDS,
                                 steps=STEPS)
team = balance[:, :, 0].mean(axis=1)
lowest_reverse_effect = next(v for v, e in zip(SWEEP_VALUES, team, strict=True) if e >= EVENNESS_TARGET)
### END SOLUTION
q3.check()
# q3.hint()
# q3.solution()

# %% [markdown]
# ## Task 4 (design): a balanced nation of monoculture teams
#
# On `DESIGN` (one ICS, three providers of four teams), build levers — an `agents.AgentLevers(...)` of your own,
# not the kit's preset — under which **the nation ends evenly mixed but every team is a monoculture**. Give an
# `agents.AgentLevers(...)` (the chapter's section 1 shows the preset's levers, `leanings` included).

# %% [paper]
# **Needs the notebook** (it runs the model on your levers). **On paper:** on one ICS of three providers of
# four teams, describe levers under which **the nation ends evenly mixed but every team is a monoculture**:
# what must differ between the teams, and what must balance out across them?

# %%
print(DESIGN, "teams:", DESIGN.count("team"))
### BEGIN SOLUTION
modes = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]
patchwork = agents.AgentLevers(central_targets=0, devolution=0, incentives=0, autonomy=1,
                               leanings=[modes[team % 3] for team in range(DESIGN.count("team"))])
### END SOLUTION
q4.check()
# q4.hint()
# q4.solution()

# %% [markdown]
# ## Task 5 (design): monocultures two levels deep
#
# Now go further: on the same `DESIGN`, make **every provider** a monoculture too (as well as every team), while the
# nation stays balanced. Give an `agents.AgentLevers(...)`. What does this say about reading a national figure?

# %% [paper]
# **Needs the notebook** (it runs the model on your levers). **On paper:** now make **every provider** a
# monoculture too (as well as every team), while the nation stays balanced: how would you arrange the teams?
# What does this say about reading a national figure?

# %%
### BEGIN SOLUTION
modes = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]
monoculture_providers = agents.AgentLevers(
    central_targets=0, devolution=0, incentives=0, autonomy=1,
    leanings=[modes[team // DESIGN.teams % 3] for team in range(DESIGN.count("team"))])
### END SOLUTION
q5.check()
# q5.hint()
# q5.solution()

# %% [markdown]
# ## Task 6 (evaluate, open): advice to an ICS leader
#
# An ICS leader reads Taylor's (2022) claim that coordination theory is *fractal* (the same ideas apply at every
# level) and concludes that, since the ICS's culture survey looks balanced, its providers and teams are balanced
# too. Using your results from tasks 2 to 5,
# advise them in four or five sentences: what would you measure, at which levels, and why? What can the model not
# tell them? `q6.check()` shows the rubric.
#
# *Your answer (double-click to edit):*

# %% [paper]
# An ICS leader reads Taylor's (2022) claim that coordination theory is *fractal* (the same ideas apply at
# every level) and concludes that, since the ICS's culture survey looks balanced, its providers and teams are
# balanced too. Using chapter 6 and your answers to tasks 2 to 5, advise them in four or five sentences: what
# would you measure, at which levels, and why? What can the model not tell them?

# %%
q6.check()
# q6.solution()
