"""The offline judge's agreement with human grades, in-sample and cross-validated across
question groups (a benchmark, not a test).

    .venv/bin/python benchmarks/cv_offline_judge.py ../shared/data/mohler-dev.jsonl [--folds K]
    .venv/bin/python benchmarks/cv_offline_judge.py ../shared/data/mohler-dev.jsonl --by-prefix
    .venv/bin/python benchmarks/cv_offline_judge.py tests/data/interview_answers.jsonl \\
        --grid off_topic --metric spearman
    .venv/bin/python benchmarks/cv_offline_judge.py tests/data/interview_answers.jsonl \\
        tests/data/plain_answers.jsonl --grid stages --metric spearman --folds 5

The judge has constants that were set by looking at data. Each `--grid` names some of
them and the alternatives tried:
- `quality` (default): how the quality figure weighs its parts (offline.QUALITY_WEIGHTS),
  the quality bars of the levels (levels.QUALITY_LEVELS), and how much a key-point word
  named only through its concept counts (matching.CONCEPT_MATCH);
- `off_topic`: the on-topic share under which an answer that covers no key point gets the
  floor (offline.OFF_TOPIC_SHARE, 0 = no such floor), with CONCEPT_MATCH;
- `off_topic_coverage`: the same share, with the weighted coverage under which the floor
  applies (offline.OFF_TOPIC_COVERAGE, 1 = any);
- `off_topic_every_point`: the weighted coverage from which an answer that states part of
  every key point escapes that floor (offline.EVERY_POINT_COVERAGE, 1 = never);
- `concept_topic`: how much a word naming a key-point term's concept counts toward the
  on-topic share (offline.CONCEPT_TOPIC_WEIGHT);
- `stages`: how far a design stage's key point must be stated for the stage to count as
  walked (levels.STAGE_WALKED_AT);
- `explains`: what the depth and examples criteria read beyond the plain markers
  (consequences, key points stated that explain or illustrate, concrete figures), and
  whether a story's quality and an answer's communication read focus by sentences
  (levels.READS_CONSEQUENCES, POINTS_THAT_EXPLAIN, CONCRETE_FIGURES,
  offline.STORY_SENTENCE_SHARE, levels.FOCUS_BY_SENTENCES; each on or off);
- `story_quality`: how a story's quality figure weighs its parts
  (offline.STORY_QUALITY_WEIGHTS, as QUALITY_WEIGHTS);
- `tradeoffs`: whether the trade-offs criterion reads alternatives weighed by what they
  would have done, and gives a reason without an alternative level 2
  (levels.COUNTERFACTUALS, levels.REASONS_ARE_LEVEL_2);
- `ceiling`: what bounds the levels of how an answer explains (levels.EXPLAINED_CEILING),
  and whether a story at quality level 1 has its telling counted (STORY_FLOOR_BY_QUALITY);
- `heavy_point`: how much of a heaviest key point an answer must state for it not to count
  as missed by the cap on correctness and the "heavy" ceiling (levels.HEAVY_POINT_STATED_AT);
- `heavy_own`: how much of a heaviest key point its own words (those neither the question
  nor another key point uses) must state for it not to count as missed
  (levels.HEAVY_OWN_WORDS_AT, 0 = any of its words) and whether its words said where no
  other key point is stated count as its own (offline.HEAVY_OWN_PLACES), whether
  correctness held below the top by a missed heaviest point shows progress toward it
  (levels.NO_PROGRESS_PAST_A_MISSED_POINT), and whether terminology is held there too
  (levels.TERMS_OF_A_MISSED_POINT).
- `stating_bar`: how much of a key point a unit must state for its everyday words to
  count as the point's technical terms (matching.STATING_BAR; 0.5 is the covering bar).
- `spread`: how far an answer must state every key point to have the points' technical
  terms credited as far as it states each (spread.SPREAD_AT, 1.01 = never), and the
  length per key-point word an answer in everyday words has (SPREAD_LENGTH).
- `spread_share`: the same bar with the weighted share of the key points that must be
  stated that far (spread.SPREAD_SHARE, 1 = every point).
- `spread_lend`: how far such an answer's points have their technical terms credited,
  relative to how far each is stated against the covering bar (spread.SPREAD_LEND).
- `spread_covers`: how far a key point that reading lends to counts toward the point's
  coverage, relative to the covering bar (spread.SPREAD_COVERS; 0: only its terms).
- `story_lend`: how far a story's covered key points have their technical terms credited
  (spread.STORY_LEND, 0 = off), and the share of the terms as written under which it is
  told in everyday words (spread.STORY_TECHNICAL).
- `story_share`: the same lend, and the share of the question's weight the story must
  cover for it (spread.STORY_SHARE).
- `spread_explain`: whether the key points so credited count as stated for the depth and
  examples criteria, as covered points do (levels.SPREAD_POINTS_EXPLAIN).
- `uncovered`: how much of its fluency (on-topic share, length) counts toward the quality
  of an answer that states no key point (offline.UNCOVERED_FLUENCY).
- `nothing_stated`: the weighted coverage by the key points' words the question does
  not say under which an answer that covers no key point is held at level 1 on every
  criterion (levels.NOTHING_STATED_BELOW, 0 = never).
- `verdicts`: how a verdict on what was just said ("..., but that's a myth", "I think they
  are wrong about it") is told from a claim that contains its phrase - the content words
  besides the phrase it may have (reports.VERDICT_EXTRA_WORDS) or how near the start a
  phrase after "that" or "I" must stand (VERDICT_OPENS_WITHIN).
- `report_within`: how near a clause's start a report verb opens a report ("some people
  will tell you X", reports.REPORT_WITHIN).
- `named_only`: whether a cue phrase said in a clause that only names its point's topic,
  with a vague word and nothing specific besides, still covers the point
  (matching.NAMED_ONLY).
- `general_cues`: whether a cue phrase said in a clause that judges or recommends ("be
  careful about overfitting", "widely used, for example PPO") and says no other word of
  the point still covers it (matching.GENERAL_CUES).
- `general_story`: how many words a behavioral or deep-dive answer that states no
  quantity (no figure, number word, month or cadence) may have to be held under a general
  answer's credit (general_story.STORY_WORDS, 0 = never).
- `elsewhere`: how much of another bank question's weighted terms (any family or round)
  an answer must say, and how many times what it says of the asked question's, to be read
  as answering that one (neighbours.ELSEWHERE_SAID_AT, 0 = never; ELSEWHERE_OVER_OWN).
- `mostly_denied`: the share of an answer's main clauses that must deny what they say for
  its denied units to cover nothing (offline.MOSTLY_DENIED_SHARE, 0 = never).
- `both_ways`: how many words a both-ways phrase ("depending on who you ask") needs to
  hedge a clause it closes without opening it (reports.BOTH_WAYS_ALONE, 99 = only alone).
- `choices`: whether a deep dive's choices and alternatives are read in every sentence of
  an answer that states a key point, or only in those naming the question's terms
  (levels.CHOICES_IN_THE_STORY), and whether a story that states the candidate's part or
  decision in the first person is at ownership level 3 or more (levels.OWNING_STATED).
- `nothing_to_read`: how a criterion with nothing of its own to read in a question is read:
  applied judgement for a question none of whose key points weighs options
  (levels.CHOICELESS_READS), evaluation for one with no key point at its stage
  (levels.STAGELESS_READS): by the markers as before or at the correctness level, and from
  which correctness level (levels.KEY_POINTS_FROM_LEVEL); and whether a covered key point
  that weighs options counts as one weighed (levels.POINTS_THAT_WEIGH); the same for the
  choices a deep dive's story weighs (levels.CHOICELESS_STORIES_READ).
- `examples_nothing_to_read`: the same for the examples criterion of breadth and python
  questions none of whose key points weighs options (levels.EXAMPLELESS_READS).
- `general`: how far toward level 2 a general answer (short, on topic, nothing wrong, taken
  back or sweeping: general.py) is read on every criterion (general.GENERAL_CREDIT, 0 =
  off), and the on-topic share it needs (GENERAL_SHARE); `general_words`: how many
  words it may have (GENERAL_WORDS, 999 = any) and how many reasons it may give
  (GENERAL_REASONS, 99 = any).
- `modelling`: whether system design's modelling criterion reads what the answer states of
  the model stages as well as the options weighed (levels.WEIGHS_STATED_STAGES), how many
  options weighed take a stated model stage to the top level (levels.OPTIONS_FOR_TOP), and
  the stage bar (levels.STAGE_WALKED_AT).
- `differs`: how much of a misconception's claim a sentence must say, by how much more
  than of the claim's key point, and how much of the words that set the claim apart from
  the truth one of its clauses must affirm, for the claim to be read as stated in other
  words (claims.DIFFERS_SHARE, 1.01 = not read; DIFFERS_MARGIN; DIFFERS_AT).
- `differs_yield`: that reading on or off, and how far the claim's key point must be stated
  elsewhere in the answer for a claim read so to yield to it (offline.DIFFERENCE_YIELDS_AT,
  1.01 = never).
- `differs_elsewhere`: whether a claim read in other words yields only to its key point
  stated by the rest of the answer, not by the sentence that states the claim
  (offline.YIELDS_ELSEWHERE_ONLY), and whether that reading counts a word of the claim
  said through its concept (claims.DIFFERS_BY_CONCEPT).
- `story`: whether a story's key point that lists examples asks for one of them
  (matching.EXAMPLES_AS_ONE), whether a story that leaves out a heaviest key point is top
  on no count of how it is told (levels.STORY_ABSENT_BOUNDS), and how the reflection criterion
  reads a story: by its lesson, by its explanations, or the higher
  (levels.REFLECTION_READS).
- `story_absent`: what holds a story (behavioral or deep dive) that leaves out one of the
  question's heaviest key points: its competency criterion at level 2, or how it is told
  below the top, or neither (levels.STORY_ABSENT_BOUNDS), and how little of the point it
  must state to have left it out (levels.STORY_ABSENT_BELOW).
- `story_absent_read`: from what quality level of a story that reading is made
  (levels.STORY_ABSENT_READ_AT, 1 = every story), with STORY_ABSENT_BELOW.
- `asks`: how much of a key point that asks for a kind of content (figures before and
  after, a cost accepted, how it was found) a sentence with that content states
  (asks.ASKED_SHARE, 0 = kinds are not read).
- `heads`: how many words besides its alternatives a clause's head must say, all of them
  a key point's head's, to be read against a head with few words of its own
  (claims.HEAD_TERMS, 99 = such heads are read by their overlap only).
- `plain_stages`: how much of a design stage's key point a sentence that names the stage
  in the rubric's plain words (`stage_words`) must state for the stage to be walked
  (levels.PLAIN_STAGE_AT, 1 = only the key point's own words, levels.STAGE_WALKED_AT).
- `heavy_walked`: whether a heaviest design point whose stage the answer walks is, for
  the explaining criteria, not left out (levels.WALKED_IS_NOT_MISSED), with PLAIN_STAGE_AT.
- `neighbour`: how much of a neighbouring question's own terms an answer must say, and how
  many times what it says of the asked question's own, to be read as answering the
  neighbour and floored (neighbours.NEIGHBOUR_SAID_AT, 0 = never; NEIGHBOUR_OVER_OWN).
- `asks_topic`: how many of the question's distinct terms an answer that states no point
  of fact must name for its kinds of content to be read (asks.TOPIC_TERMS, 0 = only an
  answer that states a point of fact).
- `asks_story`: how many of a question's points heavier than the lightest a story that
  states no point of fact must supply every specific kind of (undenied) to be read as
  answering it, so that its kinds count (asks.KINDS_SHOW_THE_QUESTION, 0 = never).
- `withdrawals`: how many words of its own a closing "so" clause may say and still take its
  sentence's claim back after a concession (self_denials.WITHDRAWAL_OWN_WORDS, -1 = never);
- `open_verdicts`: how many content words besides its two-way word a verdict on a
  sentence's alternatives may say ("I could go either way on that") before it is read as
  a claim of its own ("for a large network use both"; open_choices.VERDICT_WORDS, 0: the
  two-way word and its function words only).
- `owner`: whether a clause that states another key point better lends that point's words
  and cue phrases to none of the others (matching.CLAUSE_OWNER), for the heaviest points
  only or for every point (matching.OWNER_HEAVIEST_ONLY).
`--keep-right POINTS` chooses (in-sample and per fold) only among the settings under which
no answer graded 50 or more scores more than POINTS below its score under the setting
kindest to those answers: a constant that reads right answers as wrong is not bought back
by many wrong answers scored lower. Several dataset files are pooled (their question
groups must differ). `--metric` is
Pearson, Spearman, `mae` (minus the mean distance between the judge's percent and the
grade: agreement on the level, not only on the order), or `balanced_mae` (the same over
the answers graded 50 or more and those below, each half weighing the same: pooled sets
hold far more wrong answers than right ones).
The figure with the shipped constants on the file they were set on is in-sample. Here
every answer is scored under every setting of the grid; then, for each fold of question
groups, the setting that does best on the other groups is chosen and scores the fold's
answers. The pooled agreement of those held-out scores is the cross-validated figure:
what to expect from a judge whose constants were chosen on other questions. It is still
the same writers and the same kind of question: held-out sets of other questions and
other writers are the real test.
"""

import argparse
import io
import itertools
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from interviewer.commands.calibrate import Requests, read_dataset
from interviewer.judge import (
    asks,
    claims,
    clauses,
    formulas,
    general,
    general_story,
    levels,
    matching,
    neighbours,
    offline,
    open_choices,
    reports,
    self_denials,
    spread,
)
from interviewer.judge.calibration import pearson, spearman

# (module, constant name) -> the values tried; the first is what ships.
GRIDS: dict[str, dict[tuple[object, str], tuple[object, ...]]] = {
    "quality": {
        (offline, "QUALITY_WEIGHTS"): (
            (0.2, 0.55, 0.1, 0.15),
            (0.35, 0.4, 0.1, 0.15),
            (0.5, 0.25, 0.1, 0.15),
        ),
        (levels, "QUALITY_LEVELS"): ((0.45, 0.65, 0.85), (0.4, 0.6, 0.8), (0.5, 0.7, 0.9)),
        (matching, "CONCEPT_MATCH"): (1.0, 0.0, 0.7, 0.85),
    },
    "owner": {
        (matching, "CLAUSE_OWNER"): (True, False),
        (matching, "OWNER_HEAVIEST_ONLY"): (True, False),
    },
    "off_topic": {
        (offline, "OFF_TOPIC_SHARE"): (0.25, 0.0, 0.05, 0.1, 0.15, 0.2),
        (matching, "CONCEPT_MATCH"): (1.0, 0.0, 0.7, 0.85),
    },
    "off_topic_coverage": {
        (offline, "OFF_TOPIC_COVERAGE"): (0.15, 1.0, 0.1, 0.2, 0.3),
        (offline, "OFF_TOPIC_SHARE"): (0.25, 0.1, 0.15, 0.2),
    },
    "off_topic_every_point": {
        (offline, "EVERY_POINT_COVERAGE"): (0.1, 1.0, 0.05, 0.12),
    },
    "concept_topic": {
        (offline, "CONCEPT_TOPIC_WEIGHT"): (1.0, 0.0, 0.25, 0.5, 0.75),
    },
    "stages": {
        (levels, "STAGE_WALKED_AT"): (0.25, 0.5, 0.45, 0.4, 0.35, 0.3, 0.2),
    },
    "explains": {
        (levels, "READS_CONSEQUENCES"): (True, False),
        (levels, "POINTS_THAT_EXPLAIN"): (True, False),
        (levels, "CONCRETE_FIGURES"): (True, False),
        (offline, "STORY_SENTENCE_SHARE"): (True, False),
        (levels, "FOCUS_BY_SENTENCES"): (True, False),
    },
    "story_quality": {
        (offline, "STORY_QUALITY_WEIGHTS"): (
            (0.35, 0.4, 0.1, 0.15),
            (0.2, 0.55, 0.1, 0.15),
            (0.65, 0.1, 0.1, 0.15),
            (0.5, 0.25, 0.1, 0.15),
            (0.75, 0.0, 0.1, 0.15),
        ),
    },
    "tradeoffs": {
        (levels, "COUNTERFACTUALS"): (True, False),
        (levels, "REASONS_ARE_LEVEL_2"): (False, True),
    },
    "ceiling": {
        (levels, "EXPLAINED_CEILING"): ("heavy", "quality", "coverage"),
        (levels, "STORY_FLOOR_BY_QUALITY"): (True, False),
    },
    "heavy_point": {
        (levels, "HEAVY_POINT_STATED_AT"): (0.3, 0.5, 0.2, 0.25, 0.35, 0.4, 0.45),
    },
    "differs_yield": {
        (claims, "DIFFERS_SHARE"): (0.5, 1.01),
        (offline, "DIFFERENCE_YIELDS_AT"): (0.3, 0.1, 0.2, 0.4, 0.5, 1.01),
    },
    "differs_elsewhere": {
        (offline, "YIELDS_ELSEWHERE_ONLY"): (True, False),
        (claims, "DIFFERS_BY_CONCEPT"): (False, True),
    },
    "heavy_own": {
        (levels, "HEAVY_OWN_WORDS_AT"): (0.3, 0.0, 0.25, 0.35),
        (offline, "HEAVY_OWN_PLACES"): (True, False),
        (levels, "NO_PROGRESS_PAST_A_MISSED_POINT"): (True, False),
        (levels, "TERMS_OF_A_MISSED_POINT"): (True, False),
    },
    "stating_bar": {
        (matching, "STATING_BAR"): (0.35, 0.5, 0.4, 0.3),
    },
    "uncovered": {
        (offline, "UNCOVERED_FLUENCY"): (1.0, 0.75, 0.5, 0.25, 0.0),
    },
    "nothing_stated": {
        (levels, "NOTHING_STATED_BELOW"): (0.2, 0.0, 0.1, 0.15, 0.25, 0.3),
    },
    "neighbour": {
        (neighbours, "NEIGHBOUR_SAID_AT"): (0.25, 0.0, 0.2, 0.3),
        (neighbours, "NEIGHBOUR_OVER_OWN"): (2.0, 1.5, 3.0),
    },
    # How much of another bank question's weighted terms an answer must say, and how many
    # times what it says of the asked question's, to be read as answering that one instead
    # (neighbours.ELSEWHERE_SAID_AT, 0 = never; ELSEWHERE_OVER_OWN).
    "elsewhere": {
        (neighbours, "ELSEWHERE_SAID_AT"): (0.3, 0.0, 0.2, 0.25, 0.35),
        (neighbours, "ELSEWHERE_OVER_OWN"): (1.25, 1.5, 2.0),
    },
    "differs": {
        (claims, "DIFFERS_SHARE"): (0.5, 1.01, 0.4, 0.6),
        (claims, "DIFFERS_AT"): (0.5, 0.2, 0.35),
        (claims, "DIFFERS_MARGIN"): (0.2, 0.0, 0.1, 0.3),
    },
    "asks": {
        (asks, "ASKED_SHARE"): (0.75, 0.0, 0.3, 0.4, 0.5, 0.6),
    },
    "asks_topic": {
        (asks, "TOPIC_TERMS"): (7, 0, 3, 5, 9, 11, 13),
    },
    "asks_story": {
        (asks, "KINDS_SHOW_THE_QUESTION"): (2, 0, 1, 3),
    },
    "heads": {
        (claims, "HEAD_TERMS"): (2, 3, 99),
    },
    "plain_stages": {
        (levels, "PLAIN_STAGE_AT"): (0.05, 1.0, 0.02, 0.1, 0.15, 0.2),
    },
    "heavy_walked": {
        (levels, "WALKED_IS_NOT_MISSED"): (False, True),
        (levels, "PLAIN_STAGE_AT"): (0.05, 1.0),
    },
    "story": {
        (matching, "EXAMPLES_AS_ONE"): (True, False),
        (levels, "STORY_ABSENT_BOUNDS"): ("telling", "none"),
        (levels, "REFLECTION_READS"): ("either", "lesson", "depth"),
    },
    "formulas": {
        (formulas, "EQUATION_SYMBOLS"): (5, 3, 7, 99),
        (claims, "SYMBOL_LETTERS"): (2, 0, 1, 3),
    },
    "story_absent_read": {
        (levels, "STORY_ABSENT_READ_AT"): (3, 1, 2),
        (levels, "STORY_ABSENT_BELOW"): (0.05, 0.1),
    },
    "story_absent": {
        (levels, "STORY_ABSENT_BOUNDS"): ("telling", "competency", "both", "none"),
        (levels, "STORY_ABSENT_BELOW"): (0.05, 0.1, 0.2, 0.3),
    },
    # How a verdict on a report ("..., but that's a myth", "I think they are wrong about
    # it") is told from a claim that contains its phrase, and how far in a report verb
    # opens a report.
    "verdicts": {
        (reports, "VERDICT_EXTRA_WORDS"): (2, 0, 1, 3, 4),
        (reports, "VERDICT_OPENS_WITHIN"): (3, 1, 2, 4),
    },
    "report_within": {
        (reports, "REPORT_WITHIN"): (6, 4, 8, 12),
    },
    # The share of its clauses an answer must deny for its denied clauses to cover nothing
    # (0 = never).
    "mostly_denied": {
        (offline, "MOSTLY_DENIED_SHARE"): (0.6, 0.0, 0.5, 0.67, 0.75, 0.85),
    },
    # How many content words a verdict on a sentence's alternatives may say besides its
    # two-way word (open_choices.py).
    "open_verdicts": {
        (open_choices, "VERDICT_WORDS"): (3, 0, 1, 2, 4),
    },
    # How many words of its own a closing "so" may say and still drop the sentence's claim
    # ("..., though Y, so maybe that's not a real problem"; self_denials.py; -1 = never).
    "withdrawals": {
        (self_denials, "WITHDRAWAL_OWN_WORDS"): (1, -1, 0, 2, 3),
    },
    # How long a both-ways phrase must be to hedge a clause it does not open.
    "both_ways": {
        (reports, "BOTH_WAYS_ALONE"): (5, 3, 4, 6, 99),
    },
    # Where a deep dive's choices are read (its whole story, once it states a point, or only
    # the sentences that name the question's terms), and whether a story's stated part and
    # decisions ("I owned", "the call was mine") take ownership to level 3 (4 with how others
    # were convinced) whatever its share of "we".
    "choices": {
        (levels, "CHOICES_IN_THE_STORY"): (True, False),
        (levels, "OWNING_STATED"): (True, False),
    },
    # Whether a story that states a key point beyond its question's lightest has its
    # sentences that narrate what the candidate did read as on topic (offline.
    # NARRATION_ON_TOPIC), and how many it must narrate (NARRATED_AT_LEAST).
    "narration": {
        (offline, "NARRATION_ON_TOPIC"): (True, False),
        (offline, "NARRATED_AT_LEAST"): (2, 1, 3),
    },
    "nothing_to_read": {
        (levels, "CHOICELESS_READS"): ("key_points", "markers"),
        (levels, "STAGELESS_READS"): ("key_points", "markers"),
        (levels, "KEY_POINTS_FROM_LEVEL"): (4, 3),
        (levels, "EVERY_POINT_STATED"): (True, False),
        (levels, "POINTS_THAT_WEIGH"): (False, True),
        (levels, "CHOICELESS_STORIES_READ"): ("markers", "key_points"),
    },
    # How the examples criterion (breadth, python) reads a question none of whose key
    # points weighs options: by the markers, or at the correctness level once every point
    # is stated (levels.EXAMPLELESS_READS).
    "examples_nothing_to_read": {
        (levels, "EXAMPLELESS_READS"): ("key_points", "markers"),
    },
    # How far toward level 2 a general answer (on topic, nothing wrong, disowned or
    # sweeping: general.py) is read on every criterion (general.GENERAL_CREDIT, 0 = off),
    # and how much of it must be the question's or its key points' terms (GENERAL_SHARE).
    "general": {
        (general, "GENERAL_CREDIT"): (0.65, 0.0, 0.35, 0.5),
        (general, "GENERAL_SHARE"): (0.3, 0.2, 0.4),
    },
    "named_only": {
        (matching, "NAMED_ONLY"): (True, False),
    },
    "general_cues": {
        (matching, "GENERAL_CUES"): (True, False),
    },
    # How many words a story with no quantity in it may have to be read as a general
    # story, held under a general answer's credit (general_story.STORY_WORDS; 0 = off).
    "general_story": {
        (general_story, "STORY_WORDS"): (80, 0, 100, 120, 150, 200),
    },
    "general_words": {
        (general, "GENERAL_WORDS"): (80, 60, 999),
        (general, "GENERAL_REASONS"): (1, 0, 99),
    },
    # How far every key point must be stated for an answer in everyday words to have its
    # points' technical terms credited as far as it states each (spread.py).
    "spread": {
        (spread, "SPREAD_AT"): (0.3, 1.01, 0.25),
        (spread, "SPREAD_LENGTH"): (1.0, 0.0),
    },
    # ... and the weighted share of the key points that must be stated that far (everyday10:
    # a writer who leaves one light point under the bar).
    "spread_share": {
        (spread, "SPREAD_AT"): (0.25, 1.01, 0.2, 0.3),
        (spread, "SPREAD_SHARE"): (0.75, 1.0, 0.6),
    },
    # ... and how far the technical terms of a point so stated are credited (everyday11).
    "spread_lend": {
        (spread, "SPREAD_LEND"): (1.5, 1.0, 2.0),
    },
    # ... and how far a point it lends to counts toward the point's coverage, relative to
    # the covering bar (0: not at all, only its terms are credited).
    "spread_covers": {
        (spread, "SPREAD_COVERS"): (0.9, 0.0, 0.8, 1.0),
    },
    # A story's covered points credited their technical terms (spread.told), and the
    # share of the question's weight the story must cover for it (story2).
    "story_lend": {
        (spread, "STORY_LEND"): (1.0, 0.0, 0.5),
        (spread, "STORY_TECHNICAL"): (0.3, 0.5, 1.01),
    },
    # ... and the share of the question's weight it must cover (chosen with the bar on
    # the terms as written off).
    "story_share": {
        (spread, "STORY_LEND"): (1.0, 0.0, 0.5),
        (spread, "STORY_SHARE"): (0.5, 0.3, 0.7),
    },
    # ... and whether the points it credits count for depth and examples as covered ones.
    "spread_explain": {
        (levels, "SPREAD_POINTS_EXPLAIN"): (True, False),
    },
    "modelling": {
        (levels, "WEIGHS_STATED_STAGES"): (True, False),
        (levels, "OPTIONS_FOR_TOP"): (2, 1),
        (levels, "STAGE_WALKED_AT"): (0.25, 0.35, 0.5),
    },
}


def negative_mae(levels: Sequence[float], human: Sequence[float]) -> float:
    """Minus the mean distance, in points of 0-100, between the judge's percent (level 1 =
    0, level 4 = 100) and the human grade as a percent: agreement on the level itself, not
    only on the order (higher is better, like the others)."""
    return -sum(abs((x - 1.0) / 3.0 * 100.0 - h) for x, h in zip(levels, human, strict=True)) / max(
        1, len(levels)
    )


def negative_balanced_mae(levels: Sequence[float], human: Sequence[float]) -> float:
    """Minus the mean distance as in `negative_mae`, averaged over the answers graded 50
    or more and over those graded below apart, then halved: sets of mostly wrong answers
    must not buy a lower score for many of them with a right answer read as wrong."""
    pairs = list(zip(levels, human, strict=True))
    halves = [[p for p in pairs if p[1] >= 50.0], [p for p in pairs if p[1] < 50.0]]
    parts = [negative_mae([x for x, _ in half], [h for _, h in half]) for half in halves if half]
    return sum(parts) / max(1, len(parts))


METRICS: dict[str, Callable[[Sequence[float], Sequence[float]], float]] = {
    "pearson": pearson,
    "spearman": spearman,
    "mae": negative_mae,
    "balanced_mae": negative_balanced_mae,
}


def score_all(requests, setting: dict[tuple[object, str], object]) -> list[float | None]:
    shipped = {key: getattr(*key) for key in setting}
    for (module, name), value in setting.items():
        setattr(module, name, value)
    # Readings cached on their text alone would keep the last setting's answers.
    claims._transposed.cache_clear()
    matching._row.cache_clear()
    for cached in (
        clauses._clauses_of,
        clauses.marked_word_terms,
        clauses.marked_sequence,
        # An answer's clauses with their statuses (reports.mark_both_ways), kept by text.
        clauses._read_unrolled,
        clauses._read_marked,
    ):
        cached.cache_clear()
    try:
        judge = offline.OfflineJudge()
        return [judge.score_now(r).fine_level(r.rubric) for r in requests]
    finally:
        for (module, name), value in shipped.items():
            setattr(module, name, value)


def folds(groups: list[str], k: int) -> list[set[str]]:
    """Question groups dealt into k folds in order of first appearance."""
    order = list(dict.fromkeys(groups))
    return [set(order[i::k]) for i in range(k)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", type=Path, nargs="+", help="one or more; pooled")
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--grid", choices=sorted(GRIDS), default="quality")
    parser.add_argument("--metric", choices=sorted(METRICS), default="pearson")
    parser.add_argument(
        "--by-prefix",
        action="store_true",
        help="also hold out each group prefix in turn (the UNT file's assignments: '7' of "
        "'7.3'), a split nearer its held-out part, which is other questions of the course",
    )
    parser.add_argument(
        "--keep-right",
        type=float,
        default=None,
        metavar="POINTS",
        help="choose only among settings under which no answer graded 50 or more scores "
        "more than POINTS below its score under the setting kindest to those answers",
    )
    args = parser.parse_args()
    items = [item for path in args.dataset for item in read_dataset(path, io.StringIO())[0]]
    build = Requests()
    requests = [build(item) for item in items]
    human = [item.score / item.max_score * 100.0 for item in items]
    groups = [item.group for item in items]
    grid = GRIDS[args.grid]
    agreement = METRICS[args.metric]
    settings = [
        dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())
    ]
    started = time.perf_counter()
    scores = [score_all(requests, s) for s in settings]
    seconds = time.perf_counter() - started

    def r(n: int, idx: list[int]) -> float:
        xs = scores[n]
        kept = [i for i in idx if xs[i] is not None]
        return agreement([xs[i] or 0.0 for i in kept], [human[i] for i in kept])

    def percent(n: int, i: int) -> float:
        return ((scores[n][i] or 1.0) - 1.0) / 3.0 * 100.0

    def eligible(idx: list[int]) -> list[int]:
        """The settings that keep every right answer of `idx` (see --keep-right)."""
        every = list(range(len(settings)))
        if args.keep_right is None:
            return every
        right = [i for i in idx if human[i] >= 50.0]
        kindest = max(every, key=lambda n: sum(percent(n, i) for i in right))
        return [
            n
            for n in every
            if all(percent(n, i) >= percent(kindest, i) - args.keep_right for i in right)
        ]

    everything = list(range(len(items)))
    best_in_sample = max(eligible(everything), key=lambda n: r(n, everything))

    def cross_validated(keys: list[str], dealt: list[set[str]]) -> tuple[float, list[int]]:
        held_out: list[tuple[float, float]] = []
        chosen = []
        for fold in dealt:
            train = [i for i in everything if keys[i] not in fold]
            test = [i for i in everything if keys[i] in fold]
            pick = max(eligible(train), key=lambda n: r(n, train))
            chosen.append(pick)
            held_out += [(x, human[i]) for i in test if (x := scores[pick][i]) is not None]
        return agreement([x for x, _ in held_out], [h for _, h in held_out]), chosen

    cv, chosen = cross_validated(groups, folds(groups, args.folds))
    name = args.metric.capitalize()
    names = " + ".join(path.name for path in args.dataset)
    print(f"{names}: {len(items)} answers, {len(set(groups))} question groups")
    print(f"  grid '{args.grid}': {len(settings)} settings scored in {seconds:.0f} s")
    print(f"  {name}, shipped constants (in-sample):      {r(0, everything):.3f}")
    print(f"  {name}, best setting in-sample:             {r(best_in_sample, everything):.3f}")
    print(f"  {name}, cross-validated ({args.folds} folds of questions): {cv:.3f}")
    print(f"  setting chosen per fold (0 = shipped): {chosen}")
    if args.by_prefix:
        prefixes = [g.split(".")[0] for g in groups]
        dealt = [{p} for p in dict.fromkeys(prefixes)]
        by_prefix, picks = cross_validated(prefixes, dealt)
        held = f"each of {len(dealt)} prefixes held out"
        print(f"  {name}, cross-validated ({held}): {by_prefix:.3f}")
        print(f"  setting chosen per prefix (0 = shipped): {picks}")
    for n, s in enumerate(settings):
        described = ", ".join(f"{key[1]} {value}" for key, value in s.items())
        print(f"    setting {n}: {described}: in-sample {r(n, everything):.3f}")


if __name__ == "__main__":
    main()
