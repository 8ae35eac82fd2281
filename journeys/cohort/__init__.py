"""Cohort mode: where do a municipality's own children fall between the chairs?

The engine's own rules run unchanged on each child of an anonymised extract; DuckDB reads the
extract, counts, and feeds disclosure control. Nothing per child ever leaves the tool: only
counts of distinct children, with small counts hidden and protected.

    mapping.py    the mapping file (case system's columns and codes → the vocabulary)
    extract.py    reading the extract with DuckDB, the personal-data guard, one child at a time
    children.py   a child's rows as a checked Persona, in memory
    censor.py     observed until the extract date: records cut, undecided gaps left out
    engine.py     build_graph and find_gaps on each child, over all cores
    aggregate.py  counts of distinct children (DuckDB)
    disclosure.py primary and secondary suppression, audited by linear programming
    publish.py    the tables that may be published, with rates per 1,000
    network.py    the hand-over network between agencies (networkx)
    report.py     JSON and HTML reports with their pictures
    run.py        all of it in one call
"""
