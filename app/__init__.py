"""The workshop app (Streamlit). Run it with ``journeys app``; it only calls the library."""
