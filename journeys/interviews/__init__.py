"""From coded interviews to a composite persona: reading records, compose, provenance, import."""
