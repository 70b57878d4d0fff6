"""The stemmer is shared by threads (the follow-up check, the warm-up, an in-process
judge): stems made at the same time must be the stems made one at a time."""

import threading

from interviewer.judge.text import stem

WORDS = [
    f"{root}{ending}"
    for root in (
        "normal",
        "train",
        "predict",
        "regular",
        "sampl",
        "generaliz",
        "optimiz",
        "evaluat",
        "calibrat",
        "overfitt",
    )
    for ending in ("", "s", "ed", "ing", "ation", "ations", "izer", "ness", "ly", "ities")
] * 40


def test_threads_stemming_at_once_get_the_stems_of_one_at_a_time() -> None:
    unshared = stem.__wrapped__  # past the cache: every call reaches the stemmer
    expected = [unshared(w) for w in WORDS]
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def work(n: int) -> None:
        start.wait()
        try:
            results[n] = [unshared(w) for w in WORDS]
        except BaseException as exc:  # a stemmer corrupted mid-word raises
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(results[n] == expected for n in range(4))
