"""The page "Persona": see app/screens/persona.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.persona import body
from app.ui import page

page(body)
