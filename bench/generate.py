"""Large valid personas for benchmarks, made the same way every time for the same seed.

``generate_persona_text(n_events, seed=0)`` returns the YAML text of a fictional persona with
``n_events`` events spread over 0–20 years in a realistic mix: signals and reports that are
answered (or not), referrals with waits, transitions with every kind of hand-over, meetings,
closures, life events, plus supports (one per ten events) and risk and protective factors (one
per twenty events).

    python -m bench.generate 1000 > big.yaml
"""

from __future__ import annotations

import random
import sys

AGENCIES = ("bvc", "preschool", "school", "student_health", "social", "bup", "police", "field_workers",
            "youth_centre", "primary", "family_treatment", "kaa", "upper_secondary", "economic_aid",
            "habilitation", "logoped", "adult_psychiatry", "club")
KIND_WEIGHTS = {"signal": 14, "contact": 28, "referral": 9, "report": 5, "assessment": 8, "decision": 7,
                "coordination": 5, "closure": 6, "transition": 5, "life": 13}
LEVELS = ("promotive", "preventive", "early", "treatment")
HANDOVERS = ("none", "partial", "full")
DOMAINS = ("growth", "care", "world")
WORDS = ("oro", "samtal", "hemma", "skolan", "mamma", "pappa", "kamrater", "trött", "ledsen", "frånvaro",
         "möte", "plan", "uppföljning", "bedömning", "stöd", "kontakt", "besök", "vecka", "kväll", "sömn")
HORIZON = 20.0


def _label(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()


def _ages(rng: random.Random, count: int) -> list[float]:
    return sorted(round(rng.uniform(0, HORIZON), 3) for _ in range(count))


def _event(index: int, age: float, kind: str, rng: random.Random, earlier: list[tuple[str, str, float]]) -> str:
    fields = [f"id: e{index}", f"age: {age}", f"kind: {kind}"]
    if kind == "transition":
        source, target = rng.sample(AGENCIES, 2)
        fields += [f"from: {source}", f"to: {target}", f"handover: {rng.choice(HANDOVERS)}"]
    elif kind != "life":
        fields.append(f"agency: {rng.choice(AGENCIES)}")
    if kind in ("referral", "report"):
        fields.append(f"to: {rng.choice(AGENCIES)}")
    if kind == "coordination":
        fields.append(f"with: [{', '.join(rng.sample(AGENCIES, rng.randint(1, 4)))}]")
    fields.append(f"label: {_label(rng)}")
    answerable = [e for e in earlier[-12:] if e[1] in ("signal", "report", "referral", "assessment")]
    if kind in ("contact", "assessment", "decision", "closure", "referral", "report") and answerable and rng.random() < 0.5:
        fields.append(f"responds_to: {rng.choice(answerable)[0]}")
    if kind not in ("life", "transition") and rng.random() < 0.15:
        fields.append(f"child_heard: {rng.choice(('true', 'false'))}")
    return "  - {" + ", ".join(fields) + "}"


def _period(rng: random.Random) -> tuple[float, float | None]:
    start = round(rng.uniform(0, HORIZON - 0.5), 3)
    end = round(min(HORIZON, start + rng.uniform(0.2, 4)), 3)
    return start, (end if rng.random() < 0.9 else None)


def _support(index: int, rng: random.Random) -> str:
    start, end = _period(rng)
    until = f", to: {end}" if end is not None else ""
    return (f"  - {{id: s{index}, agency: {rng.choice(AGENCIES)}, level: {rng.choice(LEVELS)}, "
            f"label: {_label(rng)}, from: {start}{until}}}")


def _factor(index: int, rng: random.Random) -> str:
    start, end = _period(rng)
    until = f", to: {end}" if end is not None else ""
    kind = "risk" if rng.random() < 0.6 else "protective"
    return (f"  - {{id: f{index}, type: {kind}, domain: {rng.choice(DOMAINS)}, label: {_label(rng)}, "
            f"from: {start}{until}}}")


def generate_persona_text(n_events: int, seed: int = 0) -> str:
    """The YAML text of a valid fictional persona with ``n_events`` events (deterministic)."""
    rng = random.Random(seed)
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=n_events)
    lines = ["schema: 1", f"id: bench-{n_events}-{seed}", f"name: Testperson {seed}",
             "summary: Genererad persona för prestandamätning, fiktiv.", "factors:"]
    lines += [_factor(i, rng) for i in range(max(1, n_events // 20))]
    lines.append("supports:")
    lines += [_support(i, rng) for i in range(max(1, n_events // 10))]
    lines.append("events:")
    earlier: list[tuple[str, str, float]] = []
    for index, (age, kind) in enumerate(zip(_ages(rng, n_events), kinds)):
        lines.append(_event(index, age, kind, rng, earlier))
        earlier.append((f"e{index}", kind, age))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(generate_persona_text(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
