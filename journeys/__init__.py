"""journeys: where does the child fall between the chairs?

The library between persona files and what people see: the timeline graph, the gap rules,
scenarios, rendering and reports. It never imports Streamlit.
"""

__version__ = "0.1.0"
