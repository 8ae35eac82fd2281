"""The words a picture shows for persona items (the engine's derived labels, in one place)."""

from __future__ import annotations

from journeys.labels import event_label, person_label, support_label

__all__ = ["event_label", "support_label", "person_label"]
