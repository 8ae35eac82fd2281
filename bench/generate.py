"""Large valid personas for benchmarks and tests, made the same way every time for the same seed.

``generate_persona_text(n_events, seed=0)`` returns the YAML text of a fictional persona with
``n_events`` events spread over 0–20 years in a realistic mix: signals and reports that are
answered (or not), referrals with waits, transitions with every kind of hand-over, meetings,
closures, life events, missed appointments and information passed on, plus supports (one per ten events) and risk and protective factors (one
per twenty events).

With ``crowded=True`` the same mix is packed for the pictures: events in tight clusters (six
within three months), long Swedish labels with å, ä, ö and dashes, people and a quote — what
the poster benchmark and the no-overlap test draw.

    python -m bench.generate 1000 > big.yaml
    python -m bench.generate 150 --crowded > crowded.yaml
"""

from __future__ import annotations

import random
import sys

AGENCIES = ("bvc", "preschool", "school", "student_health", "social", "bup", "police", "field_workers",
            "youth_centre", "primary", "family_treatment", "kaa", "upper_secondary", "economic_aid",
            "habilitation", "logoped", "adult_psychiatry", "club")
KIND_WEIGHTS = {"signal": 14, "contact": 28, "referral": 9, "report": 5, "assessment": 8, "decision": 7,
                "coordination": 5, "closure": 6, "transition": 5, "life": 13, "missed": 3, "information": 3}
LEVELS = ("promotive", "preventive", "early", "treatment")
HANDOVERS = ("none", "partial", "full")
DOMAINS = ("growth", "care", "world")
WORDS = ("oro", "samtal", "hemma", "skolan", "mamma", "pappa", "kamrater", "trött", "ledsen", "frånvaro",
         "möte", "plan", "uppföljning", "bedömning", "stöd", "kontakt", "besök", "vecka", "kväll", "sömn")
SENTENCE = ("Förskolläraren", "märker", "att", "barnet", "är", "trött", "och", "ledset", "efter", "helgerna;",
            "mamma", "berättar", "om", "oro", "för", "ekonomin", "och", "bostaden", "–", "ingen", "återkoppling",
            "till", "skolan", "ännu", "Åsa", "på", "elevhälsan", "följer", "upp")
HORIZON = 20.0
CLUSTER = 6  # crowded: this many events within a quarter of a year


def _label(rng: random.Random, crowded: bool, number: int | None = None) -> str:
    if not crowded:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()
    start = rng.randrange(len(SENTENCE))
    words = " ".join(SENTENCE[(start + i) % len(SENTENCE)] for i in range(rng.randint(2, 10)))
    return f'"{number}: {words}"' if number is not None else f'"{words}"'


def _ages(rng: random.Random, count: int, crowded: bool) -> list[float]:
    if not crowded:
        return sorted(round(rng.uniform(0, HORIZON), 3) for _ in range(count))
    step = HORIZON / (count // CLUSTER + 1)
    return sorted(round(min(HORIZON, (i // CLUSTER) * step + rng.uniform(0, 0.25)), 3) for i in range(count))


def _event(index: int, age: float, kind: str, rng: random.Random, earlier: list[tuple[str, str, float]],
           crowded: bool) -> str:
    fields = [f"id: e{index}", f"age: {age}", f"kind: {kind}"]
    if kind == "transition":
        source, target = rng.sample(AGENCIES, 2)
        fields += [f"from: {source}", f"to: {target}", f"handover: {rng.choice(HANDOVERS)}"]
    elif kind != "life":
        fields.append(f"agency: {rng.choice(AGENCIES)}")
    if kind in ("referral", "report", "information"):
        fields.append(f"to: {rng.choice(AGENCIES)}")
    if kind == "coordination":
        fields.append(f"with: [{', '.join(rng.sample(AGENCIES, rng.randint(1, 4)))}]")
    fields.append(f"label: {_label(rng, crowded, index)}")
    answerable = [e for e in earlier[-12:] if e[1] in ("signal", "report", "referral", "assessment")]
    if kind in ("contact", "assessment", "decision", "closure", "referral", "report") and answerable and rng.random() < 0.5:
        fields.append(f"responds_to: {rng.choice(answerable)[0]}")
    if kind not in ("life", "transition") and rng.random() < 0.15:
        fields.append(f"child_heard: {rng.choice(('true', 'false'))}")
    return "  - {" + ", ".join(fields) + "}"


def _period(rng: random.Random) -> str:
    start = round(rng.uniform(0, HORIZON - 0.5), 3)
    end = round(min(HORIZON, start + rng.uniform(0.2, 4)), 3)
    return f"from: {start}" + (f", to: {end}" if rng.random() < 0.9 else "")


def _support(index: int, rng: random.Random, crowded: bool) -> str:
    period = _period(rng)
    return (f"  - {{id: s{index}, agency: {rng.choice(AGENCIES)}, level: {rng.choice(LEVELS)}, "
            f"label: {_label(rng, crowded)}, {period}}}")


def _factor(index: int, rng: random.Random, crowded: bool) -> str:
    period = _period(rng)
    kind = "risk" if rng.random() < 0.6 else "protective"
    return (f"  - {{id: f{index}, type: {kind}, domain: {rng.choice(DOMAINS)}, label: {_label(rng, crowded)}, "
            f"{period}}}")


def _about(n_events: int, seed: int, crowded: bool) -> list[str]:
    lines = ["schema: 1", f"id: bench-{n_events}-{seed}", f"name: Testperson {seed}",
             "summary: Genererad persona för prestandamätning, fiktiv."]
    if crowded:
        lines += ['quote: "Alla frågade, ingen lyssnade."', "sources: [generator]", "people:",
                  "  - {id: mamma, role: parent, label: Mamma}",
                  "  - {id: morfar, role: grandparent, label: Morfar, protective: true}"]
    return lines


def generate_persona_text(n_events: int, seed: int = 0, *, crowded: bool = False) -> str:
    """The YAML text of a valid fictional persona with ``n_events`` events (deterministic)."""
    rng = random.Random(seed)
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=n_events)
    lines = _about(n_events, seed, crowded) + ["factors:"]
    lines += [_factor(i, rng, crowded) for i in range(max(1, n_events // 20))]
    lines.append("supports:")
    lines += [_support(i, rng, crowded) for i in range(max(1, n_events // 10))]
    lines.append("events:")
    earlier: list[tuple[str, str, float]] = []
    for index, (age, kind) in enumerate(zip(_ages(rng, n_events, crowded), kinds)):
        lines.append(_event(index, age, kind, rng, earlier, crowded))
        earlier.append((f"e{index}", kind, age))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.stdout.write(generate_persona_text(int(numbers[0]) if numbers else 100, crowded="--crowded" in sys.argv))
