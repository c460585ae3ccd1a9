"""The matching engine: hard rules exclude, the batch optimum equals the exact one and is never worse than greedy."""

import itertools

import numpy as np

from wijkkracht.volunteers import matching
from wijkkracht.volunteers.instances import random_instance


def _vol(n, **kw):
    base = {
        "ids": np.arange(1, n + 1),
        "x": np.zeros(n),
        "y": np.zeros(n),
        "max_km": np.full(n, 5.0),
        "kinds": np.full(n, 0b11),
        "skills": np.zeros(n, np.int64),
        "languages": np.ones(n, np.int64),
        "availability": np.full(n, 0b111),
        "preferences": np.zeros(n, np.int64),
        "vog_until": np.full(n, 1000),
        "load": np.zeros(n, np.int64),
        "capacity": np.ones(n, np.int64),
    }
    base.update({k: np.asarray(v) for k, v in kw.items()})
    return matching.Volunteers(**base)


def _req(n, **kw):
    base = {
        "ids": np.arange(1, n + 1),
        "x": np.zeros(n),
        "y": np.zeros(n),
        "max_km": np.full(n, 3.0),
        "kind": np.full(n, 0b1),
        "skills": np.zeros(n, np.int64),
        "language": np.ones(n, np.int64),
        "availability": np.full(n, 0b1),
        "preference": np.ones(n, np.int64),
        "needs_vog": np.zeros(n, bool),
        "start": np.full(n, 500),
        "resident_ids": np.arange(1, n + 1),
    }
    base.update({k: np.asarray(v) for k, v in kw.items()})
    return matching.Requests(**base)


def test_each_hard_rule_excludes_a_volunteer():
    req = _req(1, needs_vog=[True])
    vol = _vol(
        6,
        x=[0.5, 4.0, 0, 0, 0, 0],  # the second lives 4 km away (the request allows 3)
        kinds=[1, 1, 0b10, 1, 1, 1],  # the third does another kind of work
        vog_until=[1000, 1000, 1000, 400, 1000, 1000],  # the fourth's VOG lapsed before the start (500)
        availability=[1, 1, 1, 1, 0b10, 1],  # the fifth is not free then
        load=[0, 0, 0, 0, 0, 1],  # the sixth has no room left
    )
    found = matching.candidates(req, vol)
    assert found.volunteer.tolist() == [0]


def test_a_closer_volunteer_who_speaks_the_language_scores_higher():
    req = _req(1, language=[0b100])
    vol = _vol(2, x=[0.3, 2.5], languages=[0b101, 0b001])
    found = matching.candidates(req, vol)
    best = found.volunteer[np.argmax(found.score)]
    assert best == 0
    assert found.parts["language"].tolist() == [15.0, 0.0]


def test_continuity_with_an_earlier_match_adds_to_the_score():
    req = _req(1)
    vol = _vol(2)
    found = matching.candidates(req, vol, earlier={(2, 1)})
    assert found.score[found.volunteer.tolist().index(1)] > found.score[found.volunteer.tolist().index(0)]


def _brute_force(cands, n_req, vol) -> float:
    free = np.maximum(vol.capacity - vol.load, 0)
    score = {(int(r), int(v)): float(s) for r, v, s in zip(cands.request, cands.volunteer, cands.score, strict=True)}
    best = 0.0
    options = [[None] + [v for (r2, v) in score if r2 == r] for r in range(n_req)]
    for choice in itertools.product(*options):
        used = {}
        for v in choice:
            if v is not None:
                used[v] = used.get(v, 0) + 1
        if all(used[v] <= free[v] for v in used):
            best = max(best, sum(score[(r, v)] for r, v in enumerate(choice) if v is not None))
    return best


def test_the_batch_optimum_is_the_exact_optimum_on_tiny_instances():
    for seed in range(6):
        req, vol = random_instance(5, 9, seed=seed)
        cands = matching.candidates(req, vol)
        best = matching.optimal(cands, len(req), vol)
        assert abs(best.total - _brute_force(cands, len(req), vol)) < 1e-6


def test_the_batch_optimum_equals_the_dense_exact_solver_and_beats_greedy():
    for seed in range(5):
        req, vol = random_instance(60, 220, seed=seed)
        cands = matching.candidates(req, vol)
        best = matching.optimal(cands, len(req), vol)
        assert abs(best.total - matching.exact_dense(cands, len(req), vol).total) < 1e-6
        assert best.total >= matching.greedy(cands, vol).total - 1e-9


def test_no_volunteer_gets_more_requests_than_their_free_places():
    req, vol = random_instance(300, 200, seed=4)
    best = matching.optimal(matching.candidates(req, vol), len(req), vol)
    per_volunteer = {}
    for _r, v, _s in best.pairs:
        per_volunteer[v] = per_volunteer.get(v, 0) + 1
    assert all(n <= vol.capacity[v] - vol.load[v] for v, n in per_volunteer.items())
    assert len({r for r, _v, _s in best.pairs}) == len(best.pairs)


def test_the_greedy_baseline_can_be_beaten():
    # Greedy takes the best pair (request 0 with volunteer 0) and leaves request 1 without anyone.
    req = _req(2)
    vol = _vol(2, availability=[0b1, 0b1])
    cands = matching.Candidates(
        request=np.array([0, 0, 1]),
        volunteer=np.array([0, 1, 0]),
        score=np.array([90.0, 80.0, 85.0]),
        distance=np.zeros(3),
    )
    assert matching.greedy(cands, vol).total == 90.0
    assert matching.optimal(cands, len(req), vol).total == 165.0
