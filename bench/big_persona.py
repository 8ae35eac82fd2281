"""A large fictional persona, made the same way every time (no randomness): many events in
tight clusters across every lane, long Swedish labels, responses, referrals, transitions,
supports and factors. For the poster benchmark and the no-overlap test.

    python -m bench.big_persona 150 > big.yaml
"""

from __future__ import annotations

import sys

AGENCIES = ("bvc", "preschool", "school", "student_health", "social", "bup", "police", "field_workers",
            "youth_centre", "primary", "family_treatment", "kaa", "upper_secondary", "economic_aid")
KINDS = ("signal", "contact", "assessment", "decision", "contact", "referral", "report", "coordination",
         "closure", "life", "transition")
WORDS = ("Förskolläraren", "märker", "att", "barnet", "är", "trött", "och", "ledset", "efter", "helgerna;",
         "mamma", "berättar", "om", "oro", "för", "ekonomin", "och", "bostaden", "–", "ingen", "återkoppling",
         "till", "skolan", "ännu", "Åsa", "på", "elevhälsan", "följer", "upp")


def _step(state: int) -> int:
    return (state * 1103515245 + 12345) % 2**31


def _label(number: int, state: int) -> str:
    length = 2 + state % 9
    start = (state // 7) % len(WORDS)
    words = [WORDS[(start + i) % len(WORDS)] for i in range(length)]
    return f"{number}: " + " ".join(words)


def _event(number: int, age: float, state: int, previous: list[tuple[str, float]]) -> str:
    kind = KINDS[state % len(KINDS)]
    agency = AGENCIES[(state // 11) % len(AGENCIES)]
    other = AGENCIES[(state // 13 + 1) % len(AGENCIES)]
    if other == agency:
        other = "social" if agency != "social" else "school"
    fields = [f"id: e{number}", f"age: {age:.2f}", f"kind: {kind}", f'label: "{_label(number, state)}"']
    if kind not in ("life", "transition"):
        fields.append(f"agency: {agency}")
    if kind in ("referral", "report"):
        fields.append(f"to: {other}")
    if kind == "transition":
        fields += [f"from: {agency}", f"to: {other}", f"handover: {('none', 'partial', 'full')[state % 3]}"]
    if kind == "coordination":
        fields.append(f"with: [{other}]")
    if previous and kind in ("contact", "assessment", "decision", "closure") and state % 2 == 0:
        fields.append(f"responds_to: {previous[-1 - state % min(3, len(previous))][0]}")
    return "  - {" + ", ".join(fields) + "}"


def big_persona_text(events: int = 150) -> str:
    """The YAML text of a persona with ``events`` events (at least 150 for the benchmark)."""
    lines = ["schema: 1", "id: stor", "name: Stora Åsa", "born: 2004",
             'summary: "En mycket lång, påhittad resa för att prova att allt får plats – å, ä och ö."',
             'quote: "Alla frågade, ingen lyssnade."', "sources: [generator]",
             "people:", "  - {id: mamma, role: parent, label: Mamma}", "  - {id: morfar, role: grandparent, label: Morfar, protective: true}",
             "factors:"]
    for i in range(12):
        start = (i * 1.7) % 16
        kind = "risk" if i % 3 else "protective"
        lines.append(f"  - {{id: f{i}, type: {kind}, domain: {('growth', 'care', 'world')[i % 3]}, "
                     f'label: "Faktor {i}: {" ".join(WORDS[i:i + 4])}", from: {start:.1f}, to: {start + 2 + i % 5:.1f}}}')
    lines.append("supports:")
    for i in range(14):
        start = (i * 1.37) % 18
        lines.append(f"  - {{id: s{i}, agency: {AGENCIES[i % len(AGENCIES)]}, level: "
                     f"{('promotive', 'preventive', 'early', 'treatment')[i % 4]}, label: \"Insats {i}: {WORDS[i]} {WORDS[i + 1]}\", "
                     f"from: {start:.1f}, to: {start + 0.4 + (i % 4) * 0.9:.1f}}}")
    lines.append("events:")
    state, previous = 20240611, []
    for number in range(events):
        state = _step(state)
        cluster = (number // 6) * (20.0 / max(1, events // 6 + 1))
        age = min(20.0, cluster + (state % 100) / 400)
        previous.sort(key=lambda p: p[1])
        lines.append(_event(number, age, state, [p for p in previous if p[1] <= age]))
        previous.append((f"e{number}", age))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(big_persona_text(int(sys.argv[1]) if len(sys.argv) > 1 else 150))
