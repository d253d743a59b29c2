"""Chapter 8 exercises: task 5's answer does not hang on the threshold, and its feedback is true
(theoristB findings 3 and 8)."""

from __future__ import annotations

from coordkit import audit
from coordkit.exercises import ch08

ACT = list(audit.package(ch08.AMENDED_PACKAGE).instruments)


def test_the_model_answer_is_robust_to_the_threshold():
    assert ch08.q5.evaluate(ch08._MODEL_ANSWER).status == "correct"
    top = max(audit.weights(ch08._MODEL_ANSWER).values())
    assert top <= ch08.ROBUST_SHARE < audit.DEFAULT_OVERUSE_SHARE
    # the verdict is the same at every threshold above the heaviest share, not only at 0.6
    for share in (0.45, 0.5, 0.6, 0.7, 0.9):
        result = audit.audit(ch08._MODEL_ANSWER, overuse_share=share)
        assert result.verdict.startswith("active voices joined"), share


def test_an_answer_on_the_threshold_is_told_that_weight_decided():
    bench = [*ACT, audit.Instrument("bench", "Benchmarking club", "mutuality x competition")]
    assert audit.weights(bench)["mutuality"] == audit.DEFAULT_OVERUSE_SHARE  # exactly the tie
    assert audit.audit(bench).verdict.startswith("active voices joined")
    feedback = ch08.q5.evaluate(bench)
    assert feedback.status == "wrong"
    assert "weight, not engagement, decided it" in feedback.message
    assert "exactly the kit's 60% threshold" in feedback.message
    # what the feedback says happens just under the threshold really happens
    just_under = audit.audit(bench, overuse_share=0.59).verdict
    assert just_under.startswith("dominated by solidarity")
    assert f"'{just_under.partition(';')[0]}'" in feedback.message
    assert "engagement, not weight" not in feedback.message


def test_the_correct_feedback_credits_engagement_and_weight_each_with_its_part():
    message = ch08.q5.evaluate(ch08._MODEL_ANSWER).message
    assert "Engagement brought individualism in" in message
    assert "Weight decided that solidarity no longer dominates" in message
    assert "mutuality, now carries 42%" in message
    assert "the rule counts engagement, not weight" not in message
    # issue 13, finding 1: fatalism withholds clumsy; the hermit is a further criterion, reported beside it
    assert "not called clumsy while fatalism is excluded" in message
    assert "fatalism and the hermit are excluded" not in message
    assert "The hermit, excluded too, is Ney & Verweij's further criterion" in message


def test_a_voice_joined_only_to_contrived_randomness_is_not_accepted_as_engaged():
    lots = [*ACT, audit.Instrument("lot", "Lottery among bidders", "competition x contrived randomness")]
    feedback = ch08.q5.evaluate(lots)
    assert feedback.status == "wrong"
    assert "individualism is now heard but unresponsive" in feedback.message
    assert "joined only to contrived randomness" in feedback.message


def test_the_solution_text_quotes_computed_shares():
    text = ch08.q5.solution_text
    assert f"falls from {audit.weights(ACT)['mutuality']:.1%}" in text
    assert f"{audit.weights(ch08._MODEL_ANSWER)['mutuality']:.1%}" in text


def test_task_1_says_the_fatalist_cell_type_is_not_fatalism_s_voice():
    right = {"hierarchy": "oversight", "solidarity": "mutuality", "individualism": "competition",
             "fatalism": "contrived randomness"}
    feedback = ch08.q1.evaluate(right)
    assert feedback.status == "correct"
    assert "prefers" not in feedback.message
    assert "the audit does not hear fatalism through it" in feedback.message
