"""The judge reads an answer as its reader sees it: invisible characters and look-alike
letters cannot hide a word from it."""

import pytest

from interviewer.content.loader import load_content
from interviewer.judge.offline import OfflineJudge
from interviewer.judge.seen import as_seen
from tests.answer_sets import bank_request

ANSWER = (
    "Early stopping does {} halt training when validation performance stops improving. "
    "Dropout randomly switches off units during training so the network cannot rely on "
    "any single one."
)
HIDDEN_NOTS = {
    "zero-width space": "n\u200bot",
    "soft hyphen": "n\u00adot",
    "word joiner": "no\u2060t",
    "Cyrillic o": "n\u043et",
    "Greek omicron": "n\u03bft",
    "full-width letters": "\uff4e\uff4f\uff54",
}


def test_invisible_characters_go_and_look_alike_letters_read_as_latin():
    assert as_seen("dropout is n\u200bot on at in\u00adference\ufeff") == (
        "dropout is not on at inference"
    )
    assert as_seen("\u0440\u0430ssive \u0430nd \u0410ctive") == "passive and Active"
    assert as_seen("\uff2c\uff12 adds squared weights") == "L2 adds squared weights"


def test_a_greek_symbol_reads_as_its_name_and_plain_text_is_left_alone():
    # Greek symbols in formulas are not Latin letters in disguise: they read by the names
    # the key points spell them with, apart from the letters they touch.
    assert as_seen("the step is \u03b7 \u00b7 \u2207L and \u03c3\u00b2 is the variance") == (
        "the step is eta \u00b7 \u2207L and sigma \u00b2 is the variance"
    )
    assert as_seen("|1 - \u03b7\u03bb| < 1, so 0 < \u03b7 < 2/\u03bb_max") == (
        "|1 - eta lambda| < 1, so 0 < eta < 2/lambda_max"
    )
    text = "Precision is TP / (TP + FP)."
    assert as_seen(text) is text
    assert as_seen("na\u00efve Bayes, caf\u00e9") == "na\u00efve Bayes, caf\u00e9"


@pytest.fixture(scope="module")
def scored():
    content = load_content()
    question = content.questions["breadth.regularization.overview"]
    judge = OfflineJudge()

    def score(answer: str) -> tuple[float, list[str]]:
        request = bank_request(content, question, answer)
        result = judge.score_now(request)
        return result.percent(request.rubric), sorted(result.covered_key_points)

    return score


@pytest.mark.parametrize("how", sorted(HIDDEN_NOTS))
def test_a_hidden_not_denies_as_a_plain_one_does(scored, how):
    affirmed = scored(ANSWER.format("").replace("  ", " "))
    denied = scored(ANSWER.format("not"))
    assert "early_stopping" in affirmed[1] and "early_stopping" not in denied[1]
    assert scored(ANSWER.format(HIDDEN_NOTS[how])) == denied


def test_character_references_read_as_the_characters_a_page_draws():
    # A web form stores "<", ">" and "&" so; its grader saw them drawn.
    assert as_seen("inorder(ptr-&gt;left); cout &lt;&lt; ptr-&gt;data;") == (
        "inorder(ptr->left); cout << ptr->data;"
    )
    assert as_seen("T(n) = 0 if n &lt; 2 &amp;&amp; n &#62;= 0, P &#x3C; R") == (
        "T(n) = 0 if n < 2 && n >= 0, P < R"
    )
    # Read once, as a page is drawn once: a doubly stored "&amp;gt;" shows "&gt;".
    assert as_seen("a &amp;gt; b") == "a &gt; b"
    # A no-break space drawn from its name is read as a space is.
    assert as_seen("drop&nbsp;out").split() == ["drop", "out"]


def test_an_ampersand_typed_as_itself_is_left_as_typed():
    # No ";" closes it, or HTML names no such character: "&not" without its ";" is the
    # start of a word here, not the sign the browser would once have drawn.
    for text in ("R&D and Q&A", "trial & error", "&notation", "a &not b", "x &foo; y", "&;"):
        assert as_seen(text) is text


def test_an_escaped_answer_reads_as_the_answer_typed(scored):
    plain = ANSWER.format("not")
    escaped = (
        plain.replace("when", "&quot;when&quot;")
        + " Training -&gt; dropout on; inference -&gt; off."
    )
    typed = plain.replace("when", '"when"') + " Training -> dropout on; inference -> off."
    assert scored(escaped) == scored(typed)
