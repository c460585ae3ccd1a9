"""Matching volunteers to requests: the score, the hard rules, the candidate graph and the assignment.

Pure NumPy/SciPy, no database: ``selectors/matching.py`` loads the arrays, bench/matching.py times this.

- **Hard rules** exclude a pair: the volunteer does this kind of work, lives within both their own and the
  request's distance limit, is free at one of the asked moments at least, has room for another match, and has
  a valid certificate of conduct (VOG) on the start date where the request needs one.
- **Score** (0-100) of an allowed pair: distance 25, skills 20, language 15, availability overlap 15,
  preferences 10, load 10, continuity (matched with this resident before) 5. ``WEIGHTS`` below.
- **Candidates**: a KD-tree over the volunteers' points (the spatial prefilter) finds for each request only
  the volunteers within reach, so building the graph grows with the requests and their neighbourhoods, not
  with the whole city; the rules and scores are then computed for those pairs at once.
- **Batch**: the optimal assignment (largest total score, each request at most one volunteer, each volunteer
  at most their free places) on the sparse candidate graph with SciPy's ``min_weight_full_bipartite_matching``
  (LAPJVsp); a column "nobody" per request keeps a full matching possible. ``greedy`` (best pair first) is the
  baseline, ``exact_dense`` (``linear_sum_assignment`` on the dense matrix) the check for small instances.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching
from scipy.spatial import cKDTree

WEIGHTS = {
    "distance": 25.0,
    "skills": 20.0,
    "language": 15.0,
    "availability": 15.0,
    "preferences": 10.0,
    "load": 10.0,
    "continuity": 5.0,
}
MAX_SCORE = sum(WEIGHTS.values())


@dataclass
class Volunteers:
    """One row per volunteer. Masks are int64 bit sets; ``vog_until`` a day number (0: no VOG)."""

    ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    max_km: np.ndarray
    kinds: np.ndarray
    skills: np.ndarray
    languages: np.ndarray
    availability: np.ndarray
    preferences: np.ndarray
    vog_until: np.ndarray
    load: np.ndarray
    capacity: np.ndarray

    def __len__(self):
        return len(self.ids)


@dataclass
class Requests:
    """One row per request: ``kind``, ``language`` and ``preference`` are single bits; ``start`` a day number."""

    ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    max_km: np.ndarray
    kind: np.ndarray
    skills: np.ndarray
    language: np.ndarray
    availability: np.ndarray
    preference: np.ndarray
    needs_vog: np.ndarray
    start: np.ndarray
    resident_ids: np.ndarray

    def __len__(self):
        return len(self.ids)


@dataclass
class Candidates:
    """The allowed pairs (request row, volunteer row) with their score and its parts."""

    request: np.ndarray
    volunteer: np.ndarray
    score: np.ndarray
    distance: np.ndarray
    parts: dict = field(default_factory=dict)

    def __len__(self):
        return len(self.request)


@dataclass
class Assignment:
    pairs: list  # (request row, volunteer row, score)

    @property
    def total(self) -> float:
        return float(sum(s for _r, _v, s in self.pairs))

    def __len__(self):
        return len(self.pairs)


def arrays(rows: list[dict], names: list[str], dtypes: dict) -> dict:
    return {name: np.asarray([row[name] for row in rows], dtype=dtypes.get(name, np.int64)) for name in names}


def _bits(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(values.astype(np.uint64)).astype(np.float64)


def pair_rules(req: Requests, vol: Volunteers, r: np.ndarray, v: np.ndarray) -> dict:
    """Per pair, whether each hard rule holds, and the distance (km)."""
    distance = np.hypot(req.x[r] - vol.x[v], req.y[r] - vol.y[v])
    return {
        "distance": distance,
        "kind": (vol.kinds[v] & req.kind[r]) != 0,
        "reach": distance <= np.minimum(vol.max_km[v], req.max_km[r]),
        "vog": ~req.needs_vog[r] | (vol.vog_until[v] > req.start[r]),
        "time": (vol.availability[v] & req.availability[r]) != 0,
        "room": vol.load[v] < vol.capacity[v],
    }


def pair_scores(req: Requests, vol: Volunteers, r: np.ndarray, v: np.ndarray, distance, continuity=None) -> dict:
    """The score's parts per pair (each already weighted) and their sum in ``"total"``."""
    limit = np.maximum(np.minimum(vol.max_km[v], req.max_km[r]), 0.1)
    asked_skills = _bits(req.skills[r])
    asked_time = _bits(req.availability[r])
    parts = {
        "distance": WEIGHTS["distance"] * np.clip(1 - distance / limit, 0, 1),
        "skills": WEIGHTS["skills"]
        * np.where(asked_skills > 0, _bits(req.skills[r] & vol.skills[v]) / np.maximum(asked_skills, 1), 1.0),
        "language": WEIGHTS["language"] * ((vol.languages[v] & req.language[r]) != 0),
        "availability": WEIGHTS["availability"]
        * (_bits(req.availability[r] & vol.availability[v]) / np.maximum(asked_time, 1)),
        "preferences": WEIGHTS["preferences"] * ((vol.preferences[v] & req.preference[r]) != 0),
        "load": WEIGHTS["load"] * (1 - vol.load[v] / np.maximum(vol.capacity[v], 1)),
        "continuity": WEIGHTS["continuity"] * (continuity if continuity is not None else np.zeros(len(r))),
    }
    parts["total"] = sum(parts.values())
    return parts


def continuity_flags(req: Requests, vol: Volunteers, r: np.ndarray, v: np.ndarray, earlier: set) -> np.ndarray:
    """1.0 where the volunteer was matched with the request's resident before (``earlier``: {(vol id, res id)})."""
    if not earlier or len(r) == 0:
        return np.zeros(len(r))
    pairs = zip(vol.ids[v].tolist(), req.resident_ids[r].tolist(), strict=True)
    return np.fromiter((p in earlier for p in pairs), dtype=np.float64, count=len(r))


def candidate_pairs(req: Requests, vol: Volunteers) -> tuple[np.ndarray, np.ndarray]:
    """Every (request row, volunteer row) within the request's distance limit: the spatial prefilter.

    One KD-tree per kind of work asked, over the volunteers who do that work and have room left, so the
    pairs that two cheap rules would drop anyway are never made."""
    empty = np.zeros(0, dtype=np.int64)
    if len(req) == 0 or len(vol) == 0:
        return empty, empty
    room = vol.load < vol.capacity
    rs, vs = [empty], [empty]
    for kind in np.unique(req.kind).tolist():
        rows = np.flatnonzero(req.kind == kind)
        eligible = np.flatnonzero(room & ((vol.kinds & kind) != 0))
        if len(eligible) == 0:
            continue
        tree = cKDTree(np.column_stack([vol.x[eligible], vol.y[eligible]]))
        points = np.column_stack([req.x[rows], req.y[rows]])
        found = tree.query_ball_point(points, r=req.max_km[rows].astype(np.float64))
        lengths = np.fromiter((len(f) for f in found), dtype=np.int64, count=len(found))
        if lengths.sum() == 0:
            continue
        rs.append(np.repeat(rows, lengths))
        vs.append(eligible[np.concatenate([np.asarray(f, dtype=np.int64) for f in found if f])])
    return np.concatenate(rs), np.concatenate(vs)


def candidates(req: Requests, vol: Volunteers, *, earlier: set | None = None) -> Candidates:
    """The candidate graph: the allowed pairs near each other, scored."""
    r, v = candidate_pairs(req, vol)
    rules = pair_rules(req, vol, r, v)
    ok = rules["kind"] & rules["reach"] & rules["vog"] & rules["time"] & rules["room"]
    r, v, distance = r[ok], v[ok], rules["distance"][ok]
    parts = pair_scores(req, vol, r, v, distance, continuity_flags(req, vol, r, v, earlier or set()))
    return Candidates(r, v, parts.pop("total"), distance, parts)


def _free(vol: Volunteers, used: np.ndarray | None = None) -> np.ndarray:
    """Free places per volunteer (only for the rows in ``used``, when given)."""
    free = np.maximum(vol.capacity - vol.load, 0).astype(np.int64)
    if used is not None:
        free[~np.isin(np.arange(len(vol)), used)] = 0
    return free


def _slots(free: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Columns of the assignment: one per free place (the volunteer row of each, the first column per row)."""
    owner = np.repeat(np.arange(len(free)), free)
    first = np.concatenate([[0], np.cumsum(free)[:-1]]).astype(np.int64)
    return owner, first


def optimal(cands: Candidates, n_requests: int, vol: Volunteers) -> Assignment:
    """The assignment with the largest total score on the sparse candidate graph (exact on that graph)."""
    if len(cands) == 0:
        return Assignment([])
    free = _free(vol, np.unique(cands.volunteer))
    owner, first = _slots(free)
    # An edge to each free place of the volunteer; weights C - score > 0 (SciPy treats 0 as no edge).
    reps = free[cands.volunteer]
    rows = np.repeat(cands.request, reps)
    offsets = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    cols = np.repeat(first[cands.volunteer], reps) + offsets
    weight = np.repeat(MAX_SCORE + 1 - cands.score, reps)
    n_slots = len(owner)
    # "Nobody" for every request: weight C (score 0), so a request may stay unassigned.
    rows = np.concatenate([rows, np.arange(n_requests)])
    cols = np.concatenate([cols, n_slots + np.arange(n_requests)])
    weight = np.concatenate([weight, np.full(n_requests, MAX_SCORE + 1)])
    graph = csr_matrix((weight, (rows, cols)), shape=(n_requests, n_slots + n_requests))
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    score_of = {(int(a), int(b)): float(s) for a, b, s in zip(cands.request, cands.volunteer, cands.score, strict=True)}
    pairs = []
    for req_row, col in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
        if col < n_slots:
            vol_row = int(owner[col])
            pairs.append((req_row, vol_row, score_of[(req_row, vol_row)]))
    return Assignment(sorted(pairs))


def greedy(cands: Candidates, vol: Volunteers) -> Assignment:
    """The baseline: take the best remaining pair while both sides are free."""
    room = np.maximum(vol.capacity - vol.load, 0).copy()
    taken = set()
    pairs = []
    for i in np.argsort(-cands.score, kind="stable").tolist():
        r, v = int(cands.request[i]), int(cands.volunteer[i])
        if r in taken or room[v] <= 0:
            continue
        taken.add(r)
        room[v] -= 1
        pairs.append((r, v, float(cands.score[i])))
    return Assignment(sorted(pairs))


def exact_dense(cands: Candidates, n_requests: int, vol: Volunteers) -> Assignment:
    """The optimum by ``linear_sum_assignment`` on the full dense matrix (for checking small instances)."""
    free = _free(vol)
    owner, first = _slots(free)
    n_slots = len(owner)
    forbidden = 1e9
    cost = np.full((n_requests, n_slots + n_requests), forbidden)
    cost[np.arange(n_requests), n_slots + np.arange(n_requests)] = 0.0
    for r, v, s in zip(cands.request.tolist(), cands.volunteer.tolist(), cands.score.tolist(), strict=True):
        cost[r, first[v] : first[v] + free[v]] = -s
    rows, cols = linear_sum_assignment(cost)
    pairs = [(int(r), int(owner[c]), float(-cost[r, c])) for r, c in zip(rows, cols, strict=True) if c < n_slots]
    return Assignment(sorted(pairs))
